"""The Dask executor (``--executor dask --scheduler ADDRESS``): Dask is optional and
imported only here, when asked for. Yields (index, outcome) in completion order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lkip_audit.batch.common import BatchError, BatchOptions, ReportOutcome, Room, _s
from lkip_audit.batch.worker import _failed, check_one

def dask_client(scheduler: str, lang: str = "id", timeout: float = 30):
    """A distributed.Client connected to ``scheduler`` (imported only here: Dask is optional)."""
    try:
        from distributed import Client
    except ImportError as e:
        raise BatchError(_s("dask.missing", lang)) from e
    try:
        return Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as e:
        raise BatchError(_s("dask.connect", lang, address=scheduler, detail=e)) from e


def run_dask(paths: list[str], options: BatchOptions, client, room: Room) -> Iterator[tuple[int, ReportOutcome]]:
    """Submit ``check_one`` to a Dask cluster; outcomes arrive in completion order.

    Each task carries its PDF's bytes (workers need the package, not the files).
    A file this machine cannot read is reported here without a task."""
    import uuid

    from distributed import as_completed

    run = uuid.uuid4().hex[:8]
    ac = as_completed()
    index: dict = {}
    nxt = 0

    def submit() -> tuple[int, ReportOutcome] | None:
        nonlocal nxt
        i, path = nxt, paths[nxt]
        nxt += 1
        try:
            content = Path(path).read_bytes()
        except OSError:
            return i, check_one(path, options)  # the reader's own message (not found, a directory, ...)
        fut = client.submit(check_one, path, options, content, key=f"lkip-audit-{run}-{i}", pure=False)
        index[fut.key] = i
        ac.add(fut)
        return None

    while nxt < len(paths) or index:
        while nxt < len(paths) and len(index) < room():
            local = submit()
            if local is not None:
                yield local
        if not index:
            continue
        fut = next(ac)
        i = index.pop(fut.key)
        try:
            outcome = fut.result()
        except Exception as e:  # the task failed on the cluster (e.g. KilledWorker)
            outcome = _failed(paths[i], options, f"{type(e).__name__}: {e}")
        fut.release()
        yield i, outcome

"""Benchmark for issue #6 (robust reading): prints figures, asserts nothing.

- the cost of reading in a separate reader process (extract/guard.py) against
  reading in-process, on the dinkes sample (median of --repeat runs);
- wall time and peak RSS of ``lkip-audit check`` on each file of the bad-input
  corpus (tests/robust/corpus.py), and with --big on the 1,000-page report
  (target: peak RSS under 1 GB);
- the wall-time figures the tests no longer assert (issue #14.1: a test that times
  the machine fails on a fast or a busy one): tiny-cells and bomb with a 3 s page
  limit (bounds once asserted: 90 s and 120 s), the whole corpus in one batch
  (300 s), and with --big the 1,000-page report under ``--timeout 15`` (120 s; how
  many pages a real 15 s reads depends on the machine: the tests check the deadline
  on a fake clock, tests/robust/test_guard.py).

    python benchmarks/robust.py [--big] [--repeat 3]

Peak RSS is ``ru_maxrss`` of the finished child (wait4 also covers its reader
process): the largest single process of the run. "tree MB" is the peak of the whole
process tree (the command line and its reader process together), the sum of their RSS
read from /proc every 20 ms: a sampled figure, so a spike shorter than that can slip by.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _tree_rss_kb(root: int) -> int:
    """The RSS (kB) of ``root`` and all its descendants now, from /proc (0 off Linux)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue  # gone meanwhile
        pid = int(entry)
        children.setdefault(int(fields.get("PPid", "0").strip() or 0), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def timed_tree(cmd: list[str]) -> tuple[float, float, float, int]:
    """(seconds, peak RSS of the largest process in MB, sampled peak of the process tree
    in MB, exit code) of one subprocess."""
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tree_kb = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        tree_kb = max(tree_kb, _tree_rss_kb(proc.pid))
        time.sleep(0.02)
    took = time.monotonic() - t0
    return took, usage.ru_maxrss / 1024, max(tree_kb, usage.ru_maxrss) / 1024, os.waitstatus_to_exitcode(status)


def timed(cmd: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one subprocess."""
    took, rss, _, code = timed_tree(cmd)
    return took, rss, code


def isolation_overhead(repeat: int) -> None:
    code = ("import sys,time;from lkip_audit.extract.{m} import {f};t=time.monotonic();{f}(sys.argv[1]);"
            "print(time.monotonic()-t)")
    pdf = str(ROOT / "samples" / "lkip-contoh-dinkes-2024.pdf")
    out = {}
    for label, m, f in (("in-process read_document", "pdf", "read_document"), ("guarded read_guarded", "guard", "read_guarded")):
        runs = []
        for _ in range(repeat):
            p = subprocess.run([sys.executable, "-c", code.format(m=m, f=f), pdf], capture_output=True, text=True, check=True)
            runs.append(float(p.stdout.strip().splitlines()[-1]))
        out[label] = statistics.median(runs)
        print(f"{label:28s} {out[label]:6.2f} s  (median of {repeat}, imports excluded)")
    print(f"{'isolation overhead':28s} {out['guarded read_guarded'] - out['in-process read_document']:+6.2f} s")


# Wall-time bounds the tests asserted before issue #14.1, printed beside the figures.
FORMER_BOUNDS = {"tiny-cells": 90.0, "bomb": 120.0}


def corpus(big: bool) -> None:
    from tests.robust.corpus import build

    lkip = [sys.executable, "-m", "lkip_audit.cli", "check"]
    with tempfile.TemporaryDirectory() as d:
        paths = build(Path(d), big=big)
        print(f"\n{'file':18s} {'seconds':>8s} {'peak MB':>8s} {'tree MB':>8s} exit  (--page-timeout 3, as the tests)")
        for name, path in paths.items():
            cmd = [*lkip, str(path), "--no-progress", "--format", "json", "--no-cache", "--page-timeout", "3"]
            took, rss, tree, code = timed_tree(cmd)
            bound = FORMER_BOUNDS.get(name)
            note = f"  (former test bound {bound:.0f} s: {'met' if took < bound else 'NOT met'})" if bound else ""
            if name == "bomb":
                note += f"  (process tree {'below' if tree < 600 else 'NOT below'} 600 MB, issue #14.4)"
            print(f"{name:18s} {took:8.1f} {rss:8.0f} {tree:8.0f} {code:4d}{note}")
            if name == "thousand-pages":
                print(f"  1,000 pages: peak RSS {rss:.0f} MB ({'met' if rss < 1024 else 'NOT met'}: target < 1024 MB)")
        small = [str(p) for n, p in paths.items() if n != "thousand-pages"]
        with tempfile.TemporaryDirectory() as out:
            took, rss, code = timed([*lkip, *small, "--format", "json", "-o", out, "--no-progress", "--no-cache",
                                     "--page-timeout", "3"])
        print(f"{'whole corpus batch':18s} {took:8.1f} {rss:8.0f} {code:4d}  "
              f"(former test bound 300 s: {'met' if took < 300 else 'NOT met'})")
        if big:
            thousand_under_timeout(paths["thousand-pages"])


def thousand_under_timeout(path: Path) -> None:
    """The 1,000-page report with --timeout 15: wall time and how many pages were read."""
    import json

    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-m", "lkip_audit.cli", "check", str(path), "--no-progress", "--format",
                        "json", "--no-cache", "--timeout", "15"], capture_output=True, text=True)
    took = time.monotonic() - t0
    try:
        s = json.loads(p.stdout)["summary"]
        read = f"{s['pages_checked']} pages checked, {len(s['pages_unchecked'])} unchecked"
    except (ValueError, KeyError):
        read = f"no report (exit {p.returncode})"
    print(f"1,000 pages --timeout 15: {took:.1f} s, exit {p.returncode}, {read} "
          f"(former test bound 120 s: {'met' if took < 120 else 'NOT met'})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--big", action="store_true", help="also the 1,000-page report (minutes)")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    isolation_overhead(a.repeat)
    corpus(a.big)


if __name__ == "__main__":
    main()

"""runtime.tune_gc: the command line and the reader process run with the collector tuned
(checked in fresh processes, so this test run's own collector is left as it is)."""

from __future__ import annotations

import subprocess
import sys

from lkip_audit.runtime import GEN0_THRESHOLD

from tests.extract.conftest import SAMPLES


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_tune_gc_freezes_once_and_raises_the_youngest_threshold():
    out = _run("import gc; from lkip_audit.runtime import tune_gc; tune_gc(); n = gc.get_freeze_count(); "
               "tune_gc(); print(gc.get_threshold()[0], n > 0, gc.get_freeze_count() == n)")
    assert out.split() == [str(GEN0_THRESHOLD), "True", "True"]


def test_the_command_line_tunes_its_process():
    code = ("import gc, sys; from click.testing import CliRunner; from lkip_audit.cli import main; "
            "r = CliRunner().invoke(main, ['rules']); print(r.exit_code, gc.get_threshold()[0], gc.get_freeze_count() > 0)")
    assert _run(code).split() == ["0", str(GEN0_THRESHOLD), "True"]


def test_the_reader_process_reads_the_same_document():
    """The reader process (tuned) gives the document one untuned process reads."""
    from lkip_audit import cache
    from lkip_audit.extract.guard import read_guarded
    from lkip_audit.extract.pdf import read_document

    path = SAMPLES / "lkip-contoh-dinkes-2024.pdf"
    a, b = read_guarded(path), read_document(path)
    a.path = b.path = ""
    assert cache.encode(a) == cache.encode(b)

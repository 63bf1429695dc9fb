"""The on-disk cache: hits, misses, invalidation, safety against other writers.

The oracle for every hit is the uncached computation of the same thing: a
cached Document or result must equal what extraction or the check gives
without the cache.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import sys
from pathlib import Path

import pytest

import lkip_audit
from lkip_audit import cache as cache_mod
from lkip_audit.cache import Cache, cached_audit, check_key, document_key, read_cached
from lkip_audit.check.config import CheckConfig
from lkip_audit.extract.model import BBox, Cell, Document, Page, PageProblem, Row, Table
from lkip_audit.extract.pdf import read_document, sha256_of
from lkip_audit.findings import Finding, Location

from tests.extract.conftest import SAMPLES, extracted

DINKES = SAMPLES / "lkip-contoh-dinkes-2024.pdf"


class Counter:
    """A read() / check() that counts its calls, so a test can tell a hit from a miss."""

    def __init__(self, fn):
        self.fn, self.calls = fn, 0

    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)


def _small_doc(path="x.pdf") -> Document:
    cell = Cell("1.234,5", 3, BBox(1.5, 2.25, 30.0, 12.0))
    row = Row(0, [Cell("Jumlah", 3, BBox(0.0, 2.25, 1.5, 12.0)), cell], bold=True, indent=4.0)
    table = Table("p3-t1", "3.1", "Capaian", [3, 4], ["URAIAN", "NILAI"], [[Cell("URAIAN", 3)]], [row],
                  caption_position="above", bbox=BBox(0, 0, 100, 50), extractor="pdfium-lines",
                  notes=["page 4: dropped 1 repeated header row(s)"])
    page = Page(3, 595.0, 842.0, "Tabel 3.1 Capaian", has_text=True)
    return Document(path, "ab" * 32, 1, [page], [table], "Dinas X", 2024, [PageProblem(2, "image-only", "")])


def test_encoding_round_trip_and_cell_numbers_recomputed():
    doc = _small_doc()
    back = cache_mod.decode(cache_mod.encode(doc))
    assert back == doc
    # The parsed value is not stored but parsed again from the printed text.
    from decimal import Decimal
    assert back.tables[0].rows[0].cells[1].value == Decimal("1234.5")


def test_unknown_type_in_a_cache_file_is_refused(tmp_path):
    c = Cache(tmp_path)
    (tmp_path / "doc-k.json").write_text('{"format": %d, "value": {"__t": "Popen", "args": ["sh"]}}'
                                         % cache_mod.FORMAT)
    os.chmod(tmp_path / "doc-k.json", 0o600)
    assert c.load("doc", "k") is None


def test_value_the_encoding_would_change_is_not_stored(tmp_path):
    c = Cache(tmp_path)
    f = Finding("SUM001", "error", "m", 1, "3.1", "Jumlah", "NILAI", "10", "11", detail={"pair": (1, 2)})
    # A tuple would come back as a list: the entry is not written at all.
    assert not c.store("check", "k", {"findings": [f], "rules": 1})
    assert not list(tmp_path.iterdir())


def test_document_hit_miss_and_changed_file(tmp_path):
    pdf = tmp_path / "laporan.pdf"
    shutil.copy(DINKES, pdf)
    c = Cache(tmp_path / "cache")
    read = Counter(lambda: read_document(pdf))
    doc1, key1 = read_cached(pdf, c, read)
    doc2, key2 = read_cached(pdf, c, read)
    assert read.calls == 1 and key1 == key2
    assert doc2 == doc1
    # a fresh read: the shared `extracted` document may have been settled by another test's check
    assert doc1.tables == read_document(DINKES).tables
    # Same name, other content (the clean twin): another sha256, so a miss.
    shutil.copy(SAMPLES / "lkip-contoh-dinkes-2024-bersih.pdf", pdf)
    doc3, key3 = read_cached(pdf, c, read)
    assert read.calls == 2 and key3 != key1
    assert doc3.sha256 == sha256_of(SAMPLES / "lkip-contoh-dinkes-2024-bersih.pdf")


def test_no_cache_neither_reads_nor_writes(tmp_path):
    c = Cache(tmp_path / "cache", enabled=False)
    read = Counter(lambda: _small_doc())
    read_cached(DINKES, c, read)
    read_cached(DINKES, c, read)
    assert read.calls == 2
    assert not (tmp_path / "cache").exists()


def test_timed_out_document_is_not_stored(tmp_path):
    c = Cache(tmp_path)
    doc = _small_doc()
    doc.problems.append(PageProblem(1, "timeout", "page took longer than 30 s; skipped"))
    read = Counter(lambda: doc)
    read_cached(DINKES, c, read)
    read_cached(DINKES, c, read)
    assert read.calls == 2


def _check(doc):
    from lkip_audit.pipeline import check_document

    return check_document(doc, CheckConfig())


def test_whole_check_hit_equals_uncached_check(tmp_path):
    c = Cache(tmp_path)
    read = Counter(lambda: extracted(DINKES))
    check = Counter(_check)
    first = cached_audit(DINKES, CheckConfig(), c, read, check)
    second = cached_audit(DINKES, CheckConfig(), c, read, check)
    assert (read.calls, check.calls) == (1, 1)
    uncached = _check(extracted(DINKES))
    assert second.findings == first.findings == uncached.findings
    assert second.rules == uncached.rules and len(second.findings) > 10
    assert second.document == first.document
    # The understanding is not cached; asking for it runs the check on the cached document.
    assert len(second.understanding.tables) == len(uncached.understanding.tables)


def test_rules_config_and_version_changes_miss(tmp_path, monkeypatch):
    digest = sha256_of(DINKES)
    base_doc = document_key(digest)
    base = check_key(base_doc, CheckConfig())
    assert document_key(digest) == base_doc and check_key(base_doc, CheckConfig()) == base  # stable
    # Other configuration.
    assert check_key(base_doc, CheckConfig(select=["SUM"])) != base
    # Other backend / read options.
    assert document_key(digest, "pdfplumber") != base_doc
    # Rules changed: the catalogue files are hashed.
    monkeypatch.setattr(cache_mod, "rules_hash", lambda: "other catalogue")
    assert check_key(base_doc, CheckConfig()) != base
    monkeypatch.undo()
    # Tool version changed.
    monkeypatch.setattr(lkip_audit, "__version__", "9.9.9")
    assert document_key(digest) != base_doc
    monkeypatch.undo()
    # Extraction settings changed.
    monkeypatch.setattr("lkip_audit.extract.pdf.EXTRACTION_VERSION", "999")
    assert document_key(digest) != base_doc


def test_changed_caption_words_miss_the_cached_document(tmp_path, monkeypatch):
    """The caption words are data (rules/vocabulary/captions.yaml), read by the extract
    stage: a catalogue directory whose captions.yaml differs must not be served the
    documents extracted with the built-in words."""
    import shutil

    digest = sha256_of(DINKES)
    base_doc = document_key(digest)
    builtin = Path(__file__).resolve().parents[1] / "rules"
    other = tmp_path / "rules"
    shutil.copytree(builtin, other, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setenv("LKIP_AUDIT_RULES", str(other))
    assert document_key(digest) == base_doc  # same words, same key
    words = other / "vocabulary" / "captions.yaml"
    words.write_text(words.read_text(encoding="utf-8") + "\n# another caption list\n", encoding="utf-8")
    assert document_key(digest) != base_doc


def test_rules_hash_follows_the_catalogue_files(tmp_path, monkeypatch):
    h1 = cache_mod.rules_hash()
    assert h1 == cache_mod.rules_hash()
    root = Path(__file__).resolve().parents[1] / "rules"
    assert any(root.glob("*.yaml"))  # the hash covers real files


def test_file_of_another_user_or_writable_by_others_is_ignored(tmp_path):
    c = Cache(tmp_path)
    assert c.store("doc", "k", _small_doc())
    assert c.load("doc", "k") == _small_doc()
    os.chmod(tmp_path / "doc-k.json", 0o666)
    assert c.load("doc", "k") is None
    os.chmod(tmp_path / "doc-k.json", 0o600)
    assert c.load("doc", "k") is not None


def test_damaged_entry_is_a_miss(tmp_path):
    c = Cache(tmp_path)
    assert c.store("doc", "k", _small_doc())
    p = tmp_path / "doc-k.json"
    p.write_text(p.read_text()[:100])
    assert c.load("doc", "k") is None


def _writer(directory: str, n: int) -> int:
    c = Cache(directory)
    ok = 0
    for _ in range(n):
        ok += c.store("doc", "same", _small_doc())
        got = c.load("doc", "same")
        # A reader sees no entry or a whole one, never a torn file.
        assert got is None or got == _small_doc()
    return ok


def test_concurrent_writers_leave_a_whole_entry(tmp_path):
    ctx = mp.get_context("spawn")
    with ctx.Pool(4) as pool:
        results = pool.starmap(_writer, [(str(tmp_path), 25)] * 4)
    assert sum(results) == 100
    assert Cache(tmp_path).load("doc", "same") == _small_doc()
    # No temporary files left behind.
    assert [p.name for p in tmp_path.iterdir()] == ["doc-same.json"]


def test_cache_dir_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("LKIP_AUDIT_CACHE", str(tmp_path / "c"))
    assert cache_mod.cache_dir() == tmp_path / "c"
    monkeypatch.delenv("LKIP_AUDIT_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache_mod.cache_dir() == tmp_path / "xdg" / "lkip-audit"


def test_cli_no_cache_and_warm_run_give_the_same_report(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from lkip_audit.cli import main

    monkeypatch.setenv("LKIP_AUDIT_CACHE", str(tmp_path / "cache"))
    runner = CliRunner()
    args = ["check", str(DINKES), "--format", "json", "--no-progress", "--timeout", "600"]
    cold = runner.invoke(main, args)
    warm = runner.invoke(main, args)
    off = runner.invoke(main, args + ["--no-cache"])
    assert cold.exit_code == warm.exit_code == off.exit_code == 1  # the sample has injected errors
    assert cold.output == warm.output == off.output
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "cache").iterdir()) == ["check", "doc"]


# -- the settled numbers kept in the check entry (issue #7) -----------------------------------

def _en_doc() -> Document:
    """A table whose amounts are printed in the English convention ("1,234.5"): settling
    reads that column as "en", and Cell.number alone (Indonesian) would not."""
    texts = ["1,234.5", "2,500.75", "3,000.25", "15.5"]
    rows = [Row(i, [Cell(f"Kegiatan {i + 1}", 5), Cell(t, 5)]) for i, t in enumerate(texts)]
    table = Table("p5-t1", "3.2", "Anggaran", [5], ["URAIAN", "REALISASI"], [[Cell("URAIAN", 5), Cell("REALISASI", 5)]],
                  rows, extractor="pdfium-lines")
    page = Page(5, 595.0, 842.0, "Tabel 3.2 Anggaran", has_text=True)
    return Document("en.pdf", "cd" * 32, 1, [page], [table], "Dinas Y", 2024, [])


def _check_keeping_settled(doc):
    from lkip_audit.pipeline import check_document

    return check_document(doc, CheckConfig(), keep_settled=True)


def _numbers(doc: Document) -> list:
    return [(c.number, str(c.number.value), str(c.number.low), str(c.number.high))
            for t in doc.tables for r in [*t.header_rows, *(r.cells for r in t.rows)] for c in r]


def _settled_fresh(doc: Document) -> Document:
    from lkip_audit.extract.numstyle import settle_numbers

    settle_numbers(doc)
    return doc


def test_settled_number_round_trips_exactly():
    from decimal import Decimal

    from lkip_audit.numbers import ParsedNumber, parse_number

    doubt = ParsedNumber(text="1.250", kind="malformed", doubt="ambiguous", readings=("1250", "1,25"),
                         problem="ambiguous: 1250 or 1,25")
    price = parse_number("1,50")  # Decimal("1.50"): equal to Decimal("1.5"), printed otherwise
    assert str(price.value) == "1.50"
    back = cache_mod.decode(cache_mod.encode([doubt, price]))
    assert back == [doubt, price]
    assert type(back[0].readings) is tuple and hash(back[0]) == hash(doubt)
    assert str(back[1].value) == "1.50" and back[1].value == Decimal("1.50")


def test_hit_restores_the_settled_numbers_without_settling_again(tmp_path, monkeypatch):
    from lkip_audit.extract import numstyle

    calls = []
    real = numstyle.settle_numbers
    monkeypatch.setattr(numstyle, "settle_numbers", lambda doc: (calls.append(1), real(doc))[1])
    c = Cache(tmp_path)
    read = Counter(_en_doc)
    first = cached_audit(DINKES, CheckConfig(), c, read, _check_keeping_settled)
    assert len(calls) == 1
    second = cached_audit(DINKES, CheckConfig(), c, read, _check_keeping_settled)
    assert read.calls == 1 and len(calls) == 1  # a hit: the settled state came from the entry
    from decimal import Decimal

    fresh = _settled_fresh(_en_doc())
    assert fresh.tables[0].rows[0].cells[1].value == Decimal("1234.5")  # read as "en"
    assert _numbers(second.document) == _numbers(fresh) == _numbers(first.document)
    assert second.document.tables[0].notes == fresh.tables[0].notes
    assert any("en" in n for n in fresh.tables[0].notes)


def _entry(tmp_path, kind):
    [p] = [p for p in tmp_path.iterdir() if p.name.startswith(kind + "-")]
    return p


def test_tampered_settled_state_is_not_served(tmp_path, monkeypatch):
    import json

    c = Cache(tmp_path)
    read = Counter(_en_doc)
    cached_audit(DINKES, CheckConfig(), c, read, _check_keeping_settled)
    p = _entry(tmp_path, "check")
    data = json.loads(p.read_text())
    cells = data["value"]["settled"]["cells"]
    assert cells  # the "en" column differs from the cells' own reading
    fresh = _numbers(_settled_fresh(_en_doc()))
    # A settled number planted for another cell than the one it was read from: ignored,
    # the document is settled again.
    bad = json.loads(json.dumps(data))
    bad["value"]["settled"]["cells"][0][2] = 0  # the label column ("Kegiatan 1")
    p.write_text(json.dumps(bad))
    os.chmod(p, 0o600)
    hit = cached_audit(DINKES, CheckConfig(), c, read, _check_keeping_settled)
    assert read.calls == 1 and _numbers(hit.document) == fresh
    # Out of range, or not a number at all: the same.
    for change in ([0, 0, 99, cells[0][3]], [0, 0, 1, "x"]):
        bad["value"]["settled"]["cells"][0] = change
        p.write_text(json.dumps(bad))
        os.chmod(p, 0o600)
        hit = cached_audit(DINKES, CheckConfig(), c, read, _check_keeping_settled)
        assert _numbers(hit.document) == fresh
    # A type outside the allow-list anywhere in the entry: the whole entry is refused (a miss).
    bad["value"]["settled"]["cells"][0][3] = {"__t": "Popen", "args": ["sh"]}
    p.write_text(json.dumps(bad))
    os.chmod(p, 0o600)
    assert c.load("check", p.name[len("check-"):-len(".json")]) is None
    cached_audit(DINKES, CheckConfig(), c, read, _check_keeping_settled)
    assert read.calls == 1  # the document entry still served; the check ran again

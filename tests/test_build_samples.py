"""samples/build.py: determinism, layout manifest, scanned and landscape pages."""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pdfplumber = pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")
pytest.importorskip("pypdfium2")

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "samples" / "build.py"
FIXTURE = ROOT / "tests" / "fixtures" / "sample_src"


def _load_build():
    spec = importlib.util.spec_from_file_location("samples_build", BUILD)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["samples_build"] = mod
    spec.loader.exec_module(mod)
    return mod


build = _load_build()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out1 = tmp_path_factory.mktemp("out1")
    out2 = tmp_path_factory.mktemp("out2")
    assert build.main(["--src", str(FIXTURE), "--out", str(out1), "--only", "mini"]) == 0
    assert build.main(["--src", str(FIXTURE), "--out", str(out2), "--only", "mini"]) == 0
    return out1, out2


def _manifest(out: Path, stem: str) -> dict:
    return json.loads((out / f"{stem}.layout.json").read_text(encoding="utf-8"))


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_outputs_and_determinism(built):
    out1, out2 = built
    names = sorted(p.name for p in out1.iterdir())
    assert names == ["mini-clean.layout.json", "mini-clean.pdf", "mini.layout.json", "mini.pdf"]
    for name in names:
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes(), name


def test_metadata(built):
    with pdfplumber.open(built[0] / "mini.pdf") as pdf:
        assert pdf.metadata["Title"] == "LKIP Dinas Contoh Kabupaten Mini Tahun 2024"
        assert pdf.metadata["Author"] == "Dinas Contoh Kabupaten Mini"


def test_scanned_page_has_no_text_layer(built):
    m = _manifest(built[0], "mini")
    assert m["scanned_pages"], "fixture has a scanned block"
    with pdfplumber.open(built[0] / "mini.pdf") as pdf:
        assert len(pdf.pages) == m["pages"]
        for pg in m["scanned_pages"]:
            page = pdf.pages[pg - 1]
            assert page.chars == []
            assert (page.extract_text() or "").strip() == ""
            assert len(page.images) == 1
        # every other page but the cover has the running footer
        for page in pdf.pages[1:]:
            if page.page_number in m["scanned_pages"]:
                continue
            assert "LKIP Dinas Contoh Kabupaten Mini Tahun 2024" in page.extract_text()


def test_landscape_pages(built):
    m = _manifest(built[0], "mini")
    land = [t for t in m["tables"] if t["orientation"] == "landscape"]
    assert land and m["landscape_pages"]
    with pdfplumber.open(built[0] / "mini.pdf") as pdf:
        for t in land:
            for pg in t["pages"]:
                assert pg in m["landscape_pages"]
        for page in pdf.pages:
            wide = page.width > page.height
            assert wide == (page.page_number in m["landscape_pages"]), page.page_number


def test_multipage_table_repeats_header_and_manifest_pages(built):
    m = _manifest(built[0], "mini")
    multi = [t for t in m["tables"] if len(t["pages"]) > 1]
    assert multi, "fixture has a table over several pages"
    with pdfplumber.open(built[0] / "mini.pdf") as pdf:
        texts = {p.page_number: _norm(p.extract_text() or "") for p in pdf.pages}
        for t in multi:
            for pg in t["pages"]:
                assert "SUB KEGIATAN" in texts[pg] and "REALISASI" in texts[pg], pg
            # the pages are contiguous and the rows move forward
            assert t["pages"] == list(range(t["pages"][0], t["pages"][-1] + 1))
            assert t["row_pages"] == sorted(t["row_pages"])
            assert sorted(set(t["row_pages"])) == t["pages"]
        # each body row's first cell text is on the page the manifest names
        tbl = next(t for t in m["tables"] if t["stem"] == "3.2")
        for i in (0, 36, 37, 60, 69):
            needle = f"Administrasi Nomor {i + 1} "
            page = tbl["row_pages"][i]
            assert needle in texts[page] + " ", (i, page)
            assert all(needle not in texts[p] + " " for p in tbl["pages"] if p != page), i


def test_manifest_caption_on_table_pages(built):
    for stem in ("mini", "mini-clean"):
        m = _manifest(built[0], stem)
        with pdfplumber.open(built[0] / f"{stem}.pdf") as pdf:
            texts = {p.page_number: _norm(p.extract_text() or "") for p in pdf.pages}
        captioned = [t for t in m["tables"] if t["number"]]
        assert {t["caption"] for t in captioned} == {"above", "below"}
        for t in captioned:
            cap = f"Tabel. {t['number']}. {t['title']}"
            assert t["caption_page"] in t["pages"]
            assert cap in texts[t["caption_page"]]
            assert any(cap in texts[p] for p in t["pages"])
            assert len(t["row_pages"]) == t["rows"]
        nocap = [t for t in m["tables"] if t["number"] is None]
        assert nocap and all(t["caption"] is None for t in nocap)
        for t in nocap:
            assert not any("Tabel. None" in texts[p] for p in t["pages"])


def test_errors_applied_once_and_clean_twin(built):
    m = _manifest(built[0], "mini")
    errs = {e["id"]: e for e in m["errors"]}
    assert set(errs) == {"E01", "E02", "E03"}
    assert "errors" not in _manifest(built[0], "mini-clean")
    with pdfplumber.open(built[0] / "mini.pdf") as bad, \
            pdfplumber.open(built[0] / "mini-clean.pdf") as clean:
        for e in errs.values():
            page = e["page"]
            tb = _norm(bad.pages[page - 1].extract_text())
            tc = _norm(clean.pages[page - 1].extract_text())
            new = e["value"] if "value" in e else e["replace"]
            old = e["clean"] if "clean" in e else e["find"]
            assert new in tb and new not in tc, e["id"]
            assert old in tc, e["id"]
    # E02 sits on the second page of the split table
    t32 = next(t for t in m["tables"] if t["stem"] == "3.2")
    assert errs["E02"]["page"] == t32["pages"][-1] != t32["pages"][0]


def _copy_fixture(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(FIXTURE / "mini", src / "mini")
    return src / "mini"


def _run(src: Path, out: Path):
    return subprocess.run([sys.executable, str(BUILD), "--src", str(src), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)  # a hang guard


def test_bad_row_cell_count_fails_clearly(tmp_path):
    mini = _copy_fixture(tmp_path)
    p = mini / "tables" / "no-caption.yaml"
    p.write_text(p.read_text().replace('["B", "Nilai negatif", "(2.297.732.999)"]',
                                       '["B", "Nilai negatif"]'))
    r = _run(mini.parent, tmp_path / "out")
    assert r.returncode != 0
    assert "no-caption.yaml" in r.stderr and "row 1" in r.stderr and "expected 3" in r.stderr


def test_error_that_does_not_apply_fails(tmp_path):
    mini = _copy_fixture(tmp_path)
    p = mini / "errors.yaml"
    p.write_text(p.read_text().replace('find: "sebesar 96,00%"', 'find: "sebesar 95,00%"'))
    with pytest.raises(build.BuildError, match="E03.*occurs 0 times"):
        build.build_sample(mini, tmp_path / "out", log=lambda *a: None)

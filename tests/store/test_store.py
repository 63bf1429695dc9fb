"""The store (lkip_audit/store): schema and migrations, one document per sha256, new
versions supersede, forget, instansi identity; the same tests on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from sqlalchemy import inspect, select

from lkip_audit.store import Store, location, schema
from lkip_audit.store.instansi import explain, instansi_key
from lkip_audit.store.migrations import LATEST, MIGRATIONS, current_version, migrate
from tests.store.conftest import ROOT, SAMPLES


def url_of(store_url: str) -> str:
    return location(store_url)


def fact(**kw) -> dict:
    base = dict(item_kind="indikator", item_name="Indeks Merit Sistem", item_key="indeksmeritsistem",
                field="realisasi", year=2023, stage=None, value="330.50", low=None, high=None, printed="330,50",
                unit=None, page=27, table_number="3.11", table_id="p27-t1", table_title="Analisis",
                row_index=0, row_label="Indeks Merit Sistem", column_label="REALISASI", column_index=4)
    base.update(kw)
    return base


def payload(sha: str, tahun: int = 2024, instansi: str = "Badan Kepegawaian Daerah Provinsi Banten",
            facts=None, findings=None, file_name="a.pdf") -> dict:
    return {
        "document": {"sha256": sha, "file_name": file_name, "path": file_name, "instansi": instansi,
                     "instansi_key": instansi_key(instansi), "tahun": tahun, "pages": 3, "tables": 1,
                     "tool_version": "0.1.0", "errors": 1, "warnings": 0, "infos": 0},
        "facts": facts if facts is not None else [fact(), fact(table_id="p28-t1", page=28, field="capaian",
                                                               value="102.80", printed="102,80")],
        "findings": findings if findings is not None else [
            {"rule": "PCT001", "severity": "error", "message": "m", "page": 3, "table_number": "3.20",
             "row_label": "r", "column_label": "c", "expected": "1", "actual": "2", "fingerprint": "abcd"}],
    }


def test_migrations_create_every_table_once(store_url):
    st = Store(url_of(store_url))
    names = set(inspect(st.engine).get_table_names())
    assert {"store_version", "documents", "facts", "findings"} <= names
    with st.engine.connect() as conn:
        assert current_version(conn) == LATEST == MIGRATIONS[-1][0]
    assert migrate(st.engine) == []  # opening again applies nothing
    with st.engine.connect() as conn:
        versions = list(conn.execute(select(schema.store_version.c.version)).scalars())
    assert versions == [v for v, _, _ in MIGRATIONS]


def test_same_sha_is_one_document(store_url):
    st = Store(url_of(store_url))
    first = st.record(payload("a" * 64))
    assert first.new and first.facts == 2 and first.findings == 1
    again = st.record(payload("a" * 64))
    assert not again.new and again.document_id == first.document_id
    assert st.counts() == {"documents": 1, "facts": 2, "findings": 1}


def test_new_version_supersedes_and_both_are_kept(store_url):
    st = Store(url_of(store_url))
    old = st.record(payload("a" * 64, file_name="v1.pdf"))
    new = st.record(payload("b" * 64, file_name="v2.pdf", instansi="BKD Provinsi Banten"))
    assert new.new and new.superseded == [old.document_id]
    docs = {d["file_name"]: d for d in st.documents()}
    assert docs["v1.pdf"]["superseded_by"] == new.document_id and docs["v2.pdf"]["superseded_by"] is None
    assert st.counts()["documents"] == 2
    got = st.reports_of(instansi_key("Badan Kepegawaian Daerah Provinsi Banten"), [2024])
    assert got[2024][0]["file_name"] == "v2.pdf" and len(got[2024][1]) == 2
    # another year or another instansi supersedes nothing
    assert st.record(payload("c" * 64, tahun=2023)).superseded == []
    assert st.record(payload("d" * 64, instansi="Dinas Kesehatan Kabupaten Sukamaju")).superseded == []


def test_forget_by_sha_prefix_and_by_file_name(store_url, tmp_path):
    st = Store(url_of(store_url))
    st.record(payload("a" * 64, file_name="v1.pdf"))
    st.record(payload("b" * 64, file_name="v2.pdf"))
    gone = st.forget("bbbbbbbb")
    assert [d["file_name"] for d in gone] == ["v2.pdf"]
    left = st.documents()
    assert [d["file_name"] for d in left] == ["v1.pdf"] and left[0]["superseded_by"] is None  # current again
    assert st.counts() == {"documents": 1, "facts": 2, "findings": 1}
    assert st.forget("v1.pdf")[0]["sha256"] == "a" * 64
    assert st.counts() == {"documents": 0, "facts": 0, "findings": 0}
    assert st.forget("v1.pdf") == []


def test_forget_a_file_by_its_content(store_url, tmp_path):
    import hashlib

    f = tmp_path / "renamed.pdf"
    f.write_bytes(b"%PDF-1.4 not really\n")
    st = Store(url_of(store_url))
    st.record(payload(hashlib.sha256(f.read_bytes()).hexdigest(), file_name="original.pdf"))
    assert [d["file_name"] for d in st.forget(str(f))] == ["original.pdf"]


def test_a_failed_record_leaves_nothing(store_url):
    st = Store(url_of(store_url))
    bad = payload("e" * 64, facts=[fact(), fact(table_id="p2", item_kind=None)])  # NOT NULL violated in table 2
    with pytest.raises(Exception):
        st.record(bad)
    assert st.counts() == {"documents": 0, "facts": 0, "findings": 0}


def test_instansi_identity():
    assert instansi_key("BKD Provinsi Banten") == instansi_key("Badan Kepegawaian Daerah Provinsi Banten")
    assert instansi_key("BADAN KEPEGAWAIAN DAERAH PROV. BANTEN") == instansi_key("BKD Provinsi Banten")
    assert instansi_key("Dinkes Kab. Sukamaju") == instansi_key("Dinas Kesehatan Kabupaten Sukamaju")
    assert instansi_key("BKD Provinsi Banten") != instansi_key("BKD Provinsi Jawa Barat")
    aliases = {"Badan Kepegawaian dan Diklat Daerah Provinsi Banten": "BKD Provinsi Banten"}
    assert instansi_key("Badan Kepegawaian dan Diklat Daerah Provinsi Banten", aliases) == \
        instansi_key("Badan Kepegawaian Daerah Provinsi Banten")
    lines = explain("BKD Prov. Banten", aliases)
    assert any("bkd = badan kepegawaian daerah" in ln for ln in lines)
    assert instansi_key(None) is None and instansi_key("  ") is None


def test_location(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert location("default") == f"sqlite:///{tmp_path / 'xdg' / 'lkip-audit' / 'store.sqlite'}"
    assert (tmp_path / "xdg" / "lkip-audit").is_dir()
    assert location(str(tmp_path / "a" / "s.sqlite")) == f"sqlite:///{tmp_path / 'a' / 's.sqlite'}"
    assert location("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert location(None) is None


def test_check_records_the_facts_of_a_report(store_url, cut_pdf, cache_env, tmp_path):
    """The facts come from the understood tables: Tabel 3.11 of the sample prints Indeks
    Merit Sistem's 2023 values (samples/src/bkd-banten-2024/tables/3.11.yaml)."""
    src = yaml.safe_load((ROOT / "samples/src/bkd-banten-2024/tables/3.11.yaml").read_text(encoding="utf-8"))
    row = src["rows"][0]  # NO, IKU, TARGET RENSTRA, 2023: TARGET REALISASI CAPAIAN, 2024: ...
    p = subprocess.run([sys.executable, "-m", "lkip_audit.cli", "check", str(cut_pdf), "--store", store_url,
                        "--quiet", "--no-progress"], capture_output=True, text=True, env=cache_env, cwd=tmp_path,
                       timeout=600)
    assert p.returncode in (0, 1), p.stderr
    st = Store(url_of(store_url))
    (doc,) = st.documents()
    assert doc["tahun"] == 2024 and doc["instansi_key"] == instansi_key("BKD Provinsi Banten")
    assert doc["file_name"] == "bkd-cut.pdf" and doc["pages"] == 3
    merit = [f for f in st.facts_of(doc["id"]) if f["item_name"] == row[1] and f["table_number"] == "3.11"]
    got = {(f["field"], f["year"], f["stage"]): f["printed"] for f in merit}
    assert got[("target", 2023, None)] == row[3]
    assert got[("realisasi", 2023, None)] == row[4]
    assert got[("capaian", 2023, None)] == row[5]
    assert got[("realisasi", 2024, None)] == row[7]
    assert got[("target", 2024, "renstra")] == row[2]
    # a second check of the same file adds nothing
    p2 = subprocess.run([sys.executable, "-m", "lkip_audit.cli", "check", str(cut_pdf), "--store", store_url,
                         "--quiet", "--no-progress"], capture_output=True, text=True, env=cache_env, cwd=tmp_path,
                        timeout=600)
    assert p2.returncode in (0, 1), p2.stderr
    assert st.counts()["documents"] == 1 and "sudah tercatat" in p2.stderr


def test_without_a_store_the_cross_year_rules_do_not_run(cut_pdf, cache_env, tmp_path):
    import json

    from lkip_audit.check.catalogue import load_catalogue

    cat = load_catalogue()
    implemented = [r for r in cat.values() if r.implemented]
    env = {k: v for k, v in cache_env.items() if k != "LKIP_AUDIT_STORE"}
    p = subprocess.run([sys.executable, "-m", "lkip_audit.cli", "check", str(cut_pdf), "--format", "json",
                        "--no-progress"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    assert p.returncode in (0, 1), p.stderr
    summary = json.loads(p.stdout)["summary"]
    assert summary["rules"] == len([r for r in implemented if not r.id.startswith("YR")])
    assert "cross_year" not in summary
    with_store = subprocess.run([sys.executable, "-m", "lkip_audit.cli", "check", str(cut_pdf), "--format", "json",
                                 "--no-progress", "--store", str(tmp_path / "s.sqlite")], capture_output=True,
                                text=True, env=env, cwd=tmp_path, timeout=600)
    assert json.loads(with_store.stdout)["summary"]["rules"] == len(implemented)


def test_a_store_that_cannot_be_written_is_said_not_raised(tmp_path):
    from lkip_audit.store.run import record

    url = location(str(tmp_path / "s.sqlite"))
    Store(url)
    bad = payload("e" * 64, facts=[fact(item_kind=None)])
    line = record(url, bad, "a.pdf", "en")
    assert line.startswith("store: FAILED to record a.pdf: ")
    assert Store(url).counts()["documents"] == 0


def test_a_reader_neither_creates_nor_writes_a_sqlite_store(tmp_path):
    missing = tmp_path / "nowhere.sqlite"
    assert Store(location(str(missing)), write=False).reports_of("x", None) == {}
    assert not missing.exists()
    url = location(str(tmp_path / "s.sqlite"))
    Store(url).record(payload("a" * 64, tahun=2023))
    got = Store(url, write=False).reports_of(instansi_key("BKD Provinsi Banten"), None)
    assert list(got) == [2023] and len(got[2023][1]) == 2

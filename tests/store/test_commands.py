"""lkip-audit store forget / list, history, register; the store from $LKIP_AUDIT_STORE and
from the config file; instansi aliases from the config."""

from __future__ import annotations

import json

from click.testing import CliRunner
from openpyxl import load_workbook

from lkip_audit.cli import main
from lkip_audit.store import Store, location
from tests.store.test_store import fact, payload


def _filled(store_url: str) -> Store:
    st = Store(location(store_url))
    f23 = [fact(year=2023, field="target", value="321.50", printed="321,50", page=5, table_number="3.1"),
           fact(year=2023, field="realisasi", value="330.50", printed="330,50", page=5, table_number="3.1"),
           fact(year=2023, field="capaian", value="102.80", printed="102,80", page=5, table_number="3.1")]
    f24 = [fact(year=2024, field="target", value="332.5", printed="332,5", page=24, table_number="3.2"),
           fact(year=2024, field="realisasi", value="330.5", printed="330,5", page=24, table_number="3.2"),
           fact(year=2024, field="capaian", value="99.39", printed="99,39", page=24, table_number="3.2"),
           fact(year=2023, field="realisasi", value="330.50", printed="330,50", page=27, table_number="3.11"),
           fact(year=2023, field="capaian", value="102.18", printed="102,18", page=27, table_number="3.11")]
    warn = {"rule": "YR002", "severity": "warning", "message": "w", "page": 12, "table_number": "2.3",
            "row_label": "r", "column_label": "c", "expected": "1", "actual": "2", "fingerprint": "ab"}
    st.record(payload("1" * 64, tahun=2023, facts=f23, file_name="lkip-2023.pdf"))
    st.record(payload("2" * 64, tahun=2024, facts=f24, file_name="lkip-2024.pdf",
                      findings=[payload("x")["findings"][0], warn]))
    st.record(payload("3" * 64, tahun=2024, instansi="Dinas Kesehatan Kabupaten Sukamaju", facts=[],
                      file_name="dinkes-2024.pdf", findings=[]))
    return st


def test_history_lists_each_year_with_document_and_page(store_url, tmp_path):
    _filled(store_url)
    png = tmp_path / "merit.png"
    r = CliRunner().invoke(main, ["history", "Indeks Merit Sistem", "--store", store_url, "--instansi",
                                  "BKD Provinsi Banten", "--plot", str(png)])
    assert r.exit_code == 0, r.output
    lines = [(ln.split("\t") + [""])[:9] for ln in r.stdout.strip().splitlines()[1:]]
    got = {(int(y), fld, val, lkip, file, page) for _ins, _item, y, fld, val, lkip, file, page, _m in lines}
    # the 2023 capaian is printed 102,80 by the 2023 report and 102,18 by the 2024 one: marked
    marked = {(int(y), fld, val) for _ins, _item, y, fld, val, _l, _f, _p, m in lines if m == "BEDA"}
    assert marked == {(2023, "capaian", "102,80"), (2023, "capaian", "102,18")}
    assert (2023, "realisasi", "330,50", "2023", "lkip-2023.pdf", "5") in got
    assert (2023, "realisasi", "330,50", "2024", "lkip-2024.pdf", "27") in got  # the 2024 report's quote
    assert (2024, "capaian", "99,39", "2024", "lkip-2024.pdf", "24") in got
    assert len(got) == 8
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    r = CliRunner().invoke(main, ["history", "Tidak Ada", "--store", store_url])
    assert r.exit_code == 1


def test_register_text_json_xlsx(store_url, tmp_path):
    _filled(store_url)
    r = CliRunner().invoke(main, ["register", "--store", store_url, "--format", "json", "--tahun", "2024"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert sorted(x["file"] for x in rows) == ["dinkes-2024.pdf", "lkip-2024.pdf"]
    bkd = next(x for x in rows if x["file"] == "lkip-2024.pdf")
    assert (bkd["error"], bkd["tahun"]) == (1, 2024) and bkd["top_rules"] == ["PCT001 (1)", "YR002 (1)"]
    r = CliRunner().invoke(main, ["register", "--store", store_url])
    assert r.exit_code == 0 and len(r.stdout.strip().splitlines()) == 1 + 3
    out = tmp_path / "register.xlsx"
    r = CliRunner().invoke(main, ["register", "--store", store_url, "--format", "xlsx", "-o", str(out)])
    assert r.exit_code == 0, r.output
    ws = load_workbook(out).active
    values = list(ws.iter_rows(values_only=True))
    assert values[0][:3] == ("No", "Instansi", "Tahun") and len(values) == 1 + 3
    assert {v[3] for v in values[1:]} == {"lkip-2023.pdf", "lkip-2024.pdf", "dinkes-2024.pdf"}


def test_forget_and_list(store_url):
    st = _filled(store_url)
    r = CliRunner().invoke(main, ["store", "forget", "lkip-2024.pdf", "--store", store_url])
    assert r.exit_code == 0, r.output
    assert "lkip-2024.pdf" in r.stdout
    assert sorted(d["file_name"] for d in st.documents()) == ["dinkes-2024.pdf", "lkip-2023.pdf"]
    r = CliRunner().invoke(main, ["store", "list", "--store", store_url])
    assert r.exit_code == 0 and len(r.stdout.strip().splitlines()) == 2
    r = CliRunner().invoke(main, ["store", "forget", "2" * 64, "--store", store_url])
    assert r.exit_code == 1


def test_store_from_environment_and_config(tmp_path, monkeypatch):
    from lkip_audit.options import build_config
    from lkip_audit.store.run import aliases, store_url

    cfg = tmp_path / "lkip-audit.toml"
    cfg.write_text('store = "team.sqlite"\nselect = ["YR"]\n[instansi]\n"BKDD Banten" = "BKD Provinsi Banten"\n',
                   encoding="utf-8")
    config = build_config(str(cfg))
    assert config.select == ["YR"] and aliases(config) == {"BKDD Banten": "BKD Provinsi Banten"}
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LKIP_AUDIT_STORE", raising=False)
    assert store_url(None, config) == f"sqlite:///{tmp_path / 'team.sqlite'}"
    monkeypatch.setenv("LKIP_AUDIT_STORE", str(tmp_path / "env.sqlite"))
    assert store_url(None, config) == f"sqlite:///{tmp_path / 'env.sqlite'}"
    assert store_url(str(tmp_path / "cli.sqlite"), config) == f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert store_url("default", config) == f"sqlite:///{tmp_path / 'xdg' / 'lkip-audit' / 'store.sqlite'}"

"""`lkip-audit serve` on the store of checked reports (issue #16 §1): the list of reports
survives a restart, a report reopens from the rendered reports kept in the data
directory, one recorded elsewhere says it must be checked again, cross-year findings
work as with `check --store`, a store that cannot be opened stops the start with a
message, and --no-store leaves nothing behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lkip_audit.cli import main

from tests.store.conftest import pg_server  # noqa: F401 - the store tests' PostgreSQL server (a fixture)

from .conftest import SAMPLES, Client, start_server


@pytest.fixture(params=["sqlite", "postgresql"])
def store_at(request, tmp_path):
    """Where the server's store is: a SQLite file, and a PostgreSQL database (the store
    tests' server; skipped as they are when there is none)."""
    if request.param == "sqlite":
        return str(tmp_path / "lkip.sqlite")
    from tests.store.conftest import _new_database

    return _new_database(request.getfixturevalue("pg_server"))


def cli_json(path: Path, *extra: str) -> dict:
    out = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--no-progress", "--no-cache", *extra])
    assert out.exit_code in (0, 1), out.output
    return json.loads(out.stdout)


def check_one(client: Client, path: Path, name: str | None = None) -> dict:
    resp = client.upload(path.read_bytes(), name or path.name)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    report = client.wait(resp.get_json()["reports"][0]["id"])
    assert report["state"] == "done", report
    return report


def test_the_list_survives_a_restart_and_reopens_the_report(store_at, xss_file, tmp_path):
    from lkip_audit.store import Store, location

    srv = start_server(jobs=1, store_location=store_at)
    try:
        first = check_one(Client(srv.served.app), xss_file)
        upload_dir = srv.served.store.root
        data_dir = srv.served.store.data_dir
    finally:
        srv.stop()
    assert not upload_dir.exists()  # the upload went with the server (no --keep)
    kept = data_dir / next(p.name for p in data_dir.iterdir())
    assert sorted(p.name for p in kept.iterdir()) == sorted(
        ["meta.json", "report.html", "report.json", "report.md", "report.sarif", "report.xlsx"])  # not the PDF
    assert (kept.stat().st_mode & 0o777) == 0o700 and (kept / "report.json").stat().st_mode & 0o777 == 0o600

    cli = cli_json(xss_file)["summary"]
    srv = start_server(jobs=1, store_location=store_at)
    try:
        assert any("(1 laporan)" in m for m in srv.served.messages)
        c = Client(srv.served.app)
        listed = c.http.get("/api/reports").get_json()["reports"]
        assert len(listed) == 1
        r = listed[0]
        assert (r["name"], r["state"], r["recheck"], r["stored"]) == ("xss.pdf", "done", False, True)
        assert r["counts"] == {k: cli[k] for k in ("error", "warning", "info")} == first["counts"]
        assert r["id"] == kept.name[:16] and r["pages"] == 1 and r["tables"] == 1
        index = c.http.get("/").get_data(as_text=True)
        assert f'href="/r/{r["id"]}"' in index and "xss.pdf" in index
        page = c.http.get(f"/r/{r['id']}")
        assert page.status_code == 200 and f'id="n-error">{cli["error"]}<' in page.get_data(as_text=True)
        viewer = c.http.get(f"/r/{r['id']}/report.html")
        assert viewer.status_code == 200 and "&lt;script&gt;alert(1)&lt;/script&gt;" in viewer.get_data(as_text=True)
        js = json.loads(c.http.get(f"/r/{r['id']}/download/json").get_data())
        assert js["summary"]["error"] == cli["error"] and len(js["findings"]) == sum(first["counts"].values())

        # deleting it from the page deletes it from the store and its kept reports
        assert c.http.post(f"/r/{r['id']}/delete", headers={"X-CSRF-Token": c.csrf}).status_code == 302
        assert Store(location(store_at)).documents() == [] and not kept.exists()
    finally:
        srv.stop()
    srv = start_server(jobs=1, store_location=store_at)
    try:
        assert srv.served.store.all() == []
    finally:
        srv.stop()


def test_a_report_recorded_without_its_rendering_must_be_checked_again(xss_file, tmp_path):
    store_at = str(tmp_path / "lkip.sqlite")
    cli = cli_json(xss_file, "--store", store_at)["summary"]  # recorded by the command line
    srv = start_server(jobs=1, store_location=store_at)
    try:
        c = Client(srv.served.app)
        (r,) = c.http.get("/api/reports").get_json()["reports"]
        assert r["recheck"] and r["outputs"] == [] and r["counts"] == {k: cli[k] for k in ("error", "warning", "info")}
        assert "periksa ulang berkasnya" in c.http.get("/").get_data(as_text=True)
        page = c.http.get(f"/r/{r['id']}").get_data(as_text=True)
        assert 'id="recheck"' in page and 'id="viewer"' not in page and 'id="dl-json"' not in page
        assert c.http.get(f"/r/{r['id']}/report.html").status_code == 404
        assert c.http.get(f"/r/{r['id']}/download/json").status_code == 404
        # checked again: one entry, with its reports
        again = check_one(c, xss_file)
        listed = c.http.get("/api/reports").get_json()["reports"]
        assert [x["id"] for x in listed] == [again["id"]] and not listed[0]["recheck"]
        assert any("sudah tercatat" in n for n in again["notes"])
    finally:
        srv.stop()
    srv = start_server(jobs=1, store_location=store_at)
    try:
        (r,) = srv.served.store.all()
        assert not r.recheck and "html" in r.outputs
    finally:
        srv.stop()


def test_cross_year_findings_in_serve(tmp_path):
    """The 2023 sample checked through the page, then three pages of the 2024 sample: the
    2024 report carries the YR001 findings against the stored 2023 report, as `check --store`."""
    from tests.pdfcuts import cut_pages

    cut_pages(SAMPLES / "lkip-bkd-banten-2024.pdf", {"bkd-2024-cut": [1, 26, 27]}, tmp_path)
    cut = tmp_path / "bkd-2024-cut.pdf"
    srv = start_server(jobs=1, store_location=str(tmp_path / "lkip.sqlite"))
    try:
        c = Client(srv.served.app)
        r23 = check_one(c, SAMPLES / "lkip-bkd-banten-2023.pdf")
        assert any("tidak dapat dibandingkan" in n or "dicatat" in n for n in r23["notes"])
        r24 = check_one(c, cut)
        js = json.loads(c.http.get(f"/r/{r24['id']}/download/json").get_data())
        yr = [f for f in js["findings"] if f["rule"] == "YR001"]
        assert yr and all("lkip-bkd-banten-2023.pdf hal. " in f["message"] for f in yr)
        assert js["summary"]["cross_year"] == {"compared": [2023], "not_compared": []}
        assert any("dibandingkan dengan laporan tersimpan tahun 2023" in n for n in r24["notes"])
        page = c.http.get(f"/r/{r24['id']}").get_data(as_text=True)
        assert "dibandingkan dengan laporan tersimpan tahun 2023" in page
    finally:
        srv.stop()


def test_the_default_store_and_the_environment(own_data_home, tmp_path, monkeypatch):
    from lkip_audit.store import location

    srv = start_server(jobs=1)
    try:
        assert srv.served.store.db == location("default")
        assert Path(srv.served.store.db.split(":///", 1)[1]) == own_data_home / "lkip-audit" / "store.sqlite"
        assert srv.served.store.data_dir == own_data_home / "lkip-audit" / "store-serve"
    finally:
        srv.stop()
    monkeypatch.setenv("LKIP_AUDIT_STORE", str(tmp_path / "env.sqlite"))
    srv = start_server(jobs=1)
    try:
        assert srv.served.store.db == location(str(tmp_path / "env.sqlite"))
    finally:
        srv.stop()


@pytest.mark.parametrize("lang,words", [("id", "tidak dapat dibuka"), ("en", "cannot be opened")])
def test_a_store_that_cannot_be_opened_stops_the_start_with_a_message(tmp_path, lang, words):
    bad = tmp_path / "not-a-store.sqlite"
    bad.write_bytes(b"this is not a database, " * 100)
    under_a_file = tmp_path / "not-a-store.sqlite" / "store.sqlite"
    for where in (bad, under_a_file):
        out = CliRunner().invoke(main, ["serve", "--port", "0", "--store", str(where), "--lang", lang])
        assert out.exit_code == 2, out.output
        assert words in out.output and "--no-store" in out.output and str(where.name) in out.output
        assert "Traceback" not in out.output
    out = CliRunner().invoke(main, ["serve", "--port", "0", "--store", str(bad), "--no-store"])
    assert out.exit_code == 2 and "--no-store" in out.output


def test_no_store_leaves_nothing_after_the_server(xss_file, tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    srv = start_server(jobs=1, no_store=True)
    try:
        assert srv.served.store.db is None and any("--no-store" in m for m in srv.served.messages)
        check_one(Client(srv.served.app), xss_file)
        root = srv.served.store.root
    finally:
        srv.stop()
    assert not root.exists() and not home.exists()


def test_serve_help_names_the_store_options():
    out = CliRunner().invoke(main, ["serve", "--help"])
    assert out.exit_code == 0
    assert "--store" in out.output and "--no-store" in out.output and "survives a restart" in out.output


"""`lkip-audit serve` follows a Word draft's check part by part: a .docx has no pages, so
while it is read the page says "membaca bagian" / "reading parts" (as the rest of the Word
draft's output calls its chapters, README "Word drafts"), never "membaca halaman" /
"reading pages"; a PDF is still read page by page. Checked on the pages the server renders
(the list and the report's page) and on the words its script takes for the live progress."""

from __future__ import annotations

import re

import pytest

from lkip_audit.i18n import t
from lkip_audit.serve.jobs import Report, Settings

import lkip_audit.serve.strings  # noqa: F401, I001 - registers the page's words


def _reading(store, kind: str, lang: str) -> Report:
    rid, d = store.new_directory()
    return store.add(Report(id=rid, name=f"draf.{kind}", kind=kind, directory=d, settings=Settings(lang=lang),
                            state="reading", done=3, total=8))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_word_draft_is_read_by_parts_a_pdf_by_pages(make_app, lang):
    app, store = make_app(default_lang=lang)
    word, pdf = _reading(store, "docx", lang), _reading(store, "pdf", lang)
    http = app.test_client()
    parts, pages = t("serve.state.reading_parts", lang), t("serve.state.reading", lang)
    assert parts != pages and "halaman" not in parts and "page" not in parts

    index = http.get("/").get_data(as_text=True)
    rows = dict(re.findall(r'<tr data-id="([0-9a-f]{16})"[^>]*>(.*?)</tr>', index, re.S))
    row_of = lambda r: rows[r.id]  # noqa: E731
    assert parts in row_of(word) and pages not in row_of(word)
    assert pages in row_of(pdf) and parts not in row_of(pdf)

    page = http.get(f"/r/{word.id}").get_data(as_text=True)
    state = re.search(r'<span id="r-state">(.*?)</span>', page).group(1)
    assert state == parts
    page = http.get(f"/r/{pdf.id}").get_data(as_text=True)
    assert re.search(r'<span id="r-state">(.*?)</span>', page).group(1) == pages

    # the live progress: the script's words, and the report's kind in what it polls
    assert f'data-reading-parts="{parts}"' in index and f'data-reading="{pages}"' in index
    assert http.get(f"/api/reports/{word.id}").get_json()["kind"] == "docx"


def test_the_live_progress_of_a_word_draft_says_parts(tmp_path):
    """In the browser: the report's page polls the server and writes the state with the
    count, "membaca bagian 3/8" for a Word draft (app.js stateText), "membaca halaman 3/8"
    for a PDF."""
    from .cdp import CHROMIUM, Chromium
    from .conftest import start_server

    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run does)")
    pytest.importorskip("websocket")
    srv = start_server(jobs=1, no_store=True)
    try:
        store = srv.served.store
        word, pdf = _reading(store, "docx", "id"), _reading(store, "pdf", "id")
        with Chromium(tmp_path, 1000, 700) as b:
            for r, want in ((word, t("serve.state.reading_parts", "id")), (pdf, t("serve.state.reading", "id"))):
                b.goto(f"{srv.base}r/{r.id}")
                b.wait_for("document.getElementById('r-state') && "
                           "document.getElementById('r-state').textContent.indexOf('3/8') >= 0",
                           "the polled progress", limit_s=60)
                assert b.evaluate("document.getElementById('r-state').textContent") == f"{want} 3/8"
    finally:
        srv.stop()

"""The tool names places in the language of the report: with --lang en no "hal. 82",
"tabel", "baris", "kolom" of its own, and in Bahasa Indonesia no "p. 82", "table", "row",
"column" (document text it quotes stays as printed). Every format of `lkip-audit check` is
read: text, json, html, md, sarif, junit, xlsx; on the BKD and dinkes samples and on a Word
draft (whose places are headings, never pages).

The words looked for come from the tool's own table of UI words (lkip_audit.i18n: the
location words ``loc.*`` and the report columns ``col.*``), not from the output. Document
text is taken out before the search: every value a finding quotes (row, column, printed and
expected values, related cells), the tables' titles, the agency's name and anything the
tool prints between quotes."""

from __future__ import annotations

import html as htmlmod
import os
import json
import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner

import lkip_audit.report.strings  # noqa: F401 (registers the report formats' words)
from lkip_audit import i18n
from lkip_audit.cli import main
from lkip_audit.extract.docx import read_word  # also registers the Word draft's words

from .conftest import BKD, DINKES, ROOT, document

DRAFT = ROOT / "samples" / "wild" / "konvensi-lain.docx"
FORMATS = ("text", "json", "html", "md", "sarif", "junit", "xlsx")
# the i18n keys that name a place: their words must be in the report's language
PLACE_KEYS = ("loc.page", "loc.pages", "loc.part", "loc.table", "loc.row", "loc.column",
              "col.page", "col.page_full", "col.table", "col.row", "col.column", "viewer.page",
              "header.pages", "header.parts", "word.paragraph", "word.location_column")


def _words(lang: str) -> set[str]:
    out = set()
    for key in PLACE_KEYS:
        text = i18n.t(key, lang)
        assert text != key, f"no UI string {key}"
        text = re.sub(r"\{[^}]*\}", " ", text)
        out |= {w.casefold() for w in text.split()}
    return out


def _wrong_words(lang: str) -> list[str]:
    """The other language's place words that this language does not share."""
    other = "en" if lang == "id" else "id"
    return sorted(_words(other) - _words(lang))


def test_the_place_words_differ_between_the_languages():
    assert {"hal.", "tabel", "baris", "kolom"} <= set(_wrong_words("en"))
    assert {"p.", "table", "row", "column"} <= set(_wrong_words("id"))


def _pattern(lang: str) -> re.Pattern:
    alts = []
    for w in _wrong_words(lang):
        tail = "" if w.endswith(".") else r"(?![\w-])"
        alts.append(r"(?<![\w.-])" + re.escape(w) + tail)
    return re.compile("|".join(alts), re.I)


# -- the run -------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _titles(path: str) -> tuple[str, ...]:
    doc = read_word(path) if path.endswith(".docx") else document(path)
    return tuple(t.title for t in doc.tables if t.title)


@pytest.fixture(scope="module", autouse=True)
def cached():
    """`lkip-audit check` on a PDF sample reuses the session's extraction (the check runs)."""
    import lkip_audit.pipeline as pipeline
    from lkip_audit.check.config import CheckConfig
    from lkip_audit.pipeline import check_document

    real = pipeline.audit

    def audit(path, config=None, *args, **kwargs):
        p = Path(path).resolve()
        if p in (BKD.resolve(), DINKES.resolve()):
            return check_document(document(str(p)), config or CheckConfig())
        return real(path, config, *args, **kwargs)

    pipeline.audit = audit
    yield
    pipeline.audit = real


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """{(document, lang): output directory}, each checked once in every format."""
    out = {}
    for path in (BKD, DINKES, DRAFT):
        for lang in ("id", "en"):
            d = tmp_path_factory.mktemp(f"{path.stem}-{lang}")
            r = CliRunner().invoke(main, ["check", str(path), "--lang", lang, "--no-cache",
                                          "--format", ",".join(FORMATS), "-o", str(d)])
            assert r.exit_code in (0, 1), r.output
            out[(path.name, lang)] = d
    return out


def _quoted(report: dict, path: Path) -> list[str]:
    """Document text the report quotes, longest first."""
    out = set(_titles(str(path)))
    doc = report.get("document") or {}
    out |= {str(doc.get(k)) for k in ("path", "instansi") if doc.get(k)}
    for f in report["findings"]:
        out |= {str(f[k]) for k in ("row", "column", "expected", "actual") if f.get(k)}
        for r in f.get("related") or []:
            out |= {str(r[k]) for k in ("row", "column", "value") if r.get(k)}
    return sorted((q for q in out if len(q.strip()) >= 3), key=len, reverse=True)


def _texts(fmt: str, file: Path) -> list[str]:
    """The human-readable text of one output."""
    if fmt in ("text", "md"):
        return [file.read_text(encoding="utf-8")]
    if fmt == "json":
        data = json.loads(file.read_text(encoding="utf-8"))
        out = []
        for f in data["findings"]:
            out += [f["message"], f.get("location") or ""]
            out += [r.get("section") or "" for r in f.get("related") or []]
        return out
    if fmt == "sarif":
        out = []

        def walk(x, key=None):
            if isinstance(x, dict):
                for k, v in x.items():
                    walk(v, k)
            elif isinstance(x, list):
                for v in x:
                    walk(v, key)
            elif isinstance(x, str) and key in ("text", "markdown", "fullyQualifiedName"):
                out.append(x)
        for run in json.loads(file.read_text(encoding="utf-8"))["runs"]:
            walk(run["results"])  # the rules' documentation (tool.driver.rules) is the catalogue's
        return out
    if fmt == "junit":
        out = []
        for el in ET.parse(file).iter():
            out += [v for k, v in el.attrib.items() if k in ("name", "message") and el.tag != "property"]
            out.append(el.text or "")
        return out
    if fmt == "html":
        page = file.read_text(encoding="utf-8")
        words = re.search(r'<script type="application/json" id="lkip-words">(.*?)</script>', page, re.S)
        page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
        page = re.sub(r'<section id="rules">.*?</section>', " ", page, flags=re.S)  # the catalogue's docs
        page = re.sub(r"<[^>]+>", " ", page)
        words = [re.sub(r"\{\w+\}", "9", w) for w in json.loads(words.group(1)).values()] if words else []
        return [htmlmod.unescape(page)] + words  # the script's words, "{page}" standing for a number
    if fmt == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(file, read_only=True)
        return [str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    raise AssertionError(fmt)


SUFFIX = {"text": ".txt", "json": ".json", "html": ".html", "md": ".md", "sarif": ".sarif",
          "junit": ".junit.xml", "xlsx": ".xlsx"}


@pytest.mark.parametrize("path", [BKD, DINKES, DRAFT], ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_places_are_named_in_the_report_language(runs, path, lang):
    d = runs[(path.name, lang)]
    report = json.loads((d / f"{path.stem}.json").read_text(encoding="utf-8"))
    quoted = _quoted(report, path)
    wrong = _pattern(lang)
    bad = []
    for fmt in FORMATS:
        file = d / f"{path.stem}{SUFFIX[fmt]}"
        assert file.is_file(), file
        for text in _texts(fmt, file):
            text = htmlmod.unescape(text)
            for q in quoted:
                text = text.replace(q, "\x00")
            text = re.sub(r'"[^"\n]*"|“[^”\n]*”|\'[^\'\n]*\'', "\x00", text)  # quoted document text
            for m in wrong.finditer(text):
                line = text[max(0, m.start() - 60):m.end() + 30].replace("\n", " ")
                bad.append(f"{fmt}: ...{line}...")
    assert not bad, f"{len(bad)} place words of the other language in the {lang} report:\n" + "\n".join(bad[:40])


# -- --debug and --explain-matches -----------------------------------------------------------

def _stderr(*args: str) -> list[str]:
    r = CliRunner().invoke(main, ["check", *args, "--no-progress", "--no-cache", "-o", os.devnull],
                           env={"COLUMNS": "1000"})
    assert r.exit_code in (0, 1), r.output
    return [line for line in r.stderr.splitlines() if line.strip()]


def _level1_headings(path: Path) -> int:
    import docx

    return sum(1 for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_debug_places_a_word_drafts_tables_by_part_and_heading(lang):
    """A .docx has no pages: --debug gives each table's part (chapter) and the heading path it
    stands under, and the polarity evidence's sentence by its paragraph, never a page."""
    lines = _stderr(str(DRAFT), "--debug", "--lang", lang)
    tables = [line for line in lines if re.match(r"\[debug\] p\d+-t\d+ ", line)]
    import docx

    assert len(tables) == len(docx.Document(str(DRAFT)).tables)
    parts, pages = i18n.t("debug.parts", lang), i18n.t("debug.pages", lang)
    most = _level1_headings(DRAFT) + 1  # what stands before the first chapter, then each chapter
    for line in tables:
        m = re.search(rf" {re.escape(parts)}=\[(\d+)(?:, \d+)*\] \((Bab [IVX]+|LAMPIRAN)\b[^)]*\) ", line)
        assert m and 1 <= int(m.group(1)) <= most, line
        assert f" {pages}=" not in line, line
    polarity = [line for line in lines if line.startswith(f"[debug] {i18n.t('debug.polarity', lang)} ")]
    assert polarity
    for line in polarity:
        assert not re.search(r"\bp\d+:", line), line
        assert re.search(rf"Bab [IVX]+ > [\d.]+, {i18n.t('word.paragraph', lang)} \d+: ", line), line


@pytest.mark.parametrize("lang", ["id", "en"])
def test_debug_places_a_pdfs_tables_by_page(lang):
    lines = _stderr(str(DINKES), "--debug", "--lang", lang)
    tables = [line for line in lines if re.match(r"\[debug\] p\d+-t\d+ ", line)]
    assert len(tables) == len(document(str(DINKES)).tables)
    for line in tables:
        page = int(re.match(r"\[debug\] p(\d+)-", line).group(1))  # the id: page of the first piece
        assert f" {i18n.t('debug.pages', lang)}=[{page}" in line, line
        assert f" {i18n.t('debug.parts', lang)}=" not in line, line


@pytest.mark.parametrize("path", [DINKES, DRAFT], ids=lambda p: p.stem)
def test_explain_matches_names_places_in_the_report_language(path):
    for lang in ("id", "en"):
        lines = [line for line in _stderr(str(path), "--explain-matches", "--lang", lang) if line.startswith("    ")]
        assert lines
        wrong = _pattern(lang)
        for line in lines:
            where = line.split(": ", 1)[0]  # the place; the row's name (document text) follows
            assert not wrong.search(where), line
            assert where.strip().startswith(i18n.t("loc.table", lang, table="")), line

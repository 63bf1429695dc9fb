"""HTML report: the report viewer, as one self-contained file or as a served page.

Two panes: the findings on the left, grouped by table, filtered by severity, rule
and table and searched by text; on the right the page the selected finding is on,
at a readable size, with the finding's cell outlined in red, its row in yellow,
the related cells in blue and, for a narrative finding, the sentence itself in
red. ``j``/``k`` or the arrow keys move between the findings shown and the page
follows; every finding carries its rule's ``lkip-audit explain`` text. A finding
of a Word draft (no pages) shows its table as HTML with the cell marked instead.

Entry points::

    render(ri) -> str
        `lkip-audit check --format html`: one self-contained file (works offline,
        opens from e-mail), the page images inlined as data: URIs.

    render_viewer(ri, *, lang=None, page_image_url=None, dpi=110, budget=IMAGE_BUDGET) -> str
        The same page for any caller (the web app of `lkip-audit serve` too).
        ``page_image_url`` None: page images are rendered here, once per page that a
        finding (or a related cell) is on, and inlined; their total stays within
        ``budget`` bytes (pages are encoded smaller when they are many), so a
        100-page report with 200 findings stays under 8 MB. ``page_image_url`` a
        callable ``page -> str`` or a string with ``{page}`` ("/r/3f2a/page/{page}"):
        nothing is rendered, each page's image is fetched from that URL (serve it
        with ``crops.page_image(pdf_path, page).data``, type ``image/webp``) and the
        Content Security Policy allows images from the page's own origin.

What a test (or the web app) can wait for: ``<body data-ready="1">`` once the
script ran, ``data-findings`` (all), ``data-shown`` (after the filters),
``data-current`` (the selected finding's element id, ``f1``... in document order;
``#f7`` in the URL selects one), ``data-page-shown`` (page number, ``docx`` or
empty); ``img#pageimg[data-decoded]`` is the page whose image has decoded; the
outlines are ``#page .mark.cell`` (also ``.row``, ``.related``, ``.sentence``,
``.table``).

Rendering is Jinja2 (templates/viewer.html.j2) with autoescape on: every piece of
document text is escaped by the template engine, data handed to the script goes
through ``tojson``, and the Content Security Policy lets only the report's own
inline script and style block apply (by their SHA-256), so even a mistake in
escaping could not run anything from the document. The viewer's script and style live in static/ and are
inlined. Printing gives the findings list (no page pane, no filters).
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from typing import Callable

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from lkip_audit import __version__
from lkip_audit.extract.docx import extent, is_word_document, word_table
from lkip_audit.extract.model import Table
from lkip_audit.findings import Finding
from lkip_audit.i18n import t
from lkip_audit.report.base import ReportInput, group_by_table, word_location
from lkip_audit.report.crops import DPI, render_pages, sentence_boxes, union
from lkip_audit.report.strings import s

IMAGE_BUDGET = 5_600_000  # bytes of WebP for all page images (7.5 MB once base64-encoded)
MAX_SNIPPET_ROWS = 12  # body rows of a Word table shown around a finding's row
# Drawing order of the outlines (later on top) and their names in the page's CSS.
MARK_ORDER = ("table", "row", "related", "sentence", "cell")


def _related_table(ri: ReportInput, loc) -> str:
    """A related cell's table: "Tabel 3.65"; in a Word draft (no pages) with the heading path
    it stands under, "Bab III > 3.2 > Tabel 3.65"."""
    label = ri.table_label(loc.table, loc.table_id)
    section = word_table(ri.document, loc.table_id)[0] if loc.page is None else None
    return f"{section} > {label}" if section else label


# -- what to outline ------------------------------------------------------------------

def _box(b) -> tuple | None:
    if b is None:
        return None
    if hasattr(b, "x0"):
        return (b.x0, b.top, b.x1, b.bottom)
    return tuple(float(x) for x in b)


def _cells(table: Table | None, page: int) -> list[tuple[int, tuple]]:
    """(row index, box) of every cell of the table on that page (-1 for header cells)."""
    if table is None:
        return []
    out = []
    for hr in table.header_rows:
        out += [(-1, _box(c.bbox)) for c in hr if c.page == page and c.bbox]
    for r in table.rows:
        out += [(r.index, _box(c.bbox)) for c in r.cells if c.page == page and c.bbox]
    return out


def _row_band(cells: list[tuple[int, tuple]], box: tuple) -> tuple | None:
    mid = (box[1] + box[3]) / 2
    rows = {ri for ri, b in cells if b[1] <= mid <= b[3] and ri >= 0}
    return union(b for ri, b in cells if ri in rows) if rows else None


def _row_by_label(table: Table | None, label: str | None, page: int) -> tuple | None:
    if table is None or not label:
        return None
    want = " ".join(label.split()).lower()
    for r in table.rows:
        texts = [" ".join(c.text.split()).lower() for c in r.cells if not c.is_empty]
        if want in texts:
            return union(_box(c.bbox) for c in r.cells if c.page == page and c.bbox)
    return None


def _sentence(f: Finding) -> str | None:
    sent = f.detail.get("sentence") if isinstance(f.detail, dict) else None
    return sent if isinstance(sent, str) and sent.strip() else None


def finding_marks(ri: ReportInput, f: Finding, sentences: dict | None = None) -> list[list]:
    """The outlines of a finding: ``[kind, page, x0, top, x1, bottom]`` in PDF points
    (top-left origin), kind one of MARK_ORDER; related cells keep their order in
    ``f.related`` (the n-th "related" mark is the n-th related location with a box)."""
    if not f.page:
        return []
    marks: list[list] = []

    def add(kind: str, page: int, box) -> None:
        marks.append([kind, int(page), *(round(float(v), 1) for v in box)])

    table = ri.table(f)
    cells = _cells(table, f.page)
    cell = _box(f.bbox)
    if cell:
        band = _row_band(cells, cell)
        if band:
            add("row", f.page, band)
        add("cell", f.page, cell)
    else:
        band = _row_by_label(table, f.row, f.page)
        if band:
            add("row", f.page, band)
    for box in (sentences or {}).get((f.page, _sentence(f)), []):
        add("sentence", f.page, box)
    if not marks:  # no cell, row or sentence: the table itself, if it is on the page
        extent = union(b for _, b in cells)
        if extent:
            add("table", f.page, extent)
    for loc in f.related:
        lb = _box(loc.bbox)
        if lb and loc.page:
            add("related", loc.page, lb)
    return marks


def _related_index(f: Finding) -> list[int | None]:
    """For each related location: its index among the finding's related marks, or None."""
    out, k = [], 0
    for loc in f.related:
        if loc.bbox and loc.page:
            out.append(k)
            k += 1
        else:
            out.append(None)
    return out


# -- a Word draft's table ---------------------------------------------------------------

def table_snippet(ri: ReportInput, f: Finding) -> dict | None:
    """A finding in a Word draft (no page to show): its table, the header and the rows around
    the finding's row; the row marked yellow, the cell red, related cells of the same table blue.
    Rendered by the ``docx_table`` macro of the template."""
    table = ri.table(f)
    if table is None or not table.rows:
        return None
    hit = f.row_index
    if hit is None and f.row:
        hit = next((r.index for r in table.rows if f.row in " ".join(r.texts())), None)
    col = f.column_index
    if col is None and f.column in table.columns:
        col = table.columns.index(f.column)
    related = set()
    for loc in f.related:
        if (loc.table_id and loc.table_id == table.id) or (not loc.table_id and loc.table and loc.table == table.number):
            for r in table.rows:
                if loc.row and loc.row in " ".join(r.texts()) and loc.column in table.columns:
                    related.add((r.index, table.columns.index(loc.column)))
    return _window(table, hit, col, related, hit if hit is not None else 0)


def _window(table, hit: int | None, col: int | None, related: set, centre: int) -> dict:
    """The header and up to MAX_SNIPPET_ROWS rows around ``centre``: row ``hit`` marked, its
    cell ``col`` red, the ``related`` (row, column) cells blue."""
    lo = max(0, centre - MAX_SNIPPET_ROWS // 2)
    rows = []
    for r in table.rows[lo:lo + MAX_SNIPPET_ROWS]:
        cells = [(c.text, "cell" if (r.index == hit and k == col) else ("rel" if (r.index, k) in related else ""))
                 for k, c in enumerate(r.cells)]
        rows.append({"hit": r.index == hit, "cells": cells})
    return {"columns": list(table.columns), "rows": rows, "before": lo > 0,
            "after": lo + MAX_SNIPPET_ROWS < len(table.rows)}


def paragraph_snippet(ri: ReportInput, f: Finding) -> dict | None:
    """A Word draft's finding in a sentence: its paragraph as Word prints it, headed by its place
    ("Bab III > 3.1, paragraf 28"), the sentence marked; None when it has no paragraph."""
    from lkip_audit.extract.docx import paragraph_text

    text = paragraph_text(ri.document, f.paragraph)
    if not text:
        return None
    label = f"{f.section + ', ' if f.section else ''}{t('word.paragraph', ri.lang)} {f.paragraph}"
    sent = " ".join((_sentence(f) or "").split())
    flat = " ".join(text.split())
    k = flat.find(sent) if sent else -1
    if k < 0:
        return {"label": label, "before": flat, "mark": "", "after": ""}
    return {"label": label, "before": flat[:k], "mark": sent, "after": flat[k + len(sent):]}


MAX_RELATED_TABLES = 2  # as the PDF path shows two related crops per finding


def related_snippets(ri: ReportInput, f: Finding) -> list[dict]:
    """A Word draft's finding whose related cells stand in other tables (the same item in
    another table): each such table (at most MAX_RELATED_TABLES), headed by where it is in
    Word ("Bab IV > Tabel IV.1"), with the related cells marked blue."""
    own = ri.table(f)
    by_table: dict[str, list] = {}
    for loc in f.related:
        if loc.table_id and (own is None or loc.table_id != own.id):
            by_table.setdefault(loc.table_id, []).append(loc)
    out = []
    for tid, locs in list(by_table.items())[:MAX_RELATED_TABLES]:
        table = next((tb for tb in ri.document.tables if tb.id == tid), None)
        if table is None or not table.rows:
            continue
        related = set()
        for loc in locs:
            if loc.column not in table.columns:
                continue
            want = " ".join((loc.row or "").split())
            rows = [r for r in table.rows if want and any(" ".join(c.text.split()) == want for c in r.cells)] or \
                [r for r in table.rows if want and want in " ".join(r.texts())]
            if rows:
                related.add((rows[0].index, table.columns.index(loc.column)))
        if not related:
            continue
        out.append({"label": _related_table(ri, locs[0]),
                    "table": _window(table, None, None, related, min(r for r, _ in related))})
    return out


# -- the page ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=PackageLoader("lkip_audit.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env


@lru_cache(maxsize=None)
def _static(name: str) -> str:
    return resources.files("lkip_audit.report").joinpath("static", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _explanations(ri: ReportInput, rule_ids: list[str], lang: str) -> list[dict]:
    from lkip_audit.report.explain import explain

    known = {r.id: r for r in ri.rules}
    out = []
    for rid in rule_ids:
        rule = known.get(rid)
        if rule is None:
            try:
                from lkip_audit.check.catalogue import load_catalogue

                rule = load_catalogue().get(rid)
            except Exception:  # a catalogue that cannot load: the finding keeps its message
                rule = None
        if rule is not None:
            out.append({"id": rid, "title": rule.title.get(lang) or rule.title.get("id", ""),
                        "text": explain(rule, lang, severity=ri.severity_of(rule))})
    return out


def _page_size(ri: ReportInput, page: int) -> tuple[float, float]:
    pages = ri.document.pages
    if 0 < page <= len(pages) and pages[page - 1].width:
        return float(pages[page - 1].width), float(pages[page - 1].height)
    return 595.3, 841.9  # A4


def render_viewer(ri: ReportInput, *, lang: str | None = None,
                  page_image_url: str | Callable[[int], str] | None = None,
                  dpi: int = DPI, budget: int = IMAGE_BUDGET) -> str:
    """The viewer page (see the module docstring)."""
    lang = lang or ri.lang
    doc = ri.document
    findings = list(ri.findings)

    wanted: dict[int, list[str]] = {}
    for f in findings:
        if f.page and _sentence(f):
            wanted.setdefault(f.page, []).append(_sentence(f))
    try:
        sentences = sentence_boxes(doc.path, wanted) if wanted and doc.path else {}
    except Exception:  # the PDF is gone or unreadable: no sentence outlines
        sentences = {}
    marks = {id(f): finding_marks(ri, f, sentences) for f in findings}

    needed = sorted({f.page for f in findings if f.page} | {m[1] for ms in marks.values() for m in ms})
    pages: dict[str, dict] = {}
    if page_image_url is None:
        try:
            images = render_pages(doc.path, needed, dpi=dpi, budget=budget) if needed and doc.path else {}
        except Exception:  # not a PDF we can render (a Word draft has no pages anyway)
            images = {}
        for p, img in images.items():
            w, h = _page_size(ri, p)
            pages[str(p)] = {"src": img.data_uri(), "w": w, "h": h}
    else:
        template = page_image_url
        url = template if callable(template) else (lambda p: str(template).format(page=p))
        for p in needed:
            w, h = _page_size(ri, p)
            pages[str(p)] = {"src": url(p), "w": w, "h": h}

    number = {id(f): i + 1 for i, f in enumerate(findings)}
    word = is_word_document(ri.document)  # a Word draft: tables as HTML, no page images
    groups = []
    for (table, table_id), fs in group_by_table(findings):
        first = fs[0]
        tb = ri.table(first)
        items = []
        for f in fs:
            rel_idx = _related_index(f)
            related = []
            for loc, k in zip(f.related, rel_idx):
                where = ", ".join(x for x in (
                    f"{t('col.page', lang)} {loc.page}" if loc.page else None,
                    _related_table(ri, loc) if (loc.table or loc.table_id) else None,
                    loc.row, loc.column) if x)
                related.append({"where": where, "value": loc.value if loc.value is not None else "-",
                                "mark": k, "page": loc.page})
            items.append({
                "n": number[id(f)], "f": f, "key": _table_key(f),
                "where": (f"{t('col.page', lang)} {f.page}" if f.page else word_location(f, lang, ri.document) or "-"),
                "marks": marks[id(f)], "related": related,
                "snippet": table_snippet(ri, f) if f.page is None else None,
                "related_snippets": related_snippets(ri, f) if f.page is None and word else [],
                "paragraph": paragraph_snippet(ri, f) if f.page is None and word else None,
                "has_image": bool(f.page and str(f.page) in pages),
                # a Word draft: searchable by its place in Word, not the reader's table id
                "search": " ".join(x for x in (f.rule, f.message, f.row, f.column, f.table,
                                               word_location(f, lang, ri.document) if word else f.table_id,
                                               f.actual, f.expected, _sentence(f)) if x).lower(),
            })
        pages_of = sorted({f.page for f in fs if f.page})
        groups.append({"key": _table_key(first), "label": ri.table_heading(table, table_id),
                       "title": tb.title if tb else "", "pages": pages_of, "findings": items})

    c = ri.counts()
    title = f"{s('report.title', lang)}: {doc.instansi or ri.path}" + (f" {doc.tahun}" if doc.tahun else "")
    sevs = [(sv, t("severity." + sv, lang)) for sv in ("error", "warning", "info") if c.get(sv)]
    rule_ids = sorted({f.rule for f in findings})
    tables = list(dict.fromkeys((g["key"], g["label"]) for g in groups))  # two pieces of one numbered table: one entry
    js, css = _static("viewer.js"), _static("viewer.css")
    img_src = "data:" if page_image_url is None else "'self' data:"
    csp = f"default-src 'none'; img-src {img_src}; style-src 'sha256-{_sha256(css)}'; script-src 'sha256-{_sha256(js)}'"
    summary = [
        (t("header.document", lang), ri.path),
        (t("header.instansi", lang), doc.instansi or "-"),
        (t("header.tahun", lang), doc.tahun or "-"),
        extent(doc, lang),  # a Word document has parts, not pages
        (t("header.tables", lang), len(doc.tables)),
    ]
    if ri.unchecked_pages():
        summary.append((s("summary.unchecked", lang), ", ".join(map(str, ri.unchecked_pages()))))
    if ri.suppressed:
        summary.append((s("summary.suppressed", lang), ri.suppressed))
    summary.append((s("summary.sha256", lang), doc.sha256))

    def w(key: str, **kw) -> str:
        return s(key, lang, **kw)

    return _env().get_template("viewer.html.j2").render(
        lang=lang, title=title, csp=csp, css=Markup(css), js=Markup(js), summary=summary,
        counts=[(sv, c.get(sv, 0), t("severity." + sv, lang)) for sv in ("error", "warning", "info")],
        total=len(findings), sevs=sevs, rules=[(r, r) for r in rule_ids], tables=tables, groups=groups,
        explanations=_explanations(ri, rule_ids, lang), pages=pages, version=__version__, t=lambda k: t(k, lang),
        w=w,
    )


def render(ri: ReportInput, dpi: int = DPI) -> str:
    """`--format html`: the self-contained viewer, page images inlined."""
    return render_viewer(ri, dpi=dpi)


def _table_key(f: Finding) -> str:
    return f.table or f.table_id or "-"

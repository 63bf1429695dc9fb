"""HTML report: one self-contained file for reviewers (works offline, from e-mail).

A summary, a findings table that filters by severity, rule and table, and for
each finding a crop of the PDF page with the cell highlighted (red), its row
(yellow) and the related cells (blue), plus crops of related cells in other
tables. Every piece of document text goes through ``html.escape``; a Content
Security Policy allows only the report's own script (by hash) and data: images,
so even a mistake in escaping could not run anything from the document. Prints
cleanly (filters hidden, a finding never split over pages).
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from lkip_audit import __version__
from lkip_audit.extract.model import Table
from lkip_audit.findings import Finding, Location
from lkip_audit.i18n import t
from lkip_audit.report.base import ReportInput, word_location
from lkip_audit.report.crops import CropSpec, Mark, render_crops, union
from lkip_audit.report.strings import s

MAX_CROPS = 600  # beyond this many findings, no images (keeps the file a sensible size)
MAX_RELATED_CROPS = 2  # per finding, for related cells in other tables or pages
CONTEXT_PT = 26  # points of page shown above and below the row
MAX_GROW_PT = 300  # same-page related cells are folded into the crop up to this height

CSS = """
:root{--err:#b3261e;--warn:#8a5a00;--info:#0b5cad;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0 auto;max-width:1280px;
 padding:16px 20px;color:#1f2328}
h1{font-size:22px;margin:0 0 8px}
.summary{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 12px}
.summary dt{font-weight:600}.summary dd{margin:0}
.counts span{display:inline-block;margin-right:12px;font-weight:600}
.sev-error .sev,.c-error{color:var(--err)}.sev-warning .sev,.c-warning{color:var(--warn)}
.sev-info .sev,.c-info{color:var(--info)}
.filters{position:sticky;top:0;background:#fff;padding:8px 0;border-bottom:1px solid var(--line);z-index:1}
.filters label{margin-right:14px}.filters select{max-width:260px}
table#findings{border-collapse:collapse;width:100%;margin-top:8px}
#findings th,#findings td{border:1px solid var(--line);padding:4px 6px;vertical-align:top;text-align:left}
#findings th{background:var(--bg)}
#findings td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
#findings td.exp{font-weight:700}
tr.detail td{background:#fff;padding:6px 6px 12px}
img.crop{max-width:100%;height:auto;border:1px solid var(--line);display:block}
table.docx{border-collapse:collapse;font-size:12px;margin:2px 0}table.docx td,table.docx th{border:1px solid #aaa;padding:2px 5px}
table.docx th{background:var(--bg)}table.docx tr.hit td{background:#fff3bf}table.docx td.rel{outline:2px solid var(--info)}
table.docx td.cell{outline:3px solid var(--err);font-weight:700}
.related{margin:6px 0 0;padding-left:18px;font-size:13px}
.relimg{display:inline-block;margin:6px 8px 0 0;vertical-align:top;max-width:48%}
.relimg figcaption{font-size:12px;color:#57606a}
.muted{color:#57606a;font-size:13px}
tbody.finding{break-inside:avoid;page-break-inside:avoid}
@media print{.filters{display:none}body{max-width:none;padding:0}img.crop{max-height:9cm;width:auto}}
"""

JS = """
(function(){
var keys=['severity','rule','table'];
var bodies=document.querySelectorAll('tbody.finding');
function apply(){var n=0;bodies.forEach(function(b){var ok=keys.every(function(k){var v=document.getElementById('f-'+k).value;
return !v||b.getAttribute('data-'+k)===v;});b.hidden=!ok;if(ok){n++;}});document.getElementById('shown').textContent=n;}
keys.forEach(function(k){document.getElementById('f-'+k).addEventListener('change',apply);});
window.addEventListener('load',function(){var imgs=document.querySelectorAll('img.crop');var ok=0;
imgs.forEach(function(i){if(i.complete&&i.naturalWidth>0){ok++;}});var d=document.body;
d.setAttribute('data-finding-rows',String(bodies.length));d.setAttribute('data-images-total',String(imgs.length));
d.setAttribute('data-images-loaded',String(ok));d.setAttribute('data-ready','1');});
})();
"""


def e(v) -> str:
    return escape("" if v is None else str(v), quote=True)


# -- where to crop ---------------------------------------------------------------

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


def _spec_around(page: int, focus: tuple, extent: tuple | None, marks: list[Mark], page_size) -> CropSpec:
    x0, x1 = (extent[0], extent[2]) if extent else (focus[0] - 150, focus[2] + 150)
    x0, x1 = min(x0, focus[0]) - 6, max(x1, focus[2]) + 6
    area = (x0, focus[1] - CONTEXT_PT, x1, focus[3] + CONTEXT_PT)
    return CropSpec(page=page, area=_round(area), marks=tuple(marks))


def _round(b) -> tuple:
    return tuple(round(float(x), 1) for x in b)


def plan_finding(ri: ReportInput, f: Finding) -> tuple[CropSpec | None, list[tuple[Location, CropSpec]]]:
    """The crop of the finding's cell and crops of related cells elsewhere."""
    if not f.page:
        return None, []
    table = ri.table(f)
    cells = _cells(table, f.page)
    extent = union(b for _, b in cells)
    page = ri.document.pages[f.page - 1] if 0 < f.page <= len(ri.document.pages) else None
    cell = _box(f.bbox)
    marks: list[Mark] = []
    focus = None
    if cell:
        band = _row_band(cells, cell)
        if band:
            marks.append(Mark(_round(band), "row"))
        marks.append(Mark(_round(cell), "cell"))
        focus = band or cell
    else:
        band = _row_by_label(table, f.row, f.page)
        if band:
            marks.append(Mark(_round(band), "row"))
            focus = band
    elsewhere: list[Location] = []
    same_page = []
    for loc in f.related:
        lb = _box(loc.bbox)
        if lb and loc.page == f.page and (loc.table_id is None or loc.table_id == f.table_id or loc.table == f.table):
            same_page.append(lb)
        elif lb and loc.page:
            elsewhere.append(loc)
    if focus and same_page:
        grown = union([focus, *same_page])
        if grown[3] - grown[1] <= MAX_GROW_PT:
            focus = grown
            marks[:0] = [Mark(_round(b), "related") for b in same_page]
    if focus is None:
        if extent:  # no cell and no row: the top of the table
            focus = (extent[0], extent[1], extent[2], min(extent[3], extent[1] + MAX_GROW_PT))
        elif page is not None:  # a page-level finding: the whole page, scaled down
            return CropSpec(page=f.page, area=(0.0, 0.0, float(page.width), float(page.height)), max_width=520), []
        else:
            return None, []
    main = _spec_around(f.page, focus, extent, marks, None)
    rel_specs = []
    for loc in elsewhere[:MAX_RELATED_CROPS]:
        lb = _box(loc.bbox)
        other = next((tb for tb in ri.document.tables if tb.id == loc.table_id), None) if loc.table_id else None
        ocells = _cells(other, loc.page)
        oband = _row_band(ocells, lb) if ocells else None
        omarks = ([Mark(_round(oband), "row")] if oband else []) + [Mark(_round(lb), "related")]
        rel_specs.append((loc, _spec_around(loc.page, oband or lb, union(b for _, b in ocells), omarks, None)))
    return main, rel_specs


# -- the page ---------------------------------------------------------------------

def render(ri: ReportInput, images: bool = True, dpi: int = 100) -> str:
    lang, doc = ri.lang, ri.document
    plans = {}
    if images:
        for i, f in enumerate(ri.findings[:MAX_CROPS]):
            plans[i] = plan_finding(ri, f)
        specs = [sp for main, rel in plans.values() for sp in ([main] if main else []) + [r for _, r in rel]]
        uris = render_crops(doc.path, specs, dpi=dpi) if specs else {}
    else:
        uris = {}
    c = ri.counts()
    title = f"{s('report.title', lang)}: {doc.instansi or ri.path}" + (f" {doc.tahun}" if doc.tahun else "")
    js_hash = base64.b64encode(hashlib.sha256(JS.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-{js_hash}'"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{CSS}</style></head>",
        '<body data-ready="0">',
        f"<header><h1>{e(title)}</h1><dl class=\"summary\">",
    ]
    summary = [
        (t("header.document", lang), e(ri.path)),
        (t("header.instansi", lang), e(doc.instansi or "-")),
        (t("header.tahun", lang), e(doc.tahun or "-")),
        (t("header.pages", lang), e(doc.page_count)),
        (t("header.tables", lang), e(len(doc.tables))),
        (t("header.findings", lang), '<span class="counts">' + "".join(
            f'<span class="c-{sev}">{c.get(sev, 0)} {e(t("severity." + sev, lang))}</span>'
            for sev in ("error", "warning", "info")) + "</span>"),
    ]
    if ri.unchecked_pages():
        summary.append((s("summary.unchecked", lang), e(", ".join(map(str, ri.unchecked_pages())))))
    if ri.suppressed:
        summary.append((s("summary.suppressed", lang), e(ri.suppressed)))
    summary.append((s("summary.sha256", lang), f"<code>{e(doc.sha256)}</code>"))
    out += [f"<dt>{e(k)}</dt><dd>{v}</dd>" for k, v in summary]
    out.append(f'</dl><p class="muted">{e(s("html.print_hint", lang))}</p></header>')

    def options(key: str, values: list[tuple[str, str]]) -> str:
        opts = [f'<option value="">{e(s("filter.all", lang))}</option>']
        opts += [f'<option value="{e(v)}">{e(label)}</option>' for v, label in values]
        return f'<select id="f-{key}">{"".join(opts)}</select>'

    sevs = [(sv, t("severity." + sv, lang)) for sv in ("error", "warning", "info") if c.get(sv)]
    rules = [(r, r) for r in sorted({f.rule for f in ri.findings})]
    tables, seen = [], set()
    for f in sorted(ri.findings, key=lambda f: (f.page or 0)):
        key = _table_key(f)
        if key not in seen:
            seen.add(key)
            tables.append((key, ri.table_label(f.table, f.table_id)))
    out.append(
        '<section class="filters">'
        f'<label>{e(s("col.severity", lang))} {options("severity", sevs)}</label>'
        f'<label>{e(t("col.rule", lang))} {options("rule", rules)}</label>'
        f'<label>{e(t("col.table", lang))} {options("table", tables)}</label>'
        f'<span id="shown">{len(ri.findings)}</span> / {len(ri.findings)} {e(s("filter.shown", lang))}</section>'
    )
    if not ri.findings:
        out.append(f"<p>{e(t('no_findings', lang))}</p>")
    heads = [s("col.no", lang), t("col.rule", lang), s("col.severity", lang), t("col.page", lang),
             t("col.table", lang), t("col.row", lang), t("col.column", lang), t("col.actual", lang),
             t("col.expected", lang), s("col.reason", lang)]
    out.append('<table id="findings"><thead><tr>' + "".join(f"<th>{e(h)}</th>" for h in heads) + "</tr></thead>")
    for i, f in enumerate(ri.findings):
        main, rel = plans.get(i, (None, []))
        out.append(
            f'<tbody class="finding sev-{e(f.severity)}" id="f{i + 1}" data-severity="{e(f.severity)}" '
            f'data-rule="{e(f.rule)}" data-table="{e(_table_key(f))}" data-fingerprint="{e(f.fingerprint())}">'
        )
        tlabel = f.table or (f"({t('table.none', lang)}, {f.table_id})" if f.table_id else "-")
        out.append(
            f'<tr class="main"><td>{i + 1}</td><td>{e(f.rule)}</td>'
            f'<td class="sev">{e(t("severity." + f.severity, lang))}</td><td>{e(f.page or word_location(f, lang) or "-")}</td>'
            f'<td>{e(tlabel)}</td><td>{e(f.row or "-")}</td><td>{e(f.column or "-")}</td>'
            f'<td class="num">{e(f.actual if f.actual is not None else "-")}</td>'
            f'<td class="num exp">{e(f.expected if f.expected is not None else "-")}</td><td>{e(f.message)}</td></tr>'
        )
        detail = []
        if main and main in uris:
            alt = s("html.crop_alt", lang, page=f.page)
            detail.append(f'<img class="crop" src="{uris[main]}" alt="{e(alt)}">')
        elif f.page is None and (snippet := table_html(ri, f)):
            detail.append(snippet)  # a Word draft has no pages to crop: its table, the cell marked
        elif images and i < MAX_CROPS:
            detail.append(f'<span class="muted">{e(s("html.no_image", lang))}</span>')
        if f.related:
            items = []
            for loc in f.related:
                where = ", ".join(x for x in (
                    f"{t('col.page', lang)} {loc.page}" if loc.page else None,
                    ri.table_label(loc.table, loc.table_id) if (loc.table or loc.table_id) else None,
                    loc.row, loc.column) if x)
                items.append(f"<li>{e(where)}: <b>{e(loc.value if loc.value is not None else '-')}</b></li>")
            detail.append(f'<details><summary>{e(s("col.related", lang))} ({len(f.related)})</summary>'
                          f'<ul class="related">{"".join(items)}</ul></details>')
        for loc, sp in rel:
            if sp in uris:
                cap = ", ".join(x for x in (f"{t('col.page', lang)} {loc.page}",
                                            ri.table_label(loc.table, loc.table_id), loc.row, loc.value) if x)
                detail.append(f'<figure class="relimg"><img class="crop" src="{uris[sp]}" '
                              f'alt="{e(s("html.crop_alt", lang, page=loc.page))}"><figcaption>{e(cap)}</figcaption></figure>')
        if detail:
            out.append(f'<tr class="detail"><td colspan="{len(heads)}">{"".join(detail)}</td></tr>')
        out.append("</tbody>")
    out.append("</table>")
    out.append(f'<p class="muted">lkip-audit {e(__version__)}</p>')
    out.append(f"<script>{JS}</script></body></html>")
    return "\n".join(out) + "\n"


MAX_SNIPPET_ROWS = 12  # body rows of a Word table shown around a finding's row


def table_html(ri: ReportInput, f: Finding) -> str | None:
    """A finding in a Word draft (no page to crop): its table as HTML, the header and the
    rows around the finding's row; the row marked yellow, the cell red, related cells of
    the same table blue."""
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
    centre = hit if hit is not None else 0
    lo = max(0, centre - MAX_SNIPPET_ROWS // 2)
    rows = table.rows[lo:lo + MAX_SNIPPET_ROWS]
    out = ['<table class="docx">', "<tr>" + "".join(f"<th>{e(c)}</th>" for c in table.columns) + "</tr>"]
    if lo > 0:
        out.append(f'<tr><td colspan="{len(table.columns)}" class="muted">...</td></tr>')
    for r in rows:
        cells = []
        for k, c in enumerate(r.cells):
            cls = "cell" if (r.index == hit and k == col) else ("rel" if (r.index, k) in related else "")
            cells.append(f'<td class="{cls}">{e(c.text)}</td>' if cls else f"<td>{e(c.text)}</td>")
        out.append(f'<tr class="hit">' if r.index == hit else "<tr>")
        out.append("".join(cells) + "</tr>")
    if lo + MAX_SNIPPET_ROWS < len(table.rows):
        out.append(f'<tr><td colspan="{len(table.columns)}" class="muted">...</td></tr>')
    out.append("</table>")
    return "".join(out)


def _table_key(f: Finding) -> str:
    return f.table or f.table_id or "-"

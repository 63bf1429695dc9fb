"""The lines `check --debug` prints on stderr: how each table was read, and the polarity
evidence of each indicator row. Their place words follow --lang; a Word draft has no pages,
so its tables are placed by part (the chapters the text report calls "Bagian") and the
heading path they stand under, never by "hal." (README, "Word drafts")."""

from __future__ import annotations

from lkip_audit.i18n import register, t

register({
    "debug.table": {"id": "tabel", "en": "table"},
    "debug.pages": {"id": "hal", "en": "pages"},
    "debug.parts": {"id": "bagian", "en": "parts"},
    "debug.rows": {"id": "baris", "en": "rows"},
    "debug.row": {"id": "baris", "en": "row"},
    "debug.polarity": {"id": "polaritas", "en": "polarity"},
    "debug.lower": {"id": "semakin rendah semakin baik", "en": "lower is better"},
    "debug.higher": {"id": "semakin tinggi semakin baik", "en": "higher is better"},
})


def table_lines(doc, lang: str = "id") -> list[str]:
    """"[debug] p27-t1 tabel=3.11 hal=[27] baris=6 extractor=pdfium-lines"; in a Word draft
    "[debug] p4-t2 tabel=3 bagian=[4] (Bab III > 3.1) baris=6 extractor=docx"."""
    from lkip_audit.extract.docx import is_word_document, word_place

    word = is_word_document(doc)
    out = []
    for tb in doc.tables:
        where = (f"{t('debug.parts', lang)}={tb.pages} ({word_place(doc, tb.id)})" if word
                 else f"{t('debug.pages', lang)}={tb.pages}")
        out.append(f"[debug] {tb.id} {t('debug.table', lang)}={tb.number} {where} "
                   f"{t('debug.rows', lang)}={len(tb.rows)} extractor={tb.extractor}")
    return out


def polarity_lines(understanding, lang: str = "id", doc=None) -> list[str]:
    """The polarity evidence per indicator row: "[debug] polaritas p27-t1 tabel=3.11 baris=2:
    semakin rendah semakin baik (sentence: p27: '...')"; in a Word draft the sentence by its
    paragraph ("Bab III > 3.1, paragraf 12: '...'"), not the reader's pseudo-page."""
    from lkip_audit.extract.docx import is_word_document

    word = is_word_document(doc)
    out = []
    for at in understanding.tables:
        for r, p in sorted((getattr(at, "polarity", None) or {}).items()):
            source = _word_source(doc, p.source, lang) if word else p.source
            out.append(f"[debug] {t('debug.polarity', lang)} {at.table.id} {t('debug.table', lang)}={at.table.number} "
                       f"{t('debug.row', lang)}={r + 1}: {t('debug.lower' if p.lower else 'debug.higher', lang)} "
                       f"({p.evidence}: {source})")
    return out


def _word_source(doc, source: str, lang: str) -> str:
    """A polarity source "p6: 'text'" of a Word draft with its paragraph's place for "p6"."""
    import ast
    import re

    from lkip_audit.extract.docx import paragraph_place

    m = re.match(r"p(\d+): (['\"].*)$", source or "", re.S)
    if not m:
        return source
    try:
        text = ast.literal_eval(m.group(2))
    except (ValueError, SyntaxError):
        text = ""
    place = paragraph_place(doc, int(m.group(1)), text, lang) or f"{t('debug.parts', lang)}={m.group(1)}"
    return f"{place}: {m.group(2)}"

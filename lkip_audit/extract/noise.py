"""Scanned pages whose text layer is only noise (a bad invisible OCR layer, glyphs
without a usable encoding): the heuristic, and the marking of such pages as image-only.

Its own module (issue #14.3): the process guard (extract/guard.py) marks the pages after
reading, and the OCR reader (extract/ocr.py) asks the same question of the text it
gets; neither imports the other for it."""

from __future__ import annotations

import re

from lkip_audit.extract.model import Document, PageProblem

_WORDISH = re.compile(r"^(?:[A-Za-zÀ-ÿ]{2,}[.,:;)]?|\(?[\d.,%-]+\)?|[A-Za-z]\.?)$")


def text_is_noise(text: str) -> bool:
    """True when a page's text layer is not real text: a bad invisible OCR layer or
    glyphs without a usable encoding. Heuristic: most tokens are neither words nor
    numbers, or most characters are not letters, digits or common punctuation."""
    tokens = text.split()
    chars = "".join(tokens)
    if len(chars) < 20:
        return False  # too little to judge (a page number, a title)
    plain = sum(1 for c in chars if c.isalnum() or c in ".,:;()%-/'\"")
    wordish = sum(1 for tk in tokens if _WORDISH.match(tk))
    return plain / len(chars) < 0.6 or wordish / len(tokens) < 0.35


def mark_noise_pages(doc: Document) -> None:
    """Pages whose text layer is only noise are reported as scanned (image-only) and
    their tables dropped: their numbers are not what is printed."""
    known = {p.page for p in doc.problems}
    noise = set()
    for page in doc.pages:
        if page.number in known or not page.has_text:
            continue
        if text_is_noise(page.text):
            noise.add(page.number)
            page.problem = "image-only"
            doc.problems.append(PageProblem(page.number, "image-only", "the text layer is only noise (a scan with a bad text layer?)"))
    if noise:
        doc.tables = [t for t in doc.tables if not set(t.pages) <= noise]
        doc.problems.sort(key=lambda p: p.page)

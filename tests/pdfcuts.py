"""Small test PDFs cut from a sample report (pages chosen for their known errors)."""

from __future__ import annotations

from pathlib import Path


def cut_pages(src: Path, cuts: dict[str, list[int]], out: Path) -> None:
    """Write out/<name>.pdf with the given 1-based pages of src, for each name."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(src))
    try:
        for name, pages in cuts.items():
            new = pdfium.PdfDocument.new()
            new.import_pages(doc, [p - 1 for p in pages])
            new.save(str(out / f"{name}.pdf"))
            new.close()
    finally:
        doc.close()


def truncated_copy(src: Path, dst: Path) -> None:
    """A copy cut to its first third: xref and most objects gone (a damaged PDF)."""
    whole = src.read_bytes()
    dst.write_bytes(whole[: len(whole) // 3])

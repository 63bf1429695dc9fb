"""Generate the corpus of bad inputs (issue #6) into a directory. Nothing here is
downloaded and nothing binary is committed: every file is built from the
committed samples, reportlab, pypdfium2, pypdf and zlib.

    python -m tests.robust.corpus OUT_DIR [--big]

Known errors used by the expectations (from samples/src/dinkes-sukamaju-2024/errors.yaml):
page 22 of lkip-contoh-dinkes-2024.pdf holds Tabel 3.18 with E01 (PCT001: realisasi
547.170.012 / anggaran 634.250.000 x 100 = 86,27, printed 88,27); page 28 holds
Tabel 3.28 with E02 (PCT001: 23.064.575.732 / 24.214.325.000 x 100 = 95,25, printed 94,15).
"""

from __future__ import annotations

import io
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DINKES = ROOT / "samples" / "lkip-contoh-dinkes-2024.pdf"
BKD = ROOT / "samples" / "lkip-bkd-banten-2024.pdf"
ERROR_PAGES = (22, 28)  # 1-based pages of DINKES with E01 and E02


def _subset(src: Path, pages: list[int], out: Path, rotate: dict[int, int] | None = None) -> Path:
    """A new PDF with ``pages`` (1-based) of ``src``; ``rotate`` maps new 1-based page -> degrees."""
    import pypdfium2 as pdfium

    s = pdfium.PdfDocument(str(src))
    d = pdfium.PdfDocument.new()
    d.import_pages(s, [p - 1 for p in pages])
    for n, deg in (rotate or {}).items():
        d[n - 1].set_rotation(deg)
    d.save(str(out))
    d.close()
    s.close()
    return out


def two_pages(out: Path) -> Path:
    """Pages 22 and 28 of the dinkes sample: two tables, one known error each."""
    return _subset(DINKES, list(ERROR_PAGES), out)


# --- not a PDF -------------------------------------------------------------

def html(out: Path) -> Path:
    out.write_text("<!DOCTYPE html><html><head><title>LKIP 2024</title></head>"
                   "<body><h1>Laporan Kinerja</h1><p>Halaman tidak ditemukan</p></body></html>\n", encoding="utf-8")
    return out


def zip_file(out: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document>LKIP</w:document>")
    out.write_bytes(buf.getvalue())
    return out


def png(out: Path) -> Path:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buf, format="PNG")
    out.write_bytes(buf.getvalue())
    return out


def empty(out: Path) -> Path:
    out.write_bytes(b"")
    return out


# --- damaged ---------------------------------------------------------------

def truncated(out: Path, tmp: Path) -> Path:
    """The two-page extract cut at 45 % of its bytes: no xref, no trailer, the
    second page's objects gone."""
    data = two_pages(tmp / "_two.pdf").read_bytes()
    out.write_bytes(data[: int(len(data) * 0.45)])
    return out


def broken_xref(out: Path, tmp: Path) -> Path:
    """The two-page extract with every xref offset overwritten (wrong by up to
    10^9 bytes): a reader must rebuild the table by scanning the file."""
    import re

    data = two_pages(tmp / "_two.pdf").read_bytes()
    start = data.rindex(b"\nxref")
    head, tail = data[:start], data[start:]
    tail = re.sub(rb"(?m)^\d{10} (\d{5}) n", lambda m: b"9" + b"0" * 9 + b" " + m.group(1) + b" n", tail)
    sx = tail.rindex(b"startxref")
    tail = tail[:sx] + b"startxref\n123\n%%EOF\n"
    out.write_bytes(head + tail)
    return out


def _encrypt(out: Path, tmp: Path, user: str, owner: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(str(two_pages(tmp / "_two.pdf"))))
    w.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    with open(out, "wb") as f:
        w.write(f)
    return out


def encrypted_user(out: Path, tmp: Path) -> Path:
    return _encrypt(out, tmp, "rahasia", "pemilik")


def encrypted_owner(out: Path, tmp: Path) -> Path:
    """Only an owner password (empty user password): any viewer opens it."""
    return _encrypt(out, tmp, "", "pemilik")


def _raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def zero_pages(out: Path) -> Path:
    out.write_bytes(_raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    return out


def _text_page_stream(lines: list[str]) -> bytes:
    parts = [b"BT /F1 11 Tf 72 760 Td 14 TL"]
    for ln in lines:
        parts.append(b"(" + ln.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b") '")
    parts.append(b"ET")
    return b"\n".join(parts)


def bomb(out: Path, inflated_mb: int = 400) -> Path:
    """Two pages: page 1 plain text; page 2's content stream is a few hundred KB of
    FlateDecode that inflates to ``inflated_mb`` MB of path operators."""
    text = _text_page_stream(["Laporan Kinerja Instansi Pemerintah", "Halaman pertama dapat dibaca."])
    comp = zlib.compressobj(9)
    chunk = b"0 0 m 1 1 l\n" * (1 << 16)
    parts = []
    for _ in range(inflated_mb * (1 << 20) // len(chunk)):
        parts.append(comp.compress(chunk))
    parts.append(comp.flush())
    bomb_data = b"".join(parts)
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    res = b"/Resources << /Font << /F1 7 0 R >> >>"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R " + res + b" >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R " + res + b" >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb_data) + bomb_data + b"\nendstream",
        font,
    ]
    out.write_bytes(_raw_pdf(objs))
    return out


def text_only(out: Path, pages: int = 3) -> Path:
    """``pages`` pages of running text and not a single table: read completely, yet
    nothing for the rules to check (a report whose tables are missing or are images)."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    n_font = 3 + 2 * pages
    res = b"/Resources << /Font << /F1 %d 0 R >> >>" % n_font
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R " % (3 + pages + i) + res + b" >>"
             for i in range(pages)]
    for i in range(pages):
        text = _text_page_stream([f"Bab {i + 1}", "Laporan Kinerja Instansi Pemerintah Dinas Contoh Tahun 2024.",
                                  "Halaman ini hanya berisi teks, tanpa tabel."])
        objs.append(b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream")
    objs.append(font)
    out.write_bytes(_raw_pdf(objs))
    return out


# --- pages that are hard to read --------------------------------------------

def _render_page_image(src: Path, page: int, dpi: int = 200):
    import pypdfium2 as pdfium

    d = pdfium.PdfDocument(str(src))
    img = d[page - 1].render(scale=dpi / 72).to_pil().convert("L")
    d.close()
    return img


def scanned(out: Path, pages: tuple[int, ...] = ERROR_PAGES, dpi: int = 300) -> Path:
    """The given dinkes pages rendered to grey images and wrapped back into a PDF:
    what a scanner gives, without a text layer."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out))
    for p in pages:
        img = _render_page_image(DINKES, p, dpi)
        w, h = img.size[0] * 72 / dpi, img.size[1] * 72 / dpi
        c.setPageSize((w, h))
        c.drawImage(ImageReader(img), 0, 0, w, h)
        c.showPage()
    c.save()
    return out


def rotated(out: Path) -> Path:
    """Pages 13 (landscape, Tabel 3.6 with E04) and 22 (Tabel 3.18 with E01) stored
    the way a landscape page often is: the content drawn turned a quarter on a
    page of the other orientation, with /Rotate so that a viewer shows it upright
    (page 1: content turned clockwise, /Rotate 90; page 2: counter-clockwise,
    /Rotate 270)."""
    import pypdfium2 as pdfium

    s = pdfium.PdfDocument(str(DINKES))
    d = pdfium.PdfDocument.new()
    for k, (src_page, rot) in enumerate(((13, 90), (22, 270))):
        w, h = s[src_page - 1].get_size()
        page = d.new_page(h, w)  # the other orientation
        xo = s.page_as_xobject(src_page - 1, d)
        obj = xo.as_pageobject()
        # PDF's y axis points up; a viewer turns a /Rotate 90 page clockwise, so the
        # content is turned counter-clockwise to come out upright (and the reverse).
        if rot == 90:
            m = pdfium.PdfMatrix(0, 1, -1, 0, h, 0)  # (x, y) -> (h - y, x)
        else:
            m = pdfium.PdfMatrix(0, -1, 1, 0, 0, w)  # (x, y) -> (y, w - x)
        obj.transform(m)
        page.insert_obj(obj)
        page.gen_content()
        page.set_rotation(rot)
    d.save(str(out))
    d.close()
    s.close()
    return out


def rotated_view(out: Path) -> Path:
    """Pages 22 and 28 with /Rotate 90 and 270 added to upright content: a viewer
    shows them turned on their side."""
    return _subset(DINKES, list(ERROR_PAGES), out, rotate={1: 90, 2: 270})


def thousand_pages(out: Path, pages: int = 1000) -> Path:
    """The 98-page bkd sample repeated up to ``pages`` pages."""
    import pypdfium2 as pdfium

    s = pdfium.PdfDocument(str(BKD))
    n = len(s)
    d = pdfium.PdfDocument.new()
    done = 0
    while done < pages:
        take = list(range(min(n, pages - done)))
        d.import_pages(s, take)
        done += len(take)
    d.save(str(out))
    d.close()
    s.close()
    return out


def tiny_cells(out: Path, rows: int = 160, cols: int = 110) -> Path:
    """Page 1: a short text. Page 2: one ruled table of rows x cols tiny cells
    (17,600 cells of 5 x 4.5 pt), a number in every cell."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(72, 770, "Laporan Kinerja: halaman pertama dapat dibaca.")
    c.showPage()
    x0, y0, cw, rh = 20, 800, 5.0, 4.5
    c.setLineWidth(0.1)
    for r in range(rows + 1):
        c.line(x0, y0 - r * rh, x0 + cols * cw, y0 - r * rh)
    for k in range(cols + 1):
        c.line(x0 + k * cw, y0, x0 + k * cw, y0 - rows * rh)
    c.setFont("Helvetica", 3)
    for r in range(rows):
        for k in range(cols):
            c.drawString(x0 + k * cw + 0.5, y0 - (r + 1) * rh + 1, str((r * cols + k) % 10))
    c.showPage()
    c.save()
    return out


# Numbers of the unicode table, written the way some reports print them. Expected
# capaian, recomputed by hand: 1,234.5 / 1,300.0 x 100 = 94.96 (printed 94.96: right);
# 450 / 500 x 100 = 90.00 (printed 92.00: wrong, the known error).
UNICODE_ROWS = [
    # label (with ligatures), target, realisasi, capaian
    ("Persentase ﬁnalisasi dokumen perencanaan", "1,300.0", "1,234.5", "94.96"),
    ("Jumlah ﬂeksibilitas layanan\u00a0ASN", "500", "450", "92.00"),
]


# Characters the unicode item needs a font to hold: the ligatures fi/fl, a no-break
# space and a zero-width space (fontconfig charset notation, hex code points).
_UNICODE_CHARSET = "fb01 fb02 a0 200b"


class MissingFont(RuntimeError):
    """No TrueType font with the characters an item needs: that item is left out."""


def unicode_font(bold: bool) -> str:
    """A TrueType file for the unicode item, found through fontconfig (``fc-match``)
    rather than a hard-coded path: a sans face holding ``_UNICODE_CHARSET``."""
    import shutil
    import subprocess

    if shutil.which("fc-match") is None:
        raise MissingFont("fc-match (fontconfig) is not installed: apt-get install fontconfig fonts-dejavu-core")
    pattern = f"sans-serif:charset={_UNICODE_CHARSET}" + (":bold" if bold else "")
    r = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, timeout=30)
    path = r.stdout.strip()
    if r.returncode != 0 or not path.lower().endswith(".ttf") or not Path(path).is_file():
        # reportlab embeds TrueType (.ttf) only; an OpenType-CFF or Type 1 match is not usable
        raise MissingFont(f"no TrueType sans font with U+FB01/U+FB02 found by fc-match (got {path!r}): "
                          "apt-get install fonts-dejavu-core")
    return path


def unicode_text(out: Path) -> Path:
    """A realisasi table whose labels have ligatures (U+FB01, U+FB02), non-breaking
    and zero-width spaces, and whose numbers are English-formatted (1,234.5)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("CorpusSans", unicode_font(bold=False)))
    pdfmetrics.registerFont(TTFont("CorpusSans-Bold", unicode_font(bold=True)))
    c = canvas.Canvas(str(out), pagesize=A4)
    c.setFont("CorpusSans", 10)
    c.drawString(50, 790, "Laporan\u00a0Kinerja Dinas Contoh Tahun 2024")
    c.drawString(50, 770, "Tabel. 3.1. Capaian Indikator Kinerja Tahun\u200b 2024")
    cols = [50, 80, 300, 380, 460, 540]
    head = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"]
    y = 750
    rh = 22
    nrows = 1 + len(UNICODE_ROWS)
    c.setLineWidth(0.5)
    for r in range(nrows + 1):
        c.line(cols[0], y - r * rh, cols[-1], y - r * rh)
    for x in cols:
        c.line(x, y, x, y - nrows * rh)
    c.setFont("CorpusSans-Bold", 8)  # header rows are told by their bold type
    for k, h in enumerate(head):
        c.drawString(cols[k] + 3, y - 14, h)
    c.setFont("CorpusSans", 8)
    for i, (label, target, real, cap) in enumerate(UNICODE_ROWS, start=1):
        yy = y - i * rh - 14
        c.drawString(cols[0] + 3, yy, str(i))
        c.drawString(cols[1] + 3, yy, label)
        # numbers right-aligned, with a zero-width space after the thousands separator
        for k, v in ((2, target), (3, real), (4, cap)):
            c.drawRightString(cols[k + 1] - 3, yy, v.replace(",", ",\u200b"))
    c.showPage()
    c.save()
    return out


# name -> builder; builders take (out) or (out, tmp)
SMALL = {
    "not-pdf-html": html,
    "not-pdf-zip": zip_file,
    "not-pdf-png": png,
    "empty": empty,
    "truncated": truncated,
    "broken-xref": broken_xref,
    "encrypted-user": encrypted_user,
    "encrypted-owner": encrypted_owner,
    "zero-pages": zero_pages,
    "scanned": scanned,
    "rotated": rotated,
    "rotated-view": rotated_view,
    "tiny-cells": tiny_cells,
    "bomb": bomb,
    "unicode": unicode_text,
    "two-pages": two_pages,
    "text-only": text_only,
}
BIG = {"thousand-pages": thousand_pages}


def build(out_dir: Path, names: list[str] | None = None, big: bool = False) -> dict[str, Path]:
    import inspect

    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / "_tmp"
    tmp.mkdir(exist_ok=True)
    builders = {**SMALL, **(BIG if big else {})}
    paths = {}
    for name, fn in builders.items():
        if names is not None and name not in names:
            continue
        out = out_dir / f"{name}.pdf"
        try:
            if "tmp" in inspect.signature(fn).parameters:
                fn(out, tmp)
            else:
                fn(out)
        except MissingFont as e:
            print(f"corpus: '{name}' left out: {e}", file=sys.stderr)  # said once, for this item
            out.unlink(missing_ok=True)
            continue
        paths[name] = out
    return paths


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    for name, p in build(Path(args[0] if args else "corpus"), big="--big" in sys.argv).items():
        print(f"{name}\t{p.stat().st_size}\t{p}")

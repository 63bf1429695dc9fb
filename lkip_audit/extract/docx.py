"""Read a Word draft (.docx) into the same Document the PDF reader builds.

Planners check their LKIP before it is signed, while it is still a Word file. A
.docx holds every table exactly (cells, merged cells, captions, the paragraphs
around them), so nothing has to be recovered from positions on a page:

- tables come from ``w:tbl``: horizontally merged cells (``w:gridSpan``) and
  vertically merged ones (``w:vMerge``) become GridCells with colspan/rowspan and
  are flattened by stitch.py's own functions (header_row_count, flatten_columns);
  rows marked ``w:tblHeader`` are header rows; a table inside a cell is a table
  of its own; a table that continues the previous one (no caption of its own,
  same columns, the header repeated) is joined to it;
- captions: the paragraph right before the table (else right after it) matching
  layout.CAPTION_RE, or in Word's Caption style with a ``SEQ Tabel`` field (the
  field's number, counted when Word left no result);
- text as printed: Word's list numbering ("BAB III", "3.1", "1.", an auto-numbered NO
  column) from numbering.xml; not deleted or moved-away text (tracked changes), hidden
  runs, text boxes; content controls and custom XML looked through at every level;
- chapters: heading styles (outline levels) and "BAB III" paragraphs. A DOCX has
  no pages; it gets one pseudo-page per chapter whose text is its paragraphs,
  captions and table rows, one line each, in document order, as the narrative and
  structure checks read ``Page.text``. ``Document.outline`` says which heading each
  table and paragraph stands under and the paragraph numbers, so that findings can
  be located the way a reviewer finds them in Word (pipeline.locate_docx_findings), and
  ``outline["table_lines"]`` where each table's lines stand in that text. Reports say
  "N bagian (dokumen Word, tanpa halaman)" for the parts, never "halaman" (``extent``).

Untrusted input: the zip directory is checked before anything is decompressed
(entries, total size, compression ratio); a macro-enabled file (.docm) is refused,
not read; external relationship targets (links, linked images, remote templates)
and embedded objects are never opened or run: python-docx records external
targets without fetching them, and only ``word/document.xml``, its styles and its
header parts are read. ``.doc``, ``.odt`` and ``.rtf`` are converted to .docx by
LibreOffice when ``soffice`` is installed (a private profile and temp dir, a time
limit). The whole reading runs in the guarded reader process (extract/guard.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from lkip_audit.extract.errors import ReadError
from lkip_audit.i18n import register

# -- the kind of an input, from its content ----------------------------------------------------

WORD_KINDS = ("docx", "docm", "doc", "odt", "rtf")  # read by this module (converted when needed)
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".doc", ".odt", ".rtf")
SPREADSHEET_KINDS = ("xlsx", "xls", "ods")

# Zip limits: a Word draft of 200 pages with images is some tens of MB.
MAX_ENTRIES = 5000
MAX_TOTAL_UNCOMPRESSED = 300 * 1024 * 1024  # all entries together
MAX_XML_UNCOMPRESSED = 100 * 1024 * 1024  # one XML part we parse
MAX_RATIO = 200  # uncompressed / compressed, for entries over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024

CONVERT_TIMEOUT = 180.0  # seconds for LibreOffice to convert one file

register({
    "read_error.docx-bomb": {
        "id": "{path}: berkas Word ditolak: isinya yang terkompresi terlalu besar atau rasio kompresinya "
              "tidak wajar ({detail}); kemungkinan zip bomb",
        "en": "{path}: Word file refused: its compressed content is too large or its compression ratio is "
              "implausible ({detail}); possibly a zip bomb",
    },
    "read_error.docx-damaged": {
        "id": "{path}: berkas Word rusak atau bukan .docx yang sah ({detail}); buka di Word dan simpan lagi "
              "sebagai .docx",
        "en": "{path}: the Word file is damaged or not a valid .docx ({detail}); open it in Word and save "
              "it again as .docx",
    },
    "read_error.macro": {
        "id": "{path}: dokumen Word bermakro (.docm) tidak dibaca demi keamanan; simpan sebagai .docx "
              "(Dokumen Word, tanpa makro) lalu periksa lagi",
        "en": "{path}: macro-enabled Word documents (.docm) are not read, for safety; save it as .docx "
              "(Word Document, without macros) and check again",
    },
    "read_error.needs-soffice": {
        "id": "{path}: berkas {detail} perlu dikonversi dengan LibreOffice, tetapi perintah soffice tidak "
              "ditemukan; pasang LibreOffice (apt-get install libreoffice-writer) atau simpan dokumennya "
              "sebagai .docx dari Word",
        "en": "{path}: a {detail} file must be converted with LibreOffice, but the soffice command was not "
              "found; install LibreOffice (apt-get install libreoffice-writer) or save the document as "
              ".docx from Word",
    },
    "read_error.convert-failed": {
        "id": "{path}: LibreOffice tidak dapat mengonversi berkas ini ke .docx ({detail}); simpan "
              "dokumennya sebagai .docx dari Word",
        "en": "{path}: LibreOffice could not convert this file to .docx ({detail}); save the document as "
              ".docx from Word",
    },
    "input.spreadsheet": {
        "id": "{path}: berkas lembar kerja (Excel/Calc) tidak dapat diperiksa; lkip-audit memeriksa laporan "
              "LKIP dalam PDF atau Word (.docx)",
        "en": "{path}: a spreadsheet (Excel/Calc) cannot be checked; lkip-audit checks LKIP reports as PDF "
              "or Word (.docx)",
    },
})


def sniff(path: str | os.PathLike) -> str | None:
    """What the file is, by its content: "pdf", "docx", "docm", "xlsx", "ods", "odt", "doc",
    "xls", "rtf", or None (unknown, missing, a directory). The name decides only between the
    OLE2 formats (.doc / .xls share one container)."""
    p = Path(path)
    try:
        if not p.is_file():
            return None
        with open(p, "rb") as f:
            head = f.read(1024)
    except OSError:
        return None
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls" if p.suffix.lower() in (".xls", ".xlt") else "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if not head.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(p) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                info = z.getinfo("mimetype")
                if info.file_size < 200:
                    mime = z.read("mimetype").decode("ascii", "replace").strip()
                    if mime == "application/vnd.oasis.opendocument.text":
                        return "odt"
                    if mime == "application/vnd.oasis.opendocument.spreadsheet":
                        return "ods"
            if "xl/workbook.xml" in names:
                return "xlsx"
            # An OPC package (what Word writes) always has [Content_Types].xml; a zip with only
            # some word/ entries is no Word document (a ".pdf" that is such a zip is "not a PDF").
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                if "word/vbaProject.bin" in names or _macro_content_type(z, names):
                    return "docm"
                return "docx"
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    return None


def _macro_content_type(z: zipfile.ZipFile, names: set[str]) -> bool:
    if "[Content_Types].xml" not in names:
        return False
    info = z.getinfo("[Content_Types].xml")
    if info.file_size > 1024 * 1024:
        return False
    return b"macroEnabled" in z.read(info)


def is_word(path: str | os.PathLike) -> bool:
    return sniff(path) in WORD_KINDS


# -- how big a Word document is, honestly --------------------------------------------------------
# A .docx has no pages: the reader makes one pseudo-page per part (what stands before the first
# chapter heading, then each level-1 heading: "BAB III", Heading 1) so that the narrative and
# structure checks can read ``Page.text``. ``Document.page_count`` counts those parts; a report
# must not print them as "halaman".

register({
    "header.parts": {"id": "Bagian", "en": "Parts"},
    "extent.word": {"id": "{n} (dokumen Word, tanpa halaman)", "en": "{n} (a Word document has no pages)"},
    "summary.line_word": {
        "id": "{path}: {error} galat, {warning} peringatan, {info} info; {tables} tabel, {parts} bagian "
              "(dokumen Word, tanpa halaman)",
        "en": "{path}: {error} errors, {warning} warnings, {info} info; {tables} tables, {parts} parts "
              "(a Word document has no pages)",
    },
})


def is_word_document(doc) -> bool:
    """The Document was read from a Word file (it has parts, not pages)."""
    return (getattr(doc, "outline", None) or {}).get("kind") == "docx"


def extent(doc, lang: str = "id") -> tuple[str, str]:
    """(label, value) for a report header: ("Halaman", "98") for a PDF, ("Bagian", "8 (dokumen
    Word, tanpa halaman)") for a Word document."""
    from lkip_audit.i18n import t

    if is_word_document(doc):
        return t("header.parts", lang), t("extent.word", lang, n=doc.page_count)
    return t("header.pages", lang), str(doc.page_count)


# -- where a table or a sentence is in Word (no pages) -----------------------------------------
# A reviewer finds a place in Word by its headings: "Bab III > 3.1.2 > Tabel 3.18, baris 4". A
# table without a caption number is named by its position among the tables under its heading
# ("Tabel ke-2 tanpa nomor"), never by the reader's internal id ("p6-t47", a pseudo-page).

register({
    "word.table_unnumbered": {"id": "ke-{n} tanpa nomor", "en": "#{n} without a number"},
    "word.paragraph": {"id": "paragraf", "en": "paragraph"},
    # the column of a report's table that holds the page for a PDF holds this for a Word draft
    "word.location_column": {"id": "Letak", "en": "Location"},
})


def word_table(doc, table_id: str | None) -> tuple[str | None, str | None, int | None]:
    """(heading path, heading text, position under that heading, 1-based) of a table of a
    Word document, from Document.outline; (None, None, None) when not known."""
    hit = ((getattr(doc, "outline", None) or {}).get("tables") or {}).get(table_id or "")
    if not hit:
        return None, None, None
    return hit[0], hit[1], (hit[2] if len(hit) > 2 else None)


def word_table_name(number: str | None, ordinal: int | None, lang: str = "id") -> str | None:
    """How a message names a Word table after the word "tabel": its caption number ("3.18"),
    else its position under its heading ("ke-2 tanpa nomor"); None when neither is known."""
    from lkip_audit.i18n import t

    if number:
        return number
    if ordinal:
        return t("word.table_unnumbered", lang, n=ordinal)
    return None


def word_place(doc, table_id: str | None) -> str:
    """Where a table of a Word document is, for a message that names another table: its
    heading path ("Bab III > 3.1.2"), or "-" without one."""
    return word_table(doc, table_id)[0] or "-"


def paragraph_of(doc, page: int | None, sentence: str | None):
    """The outline entry [pseudo-page, line, paragraph number, heading path, heading text]
    of the paragraph of a Word document whose text holds the start of ``sentence`` (on the
    reader's pseudo-page ``page``), or None."""
    outline = getattr(doc, "outline", None) or {}
    want = " ".join((sentence or "").split())
    if outline.get("kind") != "docx" or page is None or not want:
        return None
    entries = [e for e in outline.get("paragraphs", []) if e[0] == page]
    pg = next((p for p in doc.pages if p.number == page), None)
    lines = (pg.text or "").splitlines() if pg is not None else []
    for probe in (want, want[:60], want[:25]):
        for e in entries:
            line = " ".join(lines[e[1]].split()) if e[1] < len(lines) else ""
            if probe in line:
                return e
    return None


def paragraph_text(doc, number: int | None) -> str | None:
    """The text of paragraph ``number`` (1-based, outside tables) of a Word document, or None."""
    outline = getattr(doc, "outline", None) or {}
    if outline.get("kind") != "docx" or not number:
        return None
    e = next((e for e in outline.get("paragraphs", []) if e[2] == number), None)
    pg = next((p for p in doc.pages if e is not None and p.number == e[0]), None)
    lines = (pg.text or "").splitlines() if pg is not None else []
    return lines[e[1]] if e is not None and e[1] < len(lines) else None


def paragraph_place(doc, page: int | None, sentence: str | None, lang: str = "id") -> str | None:
    """"Bab III > 3.1, paragraf 12": where a sentence of a Word document stands, or None."""
    from lkip_audit.i18n import t

    e = paragraph_of(doc, page, sentence)
    if e is None:
        return None
    return f"{e[3] + ', ' if e[3] else ''}{t('word.paragraph', lang)} {e[2]}"


def check_zip(path: str) -> None:
    """The zip directory of a .docx, checked before anything is decompressed: a valid zip,
    word/document.xml present, not too many entries, total and per-entry uncompressed sizes
    and compression ratios within limits. Raises ReadError."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise ReadError(path, "docx-damaged", f"{type(e).__name__}: {e}"[:200]) from e
    if len(infos) > MAX_ENTRIES:
        raise ReadError(path, "docx-bomb", f"{len(infos)} entries, limit {MAX_ENTRIES}")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise ReadError(path, "docx-bomb", f"{total // (1024 * 1024)} MB uncompressed, limit "
                                           f"{MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MB")
    for i in infos:
        if i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise ReadError(path, "docx-bomb", f"{i.filename}: ratio {i.file_size // max(i.compress_size, 1)}:1, "
                                               f"limit {MAX_RATIO}:1")
        if i.filename.endswith(".xml") and i.file_size > MAX_XML_UNCOMPRESSED:
            raise ReadError(path, "docx-bomb", f"{i.filename}: {i.file_size // (1024 * 1024)} MB")
    for part in ("word/document.xml", "[Content_Types].xml"):
        if not any(i.filename == part for i in infos):
            raise ReadError(path, "docx-damaged", f"{part} is missing")


def precheck(path: str) -> str:
    """The cheap checks done before the reader process starts (guard._precheck): the kind
    of a Word input, refusal of macros, a zip bomb, a converter that is missing. Returns
    the kind."""
    kind = sniff(path)
    if kind == "docm":
        raise ReadError(path, "macro")
    if kind is None and Path(path).suffix.lower() == ".docm":
        raise ReadError(path, "macro")
    if kind == "docx" or kind is None:
        check_zip(path)  # also: a ".docx" that is no zip, or a zip without word/document.xml
    elif kind in ("doc", "odt", "rtf"):
        if kind == "odt":
            _check_odt_zip(path)
        if soffice() is None:
            raise ReadError(path, "needs-soffice", "." + kind)
    return kind or ""


def _check_odt_zip(path: str) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError) as e:
        raise ReadError(path, "docx-damaged", str(e)[:200]) from e
    total = sum(i.file_size for i in infos)
    if len(infos) > MAX_ENTRIES or total > MAX_TOTAL_UNCOMPRESSED or any(
            i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos):
        raise ReadError(path, "docx-bomb", f"{len(infos)} entries, {total // (1024 * 1024)} MB uncompressed")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: str, workdir: str, timeout: float = CONVERT_TIMEOUT) -> str:
    """Convert .doc/.odt/.rtf to .docx with LibreOffice in ``workdir`` (a private profile
    there, so no user's LibreOffice settings, macros or running instance are involved).
    Returns the .docx path. Raises ReadError."""
    exe = soffice()
    if exe is None:
        raise ReadError(path, "needs-soffice", Path(path).suffix or "Word")
    src_dir = Path(workdir) / "in"
    out_dir = Path(workdir) / "out"
    src_dir.mkdir()
    out_dir.mkdir()
    kind = sniff(path) or "doc"
    src = src_dir / f"draft.{kind}"  # a plain name: nothing in the user's name reaches the command line
    shutil.copyfile(path, src)
    profile = Path(workdir) / "profile"
    cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
           "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out_dir), str(src)]
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TZ")}
    env["HOME"] = workdir
    env["TMPDIR"] = workdir
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout, env=env, cwd=workdir, start_new_session=True)
    except subprocess.TimeoutExpired as e:
        raise ReadError(path, "convert-failed", f"LibreOffice took longer than {timeout:g} s") from e
    except OSError as e:
        raise ReadError(path, "convert-failed", str(e)[:200]) from e
    out = out_dir / "draft.docx"
    if proc.returncode != 0 or not out.exists():
        msg = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip().splitlines()
        raise ReadError(path, "convert-failed", (msg[-1] if msg else f"exit code {proc.returncode}")[:200])
    check_zip(str(out))
    return str(out)


# -- reading -----------------------------------------------------------------------------------

def read_word(
    path: str | os.PathLike,
    progress: Callable[[int, int], None] | None = None,
    guard: Callable[[], AbstractContextManager] | None = None,
    convert_timeout: float = CONVERT_TIMEOUT,
):
    """Read a Word document (.docx; .doc/.odt/.rtf through LibreOffice) into a Document.

    ``guard()`` is wrapped around the whole reading (the reader process's time limit)."""
    from lkip_audit.extract.pdf import sha256_of

    path = str(path)
    kind = precheck(path)
    digest = sha256_of(path)
    with guard() if guard else nullcontext():
        if kind in ("doc", "odt", "rtf"):
            with tempfile.TemporaryDirectory(prefix="lkip-convert-") as tmp:
                converted = convert_to_docx(path, tmp, convert_timeout)
                doc = _read_docx(converted, path, digest)
        elif kind == "docx":
            doc = _read_docx(path, path, digest)
        else:
            raise ReadError(path, "not-pdf")
    if progress:
        progress(doc.page_count, doc.page_count)
    return doc


def _read_docx(path: str, shown: str, digest: str):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_zip(path)
    try:
        d = docx.Document(path)
    except (PackageNotFoundError, ValueError, KeyError, zipfile.BadZipFile) as e:
        text = f"{type(e).__name__}: {e}"
        if "macroEnabled" in text:
            raise ReadError(shown, "macro") from e
        raise ReadError(shown, "docx-damaged", text[:200]) from e
    except MemoryError:
        raise
    except Exception as e:  # lxml syntax errors and the like
        if type(e).__name__ == "XMLSyntaxError" and str(e).startswith("unknown error"):
            # libxml2 failing an allocation under the reader's memory limit: not a damaged file
            raise MemoryError(str(e)) from e
        raise ReadError(shown, "docx-damaged", f"{type(e).__name__}: {e}"[:200]) from e
    return _Builder(d, shown, digest).build()


# -- the builder -------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BAB_RE = re.compile(r"^\s*BAB\s+([IVXLC]+|\d+)\b", re.IGNORECASE)
_NUMBERED_RE = re.compile(r"^\s*((?:\d+\.)*\d+)\.?\s+\S")
_LETTERED_RE = re.compile(r"^\s*([A-H]|[IVX]+)\.\s+\S")
_SEQ_RE = re.compile(r"^\s*SEQ\s+(\S+)", re.IGNORECASE)
_HEADING_STYLE_RE = re.compile(r"^(?:heading|judul)\s*(\d)$", re.IGNORECASE)
_CONTINUED_RE = re.compile(r"\(?\s*lanjutan\s*\)?|\(?\s*continued\s*\)?", re.IGNORECASE)
PAGE_WIDTH, LINE_STEP = 595.0, 16.0


def heading_label(text: str) -> str:
    """How a heading is named in a location: "Bab III", "3.1.2", "A.", or its text (short)."""
    s = " ".join(text.split())
    m = _BAB_RE.match(s)
    if m:
        return f"Bab {m.group(1).upper()}"
    m = _NUMBERED_RE.match(s)
    if m:
        return m.group(1)
    m = _LETTERED_RE.match(s)
    if m:
        return m.group(1) + "."
    return s if len(s) <= 40 else s[:37].rstrip() + "..."


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


class _Para:
    """What the builder needs of one paragraph."""

    __slots__ = ("text", "style", "level", "bold", "size", "centred", "listed", "seq", "caption_style")

    def __init__(self, text, style, level, bold, size, centred, listed, seq, caption_style):
        self.text, self.style, self.level, self.bold = text, style, level, bold
        self.size, self.centred, self.listed, self.seq, self.caption_style = size, centred, listed, seq, caption_style


class _Builder:
    def __init__(self, d, path: str, digest: str):
        self.d = d
        self.path = path
        self.digest = digest
        self.styles = {}  # style id -> (name, outline level or None, bold, size)
        self.style_numpr: dict[str, tuple[str, int | None]] = {}  # style id -> (numId, ilvl) of its numbering
        self._read_styles()
        self.numbering = _Numbering(d)
        self.seq_counts: dict[str, int] = {}
        self.pages: list[dict] = []  # {"lines": [...], "words": [...], "heading": str}
        self.heads: list[tuple[int, str]] = []  # heading stack: (level, text)
        self.tables = []  # (Table, page index, section path, section title)
        self.paragraphs: list[list] = []  # [page, line, number, section path, section title]
        self.par_no = 0
        self.last_block = None  # "table" | "para" | "caption"
        self.pending_caption = None  # (number, title) of a caption paragraph waiting for its table
        self.caption_after = None  # the table right before that caption (it names it if no table follows)
        self.last_table = None
        self.notes: list[str] = []
        # table id -> [page, first line, last line]: where each table's rows (and its caption
        # above) stand in the page text, known exactly here (Document.outline["table_lines"])
        self.table_lines: dict[str, list[int]] = {}
        self.ordinals: dict[str | None, int] = {}  # heading path -> tables under it so far
        self.table_ordinals: dict[str, int] = {}  # table id -> its position under its heading

    # styles ------------------------------------------------------------------------------
    def _read_styles(self) -> None:
        try:
            styles = self.d.styles
        except Exception:  # noqa: BLE001 - a document without styles part
            return
        for st in styles:
            try:
                el = st.element
                sid = el.get(_W + "styleId")
                name = st.name or ""
                lvl = None
                m = _HEADING_STYLE_RE.match(name.strip())
                if m:
                    lvl = int(m.group(1))
                ol = el.find(f"{_W}pPr/{_W}outlineLvl")
                if ol is not None and lvl is None:
                    v = int(ol.get(_W + "val", "9"))
                    lvl = v + 1 if v < 9 else None
                font = getattr(st, "font", None)
                bold = bool(font.bold) if font is not None and font.bold is not None else False
                size = font.size.pt if font is not None and font.size is not None else None
                based = el.find(f"{_W}basedOn")
                npr = el.find(f"{_W}pPr/{_W}numPr")
                num = npr is not None  # "List Bullet": numbered by its style
                if npr is not None and npr.find(_W + "numId") is not None:
                    il = npr.find(_W + "ilvl")
                    self.style_numpr[sid] = (npr.find(_W + "numId").get(_W + "val"),
                                             _int(il.get(_W + "val"), 0) if il is not None else None)
                self.styles[sid] = (name, lvl, bold, size, based.get(_W + "val") if based is not None else None, num)
            except Exception:  # noqa: BLE001 - an odd style is ignored
                continue

    def _style(self, sid: str | None):
        seen = 0
        name, lvl, bold, size, listed = "", None, False, None, False
        first = True
        while sid and sid in self.styles and seen < 10:
            n, l_, b, s, based, num = self.styles[sid]
            if first:
                name, first = n, False
            lvl = lvl if lvl is not None else l_
            bold = bold or b
            size = size if size is not None else s
            listed = listed or num
            sid, seen = based, seen + 1
        return name, lvl, bold, size, listed

    # text --------------------------------------------------------------------------------
    @staticmethod
    def _text(p_el) -> str:
        """A paragraph's visible text: every w:t (also inside fields and hyperlinks), tabs
        and breaks as spaces; not deleted text, not text boxes, not fallback copies."""
        out = []
        for el in p_el.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen"):
            if _inside_excluded(el, p_el):
                continue
            tag = _local(el)
            if tag == "t":
                out.append(el.text or "")
            elif tag == "noBreakHyphen":
                out.append("-")
            else:
                out.append(" ")
        return "".join(out)

    def _para(self, p_el) -> _Para:
        ppr = p_el.find(_W + "pPr")
        sid = None
        listed = False
        centred = False
        own_level = None
        if ppr is not None:
            ps = ppr.find(_W + "pStyle")
            sid = ps.get(_W + "val") if ps is not None else None
            listed = ppr.find(_W + "numPr") is not None
            jc = ppr.find(_W + "jc")
            centred = jc is not None and jc.get(_W + "val") in ("center", "centre")
            ol = ppr.find(_W + "outlineLvl")
            if ol is not None:
                v = int(ol.get(_W + "val", "9") or 9)
                own_level = v + 1 if v < 9 else None
        name, lvl, sbold, ssize, slisted = self._style(sid)
        listed = listed or slisted
        if own_level is not None:
            lvl = own_level
        text = self._text(p_el)
        runs = [r for r in p_el.iter(_W + "r") if not _inside_excluded(r, p_el) and not _hidden(r)]
        chars = bold_chars = 0
        size = ssize
        for r in runs:
            t = "".join(x.text or "" for x in r.iter(_W + "t"))
            if not t.strip():
                continue
            rpr = r.find(_W + "rPr")
            b = sbold
            if rpr is not None:
                be = rpr.find(_W + "b")
                if be is not None:
                    b = be.get(_W + "val", "true") not in ("0", "false", "off")
                sz = rpr.find(_W + "sz")
                if sz is not None and size is None:
                    try:
                        size = int(sz.get(_W + "val")) / 2
                    except (TypeError, ValueError):
                        pass
            chars += len(t)
            bold_chars += len(t) if b else 0
        seq = None
        for instr in p_el.iter(_W + "instrText"):
            m = _SEQ_RE.match(instr.text or "")
            if m:
                seq = m.group(1)
        for fld in p_el.iter(_W + "fldSimple"):
            m = _SEQ_RE.match(fld.get(_W + "instr") or "")
            if m:
                seq = m.group(1)
        caption_style = name.strip().lower() in ("caption", "keterangan") or (sid or "").lower() == "caption"
        return _Para(text, name, lvl, chars > 0 and bold_chars * 2 > chars, size, centred, listed, seq, caption_style)

    # pages -------------------------------------------------------------------------------
    def _page(self) -> dict:
        if not self.pages:
            self.pages.append({"lines": [], "words": [], "sizes": []})
        return self.pages[-1]

    def _add_line(self, text: str, size: float | None = None, centred: bool = False, bold: bool = False) -> tuple[int, int]:
        pg = self._page()
        pg["lines"].append(text)
        pg["sizes"].append((size or 11.0, centred, bold))
        return len(self.pages), len(pg["lines"]) - 1

    def _section(self) -> tuple[str | None, str | None]:
        if not self.heads:
            return None, None
        return " > ".join(heading_label(t) for _, t in self.heads), " ".join(self.heads[-1][1].split())

    # walk --------------------------------------------------------------------------------
    def build(self):
        from lkip_audit.extract.identity import IdentityReader
        from lkip_audit.extract.model import BBox, Document, Page, Word

        body = self.d.element.body
        for el in _content(body, ("p", "tbl")):  # also inside content controls and custom XML
            if _local(el) == "p":
                self._paragraph(el)
            else:
                self._table(el)
        self._flush_caption()  # a caption after the last table of the document
        if not self.pages:
            self.pages.append({"lines": [], "words": [], "sizes": []})
        pages = self._make_pages()
        tables = [t for t, *_ in self.tables if t.rows]
        identity = IdentityReader()
        for p in pages:
            identity.see(p)
        # Word prints its header and footer on every page; a draft of a chapter or two is one
        # or two pseudo-pages, too few for a "running" line: the printed pages it stands for
        # are seen as well (header and footer alone), at least three.
        running = self._header_lines()
        if running:
            for k in range(max(0, 3 - len(pages))):
                words = [w for j, t in enumerate(running) for w in _line_words(t, 4.0 + j * 12.0, 9.0, True, False)]
                identity.see(Page(number=len(pages) + k + 1, width=PAGE_WIDTH, height=842.0,
                                  text="\n".join(running), words=[Word(w[0], BBox(*w[1]), w[2]) for w in words]))
        instansi, tahun = identity.result(tables)
        for p in pages:
            p.words = []
        outline = {
            "kind": "docx",
            # table id -> [heading path, heading text, position under that heading (1-based)]
            "tables": {t.id: [path, title, self.table_ordinals[t.id]] for t, _pg, path, title in self.tables
                       if t.rows},
            "paragraphs": self.paragraphs,
            "table_lines": {t.id: self.table_lines[t.id] for t, *_ in self.tables
                            if t.rows and t.id in self.table_lines},
        }
        return Document(path=self.path, sha256=self.digest, page_count=len(pages), pages=pages, tables=tables,
                        instansi=instansi, tahun=tahun, outline=outline)

    def _header_lines(self) -> list[str]:
        out = []
        try:
            for sec in self.d.sections[:1]:
                for part in (sec.header, sec.footer):
                    if part.is_linked_to_previous and part is not sec.header:
                        pass
                    for p in part.paragraphs:
                        t = " ".join(p.text.split())
                        if t:
                            out.append(t)
        except Exception:  # noqa: BLE001 - no header is fine
            return []
        return out

    def _make_pages(self):
        """Pseudo-pages with synthetic words (one line per paragraph or table row, the running
        header in the top band, sizes and centring from the paragraphs) for IdentityReader."""
        from lkip_audit.extract.model import BBox, Page, Word

        running = self._header_lines()
        out = []
        for i, pg in enumerate(self.pages, start=1):
            n = len(pg["lines"])
            height = max(842.0, (n + 4) * LINE_STEP / 0.76)
            words = []
            for k, t in enumerate(running):
                words.extend(_line_words(t, 4.0 + k * 12.0, 9.0, True, False))
            top = height * 0.12
            for line, (size, centred, bold) in zip(pg["lines"], pg["sizes"]):
                words.extend(_line_words(line, top, size, centred, bold))
                top += LINE_STEP
            page = Page(number=i, width=PAGE_WIDTH, height=height, text="\n".join(pg["lines"]),
                        words=[Word(w[0], BBox(*w[1]), w[2]) for w in words], has_text=True)
            out.append(page)
        return out

    def _num_label(self, p_el) -> str | None:
        """The list label Word prints before this paragraph ("BAB III", "3.1", "a.", "•"), from
        its own numbering or its style's; counted in document order."""
        ppr = p_el.find(_W + "pPr")
        npr = ppr.find(_W + "numPr") if ppr is not None else None
        num_id, ilvl = None, None
        if npr is not None:
            ni, il = npr.find(_W + "numId"), npr.find(_W + "ilvl")
            num_id = ni.get(_W + "val") if ni is not None else None
            ilvl = _int(il.get(_W + "val"), 0) if il is not None else None
        sid = None
        ps = ppr.find(_W + "pStyle") if ppr is not None else None
        sid = ps.get(_W + "val") if ps is not None else None
        seen = 0
        while (num_id is None or ilvl is None) and sid and seen < 10:
            if sid in self.style_numpr:
                s_num, s_lvl = self.style_numpr[sid]
                num_id = num_id if num_id is not None else s_num
                ilvl = ilvl if ilvl is not None else s_lvl
            sid = self.styles.get(sid, (None,) * 5 + (None,))[4] if sid in self.styles else None
            seen += 1
        if num_id is None or num_id == "0":
            return None
        return self.numbering.label(num_id, ilvl or 0)

    def _cell_text(self, p_el) -> str:
        """A paragraph of a table cell as printed: its list label (an auto-numbered NO column) and text."""
        text = " ".join(self._text(p_el).split())
        label = self._num_label(p_el)
        return f"{label} {text}".strip() if label else text  # Word numbers an empty NO cell too

    def _paragraph(self, p_el) -> None:
        para = self._para(p_el)
        text = " ".join(para.text.split())
        num = self._num_label(p_el)  # Word's list numbering is not in the text: printed, so read
        numbered = bool(num and num != "•" and text)
        if numbered:
            text = f"{num} {text}"
        if not text:
            if para.seq is None:
                return
        # a caption: the regex the PDF path uses, or Word's Caption style / a SEQ field
        cap = self._caption(para, text)
        if cap is not None:
            # A caption right after a table without one, with no table following, names
            # that table; decided when the next block comes (see _table / _flush_caption).
            self._flush_caption()
            self.pending_caption = cap
            self.caption_after = self.last_table if self.last_block == "table" else None
            self._add_line(text or f"Tabel {cap[0]}", para.size, para.centred, para.bold)
            self.par_no += 1
            self.last_block = "caption"
            return
        self._flush_caption()
        level = para.level
        if level is None and _BAB_RE.match(text) and len(text) <= 120 and (not para.listed or numbered):
            level = 1
        if level is not None and len(text) <= 200:
            if level == 1 and self.pages and self.pages[-1]["lines"]:
                self.pages.append({"lines": [], "words": [], "sizes": []})  # a chapter: a new pseudo-page
            self.heads = [h for h in self.heads if h[0] < level] + [(level, text)]
        line_text = text
        if para.listed and not numbered and not re.match(r"^\s*(?:[•▪●◦·\-–]|[a-z][.)]|\(\d{1,2}\)|\d{1,2}[.)])\s", text):
            line_text = "• " + text  # Word's list numbering is not in the text; the narrative wants a mark
        page, line = self._add_line(line_text, para.size, para.centred, para.bold)
        self.par_no += 1
        path, title = self._section()
        self.paragraphs.append([page, line, self.par_no, path, title])
        self.last_block = "para"

    def _caption(self, para: _Para, text: str):
        from lkip_audit.extract.layout import CAPTION_RE

        m = CAPTION_RE.match(text) if len(text) <= 300 else None
        if m and (para.caption_style or para.seq or len(text) <= 200):
            num = re.sub(r"\s+", "", m.group("num")).rstrip(".").replace(",", ".")
            if para.seq:
                self._count_seq(para.seq)
            return num, " ".join(m.group("title").split()).rstrip(". ")
        if para.seq and (para.caption_style or re.match(r"^\s*Tabel\b", text, re.IGNORECASE)) \
                and para.seq.lower() in ("tabel", "table"):
            n = self._count_seq(para.seq)
            title = re.sub(r"^\s*Tabel\s*\.?\s*", "", text, flags=re.IGNORECASE)
            return str(n), " ".join(title.split()).lstrip(".: ").rstrip(". ")
        return None

    def _count_seq(self, name: str) -> int:
        k = name.lower()
        self.seq_counts[k] = self.seq_counts.get(k, 0) + 1
        return self.seq_counts[k]

    def _flush_caption(self) -> None:
        """A caption paragraph not followed by a table: the caption below the table before it."""
        cap, self.pending_caption = self.pending_caption, None
        t, self.caption_after = self.caption_after, None
        if cap is None:
            return
        if t is not None and t.number is None:
            t.number, t.title, t.caption_position = cap[0], cap[1], "below"

    def _extend_lines(self, tid: str, page: int, last_line: int) -> None:
        """A continuation joined to table ``tid``: its lines run on to ``last_line``."""
        span = self.table_lines.get(tid)
        if span is not None and span[0] == page and last_line > span[2]:
            span[2] = last_line

    def _table(self, tbl_el, nested: bool = False) -> None:
        from lkip_audit.extract.model import Cell, Row, Table
        from lkip_audit.extract.stitch import flatten_columns, header_row_count, numbering_rows
        from lkip_audit.extract.layout import normalise_space

        cap = None if nested else self.pending_caption
        if not nested:
            self.pending_caption = self.caption_after = None
        # its position among the tables under its heading, as a reviewer counts them in Word
        # (a table continued by hand counts too, though it is joined to the one above)
        under = self._section()[0]
        ordinal = self.ordinals[under] = self.ordinals.get(under, 0) + 1
        piece, marked, nested_tables, row_meta = _piece(tbl_el, self)
        page_no = len(self.pages) or 1
        self._page()
        # every row as one line of the page text (the narrative finds tables in it)
        first_line = len(self._page()["lines"])
        if cap is not None and self.last_block == "caption" and first_line > 0:
            first_line -= 1  # the caption paragraph right above is the table's first line
        grid_texts = []
        by_row: dict[int, list] = {}
        for c in piece.cells:
            by_row.setdefault(c.row, []).append(c)
        for r in range(piece.nrows):
            texts = [normalise_space(c.text) for c in sorted(by_row.get(r, []), key=lambda c: c.col)]
            line = " ".join(t for t in texts if t)
            if line:
                self._add_line(line)
            grid_texts.append(texts)
        last_line = len(self._page()["lines"]) - 1
        for sub in nested_tables:
            self._table(sub, nested=True)
        if piece.nrows == 0 or piece.ncols == 0:
            return
        nh = header_row_count(piece)
        nh = min(max(nh, marked), piece.nrows - 1) if piece.nrows > 1 else 0
        columns = flatten_columns(piece, nh)
        skip = numbering_rows(piece, nh)
        header_rows = [
            [Cell(text=normalise_space(o.text) if (o := piece.origin(r, c)) is not None else "", page=page_no)
             for c in range(piece.ncols)]
            for r in range(nh) if r not in skip
        ]
        rows = []
        for r in range(nh, piece.nrows):
            cells = []
            for c in range(piece.ncols):
                o = piece.origin(r, c)
                text = normalise_space(o.text) if o is not None and o.row == r and o.col == c else ""
                cells.append(Cell(text=text, page=page_no))
            if not any(x.text for x in cells):
                continue
            bold, indent = row_meta(r)
            rows.append(Row(index=len(rows), cells=cells, bold=bold, indent=indent))
        prev = self.last_table
        if (not nested and cap is None and prev is not None and self.last_block == "table"
                and len(prev.columns) == len(columns) and (nh == 0 or columns == prev.columns)):
            # The same table continued (split by hand, the header repeated): one table.
            for row in rows:
                prev.rows.append(Row(index=len(prev.rows), cells=row.cells, bold=row.bold, indent=row.indent))
            prev.notes.append(f"joined a continuation table{f' (dropped {nh} repeated header row(s))' if nh else ''}")
            self._extend_lines(prev.id, page_no, last_line)
            self.last_block = "table"
            return
        if cap is not None and _CONTINUED_RE.search(cap[1] or "") and prev is not None and prev.number == cap[0] \
                and len(prev.columns) == len(columns):
            for row in rows:
                prev.rows.append(Row(index=len(prev.rows), cells=row.cells, bold=row.bold, indent=row.indent))
            prev.notes.append("joined a table captioned as its continuation (lanjutan)")
            self._extend_lines(prev.id, page_no, last_line)
            self.last_block = "table"
            return
        k = sum(1 for t, pg, *_ in self.tables if pg == page_no) + 1
        t = Table(
            id=f"p{page_no}-t{k}",
            number=cap[0] if cap else None,
            title=cap[1] if cap else "",
            pages=[page_no],
            columns=columns,
            header_rows=header_rows,
            rows=rows,
            caption_position="above" if cap else None,
            bbox=None,
            extractor="docx" + ("-nested" if nested else ""),
        )
        path, title = self._section()
        self.tables.append((t, page_no, path, title))
        self.table_ordinals[t.id] = ordinal
        if last_line >= first_line:
            self.table_lines[t.id] = [page_no, first_line, last_line]
        if not nested:
            self.last_table = t
            self.last_block = "table"


def _inside_excluded(el, stop) -> bool:
    """Not printed where it stands (below ``stop``): inside a text box, a fallback copy,
    deleted text or the old place of moved text (tracked changes), or a hidden run."""
    p = el.getparent()
    while p is not None and p is not stop:
        tag = _local(p)
        if tag in ("txbxContent", "Fallback", "del", "delText", "moveFrom"):
            return True
        if tag == "r" and _hidden(p):
            return True
        p = p.getparent()
    return False


class _Numbering:
    """Word's list numbering (word/numbering.xml): the label printed before a numbered paragraph,
    counted per list (w:num) and level, a level restarting the levels below it."""

    def __init__(self, d):
        self.levels: dict[str, dict[int, tuple]] = {}  # numId -> ilvl -> (format, text, start, legal)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = d.part.numbering_part.element
        except Exception:  # noqa: BLE001 - a document without numbering
            return
        abstract: dict[str, dict[int, tuple]] = {}
        for a in root.iterchildren(_W + "abstractNum"):
            abstract[a.get(_W + "abstractNumId")] = {_int(lv.get(_W + "ilvl"), 0): self._level(lv)
                                                     for lv in a.iterchildren(_W + "lvl")}
        for n in root.iterchildren(_W + "num"):
            aid = n.find(_W + "abstractNumId")
            levels = dict(abstract.get(aid.get(_W + "val") if aid is not None else "", {}))
            for o in n.iterchildren(_W + "lvlOverride"):
                ilvl = _int(o.get(_W + "ilvl"), 0)
                lv, so = o.find(_W + "lvl"), o.find(_W + "startOverride")
                if lv is not None:
                    levels[ilvl] = self._level(lv)
                if so is not None and ilvl in levels:
                    f, t, _, lgl = levels[ilvl]
                    levels[ilvl] = (f, t, _int(so.get(_W + "val"), 1), lgl)
            self.levels[n.get(_W + "numId")] = levels

    @staticmethod
    def _level(lv) -> tuple:
        fmt, text, start = lv.find(_W + "numFmt"), lv.find(_W + "lvlText"), lv.find(_W + "start")
        lgl = lv.find(_W + "isLgl")  # "legal" numbering: every level's number in decimal ("BAB III" > "3.1")
        return (fmt.get(_W + "val") if fmt is not None else "decimal",
                text.get(_W + "val") if text is not None else "",
                _int(start.get(_W + "val"), 1) if start is not None else 1,
                lgl is not None and lgl.get(_W + "val", "true") not in ("0", "false", "off"))

    def label(self, num_id: str, ilvl: int) -> str | None:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        fmt, text, start, legal = levels[ilvl]
        c = self.counters.setdefault(num_id, {})
        c[ilvl] = c.get(ilvl, start - 1) + 1
        for k in [k for k in c if k > ilvl]:
            del c[k]
        if fmt == "bullet":
            return "•"
        def number(m) -> str:
            k = int(m.group(1)) - 1
            kfmt, _t, kstart, _l = levels.get(k, ("decimal", "", 1, False))
            return _format_number(c.get(k, kstart), "decimal" if legal and kfmt != "none" else kfmt)

        out = re.sub(r"%([1-9])", number, text)
        return " ".join(out.split()) or None


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        vals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
        out, k = "", max(n, 0)
        for v, r in vals:
            while k >= v:
                out, k = out + r, k - v
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        k = max(n, 1)
        letter = chr(ord("A") + (k - 1) % 26) * ((k - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _content(el, want: tuple[str, ...]):
    """The children of ``el`` whose tag is in ``want``, in order, looking through the wrappers
    Word puts around blocks, rows and cells: content controls (w:sdt / w:sdtContent) and
    custom XML (w:customXml)."""
    for ch in el.iterchildren():
        tag = _local(ch)
        if tag in want:
            yield ch
        elif tag == "sdt":
            c = ch.find(_W + "sdtContent")
            if c is not None:
                yield from _content(c, want)
        elif tag == "customXml":
            yield from _content(ch, want)


def _hidden(r_el) -> bool:
    """A run formatted as hidden text (w:vanish): Word neither shows nor prints it."""
    rpr = r_el.find(_W + "rPr")
    v = rpr.find(_W + "vanish") if rpr is not None else None
    return v is not None and v.get(_W + "val", "true") not in ("0", "false", "off")


def _line_words(text: str, top: float, size: float, centred: bool, bold: bool) -> list:
    """Synthetic word boxes for one line (character width ~ half the size)."""
    toks = text.split()
    if not toks:
        return []
    cw = size * 0.5
    width = (sum(len(t) for t in toks) + len(toks) - 1) * cw
    x = (PAGE_WIDTH - width) / 2 if centred else 72.0
    out = []
    for t in toks:
        w = len(t) * cw
        out.append((t, (x, top, x + w, top + size), bold))
        x += w + cw
    return out


def _piece(tbl_el, builder: _Builder):
    """A table element as a tables.Piece (a grid of GridCells with spans), the number of
    leading rows marked as header (w:tblHeader), the tables nested in its cells, and a
    function giving a body row's (bold, indent)."""
    from lkip_audit.extract.model import BBox
    from lkip_audit.extract.tables import GridCell, Piece

    zero = BBox(0.0, 0.0, 0.0, 0.0)
    cells: list[GridCell] = []
    nested = []
    grid: dict[tuple[int, int], GridCell] = {}
    meta: dict[int, tuple[int, int, float]] = {}  # GridCell id -> (bold chars, chars, indent)
    marked = 0
    marking = True
    ncols = 0
    rows = list(_content(tbl_el, ("tr",)))
    for r, tr in enumerate(rows):
        trpr = tr.find(_W + "trPr")
        is_head = trpr is not None and trpr.find(_W + "tblHeader") is not None and \
            trpr.find(_W + "tblHeader").get(_W + "val", "true") not in ("0", "false", "off")
        if marking and is_head:
            marked = r + 1
        else:
            marking = False
        col = 0
        if trpr is not None:
            gb = trpr.find(_W + "gridBefore")
            if gb is not None:
                col = _int(gb.get(_W + "val"), 0)
        tcs = list(_content(tr, ("tc",)))  # also cells inside a content control
        for tc in tcs:
            tcpr = tc.find(_W + "tcPr")
            span, vmerge, hmerge = 1, None, None
            if tcpr is not None:
                gs = tcpr.find(_W + "gridSpan")
                if gs is not None:
                    span = max(1, _int(gs.get(_W + "val"), 1))
                vm = tcpr.find(_W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(_W + "val") or "continue"
                hm = tcpr.find(_W + "hMerge")  # the old form of gridSpan
                if hm is not None:
                    hmerge = hm.get(_W + "val") or "continue"
            paras = list(_content(tc, ("p",)))
            nested.extend(_content(tc, ("tbl",)))
            texts = [builder._cell_text(p) for p in paras]
            text = "\n".join(t for t in texts if t)
            if hmerge == "continue" and col > 0 and (r, col - 1) in grid:
                origin = grid[(r, col - 1)]
                if origin.row == r:
                    origin.colspan += span
                    if text:
                        origin.text = (origin.text + " " + text).strip()
                    for k in range(span):
                        grid[(r, col + k)] = origin
                    col += span
                    continue
            if vmerge == "continue" and (r - 1, col) in grid:
                origin = grid[(r - 1, col)]
                if origin.col == col:
                    origin.rowspan = r - origin.row + 1
                    if text:  # Word keeps text of a continued cell hidden; keep it rather than lose it
                        origin.text = (origin.text + "\n" + text).strip()
                    for k in range(origin.colspan):
                        grid[(r, col + k)] = origin
                    col += max(span, origin.colspan)
                    continue
            bold_chars = chars = 0
            indent = 0.0
            for i, p in enumerate(paras):
                pr = builder._para(p)
                n = len(pr.text.strip())
                chars += n
                bold_chars += n if pr.bold else 0
                if i == 0 or (not indent and n):
                    indent = _indent(p)
            gc = GridCell(text=text, bbox=zero, row=r, col=col, rowspan=1, colspan=span,
                          bold=chars > 0 and bold_chars * 2 > chars, indent=indent)
            meta[id(gc)] = (bold_chars, chars, indent)
            cells.append(gc)
            for k in range(span):
                grid[(r, col + k)] = gc
            col += span
        ncols = max(ncols, col)
    grid_cols = tbl_el.find(f"{_W}tblGrid")
    if grid_cols is not None:
        ncols = max(ncols, len(list(grid_cols.iterchildren(_W + "gridCol"))) if not cells else ncols)
    piece = Piece(page=1, bbox=zero, nrows=len(rows), ncols=ncols, cells=cells, extractor="docx")

    by_row: dict[int, list[GridCell]] = {}
    for c in cells:
        by_row.setdefault(c.row, []).append(c)

    def row_meta(r: int) -> tuple[bool, float]:
        from lkip_audit.numbers import parse_number

        origin = sorted((c for c in by_row.get(r, []) if c.text.strip()), key=lambda c: c.col)
        bold = bool(origin) and sum(1 for c in origin if c.bold) * 2 > len(origin)
        label = next((c for c in origin if parse_number(c.text).kind == "text"
                      and not re.match(r"^(\d{1,3}|[IVX]{1,4}|[a-z])\.?$", c.text.strip())), None)
        return bold, (label.indent if label is not None else 0.0)

    piece.origin = lambda r, c: grid.get((r, c))  # the same answer as Piece.origin, without its scan
    return piece, marked, nested, row_meta


def _int(v, default: int) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return default


def _indent(p_el) -> float:
    """A paragraph's left indent in points (w:ind w:left/w:start, twentieths of a point)."""
    ppr = p_el.find(_W + "pPr")
    ind = ppr.find(_W + "ind") if ppr is not None else None
    if ind is None:
        return 0.0
    v = ind.get(_W + "left") or ind.get(_W + "start")
    return _int(v, 0) / 20.0 if v else 0.0

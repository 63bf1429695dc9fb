"""The tool's own words (not the rules' messages, which live in the catalogue)."""

from __future__ import annotations

LANGS = ("id", "en")

_T: dict[str, dict[str, str]] = {
    "read_error.not-found": {"id": "{path}: berkas tidak ditemukan", "en": "{path}: file not found"},
    "read_error.not-pdf": {"id": "{path}: bukan berkas PDF", "en": "{path}: not a PDF file"},
    "read_error.empty": {"id": "{path}: berkas kosong (0 bita)", "en": "{path}: the file is empty (0 bytes)"},
    "read_error.encrypted": {
        "id": "{path}: PDF terenkripsi atau berkata sandi; buka kuncinya lalu periksa lagi",
        "en": "{path}: the PDF is encrypted or password-protected; unlock it and check again",
    },
    "read_error.damaged": {
        "id": "{path}: PDF rusak dan tidak dapat dibaca ({detail})",
        "en": "{path}: the PDF is damaged and cannot be read ({detail})",
    },
    "read_error.no-pages": {"id": "{path}: PDF tidak memiliki halaman", "en": "{path}: the PDF has no pages"},
    "read_error.timeout": {
        "id": "{path}: batas waktu habis sebelum dokumen selesai dibaca",
        "en": "{path}: the time limit ran out before the document was read",
    },
    "internal_error": {
        "id": "{path}: galat internal; jalankan lagi dengan --debug untuk melihat sebabnya",
        "en": "{path}: internal error; run again with --debug to see why",
    },
    "header.document": {"id": "Dokumen", "en": "Document"},
    "header.instansi": {"id": "Instansi", "en": "Agency"},
    "header.tahun": {"id": "Tahun", "en": "Year"},
    "header.pages": {"id": "Halaman", "en": "Pages"},
    "header.tables": {"id": "Tabel ditemukan", "en": "Tables found"},
    "header.findings": {"id": "Temuan", "en": "Findings"},
    "severity.error": {"id": "galat", "en": "error"},
    "severity.warning": {"id": "peringatan", "en": "warning"},
    "severity.info": {"id": "info", "en": "info"},
    "col.rule": {"id": "Aturan", "en": "Rule"},
    "col.page": {"id": "Hal.", "en": "Page"},
    "col.table": {"id": "Tabel", "en": "Table"},
    "col.row": {"id": "Baris", "en": "Row"},
    "col.column": {"id": "Kolom", "en": "Column"},
    "col.actual": {"id": "Tercetak", "en": "Printed"},
    "col.expected": {"id": "Seharusnya", "en": "Expected"},
    "col.message": {"id": "Uraian", "en": "Reason"},
    "table.none": {"id": "tanpa nomor", "en": "no number"},
    # how a message names a place (a page, a Word draft's part, a table, a row, a column)
    "loc.page": {"id": "hal. {page}", "en": "p. {page}"},
    "loc.pages": {"id": "halaman {pages}", "en": "pages {pages}"},
    "loc.part": {"id": "bagian {part}", "en": "part {part}"},
    "loc.table": {"id": "tabel {table}", "en": "table {table}"},
    "loc.row": {"id": "baris {row}", "en": "row {row}"},
    "loc.column": {"id": "kolom {column}", "en": "column {column}"},
    # where a kategori scale comes from (LBL messages)
    "scale.source.table": {"id": "dokumen: tabel {table} {place}", "en": "document: table {table} {place}"},
    "scale.source.sentence": {"id": "dokumen: kalimat {place}", "en": "document: sentence {place}"},
    "summary.line": {
        "id": "{path}: {error} galat, {warning} peringatan, {info} info; {tables} tabel, {pages} halaman",
        "en": "{path}: {error} errors, {warning} warnings, {info} info; {tables} tables, {pages} pages",
    },
    "summary.unchecked_line": {
        "id": "{n} halaman tidak dapat diperiksa: {pages}",
        "en": "{n} pages could not be checked: {pages}",
    },
    "no_findings": {"id": "Tidak ada temuan.", "en": "No findings."},
    "progress.reading": {"id": "Membaca halaman", "en": "Reading pages"},
    "progress.reading_parts": {"id": "Membaca bagian", "en": "Reading parts"},  # a Word draft: no pages
    "extract.done": {
        "id": "{n} tabel ditulis ke {out} (index.json dan satu CSV per tabel)",
        "en": "{n} tables written to {out} (index.json and one CSV per table)",
    },
    "rule.unknown": {"id": "aturan tidak dikenal: {id}", "en": "unknown rule: {id}"},
}


def register(table: dict[str, dict[str, str]]) -> None:
    """Add a module's UI strings (report formats, batch) to the one table t() reads."""
    for key, texts in table.items():
        if key in _T and _T[key] != texts:
            raise ValueError(f"UI string {key!r} defined twice with different texts")
        _T[key] = texts


def t(key: str, lang: str = "id", **kw) -> str:
    entry = _T.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["id"]
    return text.format(**kw) if kw else text

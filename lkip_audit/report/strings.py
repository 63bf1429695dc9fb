"""Words used by the report formats (the catalogue holds the rules' own words)."""

from __future__ import annotations

from lkip_audit.i18n import register, t

_S: dict[str, dict[str, str]] = {
    "report.title": {"id": "Laporan Pemeriksaan LKIP", "en": "LKIP Audit Report"},
    "col.no": {"id": "No", "en": "No"},
    "col.severity": {"id": "Tingkat", "en": "Severity"},
    "col.page_full": {"id": "Halaman", "en": "Page"},
    "col.printed_full": {"id": "Nilai tercetak", "en": "Printed value"},
    "col.expected_full": {"id": "Nilai seharusnya", "en": "Expected value"},
    "col.rule_code": {"id": "Kode aturan", "en": "Rule"},
    "col.reason": {"id": "Uraian", "en": "Reason"},
    "col.response": {"id": "Tanggapan", "en": "Response"},
    "col.related": {"id": "Sel terkait", "en": "Related cells"},
    "col.fingerprint": {"id": "Sidik", "en": "Fingerprint"},
    "sheet.review": {"id": "Kertas Kerja Reviu", "en": "Review Working Paper"},
    "sheet.summary": {"id": "Ringkasan", "en": "Summary"},
    "summary.sha256": {"id": "SHA-256", "en": "SHA-256"},
    "summary.rules": {"id": "Aturan dijalankan", "en": "Rules run"},
    "summary.unchecked": {"id": "Halaman tidak diperiksa", "en": "Pages not checked"},
    "summary.suppressed": {"id": "Temuan diterima (baseline)", "en": "Accepted findings (baseline)"},
    "summary.fail_on": {"id": "Batas gagal", "en": "Fail level"},
    "summary.tool": {"id": "Alat", "en": "Tool"},
    "summary.total": {"id": "Jumlah temuan", "en": "Total findings"},
    "suppressed.line": {
        "id": "{n} temuan disembunyikan oleh baseline",
        "en": "{n} findings suppressed by the baseline",
    },
    "filter.all": {"id": "semua", "en": "all"},
    "filter.shown": {"id": "ditampilkan", "en": "shown"},
    "viewer.search": {"id": "Cari", "en": "Search"},
    "viewer.search_hint": {"id": "pesan, baris, kolom, nilai", "en": "message, row, column, value"},
    "viewer.keys": {"id": "j/k atau panah: temuan berikut/sebelumnya", "en": "j/k or arrows: next/previous finding"},
    "viewer.none_shown": {"id": "Tidak ada temuan yang cocok dengan saringan.",
                          "en": "No finding matches the filters."},
    "viewer.select": {"id": "Pilih temuan di kiri.", "en": "Select a finding on the left."},
    "viewer.explain": {"id": "Penjelasan aturan", "en": "Rule explanation"},
    "viewer.rules": {"id": "Penjelasan aturan (lkip-audit explain)", "en": "Rule explanations (lkip-audit explain)"},
    "viewer.zoom": {"id": "Perbesar/perkecil", "en": "Zoom in/out"},
    "viewer.page": {"id": "Halaman", "en": "Page"},
    "viewer.no_image": {"id": "Gambar halaman {page} tidak tersedia.", "en": "No image of page {page}."},
    "viewer.no_page": {"id": "Temuan ini tidak menunjuk halaman tertentu.", "en": "This finding points to no page."},
    "viewer.legend": {
        "id": "Sel temuan bergaris merah, barisnya kuning, sel terkait biru; kalimat temuan naratif bergaris merah.",
        "en": "The finding's cell is outlined in red, its row in yellow, related cells in blue; "
              "a narrative finding's sentence in red.",
    },
    "junit.all_tables": {"id": "semua tabel", "en": "all tables"},
    "junit.findings": {"id": "{n} temuan", "en": "{n} findings"},
    "explain.severity": {"id": "Tingkat", "en": "Severity"},
    "explain.category": {"id": "Kategori", "en": "Category"},
    "explain.kind": {"id": "Jenis aturan", "en": "Rule kind"},
    "explain.status": {"id": "Status", "en": "Status"},
    "explain.checks": {"id": "Yang diperiksa", "en": "What it checks"},
    "explain.formula": {"id": "Rumus", "en": "Formula"},
    "explain.basis": {"id": "Dasar", "en": "Basis"},
    "explain.message": {"id": "Pesan temuan", "en": "Finding message"},
    "explain.example": {"id": "Contoh", "en": "Example"},
    "explain.no_formula": {"id": "(tidak ada rumus: pemeriksaan bentuk data)", "en": "(no formula: a data-form check)"},
    "status.implemented": {"id": "diterapkan", "en": "implemented"},
    "status.planned": {"id": "direncanakan (belum diterapkan)", "en": "planned (not implemented yet)"},
    "written": {"id": "ditulis: {path}", "en": "written: {path}"},
}


register(_S)

s = t  # a report word: lkip_audit.i18n.t over the one table of UI strings

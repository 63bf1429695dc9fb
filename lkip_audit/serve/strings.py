"""The web page's own words (Bahasa Indonesia by default, English selectable)."""

from __future__ import annotations

from lkip_audit.i18n import register

STRINGS: dict[str, dict[str, str]] = {
    "serve.title": {"id": "Pemeriksa LKIP", "en": "LKIP checker"},
    "serve.tagline": {
        "id": "Periksa konsistensi angka dalam Laporan Kinerja Instansi Pemerintah (PDF atau DOCX).",
        "en": "Check the numbers of a government performance report (LKIP, PDF or DOCX) for consistency.",
    },
    "serve.drop": {
        "id": "Letakkan berkas PDF atau DOCX di sini, atau",
        "en": "Drop PDF or DOCX files here, or",
    },
    "serve.pick": {"id": "pilih berkas", "en": "choose files"},
    "serve.upload": {"id": "Unggah dan periksa", "en": "Upload and check"},
    "serve.limit": {"id": "Batas ukuran per berkas: {mb} MB.", "en": "Size limit per file: {mb} MB."},
    "serve.progress": {"id": "Sedang diperiksa", "en": "Being checked"},
    "serve.reports": {"id": "Laporan yang sudah diperiksa", "en": "Reports checked so far"},
    "serve.no_reports": {"id": "Belum ada laporan.", "en": "No reports yet."},
    "serve.col.name": {"id": "Berkas", "en": "File"},
    "serve.col.instansi": {"id": "Instansi", "en": "Agency"},
    "serve.col.tahun": {"id": "Tahun", "en": "Year"},
    "serve.col.when": {"id": "Waktu", "en": "When"},
    "serve.col.state": {"id": "Status", "en": "State"},
    "serve.open": {"id": "Buka", "en": "Open"},
    "serve.delete": {"id": "Hapus", "en": "Delete"},
    "serve.back": {"id": "Kembali ke daftar", "en": "Back to the list"},
    "serve.state.queued": {"id": "menunggu", "en": "queued"},
    "serve.state.reading": {"id": "membaca halaman", "en": "reading pages"},
    "serve.state.reading_parts": {"id": "membaca bagian", "en": "reading parts"},  # a Word draft: no pages
    "serve.state.checking": {"id": "memeriksa", "en": "checking"},
    "serve.state.done": {"id": "selesai", "en": "done"},
    "serve.state.failed": {"id": "gagal", "en": "failed"},
    "serve.settings": {"id": "Pengaturan", "en": "Settings"},
    "serve.lang": {"id": "Bahasa", "en": "Language"},
    "serve.kategori": {"id": "Skala kategori", "en": "Kategori scale"},
    "serve.kategori_hint": {
        "id": "Kosongkan untuk memakai skala yang dinyatakan laporan (atau berkas pengaturan). Contoh: {example}",
        "en": "Leave empty to use the scale the report states (or the settings file). Example: {example}",
    },
    "serve.fail_on": {"id": "Batas gagal", "en": "Fail level"},
    "serve.fail.never": {"id": "tidak pernah", "en": "never"},
    "serve.save": {"id": "Simpan", "en": "Save"},
    "serve.saved": {"id": "Pengaturan disimpan; berlaku untuk unggahan berikutnya.",
                    "en": "Settings saved; they apply to the next uploads."},
    "serve.settings_used": {"id": "Diperiksa dengan", "en": "Checked with"},
    "serve.config_file": {"id": "Berkas pengaturan", "en": "Settings file"},
    "serve.downloads": {"id": "Unduh", "en": "Download"},
    "serve.dl.xlsx": {"id": "Kertas Kerja Reviu (xlsx)", "en": "Review Working Paper (xlsx)"},
    "serve.dl.json": {"id": "JSON", "en": "JSON"},
    "serve.dl.sarif": {"id": "SARIF", "en": "SARIF"},
    "serve.dl.md": {"id": "Markdown", "en": "Markdown"},
    "serve.dl.html": {"id": "HTML (satu berkas)", "en": "HTML (one file)"},
    "serve.open_tab": {"id": "Buka laporan di tab baru", "en": "Open the report in a new tab"},
    "serve.verdict.fail": {"id": "Ada temuan pada atau di atas batas gagal ({level}).",
                           "en": "Findings at or above the fail level ({level})."},
    "serve.verdict.pass": {"id": "Tidak ada temuan pada atau di atas batas gagal ({level}).",
                           "en": "No finding at or above the fail level ({level})."},
    "serve.pages_tables": {"id": "{pages} halaman, {tables} tabel, {secs} dtk",
                           "en": "{pages} pages, {tables} tables, {secs} s"},
    "serve.wait": {"id": "Laporan sedang diperiksa; halaman ini diperbarui sendiri.",
                   "en": "The report is being checked; this page updates itself."},
    "serve.err.type": {
        "id": "{name}: bukan PDF atau dokumen Word (.docx); berkas ini tidak diperiksa",
        "en": "{name}: not a PDF nor a Word document (.docx); the file was not checked",
    },
    "serve.err.docm": {
        "id": "{name}: dokumen Word dengan makro (.docm) tidak diterima; simpan sebagai .docx lalu unggah lagi",
        "en": "{name}: Word documents with macros (.docm) are not accepted; save as .docx and upload again",
    },
    "serve.err.spreadsheet": {
        "id": "{name}: ini lembar kerja, bukan laporan; unggah LKIP-nya (PDF atau DOCX)",
        "en": "{name}: this is a spreadsheet, not a report; upload the LKIP itself (PDF or DOCX)",
    },
    "serve.err.empty": {"id": "{name}: berkas kosong", "en": "{name}: the file is empty"},
    "serve.err.none": {"id": "Tidak ada berkas yang diunggah.", "en": "No file was uploaded."},
    "serve.err.too_large": {
        "id": "Berkas terlalu besar: batas unggah {mb} MB per berkas.",
        "en": "The file is too large: the upload limit is {mb} MB per file.",
    },
    "serve.err.csrf": {
        "id": "Permintaan ditolak: token formulir (CSRF) tidak ada atau tidak cocok. Muat ulang halaman lalu coba lagi.",
        "en": "Request refused: the form token (CSRF) is missing or wrong. Reload the page and try again.",
    },
    "serve.err.token": {
        "id": "Akses ditolak: buka alamat lengkap (dengan ?token=...) yang dicetak saat server dimulai.",
        "en": "Access refused: open the full address (with ?token=...) printed when the server started.",
    },
    "serve.err.host": {
        "id": "Permintaan ditolak: nama host tidak dikenal untuk server lokal ini.",
        "en": "Request refused: unknown host name for this local server.",
    },
    "serve.err.not_found": {"id": "Tidak ditemukan.", "en": "Not found."},
    "serve.err.kategori": {"id": "Skala kategori tidak dapat dibaca: {detail}",
                           "en": "Cannot read the kategori scale: {detail}"},
    "serve.err.internal": {
        "id": "Galat internal pada server; laporan lain tidak terpengaruh.",
        "en": "Internal error in the server; other reports are not affected.",
    },
    "serve.err.worker": {
        "id": "{name}: proses pemeriksa berhenti tiba-tiba; coba unggah lagi",
        "en": "{name}: the checking process stopped unexpectedly; try uploading again",
    },
    "serve.rendering": {
        "id": "Tampilan laporan sedang dibuat (gambar halaman); unduhan di atas sudah tersedia.",
        "en": "The report view is being made (page images); the downloads above are ready.",
    },
    "serve.err.no_viewer": {
        "id": "Tampilan laporan tidak dapat dibuat (galat internal); unduhan lain di atas tetap tersedia.",
        "en": "The report view could not be made (internal error); the other downloads above are available.",
    },
    "serve.started": {
        "id": "lkip-audit serve: buka {url} di peramban (Ctrl+C untuk berhenti)",
        "en": "lkip-audit serve: open {url} in a browser (Ctrl+C to stop)",
    },
    "serve.elsewhere": {
        "id": "dari komputer lain: {url} (atau alamat IP komputer ini)",
        "en": "from other machines: {url} (or this machine's IP address)",
    },
    "serve.token_generated": {
        "id": "Token akses (dibuat acak, wajib karena server terbuka di jaringan): {token}",
        "en": "Access token (generated, required because the server is open to the network): {token}",
    },
    "serve.no_tls": {
        "id": "PERINGATAN: tanpa TLS (http, bukan https): laporan dan token melintasi jaringan tanpa enkripsi; "
              "pakai hanya di jaringan kantor yang tepercaya.",
        "en": "WARNING: no TLS (http, not https): reports and the token cross the network unencrypted; "
              "use it only on a trusted office network.",
    },
    "serve.files_dir": {"id": "Berkas unggahan disimpan di {dir} (dihapus saat server berhenti{keep})",
                        "en": "Uploaded files are kept in {dir} (deleted when the server stops{keep})"},
    "serve.files_kept": {"id": "Berkas unggahan dan laporan disimpan di {dir} (--keep)",
                         "en": "Uploaded files and reports kept in {dir} (--keep)"},
    "serve.keep_note": {"id": "; kecuali --keep", "en": "; unless --keep"},
    "serve.pages_tables_only": {"id": "{pages} halaman, {tables} tabel", "en": "{pages} pages, {tables} tables"},
    # a Word draft (report.html): its parts, the chapters, as the text report's "Bagian"
    "serve.parts_tables": {"id": "{pages} bagian (dokumen Word, tanpa halaman), {tables} tabel, {secs} dtk",
                           "en": "{pages} parts (a Word document has no pages), {tables} tables, {secs} s"},
    "serve.parts_tables_only": {"id": "{pages} bagian (dokumen Word, tanpa halaman), {tables} tabel",
                                "en": "{pages} parts (a Word document has no pages), {tables} tables"},
    "serve.store_used": {
        "id": "Daftar laporan di penyimpanan {store} ({n} laporan); laporan yang sudah dibuat (bukan berkas "
              "unggahannya) disimpan di {dir}",
        "en": "List of reports in the store {store} ({n} reports); the rendered reports (not the uploaded files) "
              "are kept in {dir}",
    },
    "serve.no_store": {
        "id": "Tanpa penyimpanan (--no-store): daftar laporan hilang saat server berhenti",
        "en": "No store (--no-store): the list of reports is lost when the server stops",
    },
    "serve.err.store": {
        "id": "Penyimpanan laporan {store} tidak dapat dibuka: {detail}. Pilih yang lain dengan --store PATH|URL, "
              "atau jalankan dengan --no-store (daftar laporan tidak disimpan).",
        "en": "The report store {store} cannot be opened: {detail}. Choose another with --store PATH|URL, "
              "or run with --no-store (the list of reports is not kept).",
    },
    "serve.store_unreadable": {
        "id": "penyimpanan tidak dapat dibaca; aturan lintas tahun (YR) tidak dijalankan dan laporan ini tidak "
              "dicatat: {detail}",
        "en": "the store cannot be read; the cross-year rules (YR) did not run and this report was not recorded: "
              "{detail}",
    },
    "serve.err.keep": {
        "id": "laporan yang sudah dibuat tidak dapat disimpan di {dir}: {detail}; setelah server dimulai lagi, "
              "berkasnya harus diperiksa ulang",
        "en": "the rendered reports cannot be kept in {dir}: {detail}; after the server starts again the file "
              "must be checked again",
    },
    "serve.recheck": {
        "id": "tersimpan; laporannya tidak ada di sini: periksa ulang berkasnya",
        "en": "stored; its report is not kept here: check the file again",
    },
    "serve.recheck_long": {
        "id": "Laporan ini tercatat di penyimpanan (jumlah temuan di atas), tetapi tampilan dan unduhannya tidak "
              "disimpan di komputer ini (diperiksa dengan lkip-audit check, di komputer lain, atau sebelum "
              "laporan disimpan). Unggah berkasnya lagi untuk melihat temuannya.",
        "en": "This report is recorded in the store (the counts above), but its view and downloads were not kept "
              "on this machine (checked with lkip-audit check, on another machine, or before reports were kept). "
              "Upload the file again to see its findings.",
    },
    "serve.delete_title": {
        "id": "Hapus dari daftar, dari penyimpanan, dan berkas laporannya",
        "en": "Delete from the list, from the store, and its report files",
    },
    "serve.notes": {"id": "Catatan", "en": "Notes"},
    "serve.err.store_and_no_store": {"id": "--store dan --no-store tidak dapat dipakai bersama",
                                     "en": "--store and --no-store exclude each other"},
}

register(STRINGS)

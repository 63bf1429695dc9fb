"""Write extracted tables as CSV files plus an index.json (the reviewers' way into Excel)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from lkip_audit.extract.model import Document, Table


def table_file_name(t: Table) -> str:
    base = f"tabel-{t.number}" if t.number else t.id
    return re.sub(r"[^A-Za-z0-9._-]+", "_", base) + ".csv"


def write_tables(doc: Document, out_dir: str | Path) -> Path:
    """One CSV per table (header = flattened column labels, plus the page of each row)
    and index.json describing every table. Returns the index path.

    A Word draft has no pages: each CSV row starts with its row number ("baris", as the
    findings say "Tabel 3.5, baris 4") instead, and each table's index entry says where it
    stands in Word: ``section`` (heading path), ``section_title`` and ``position`` (its place
    among the tables under that heading; "Tabel ke-2 tanpa nomor")."""
    from lkip_audit.extract.docx import is_word_document, word_table

    word = is_word_document(doc)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    index = []
    used: set[str] = set()
    for t in doc.tables:
        name = table_file_name(t)
        while name in used:  # the same caption number printed twice
            name = name[:-4] + "_" + t.id + ".csv"
        used.add(name)
        # utf-8-sig so that Excel opens the accents and the "Rp" columns right.
        with open(out / name, "w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f)
            w.writerow(["baris" if word else "halaman"] + [c or f"kolom_{i + 1}" for i, c in enumerate(t.columns)])
            for k, r in enumerate(t.rows, start=1):
                w.writerow([k if word else r.page] + [c.text for c in r.cells])
        where = {}
        if word:
            section, title, position = word_table(doc, t.id)
            where = {"section": section, "section_title": title, "position": position}
        index.append(
            {
                "file": name,
                "id": t.id,
                "number": t.number,
                "title": t.title,
                "pages": t.pages,
                "caption": t.caption_position,
                "columns": t.columns,
                "rows": len(t.rows),
                "extractor": t.extractor,
                "notes": t.notes,
                **where,
            }
        )
    doc_info = {
        "path": Path(doc.path).name,
        "sha256": doc.sha256,
        "pages": doc.page_count,
        "instansi": doc.instansi,
        "tahun": doc.tahun,
        "unreadable_pages": [{"page": p.page, "reason": p.reason} for p in doc.problems],
    }
    path = out / "index.json"
    path.write_text(
        json.dumps({"document": doc_info, "tables": index}, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    return path

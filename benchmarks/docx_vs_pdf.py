"""DOCX-to-PDF differential harness (issue #13 part 2): what the PDF path finds that the
Word path does not, and the other way round.

    python benchmarks/docx_vs_pdf.py                  # every samples/wild/*.docx against its PDF
    python benchmarks/docx_vs_pdf.py --only konvensi  # documents whose name holds this
    python benchmarks/docx_vs_pdf.py --convert        # reconvert each .docx with LibreOffice first
    python benchmarks/docx_vs_pdf.py --markdown       # the table as Markdown (README)
    python benchmarks/docx_vs_pdf.py --list           # every unexplained difference
    python benchmarks/docx_vs_pdf.py --list-stale     # explained entries that matched nothing this run
    python benchmarks/docx_vs_pdf.py --prune-stale    # ... and remove them from the explained file

Every .docx in the Word-made corpus has the PDF LibreOffice made from it beside it (committed;
``--convert`` makes a fresh one with ``soffice --headless --convert-to pdf`` in a temporary
directory with a private profile). Both are checked (lkip_audit.pipeline.audit, default
configuration, no cache, two documents at a time in a process pool) and their findings are
matched by rule, table, row and column, never by page or section (a .docx finding has no
page): ``key()`` below. The two sides print the same content, so every finding only one side
has is a PDF extraction error (or a DOCX reader error) until explained;
benchmarks/docx_vs_pdf_explained.yaml holds the explained ones (document, side, rule, table,
row, column, reason), matched the same way.

Per document it prints findings on each side, in both, docx-only, pdf-only, explained and
unexplained, then totals; ``--json`` (default benchmarks/results/docx_vs_pdf.json) has the
figures and every unexplained difference.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "samples" / "wild"
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "docx_vs_pdf.json"
EXPLAINED = ROOT / "benchmarks" / "docx_vs_pdf_explained.yaml"
SIDES = ("docx-only", "pdf-only")


# ----------------------------------------------------------------- matching


def norm_label(s) -> str:
    """Case, spaces and punctuation removed: 'Program I. Penunjang' -> 'programipenunjang'."""
    return re.sub(r"[\W_]+", "", str(s or "").lower())


def norm_table(s) -> str:
    """A caption number as printed: 'Tabel 3.5.' / '3.5' -> '3.5'."""
    t = re.sub(r"\s+", "", str(s or "")).lower()
    t = re.sub(r"^tabel", "", t)
    return t.strip(".")


def key(f: dict) -> tuple[str, str, str, str]:
    """What a finding is, on either side: (rule, table, row, column).

    The table is its caption number, or for an uncaptioned table its row label (the same row
    label the row part holds: such a table is known by its row alone). Page, section, message
    and values are left out: a .docx finding has page None, and its values are the finding's
    own business, not its identity.
    """
    row = norm_label(f.get("row"))
    table = norm_table(f.get("table"))
    if not table:
        table = "row:" + row
    return (str(f.get("rule") or "").strip().upper(), table, row, norm_label(f.get("column")))


def diff(docx: list[dict], pdf: list[dict]) -> tuple[list[dict], list[dict], int]:
    """(docx-only, pdf-only, in both): multiset matching by key(), so two findings at one
    place on one side and one on the other leave one over."""
    left = Counter(key(f) for f in pdf)
    docx_only, both = [], 0
    for f in docx:
        k = key(f)
        if left[k] > 0:
            left[k] -= 1
            both += 1
        else:
            docx_only.append(f)
    right = Counter(key(f) for f in docx)
    pdf_only = []
    for f in pdf:
        k = key(f)
        if right[k] > 0:
            right[k] -= 1
        else:
            pdf_only.append(f)
    return docx_only, pdf_only, both


def explained_by(document: str, side: str, f: dict, entries: list[dict]) -> dict | None:
    """The explained-file entry for this difference, or None. An entry names its document
    (file name without extension, e.g. 'bkd-word-grid'), its side and the finding's
    rule/table/row/column, matched as key() matches."""
    k = key(f)
    for e in entries:
        if e.get("document") != document or e.get("side") != side:
            continue
        if key(e) == k:
            return e
    return None


def load_explained(path: Path = EXPLAINED) -> list[dict]:
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("explained", data) if isinstance(data, dict) else data
    return [e for e in entries or [] if isinstance(e, dict)]


def write_explained(path: Path, entries: list[dict]) -> None:
    """Rewrite the explained file with ``entries``, keeping its opening comment."""
    head = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                break
            head.append(line)
    body = yaml.safe_dump({"explained": entries}, sort_keys=False, allow_unicode=True, width=4096)
    path.write_text("\n".join(head + [body]).rstrip("\n") + "\n", encoding="utf-8")


def split_explained(document: str, side: str, fs: list[dict], entries: list[dict]):
    """(explained [(finding, entry)], unexplained [finding])."""
    ex, un = [], []
    for f in fs:
        e = explained_by(document, side, f, entries)
        if e is None:
            un.append(f)
        else:
            ex.append((f, e))
    return ex, un


# ----------------------------------------------------------------- running the check


def finding_dict(f) -> dict:
    return {"rule": f.rule, "severity": f.severity, "page": f.page, "section": getattr(f, "section", None),
            "table": f.table, "row": f.row, "column": f.column, "expected": f.expected, "actual": f.actual,
            "message": f.message}


def run_one(path: str) -> dict:
    """Check one document (no cache); an unreadable one is a result too."""
    t0 = time.monotonic()
    try:
        from lkip_audit.pipeline import audit

        res = audit(path)
    except Exception as e:  # noqa: BLE001
        if type(e).__name__ == "NothingChecked":
            return {"path": path, "error": None, "findings": [], "seconds": round(time.monotonic() - t0, 2)}
        return {"path": path, "error": f"{type(e).__name__}: {e}".strip(), "findings": [],
                "seconds": round(time.monotonic() - t0, 2)}
    return {"path": path, "error": None, "findings": [finding_dict(f) for f in res.findings],
            "seconds": round(time.monotonic() - t0, 2)}


def run_all(paths: list[str], jobs: int = 2) -> dict[str, dict]:
    """Each document checked by ``run_one``, ``jobs`` at a time (the scorer's pool)."""
    if str(ROOT) not in sys.path:  # run as a script: benchmarks/ is on the path, the repo is not
        sys.path.insert(0, str(ROOT))
    from benchmarks.findings import run_all as pool_run

    return pool_run(paths, jobs, worker=run_one)


def convert(docx: Path, outdir: Path) -> Path:
    """The PDF LibreOffice makes from ``docx`` now (private profile, time limit)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("--convert needs LibreOffice (soffice) on PATH")
    profile = outdir / f"profile-{docx.stem}"
    target = outdir / docx.stem
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(target), str(docx)], check=True, timeout=300,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pdf = target / (docx.stem + ".pdf")
    if not pdf.exists():
        raise SystemExit(f"LibreOffice made no PDF from {docx}")
    return pdf


# ----------------------------------------------------------------- report


def compare(pairs: list[tuple[str, str, str]], results: dict[str, dict], entries: list[dict]) -> dict:
    docs, tot, kinds = [], Counter(), Counter()
    used_entries: set[int] = set()
    for name, dpath, ppath in pairs:
        rd, rp = results[dpath], results[ppath]
        d = {"document": name, "docx": rel(dpath), "pdf": rel(ppath)}
        if rd.get("error") or rp.get("error"):
            d["error"] = "; ".join(x for x in (rd.get("error") and f"docx: {rd['error']}",
                                               rp.get("error") and f"pdf: {rp['error']}") if x)
            docs.append(d)
            tot["not_checked"] += 1
            continue
        donly, ponly, both = diff(rd["findings"], rp["findings"])
        exd, und = split_explained(name, "docx-only", donly, entries)
        exp, unp = split_explained(name, "pdf-only", ponly, entries)
        d.update({"docx_findings": len(rd["findings"]), "pdf_findings": len(rp["findings"]), "both": both,
                  "docx_only": len(donly), "pdf_only": len(ponly), "explained": len(exd) + len(exp),
                  "unexplained": len(und) + len(unp),
                  "unexplained_differences": [{"side": "docx-only", **f} for f in und]
                  + [{"side": "pdf-only", **f} for f in unp]})
        for _, e in exd + exp:
            kinds[e.get("kind") or e.get("reason") or "?"] += 1
            used_entries.add(id(e))
        for k in ("docx_findings", "pdf_findings", "both", "docx_only", "pdf_only", "explained", "unexplained"):
            tot[k] += d[k]
        docs.append(d)
    used = Counter()
    for d in docs:
        for f in d.get("unexplained_differences", []):
            used[(f["side"], f["rule"])] += 1
    # Entries of the documents compared that explained nothing this run: the difference they
    # name is gone (fixed, or the finding moved), so their reason no longer describes a run.
    compared = {name for name, *_ in pairs}
    stale = [e for e in entries if e.get("document") in compared and id(e) not in used_entries]
    tot["stale_entries"] = len(stale)
    return {"documents": docs, "totals": dict(tot), "stale_entries": stale,
            "explained_by_kind": [{"kind": k, "count": n} for k, n in kinds.most_common()],
            "unexplained_by_side_and_rule": [{"side": s, "rule": r, "count": n} for (s, r), n in used.most_common()]}


COLS = ("docx_findings", "pdf_findings", "both", "docx_only", "pdf_only", "explained", "unexplained")
HEAD = ("docx", "pdf", "both", "docx-only", "pdf-only", "explained", "unexplained")


def text_table(rep: dict) -> str:
    w = max([len(d["document"]) for d in rep["documents"]] + [8])
    lines = [f"{'document':<{w}}  " + "  ".join(f"{h:>11}" for h in HEAD)]
    for d in rep["documents"]:
        if d.get("error"):
            lines.append(f"{d['document']:<{w}}  not checked: {d['error']}")
            continue
        lines.append(f"{d['document']:<{w}}  " + "  ".join(f"{d[c]:>11}" for c in COLS))
    t = rep["totals"]
    lines.append(f"{'total':<{w}}  " + "  ".join(f"{t.get(c, 0):>11}" for c in COLS))
    if t.get("not_checked"):
        lines.append(f"{t['not_checked']} document(s) not checked")
    return "\n".join(lines)


def markdown_table(rep: dict) -> str:
    lines = ["| document | " + " | ".join(HEAD) + " |", "| --- |" + " ---: |" * len(HEAD)]
    for d in rep["documents"]:
        if d.get("error"):
            lines.append(f"| `{d['document']}` | not checked: {d['error']} |")
            continue
        lines.append(f"| `{d['document']}` | " + " | ".join(str(d[c]) for c in COLS) + " |")
    t = rep["totals"]
    lines.append("| total | " + " | ".join(str(t.get(c, 0)) for c in COLS) + " |")
    return "\n".join(lines)


def rel(p) -> str:
    try:
        return str(Path(p).resolve().relative_to(ROOT))
    except ValueError:
        return str(p)


def _commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              timeout=10).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="documents whose name holds this")
    ap.add_argument("--convert", action="store_true", help="reconvert each .docx with LibreOffice (soffice)")
    ap.add_argument("--jobs", type=int, default=2, help="documents checked at a time (default 2)")
    ap.add_argument("--json", default=str(DEFAULT_JSON), help="where the figures go (default %(default)s)")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--list", action="store_true", help="print every unexplained difference")
    ap.add_argument("--list-stale", action="store_true",
                    help="print the explained-file entries that matched no difference of this run")
    ap.add_argument("--prune-stale", action="store_true",
                    help="remove those entries from the explained file (the differences they explain are gone)")
    ap.add_argument("--explained", default=str(EXPLAINED), help="explained differences (default %(default)s)")
    args = ap.parse_args(argv)

    docxs = sorted(CORPUS.glob("*.docx"))
    if args.only:
        docxs = [d for d in docxs if args.only in d.name]
    if not docxs:
        print("no .docx found", file=sys.stderr)
        return 2
    entries = load_explained(Path(args.explained))
    tmp = tempfile.TemporaryDirectory(prefix="docx-vs-pdf-") if args.convert else None
    try:
        pairs = []
        for d in docxs:
            if tmp is not None:
                pdf = convert(d, Path(tmp.name))
            else:
                pdf = d.with_suffix(".pdf")
                if not pdf.exists():
                    print(f"{rel(pdf)} missing (use --convert)", file=sys.stderr)
                    continue
            pairs.append((d.stem, str(d), str(pdf)))
        t0 = time.monotonic()
        results = run_all([p for _, dp, pp in pairs for p in (dp, pp)], args.jobs)
        rep = compare(pairs, results, entries)
    finally:
        if tmp is not None:
            tmp.cleanup()
    rep.update({"date": _dt.date.today().isoformat(), "commit": _commit(), "converted": bool(args.convert),
                "seconds": round(time.monotonic() - t0, 1)})
    print(markdown_table(rep) if args.markdown else text_table(rep))
    if rep["explained_by_kind"]:
        print(("\nexplained, by kind: " if not args.markdown else "\nExplained, by kind: ")
              + ", ".join(f"{k['kind']} {k['count']}" for k in rep["explained_by_kind"]))
    if rep["unexplained_by_side_and_rule"]:
        print(("unexplained, by side and rule: " if not args.markdown else "Unexplained, by side and rule: ")
              + ", ".join(f"{u['side']} {u['rule']} {u['count']}" for u in rep["unexplained_by_side_and_rule"]))
    if args.list:
        for d in rep["documents"]:
            for f in d.get("unexplained_differences", []):
                print(f"{d['document']}\t{f['side']}\t{f['rule']}\t{f.get('table')}\t{f.get('row')}\t"
                      f"{f.get('column')}\tp{f.get('page')}\t{f.get('expected')} / {f.get('actual')}")
    if rep["stale_entries"]:
        print(f"{len(rep['stale_entries'])} explained-file entries matched no difference of this run (stale; --list-stale)")
    if args.list_stale:
        for e in rep["stale_entries"]:
            print(f"stale\t{e.get('document')}\t{e.get('side')}\t{e.get('rule')}\t{e.get('table')}\t{e.get('row')}\t"
                  f"{e.get('column')}\t{e.get('kind')}")
    if args.prune_stale and rep["stale_entries"] and not args.only:
        gone = {id(e) for e in rep["stale_entries"]}
        write_explained(Path(args.explained), [e for e in entries if id(e) not in gone])
        print(f"removed {len(gone)} stale entries from {rel(args.explained)}", file=sys.stderr)
    if args.json:
        out = Path(args.json)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(rep, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"written {rel(out)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

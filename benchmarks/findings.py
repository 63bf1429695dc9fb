"""Findings scorer (issue #10): how well lkip-audit finds what documents we did not make hold.

    python benchmarks/findings.py                 # samples with truth files, then the real reports
    python benchmarks/findings.py --no-real --only dinkes
    python benchmarks/findings.py --markdown      # the tables as Markdown (README)
    python benchmarks/findings.py --list-false    # every false positive and missed item
    python benchmarks/findings.py --untriaged     # real findings without triage, as YAML to judge

1. Documents with a truth file (samples/*.truth.yaml, samples/wild/*.truth.yaml; format
   and matching: samples/wild/TRUTH.md): each is checked in-process
   (lkip_audit.pipeline.audit, default configuration, no cache; ``--jobs`` documents at
   a time), its error and warning findings are matched to the items
   (benchmarks/scoring.py), and per document, per rule category and in total it prints
   recall (items found / items), precision (findings matching an item / findings),
   true/false positives, items missed, and for a clean twin its errors and warnings
   (which must be 0). ``--docx`` also checks the .docx a truth file names (``docx:``).
2. The real reports in ../shared/real/ (beside the repository) that have a hand triage
   (benchmarks/real_triage.yaml and every benchmarks/real_triage_*.yaml, merged; format:
   benchmarks/TRIAGE.md): the current errors and warnings are matched to the triaged ones;
   per report it prints findings, triaged-and-matched, judged true, share true,
   untriaged, DQ findings per page, and instansi/tahun detected vs triaged; then
   "real: known missed errors now reported: X of Y" per report and in total: of the open
   ``missed:`` entries (no ``reported_later``), those a current error/warning reports (same
   page, same table when named, ``actual`` the number ``printed``; TRIAGE.md).

All figures, the missed items, the false positives with their messages and the untriaged
real findings go to ``--json`` (default benchmarks/results/findings.json).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.scoring import (  # noqa: E402
    CATEGORIES,
    COUNTED,
    category,
    near_misses,
    norm_label,
    score_document,
    score_missed,
    score_triage,
)

DEFAULT_JSON = ROOT / "benchmarks" / "results" / "findings.json"


# ----------------------------------------------------------------- running the check


def finding_dict(f) -> dict:
    return {
        "rule": f.rule, "severity": f.severity, "page": f.page, "table": f.table, "row": f.row,
        "column": f.column, "actual": f.actual, "expected": f.expected, "message": f.message,
        "related": [{"page": r.page, "table": r.table, "row": r.row, "column": r.column, "value": r.value}
                    for r in f.related],
    }


def slim(f: dict) -> dict:
    """A finding for the JSON: at most 3 related places (a sum's addends can be 40), and their count."""
    rel = f.get("related") or []
    if len(rel) <= 3:
        return f
    return {**f, "related": rel[:3], "related_count": len(rel)}


def run_one(path: str) -> dict:
    """Check one document in this process; a document that cannot be read is a result too."""
    t0 = time.monotonic()
    try:
        from lkip_audit.pipeline import audit

        res = audit(path)
    except Exception as e:  # noqa: BLE001 (ReadError, or a .docx the tool does not read yet)
        if type(e).__name__ == "NothingChecked":  # read, but nothing in it could be checked: no finding
            return {"path": path, "error": None, "seconds": round(time.monotonic() - t0, 2), "pages": None,
                    "instansi": None, "tahun": None, "findings": [],
                    "nothing_checked": f"{getattr(e, 'reason', '')} {getattr(e, 'detail', '')}".strip()}
        return {"path": path, "error": f"{type(e).__name__}: {e}".strip(), "seconds": round(time.monotonic() - t0, 2)}
    doc = res.document
    return {"path": path, "error": None, "seconds": round(time.monotonic() - t0, 2), "pages": doc.page_count,
            "instansi": doc.instansi, "tahun": doc.tahun, "findings": [finding_dict(f) for f in res.findings]}


def run_all(paths: list[str], jobs: int, worker=None) -> dict[str, dict]:
    """Results by path; ``jobs`` documents at a time in a process pool (1: in this process).
    ``worker(path) -> dict`` checks one document (default ``run_one``; a module-level function)."""
    worker = worker or run_one
    out: dict[str, dict] = {}
    todo = [p for p in dict.fromkeys(paths) if p]
    if jobs <= 1 or len(todo) <= 1:
        for p in todo:
            out[p] = worker(p)
            _progress(out[p])
        return out
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        futures = {pool.submit(worker, p): p for p in todo}
        for fut in as_completed(futures):
            p = futures[fut]
            try:
                out[p] = fut.result()
            except Exception as e:  # noqa: BLE001 (a worker that died)
                out[p] = {"path": p, "error": f"worker failed: {type(e).__name__}: {e}", "seconds": None, "findings": []}
            _progress(out[p])
    return out


def _progress(r: dict) -> None:
    name = Path(r["path"]).name
    what = f"not checked ({r['error']})" if r.get("error") else f"{len(r['findings'])} findings"
    if r.get("nothing_checked"):
        what = f"nothing checked ({r['nothing_checked']})"
    secs = f"{r['seconds']:.1f} s" if r.get("seconds") is not None else "-"
    print(f"  checked {name}: {what}, {secs}", file=sys.stderr, flush=True)


# ----------------------------------------------------------------- truth files


def truth_files(root: Path | None = None) -> list[Path]:
    root = root or ROOT
    return sorted((root / "samples").glob("*.truth.yaml")) + sorted((root / "samples" / "wild").glob("*.truth.yaml"))


def read_yaml(path: Path):
    """(data, None) or (None, the error)."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")), None
    except (OSError, yaml.YAMLError) as e:
        return None, f"{type(e).__name__}: {e}".splitlines()[0]


def rel(p: Path | str) -> str:
    try:
        return str(Path(p).resolve().relative_to(ROOT))
    except ValueError:
        return str(p)


def plan_samples(args) -> list[dict]:
    """One entry per document to score: its truth file, items, and the path to check."""
    plans = []
    for tf in truth_files():
        data, err = read_yaml(tf)
        base = {"truth": rel(tf), "name": tf.name.removesuffix(".truth.yaml")}
        if err or not isinstance(data, dict) or not data.get("document"):
            plans.append({**base, "path": None, "error": f"truth file unreadable: {err or 'no document:'}"})
            continue
        items = [i for i in (data.get("items") or []) if isinstance(i, dict)]
        entry = {**base, "clean": bool(data.get("clean")), "items": items, "error": None,
                 "unreadable_pages": [int(p) for p in data.get("unreadable_pages") or []]}
        docs = [ROOT / data["document"]]
        if args.docx and data.get("docx"):
            docs.append(ROOT / data["docx"])
        for d in docs:
            name = d.name
            if args.only and args.only not in str(d) and args.only not in tf.name:
                continue
            e = {**entry, "name": name, "path": str(d)}
            if not d.exists():
                e["error"] = f"document missing: {rel(d)}"
            plans.append(e)
    if args.only:
        plans = [p for p in plans if p.get("path") or args.only in p["truth"]]
    return plans


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def score_samples(plans: list[dict], results: dict[str, dict]) -> dict:
    docs, cats = [], {c: {"items": 0, "found": 0, "tp": 0, "fp": 0} for c in CATEGORIES}
    tot = Counter()
    for p in plans:
        r = results.get(p["path"]) if p.get("path") else None
        d = {"document": p["name"], "path": rel(p["path"]) if p.get("path") else None, "truth": p["truth"],
             "clean": p.get("clean", False), "items": len(p.get("items", []))}
        err = p.get("error") or (r or {}).get("error")
        if err or r is None:
            d.update({"error": err or "not run"})
            docs.append(d)
            tot["not_checked"] += 1
            continue
        s = score_document(r["findings"], p["items"], clean=p["clean"], unreadable_pages=p.get("unreadable_pages"))
        d.update({
            "error": None, "seconds": r["seconds"], "pages": r["pages"],
            "found": len(s.found), "missed": len(s.missed),
            "tp": len(s.true_positives), "fp": len(s.false_positives),
            "recall": s.recall and round(s.recall, 4), "precision": s.precision and round(s.precision, 4),
            "info": sum(1 for f in r["findings"] if f["severity"] == "info"),
            "coverage": len(s.coverage),
            "nothing_checked": r.get("nothing_checked"),
        })
        if p["clean"]:
            d["clean_errors"], d["clean_warnings"] = s.alarms.get("error", 0), s.alarms.get("warning", 0)
            tot["clean_alarms"] += d["clean_errors"] + d["clean_warnings"]
        d["missed_items"] = s.missed
        d["false_positives"] = [slim(f) for f in s.false_positives]
        d["matches"] = s.matches
        docs.append(d)
        for c, row in s.by_category.items():
            dst = cats.setdefault(c or "?", {"items": 0, "found": 0, "tp": 0, "fp": 0})
            for k, v in row.items():
                dst[k] += v
        tot.update({"items": d["items"], "found": d["found"], "tp": d["tp"], "fp": d["fp"], "documents": 1})
    for c in cats.values():
        c["recall"], c["precision"] = _ratio(c["found"], c["items"]), _ratio(c["tp"], c["tp"] + c["fp"])
    totals = {"documents": tot["documents"], "not_checked": tot["not_checked"], "items": tot["items"],
              "found": tot["found"], "tp": tot["tp"], "fp": tot["fp"], "clean_alarms": tot["clean_alarms"],
              "recall": _ratio(tot["found"], tot["items"]), "precision": _ratio(tot["tp"], tot["tp"] + tot["fp"])}
    return {"documents": docs, "categories": cats, "totals": totals}


# ----------------------------------------------------------------- real reports


def real_dir() -> Path:
    return ROOT / ".." / "shared" / "real"


def load_triage(bench: Path | None = None) -> tuple[dict[str, dict], list[str], list[str]]:
    """The triaged reports of real_triage.yaml and every real_triage_*.yaml, merged by file name
    (findings lists concatenated). Returns (reports, files read, problems)."""
    bench = bench or ROOT / "benchmarks"
    files = [bench / "real_triage.yaml"] + sorted(bench.glob("real_triage_*.yaml"))
    merged: dict[str, dict] = {}
    used, problems = [], []
    for f in files:
        if not f.exists():
            continue
        data, err = read_yaml(f)
        if err or not isinstance(data, dict):
            problems.append(f"{f.name}: {err or 'not a mapping'}")
            continue
        used.append(f.name)
        for name, rep in (data.get("reports") or {}).items():
            if not isinstance(rep, dict):
                continue
            m = merged.setdefault(name, {"findings": [], "missed": [], "sources": []})
            m["sources"].append(f.name)
            for k in ("pages", "instansi", "tahun"):
                if rep.get(k) is not None and m.get(k) is None:
                    m[k] = rep[k]
            m["findings"] += [e for e in (rep.get("findings") or []) if isinstance(e, dict)]
            m["missed"] += [e for e in (rep.get("missed") or []) if isinstance(e, dict)]
    return merged, used, problems


def same_instansi(detected, triaged) -> bool | None:
    """The same name after dropping parenthesised abbreviations ("(BP3AKB)") and normalising case,
    spaces and punctuation; None when nothing was triaged."""
    if triaged is None:
        return None

    def key(s):
        return norm_label(re.sub(r"\([^)]*\)", " ", str(s or "")))

    return bool(detected) and key(detected) == key(triaged)


def score_real(names: list[str], triage: dict[str, dict], results: dict[str, dict], rdir: Path) -> dict:
    reports = []
    tot = Counter()
    for name in names:
        r = results.get(str(rdir / name))
        t = triage.get(name, {"findings": []})
        d = {"report": name, "triaged_entries": len(t["findings"]),
             "instansi_triaged": t.get("instansi"), "tahun_triaged": t.get("tahun")}
        if r is None or r.get("error"):
            d["error"] = (r or {}).get("error") or "missing"
            reports.append(d)
            continue
        s = score_triage(r["findings"], t["findings"])
        missed = score_missed(r["findings"], t.get("missed") or [])
        now_found = [{**m, "reported_by": slim(f)} for m, f in missed if f is not None]
        dq = sum(1 for f in r["findings"] if category(f["rule"]) == "DQ")
        dq_counted = sum(1 for f in r["findings"] if category(f["rule"]) == "DQ" and f["severity"] in COUNTED)
        d.update({
            "error": None, "seconds": r["seconds"], "pages": r["pages"],
            "findings": s.findings, "matched": s.matched, "judged_true": s.judged_true,
            "share_true": s.share_true and round(s.share_true, 4), "untriaged": len(s.untriaged),
            "stale_entries": len(s.stale),  # triaged findings the tool no longer reports
            "gone_true": sum(1 for e in s.stale if e.get("verdict") is True),
            "gone_false": sum(1 for e in s.stale if e.get("verdict") is False),
            "gone_true_entries": [e for e in s.stale if e.get("verdict") is True],  # true findings lost
            "dq": dq, "dq_errors_warnings": dq_counted,
            "dq_per_page": round(dq / r["pages"], 3) if r["pages"] else None,
            "instansi_detected": r["instansi"], "tahun_detected": r["tahun"],
            "nothing_checked": r.get("nothing_checked"),
            "instansi_ok": same_instansi(r["instansi"], t.get("instansi")),
            "tahun_ok": None if t.get("tahun") is None else r["tahun"] == t.get("tahun"),
            "untriaged_findings": [slim(f) for f in s.untriaged],
            # open missed: entries (no reported_later) and those a current error/warning now reports
            "missed_open": len(missed), "missed_now_reported": len(now_found),
            "missed_now_reported_entries": now_found,
            "near_misses": [{"finding": slim(f), "triaged": e, "differs_in": k}
                            for f, e, k in near_misses(s.untriaged, s.stale)],
            "false_findings": [{**slim(f), "cause": e.get("cause")}
                               for f, e in s.matched_entries if e.get("verdict") is False],
        })
        reports.append(d)
        tot.update({"findings": s.findings, "matched": s.matched, "judged_true": s.judged_true,
                    "untriaged": len(s.untriaged), "reports": 1, "dq": dq, "pages": r["pages"] or 0,
                    "gone_true": d["gone_true"], "gone_false": d["gone_false"], "near_misses": len(d["near_misses"]),
                    "missed_open": d["missed_open"], "missed_now_reported": d["missed_now_reported"]})
    overall = {k: tot[k] for k in ("reports", "findings", "matched", "judged_true", "untriaged", "dq", "pages",
                                   "gone_true", "gone_false", "near_misses", "missed_open", "missed_now_reported")}
    overall["share_true"] = _ratio(tot["judged_true"], tot["matched"])
    overall["dq_per_page"] = round(tot["dq"] / tot["pages"], 3) if tot["pages"] else None
    causes = Counter(f["cause"] or "?" for d in reports for f in d.get("false_findings", []))
    overall["false_by_cause"] = dict(causes.most_common())
    return {"reports": reports, "overall": overall}


# ----------------------------------------------------------------- printing


def pct(x) -> str:
    return "-" if x is None else f"{100 * x:.0f}%"


def _num(x) -> str:
    return "-" if x is None else str(x)


def sample_tables(s: dict) -> list[tuple[str, list[str], list[list[str]]]]:
    doc_rows = []
    for d in s["documents"]:
        if d.get("error"):
            doc_rows.append([d["document"], _num(d["items"]), "-", "-", "-", "-", "-", "-",
                             f"not checked: {d['error']}"])
            continue
        clean = f"{d['clean_errors']} E, {d['clean_warnings']} W" if d["clean"] else ""
        if d.get("nothing_checked"):
            clean = f"{clean}; " * bool(clean) + f"nothing checked ({d['nothing_checked']})"
        doc_rows.append([d["document"], _num(d["items"]), _num(d["found"]), pct(d["recall"]), pct(d["precision"]),
                         _num(d["tp"]), _num(d["fp"]), _num(d["missed"]), clean])
    t = s["totals"]
    doc_rows.append(["all", _num(t["items"]), _num(t["found"]), pct(t["recall"]),
                     pct(t["precision"]), _num(t["tp"]), _num(t["fp"]), _num(t["items"] - t["found"]),
                     f"{t['clean_alarms']} E+W"])
    cat_rows = [[c, _num(v["items"]), _num(v["found"]), pct(v["recall"]), _num(v["tp"]), _num(v["fp"]),
                 pct(v["precision"])]
                for c, v in s["categories"].items() if c in CATEGORIES or v["items"] or v["tp"] or v["fp"]]
    return [
        ("Documents with a truth file",
         ["document", "items", "found", "recall", "precision", "TP", "FP", "missed", "clean twin"], doc_rows),
        ("By rule category (all documents)",
         ["category", "items", "found", "recall", "TP", "FP", "precision"], cat_rows),
    ]


def real_tables(r: dict) -> list[tuple[str, list[str], list[list[str]]]]:
    rows = []
    for d in r["reports"]:
        if d.get("error"):
            rows.append([d["report"], "-", "-", "-", "-", "-", "-", "-", "-", f"not checked: {d['error']}", ""])
            continue
        ins = {True: "as triaged", False: f"{d['instansi_detected'] or '-'} (triaged: {d['instansi_triaged']})",
               None: f"{d['instansi_detected'] or '-'} (not triaged)"}
        tah = {True: f"{d['tahun_detected']} as triaged",
               False: f"{d['tahun_detected']} (triaged {d['tahun_triaged']})",
               None: f"{d['tahun_detected'] or '-'}"}
        if d.get("nothing_checked"):
            d_ins = f"nothing checked ({d['nothing_checked']})"
        else:
            d_ins = ins[d["instansi_ok"]]
        rows.append([d["report"], _num(d["pages"]), _num(d["findings"]), _num(d["matched"]), _num(d["judged_true"]),
                     pct(d["share_true"]), _num(d["untriaged"]), f"{d['gone_true']}/{d['gone_false']}",
                     f"{d['dq_per_page']:.2f}" if d["dq_per_page"] is not None else "-",
                     d_ins, tah[d["tahun_ok"]]])
    o = r["overall"]
    rows.append(["all", _num(o["pages"]), _num(o["findings"]), _num(o["matched"]), _num(o["judged_true"]),
                 pct(o["share_true"]), _num(o["untriaged"]), f"{o['gone_true']}/{o['gone_false']}",
                 f"{o['dq_per_page']:.2f}" if o["dq_per_page"] is not None else "-", "", ""])
    return [("Real reports (../shared/real) against the hand triage",
             ["report", "pages", "errors+warnings", "triaged", "judged true", "share true", "untriaged",
              "gone T/F", "DQ/page", "instansi detected", "tahun detected"], rows)]


def missed_lines(r: dict) -> list[str]:
    """'real: known missed errors now reported: X of Y' per report (those with open missed entries)
    and in total; X: open missed entries a current error/warning reports (benchmarks/TRIAGE.md)."""
    lines = []
    for d in r["reports"]:
        if d.get("error") or not d.get("missed_open"):
            continue
        lines.append(f"real: known missed errors now reported: {d['missed_now_reported']} of {d['missed_open']}"
                     f" ({d['report']})")
        for m in d["missed_now_reported_entries"]:
            f = m["reported_by"]
            lines.append(f"  p{m.get('page')} Tabel {m.get('table')} {m.get('row')!r}: printed {m.get('printed')!r}"
                         f" <- {f['rule']} {f['severity']} row={f['row']!r} col={f['column']!r}")
    o = r["overall"]
    lines.append(f"real: known missed errors now reported: {o['missed_now_reported']} of {o['missed_open']} (all reports)")
    return lines


def print_tables(tables, markdown: bool) -> None:
    if markdown:
        for title, head, rows in tables:
            print(f"\n**{title}**\n")
            print("| " + " | ".join(head) + " |")
            print("| " + " | ".join("---" for _ in head) + " |")
            for row in rows:
                print("| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |")
        return
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # plain text
        for title, head, rows in tables:
            print(f"\n{title}")
            widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
            for row in [head, *rows]:
                print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
        return
    console = Console(width=None if sys.stdout.isatty() else 200)
    for title, head, rows in tables:
        t = Table(title=title, title_justify="left")
        for i, h in enumerate(head):
            t.add_column(h, justify="left" if i == 0 or h in ("clean twin", "instansi detected") else "right")
        for row in rows:
            t.add_row(*[str(c) for c in row])
        console.print(t)


def where(x: dict) -> str:
    tab = f"Tabel {x['table']}" if x.get("table") else (x.get("table_title") or "no table")
    return f"p{x.get('page')} {tab} row={x.get('row')!r} col={x.get('column')!r}"


def print_false(s: dict) -> None:
    for d in s["documents"]:
        if d.get("error"):
            continue
        if d["false_positives"] or d["missed_items"]:
            print(f"\n== {d['document']}")
        for f in d["false_positives"]:
            print(f"  FALSE  {f['rule']} {f['severity']} {where(f)} actual={f['actual']!r} expected={f['expected']!r}")
            print(f"         {f['message']}")
        for i in d["missed_items"]:
            print(f"  MISSED {i.get('id')} {i.get('rule')} {where(i)} printed={i.get('printed')!r} "
                  f"recomputed={i.get('recomputed')!r}")
            if i.get("arithmetic"):
                print(f"         {i['arithmetic']}")


def print_real_false(r: dict) -> None:
    for d in r["reports"]:
        if d.get("error") or not d["false_findings"]:
            continue
        print(f"\n== {d['report']} (judged false, still reported)")
        for f in d["false_findings"]:
            print(f"  FALSE  {f['rule']} {f['severity']} {where(f)} actual={f['actual']!r} cause={f['cause']}")


def _commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def untriaged_yaml(r: dict, commit: str | None) -> str:
    """Per report, the untriaged errors/warnings as TRIAGE.md entries with the verdict left empty."""
    keys = ("rule", "severity", "page", "table", "row", "column", "actual", "expected")
    out = {}
    for d in r["reports"]:
        if d.get("error") or not d["untriaged_findings"]:
            continue
        entries = []
        for f in d["untriaged_findings"]:
            e = {k: f.get(k) for k in keys}
            e.update({"verdict": None, "cause": None, "arithmetic": None, "judged": None, "commit": commit})
            entries.append(e)
        out[d["report"]] = {"pages": d["pages"], "instansi": d["instansi_triaged"] or d["instansi_detected"],
                            "tahun": d["tahun_triaged"] or d["tahun_detected"], "findings": entries}
    if not out:
        return "# no untriaged findings\n"
    text = yaml.safe_dump({"reports": out}, sort_keys=False, allow_unicode=True, width=100_000)
    return re.sub(r"^(\s*(?:verdict|cause|arithmetic|judged)): null$", r"\1:", text, flags=re.M)


# ----------------------------------------------------------------- main


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", metavar="SUBSTRING", help="only documents/reports whose path contains this")
    ap.add_argument("--no-real", action="store_true", help="skip the real reports")
    ap.add_argument("--no-samples", action="store_true", help="skip the documents with truth files")
    ap.add_argument("--all-real", action="store_true", help="also the real reports without a triage entry")
    ap.add_argument("--docx", action="store_true", help="also check the .docx a truth file names (docx:)")
    ap.add_argument("--jobs", type=int, default=2, help="documents checked at a time (default 2)")
    ap.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"all figures (default {rel(DEFAULT_JSON)})")
    ap.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    ap.add_argument("--list-false", action="store_true", help="print every false positive and missed item")
    ap.add_argument("--untriaged", action="store_true",
                    help="print the real findings without triage entry as TRIAGE.md YAML, verdict empty")
    args = ap.parse_args(argv)
    stdout = sys.stdout
    if args.untriaged:  # stdout carries only the YAML to judge; the tables go to stderr
        with contextlib.redirect_stdout(sys.stderr):
            return _main(args, stdout)
    return _main(args, stdout)


def _main(args, stdout) -> int:
    t0 = time.monotonic()
    commit = _commit()

    plans = [] if args.no_samples else plan_samples(args)
    rdir = real_dir().resolve()
    triage, triage_files, triage_problems = load_triage()
    real_names: list[str] = []
    real_note = None
    if not args.no_real:
        if not rdir.is_dir():
            real_note = f"real reports skipped: {rdir} is absent"
        else:
            real_names = sorted(triage)
            if args.all_real:
                real_names = sorted(set(real_names) | {p.name for p in rdir.glob("*.pdf")})
            if args.only:
                real_names = [n for n in real_names if args.only in n]
            if not triage_files:
                real_note = "no benchmarks/real_triage*.yaml yet: nothing triaged (--all-real checks them anyway)"
    for p in triage_problems:
        print(f"triage file skipped: {p}", file=sys.stderr)

    paths = [p["path"] for p in plans if p.get("path") and not p.get("error")]
    paths += [str(rdir / n) for n in real_names if (rdir / n).exists()]
    results = run_all(paths, args.jobs)
    for n in real_names:
        if not (rdir / n).exists():
            results[str(rdir / n)] = {"path": str(rdir / n), "error": "file not in ../shared/real"}

    out: dict = {"generated": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "commit": commit,
                 "jobs": args.jobs, "only": args.only}
    if not args.no_samples:
        s = score_samples(plans, results)
        out["samples"] = s
        if not plans:
            print("no truth file" + (f" matches --only {args.only}" if args.only else
                                     " found (samples/*.truth.yaml, samples/wild/*.truth.yaml)"))
        else:
            print_tables(sample_tables(s), args.markdown)
        if args.list_false:
            print_false(s)
    if not args.no_real:
        if real_note:
            print(real_note)
        if real_names:
            r = score_real(real_names, triage, results, rdir)
            r["triage_files"] = triage_files
            out["real"] = r
            print_tables(real_tables(r), args.markdown)
            o = r["overall"]
            lines = missed_lines(r)
            if args.markdown:
                print("\n" + "\n".join(f"- {x.strip()}" for x in lines if not x.startswith("  ")))
            else:
                print("\n".join(lines))
            print(f"overall share judged true: {pct(o['share_true'])} ({o['judged_true']} of {o['matched']} triaged);"
                  f" untriaged {o['untriaged']} ({o['near_misses']} differ from a no-longer-matched triage entry in one"
                  f" field: near_misses in the JSON); false by cause: {o['false_by_cause'] or '-'}")
            if args.list_false:
                print_real_false(r)
            if args.untriaged:
                print(untriaged_yaml(r, commit), file=stdout)
    out["seconds"] = round(time.monotonic() - t0, 1)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"{rel(args.json)} written ({out['seconds']} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: what a check costs against reading the PDF's text once.

Measures in ONE run, on the BKD Banten sample and on a ~1,000-page report made
by repeating the sample's pages (written to a temporary directory with
pypdfium2's import_pages), each figure the median of --repeat runs:

- floor A: pdfplumber extracting the words of every page (reading the text once);
- naive B: pdfplumber ``extract_tables()`` on every page;
- naive C: camelot lattice on every page;
- lkip-audit ``check`` cold (empty cache) and warm (same file, rules, version);
- peak RSS of the check (the largest process, and the whole process tree);
- the large report's check time per page against the sample's.

Every figure is one subprocess, timed from start to exit, as a user or a batch
job would run it (interpreter start and imports included, for the baselines as
for the check). Peak RSS: ``ru_maxrss`` of the child (wait4, which also covers
its reader process) and the sum over the process tree sampled every 20 ms.

    python benchmarks/bench.py                 # full run (several minutes)
    python benchmarks/bench.py --quick         # CI: 12 pages, 120-page "large" report, 1 repetition
    python benchmarks/bench.py --json out.json # also write the figures as JSON
    python benchmarks/bench.py --batch         # only the batch figures (issue #7), see bench_batch()

Prints a table and the ratios the issue sets targets for. Targets are checked
and printed (met / NOT met), never asserted: this is a script, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "lkip-bkd-banten-2024.pdf"

FLOOR_A = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for p in pdf.pages:
        p.extract_words()
        p.close()
"""
NAIVE_B = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for p in pdf.pages:
        p.extract_tables()
        p.close()
"""
NAIVE_C = """
import sys, camelot
camelot.read_pdf(sys.argv[1], pages="all", flavor="lattice")
"""

# Where the cold check's time goes, in one process (no reader subprocess, no cache).
BREAKDOWN = """
import json, sys, time
t0 = time.perf_counter()
import lkip_audit.cli, lkip_audit.pipeline
from lkip_audit.check.config import CheckConfig
t1 = time.perf_counter()
from lkip_audit.extract.pdf import read_document
doc = read_document(sys.argv[1])
t2 = time.perf_counter()
from lkip_audit.pipeline import check_document
check_document(doc, CheckConfig())
t3 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "extract": t2 - t1, "understand_and_check": t3 - t2}))
"""

TARGETS = [
    ("cold / floor A", "cold_vs_floor_a", 1.5),
    ("cold / naive B", "cold_vs_naive_b", 0.5),
    ("cold / naive C", "cold_vs_naive_c", 0.2),
    ("warm / cold", "warm_vs_cold", 0.1),
    ("large per page / sample per page", "per_page_growth", 1.3),
]


# -- running and measuring one child ------------------------------------------------------------

def _tree_rss(pid: int) -> int:
    """Resident set of ``pid`` and all its descendants, bytes (Linux /proc; 0 elsewhere)."""
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def run(cmd: list[str], env: dict | None = None) -> dict:
    """Run a command; wall seconds, exit code, peak RSS (largest process, sampled tree sum)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak_tree = 0
    done = threading.Event()

    def sample():
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, _tree_rss(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    kb = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    return {"seconds": wall, "exit": proc.returncode, "peak_rss_mb": kb / 1024,
            "peak_tree_rss_mb": peak_tree / 2**20, "stderr": err[-2000:]}


def median_of(n: int, fn, label: str, ok_codes=(0,)) -> dict:
    runs = []
    for i in range(n):
        r = fn(i)
        if r["exit"] not in ok_codes:
            raise SystemExit(f"{label} failed (exit {r['exit']}):\n{r['stderr']}")
        runs.append(r)
        print(f"  {label} run {i + 1}/{n}: {r['seconds']:.2f} s, peak RSS {r['peak_rss_mb']:.0f} MB "
              f"(tree {r['peak_tree_rss_mb']:.0f} MB)", file=sys.stderr, flush=True)
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "runs": [round(r["seconds"], 3) for r in runs],
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "peak_tree_rss_mb": max(r["peak_tree_rss_mb"] for r in runs),
    }


# -- inputs -------------------------------------------------------------------------------------

def make_report(src: Path, pages: int, out: Path) -> Path:
    """A ``pages``-page PDF made of the sample's pages, in order, repeated as needed."""
    import pypdfium2 as pdfium

    sdoc = pdfium.PdfDocument(str(src))
    n = len(sdoc)
    new = pdfium.PdfDocument.new()
    left = pages
    while left > 0:
        take = min(left, n)
        new.import_pages(sdoc, list(range(take)))
        left -= take
    new.save(str(out))
    new.close()
    sdoc.close()
    return out


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    d = pdfium.PdfDocument(str(path))
    try:
        return len(d)
    finally:
        d.close()


# -- the benchmark ------------------------------------------------------------------------------

def check_cmd(pdf: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "lkip_audit.cli", "check", str(pdf), "--format", "json",
            "--no-progress", "-o", str(out), "--fail-on", "never"]


def bench(args) -> dict:
    work = Path(tempfile.mkdtemp(prefix="lkip-bench-"))
    try:
        sample = Path(args.pdf)
        if args.quick:
            sample = make_report(Path(args.pdf), args.sample_pages or 12, work / "sample.pdf")
        elif args.sample_pages:
            sample = make_report(Path(args.pdf), args.sample_pages, work / "sample.pdf")
        large_pages = args.large_pages or (120 if args.quick else 1000)
        large = make_report(Path(args.pdf), large_pages, work / "large.pdf")
        n_sample, n_large = page_count(sample), page_count(large)
        reps = args.repeat or (1 if args.quick else 3)
        py = sys.executable
        env = dict(os.environ)
        out = work / "report.json"
        res: dict = {}

        print(f"sample: {sample.name} ({n_sample} pages), large: {n_large} pages, {reps} repetition(s)",
              file=sys.stderr)
        res["floor_a"] = median_of(reps, lambda i: run([py, "-c", FLOOR_A, str(sample)]), "floor A")
        res["naive_b"] = median_of(reps, lambda i: run([py, "-c", NAIVE_B, str(sample)]), "naive B")
        if not args.no_camelot:
            res["naive_c"] = median_of(args.camelot_repeat or reps,
                                       lambda i: run([py, "-c", NAIVE_C, str(sample)]), "naive C")

        def cold(i):
            e = dict(env, LKIP_AUDIT_CACHE=str(work / f"cache-cold-{i}"))
            return run(check_cmd(sample, out), e)

        res["check_cold"] = median_of(reps, cold, "check cold")
        warm_env = dict(env, LKIP_AUDIT_CACHE=str(work / "cache-cold-0"))  # filled by the first cold run
        res["check_warm"] = median_of(reps, lambda i: run(check_cmd(sample, out), warm_env), "check warm")
        large_reps = args.large_repeat or 1
        res["check_cold_large"] = median_of(
            large_reps, lambda i: run(check_cmd(large, out), dict(env, LKIP_AUDIT_CACHE=str(work / f"cache-large-{i}"))),
            "check cold, large report")

        bd = subprocess.run([py, "-c", BREAKDOWN, str(sample)], capture_output=True, text=True)
        res["breakdown"] = json.loads(bd.stdout) if bd.returncode == 0 else {"error": bd.stderr[-500:]}

        r = {}
        cold_s = res["check_cold"]["seconds"]
        r["cold_vs_floor_a"] = cold_s / res["floor_a"]["seconds"]
        r["cold_vs_naive_b"] = cold_s / res["naive_b"]["seconds"]
        if "naive_c" in res:
            r["cold_vs_naive_c"] = cold_s / res["naive_c"]["seconds"]
        r["warm_vs_cold"] = res["check_warm"]["seconds"] / cold_s
        per_page_sample = cold_s / n_sample
        per_page_large = res["check_cold_large"]["seconds"] / n_large
        r["per_page_growth"] = per_page_large / per_page_sample
        return {
            "schema": 1,
            "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                        "load_average_at_end": os.getloadavg() if hasattr(os, "getloadavg") else None},
            "quick": bool(args.quick),
            "repetitions": reps,
            "pages": {"sample": n_sample, "large": n_large},
            "figures": res,
            "per_page_seconds": {"sample": per_page_sample, "large": per_page_large},
            "ratios": r,
            "targets": {key: {"target": t, "value": r.get(key), "met": (r.get(key) is not None and r[key] <= t)}
                        for _, key, t in TARGETS}
                       | {"peak_rss_sample_mb": {"target": 400, "value": res["check_cold"]["peak_tree_rss_mb"],
                                                 "met": res["check_cold"]["peak_tree_rss_mb"] <= 400},
                          "peak_rss_large_mb": {"target": 1024, "value": res["check_cold_large"]["peak_tree_rss_mb"],
                                                "met": res["check_cold_large"]["peak_tree_rss_mb"] <= 1024}},
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_table(data: dict) -> None:
    f = data["figures"]
    p = data["pages"]
    print(f"\nlkip-audit benchmark ({'quick' if data['quick'] else 'full'}; {data['repetitions']} repetition(s), "
          f"median; {data['machine']['cpus']} CPUs; {data['machine']['platform']})")
    print(f"{'measure':<38}{'pages':>7}{'seconds':>10}{'s/page':>9}{'peak RSS MB':>13}{'tree MB':>9}")
    rows = [("floor A: pdfplumber words", "floor_a", "sample"), ("naive B: pdfplumber extract_tables", "naive_b", "sample"),
            ("naive C: camelot lattice", "naive_c", "sample"), ("check, cold", "check_cold", "sample"),
            ("check, warm", "check_warm", "sample"), ("check, cold, large report", "check_cold_large", "large")]
    for label, key, which in rows:
        if key not in f:
            print(f"{label:<38}{'(skipped)':>7}")
            continue
        x = f[key]
        print(f"{label:<38}{p[which]:>7}{x['seconds']:>10.2f}{x['seconds'] / p[which]:>9.3f}"
              f"{x['peak_rss_mb']:>13.0f}{x['peak_tree_rss_mb']:>9.0f}")
    bd = f.get("breakdown", {})
    if "extract" in bd:
        print(f"\ncold check in one process (sample): imports {bd['imports']:.2f} s, extraction {bd['extract']:.2f} s "
              f"({bd['extract'] / p['sample']:.3f} s/page), understand + check {bd['understand_and_check']:.2f} s")
    print("\nratios (targets from the issue)")
    for label, key, target in TARGETS:
        v = data["ratios"].get(key)
        if v is None:
            print(f"  {label:<36} {'-':>7}  (target <= {target})")
            continue
        print(f"  {label:<36} {v:>7.3f}  target <= {target:<4} {'met' if v <= target else 'NOT met'}")
    for key, label in (("peak_rss_sample_mb", "peak RSS, sample (tree, MB)"),
                       ("peak_rss_large_mb", "peak RSS, large report (tree, MB)")):
        t = data["targets"][key]
        print(f"  {label:<36} {t['value']:>7.0f}  target <= {t['target']:<4} {'met' if t['met'] else 'NOT met'}")


# -- batches (issue #7) -------------------------------------------------------------------------

def _machine_cpu() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine (Linux /proc/stat; (0, 0) elsewhere)."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    idle = v[3] + (v[4] if len(v) > 4 else 0)
    total = sum(v[:8])
    return total - idle, total


def run_batch_cmd(cmd: list[str], env: dict) -> dict:
    """Like run(), also sampling the batch runner's own RSS (the parent process alone) and
    how many cores the whole machine kept busy meanwhile (ours and anyone else's)."""
    busy0, total0 = _machine_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak_tree = peak_root = 0
    done = threading.Event()

    def sample():
        nonlocal peak_tree, peak_root
        while not done.is_set():
            peak_tree = max(peak_tree, _tree_rss(proc.pid))
            try:
                with open(f"/proc/{proc.pid}/statm") as f:
                    peak_root = max(peak_root, int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE"))
            except (OSError, ValueError):
                pass
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, _usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    busy1, total1 = _machine_cpu()
    cores = (busy1 - busy0) / (total1 - total0) * (os.cpu_count() or 1) if total1 > total0 else None
    done.set()
    sampler.join()
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    # Busy cores of the machine: about 1 with --jobs 1 and 2 with --jobs 2 when nothing else
    # runs; more than that means other work shared the CPUs and the ratio is not the batch's.
    return {"seconds": wall, "exit": os.waitstatus_to_exitcode(status), "runner_rss_mb": peak_root / 2**20,
            "peak_tree_rss_mb": peak_tree / 2**20, "machine_busy_cores": cores,
            "load_average_at_end": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
            "stderr": err[-2000:]}


def bench_batch(args) -> dict:
    """Throughput of `check DIR --jobs 2` against `--jobs 1` on 8 copies of the sample (target:
    >= 1.7 x on 2 cores), and the batch runner's memory against the number of reports (4, 8, 16
    copies, --jobs 2): it should not grow. Every run --no-cache (the copies have one sha256, so
    the cache would serve seven of them)."""
    work = Path(tempfile.mkdtemp(prefix="lkip-bench-batch-"))
    try:
        src = Path(args.pdf)
        if args.quick or args.sample_pages:
            src = make_report(src, args.sample_pages or 12, work / "sample.pdf")
        pages = page_count(src)
        counts = sorted({4, 8, 16})
        dirs = {}
        for n in counts:
            d = work / f"in-{n}"
            d.mkdir()
            for k in range(n):
                shutil.copyfile(src, d / f"laporan-{k:02d}.pdf")
            dirs[n] = d
        env = dict(os.environ)

        def batch(n: int, jobs: int) -> dict:
            out = work / f"out-{n}-{jobs}"
            cmd = [sys.executable, "-m", "lkip_audit.cli", "check", str(dirs[n]), "--format", "json",
                   "-o", str(out), "--no-cache", "--fail-on", "never", "--jobs", str(jobs)]
            r = run_batch_cmd(cmd, env)
            if r["exit"] != 0:
                raise SystemExit(f"batch of {n} with --jobs {jobs} failed (exit {r['exit']}):\n{r['stderr']}")
            print(f"  {n} reports, --jobs {jobs}: {r['seconds']:.1f} s (machine busy {r['machine_busy_cores'] or 0:.2f} "
                  f"cores), runner RSS "
                  f"{r['runner_rss_mb']:.0f} MB, tree {r['peak_tree_rss_mb']:.0f} MB", file=sys.stderr, flush=True)
            shutil.rmtree(out, ignore_errors=True)
            return r

        load0 = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        print(f"batch: copies of {src.name} ({pages} pages) on {os.cpu_count()} CPUs, load average {load0}",
              file=sys.stderr)
        reps = args.repeat or 1
        runs1, runs2 = [], []
        for _ in range(reps):  # alternated, so a burst of other load does not hit one side only
            runs1.append(batch(8, 1))
            runs2.append(batch(8, 2))
        j1 = sorted(runs1, key=lambda r: r["seconds"])[len(runs1) // 2]  # median run
        j2 = sorted(runs2, key=lambda r: r["seconds"])[len(runs2) // 2]
        mem = {n: (j2 if n == 8 else batch(n, 2)) for n in counts}
        return {"pages": pages, "cpus": os.cpu_count(),
                "load_average_at_start": load0,
                "jobs1_8": {k: v for k, v in j1.items() if k != "stderr"},
                "jobs2_8": {k: v for k, v in j2.items() if k != "stderr"},
                "repetitions": reps, "runs_jobs1": [round(r["seconds"], 2) for r in runs1],
                "runs_jobs2": [round(r["seconds"], 2) for r in runs2],
                "throughput_ratio": j1["seconds"] / j2["seconds"],
                "memory_by_reports": {n: {"seconds": m["seconds"], "runner_rss_mb": m["runner_rss_mb"],
                                          "peak_tree_rss_mb": m["peak_tree_rss_mb"]} for n, m in mem.items()}}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_batch(b: dict) -> None:
    print(f"\nbatch: 8 copies of the sample ({b['pages']} pages each), {b['cpus']} CPUs, --no-cache, "
          f"median of {b['repetitions']} (--jobs 1: {b['runs_jobs1']} s; --jobs 2: {b['runs_jobs2']} s)")
    for key, label in (("jobs1_8", "--jobs 1"), ("jobs2_8", "--jobs 2")):
        x = b[key]
        print(f"  {label}: {x['seconds']:7.1f} s  {8 / x['seconds'] * 60:5.1f} reports/min  "
              f"machine busy {x['machine_busy_cores'] or 0:.2f} cores  "
              f"runner RSS {x['runner_rss_mb']:4.0f} MB  tree {x['peak_tree_rss_mb']:4.0f} MB  "
              f"load avg {x['load_average_at_end'] or 0:.1f}")
    r = b["throughput_ratio"]
    print(f"  throughput --jobs 2 / --jobs 1: {r:.2f} x  target >= 1.7  {'met' if r >= 1.7 else 'NOT met'}"
          "  (on a machine with nothing else running: other load takes the second core)")
    print("  memory against the number of reports (--jobs 2):")
    for n, m in sorted(b["memory_by_reports"].items(), key=lambda kv: int(kv[0])):
        print(f"    {int(n):3d} reports: {m['seconds']:7.1f} s  runner RSS {m['runner_rss_mb']:4.0f} MB  "
              f"tree peak {m['peak_tree_rss_mb']:4.0f} MB")


def _compile_package() -> None:
    """Byte-compile lkip_audit first, as `pip install` does for an installed package.

    The libraries the baselines use are compiled in site-packages; a source checkout
    run with PYTHONDONTWRITEBYTECODE=1 (as on this machine) would otherwise recompile
    every lkip_audit module in every timed run, which a user of the installed tool
    never pays. Existing .pyc files are read even with PYTHONDONTWRITEBYTECODE set."""
    import compileall

    import lkip_audit

    compileall.compile_dir(str(Path(lkip_audit.__file__).parent), quiet=1)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pdf", default=str(SAMPLE), help="the sample report (default: the BKD Banten sample)")
    ap.add_argument("--quick", action="store_true", help="reduced run for CI")
    ap.add_argument("--repeat", type=int, default=None, help="repetitions per figure (default 3; 1 with --quick)")
    ap.add_argument("--camelot-repeat", type=int, default=None, help="repetitions for camelot (default: --repeat)")
    ap.add_argument("--large-repeat", type=int, default=None, help="repetitions for the large report (default 1)")
    ap.add_argument("--sample-pages", type=int, default=None, help="use only this many pages of the sample")
    ap.add_argument("--large-pages", type=int, default=None, help="pages of the large report (default 1000)")
    ap.add_argument("--no-camelot", action="store_true", help="skip naive C")
    ap.add_argument("--json", dest="json_path", default=None, help="also write the figures to this JSON file")
    ap.add_argument("--batch", action="store_true",
                    help="only the batch figures: --jobs 2 vs --jobs 1 on 8 copies, memory vs number of reports")
    args = ap.parse_args(argv)
    _compile_package()
    if args.batch:
        b = bench_batch(args)
        print_batch(b)
        if args.json_path:
            Path(args.json_path).write_text(json.dumps({"schema": 1, "batch": b}, indent=2) + "\n", encoding="utf-8")
        return 0
    data = bench(args)
    print_table(data)
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

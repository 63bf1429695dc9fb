"""Issue #14.3 "One place for each thing": each concept has one producer or one home.

1. "Required cell empty or unreadable" (DQ003) has one producer,
   understand/schemas.py ``schema_issues`` (pandera, lazy validation), and one
   SchemaIssue type; the check stage neither computes such issues by hand nor merges
   two producers' findings.
2. Label normalisers: one per meaning, in understand/text.py.
3. A report's input is built in one place, report/base.py ``report_input``.
4. The batch is a package split by job.
"""

from __future__ import annotations

import ast
from pathlib import Path

from lkip_audit.check.kinds.base import cell_at, data_rows, same_group, state
from lkip_audit.understand.cellkinds import _text_column, cell_kind
from lkip_audit.understand.model import SECTION
from tests.check.helpers import analyzed, check, only

ROOT = Path(__file__).resolve().parents[1]
TRIPLES = [["realisasi_rp", "anggaran", "persen"], ["realisasi", "target", "capaian"]]
IKU_HEADER = ["No", "Indikator", "Target", "Realisasi", "Capaian"]
IKU_FIELDS = {2: "target", 3: "realisasi", 4: "capaian"}
RR_HEADER = ["NO", "SUB KEGIATAN", "ANGGARAN", "REALISASI Rp", "REALISASI %"]
RR_FIELDS = {2: "anggaran", 3: "realisasi_rp", 4: "persen"}


def reference_triples(at, triples):
    """The hand-written check this producer replaced (check/kinds/quality.py
    ``schema_issues`` before #14.3), kept here as the reference: (row, field, column,
    problem, text)."""
    issues = []
    text_cols: dict[int, bool] = {}

    def is_text_column(col) -> bool:
        if col.index not in text_cols:
            text_cols[col.index] = _text_column([cell_kind(cell_at(at, k, col)) for k in data_rows(at)])
        return text_cols[col.index]

    for num, den, res in triples:
        for rcol in at.cols(res):
            ncol, dcol = same_group(at, num, rcol.group), same_group(at, den, rcol.group)
            if ncol is None or dcol is None or any(is_text_column(c) for c in (rcol, ncol, dcol)):
                continue
            if len(at.cols(res)) > 1 and (ncol.group != rcol.group or dcol.group != rcol.group):
                continue
            for i in data_rows(at):
                cells = {f: (c, cell_at(at, i, c)) for f, c in ((res, rcol), (num, ncol), (den, dcol))}
                states = {f: state(cc) for f, (_, cc) in cells.items()}
                if "malformed" in states.values():
                    continue
                if any(cell_kind(cc) in ("stated", "stacked", "doubtful") for _, cc in cells.values()):
                    continue
                if len([f for f, s in states.items() if s in ("number", "range")]) < 2:
                    continue
                for f, s in states.items():
                    col, cell = cells[f]
                    if s == "text":
                        issues.append((i, f, col.index, "not a number", cell.text))
                    elif s == "empty" and f == res:
                        issues.append((i, f, col.index, "missing", ""))
    return issues


def tables():
    return [
        analyzed(IKU_HEADER, [["1", "Persentase partisipasi", "75", "80", ""],
                              ["2", "Indeks kepuasan", "80", "12/05/2024", "90,00"],
                              ["3", "Indeks layanan", "80", "", ""],
                              ["4", "Nilai SAKIP", "NA", "BB", "Tercapai"],
                              ["5", "Jumlah pengaduan", "10", "8", "80"]], IKU_FIELDS, kind="iku", number="3.1", page=10),
        analyzed(RR_HEADER, [["", "Koordinasi Akuntansi SKPD", "20.000.000", "19.879.294", "abc"],
                             ["", "Penyusunan Laporan", "20.000.000", "", "99,24"],
                             ["", "Pengadaan", "x", "19.879.294", "99,40"],
                             ["1.", "Program Penunjang", "", "", ""]], RR_FIELDS, kind="rencana_realisasi", number="3.2", page=11,
                 rowinfo={3: {"role": SECTION}}),
        analyzed(["Uraian", "Target", "Realisasi", "Capaian"],  # a table of no kind the schemas know
                 [["Indeks", "10", "", "101"], ["Nilai", "5", "lima", ""]],
                 {1: "target", 2: "realisasi", 3: "capaian"}, label_col=0, number="3.3", page=12),
    ]


def test_the_triples_are_the_hand_checks_issues():
    from lkip_audit.understand.schemas import validate_triples

    ts = tables()
    assert len({at.table.id for at in ts}) == len(ts)
    got = validate_triples(ts, TRIPLES)
    for at, issues in zip(ts, got):
        assert sorted((i.row, i.field, i.column, i.problem, i.text) for i in issues) == \
            sorted(reference_triples(at, TRIPLES))
    assert any(got), "the tables exercise the check"


def test_one_producer_one_issue_per_cell():
    from lkip_audit.understand.schemas import schema_issues

    ts = tables()
    issues = schema_issues(ts, TRIPLES)
    iku = issues[ts[0].table.id]
    # '12/05/2024' as realisasi: words under the IKU schema and in the row's triple: one issue
    assert [(i.row, i.column, i.problem) for i in iku if i.row == 1] == [(1, 3, "not a number")]
    keys = [(tid, i.row, i.column, i.problem) for tid, found in issues.items() for i in found]
    assert len(keys) == len(set(keys))
    # and one finding for it, from the one rule
    fs = only(check(ts[0]), "DQ003")
    assert [(f.row, f.column) for f in fs if f.row == "Indeks kepuasan"] == [("Indeks kepuasan", "Realisasi")]


def test_one_schema_issue_type():
    from lkip_audit.check import SchemaIssue as from_check
    from lkip_audit.understand import SchemaIssue as from_understand
    from lkip_audit.understand.schemas import SchemaIssue as from_schemas

    assert from_check is from_understand is from_schemas
    defined = [p.relative_to(ROOT).as_posix() for p in (ROOT / "lkip_audit").rglob("*.py")
               if any(isinstance(n, ast.ClassDef) and n.name == "SchemaIssue" for n in ast.walk(ast.parse(p.read_text())))]
    assert defined == ["lkip_audit/understand/schema_issue.py"]


def test_the_check_stage_does_not_merge_two_producers():
    # the pipeline hands the check no issues of its own: the schema rule validates
    src = (ROOT / "lkip_audit" / "pipeline.py").read_text()
    assert "schema_issues" not in src and "validate_tables" not in src
    quality = (ROOT / "lkip_audit" / "check" / "kinds" / "quality.py").read_text()
    assert "def schema_issues" not in quality


# 2. One label normaliser per meaning, in understand/text.py: ``norm_label`` (the
#    vocabulary's form: upper case, ends stripped), ``word_key`` (word by word), ``ws``
#    (whitespace only). The check kinds import them; none defines its own.

def test_label_normalisers_live_in_understand_text():
    from lkip_audit.understand import text

    assert text.norm_label("Renca- na :") == "RENCANA"
    assert text.word_key("Sangat  Baik (A)") == "sangat baik a"
    assert text.ws(" a \n b ") == "a b"
    defs = {}
    for p in (ROOT / "lkip_audit").rglob("*.py"):
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(n, ast.FunctionDef) and n.name in ("norm_label", "word_key", "_norm", "ws"):
                defs.setdefault(n.name, []).append(p.relative_to(ROOT).as_posix())
    assert defs.get("norm_label") == ["lkip_audit/understand/text.py"]
    assert defs.get("word_key") == ["lkip_audit/understand/text.py"]
    assert defs.get("ws") == ["lkip_audit/understand/text.py"]
    # understand/polarity.py's _norm is narrative.norm (a sentence's words), by import
    assert sorted(defs.get("_norm", [])) == ["lkip_audit/understand/polarity.py"]


def test_the_label_kinds_compare_words_as_before():
    from lkip_audit.understand.text import word_key

    assert word_key("Tidak Mencapai Target") == word_key("tidak  mencapai-target") == "tidak mencapai target"


# 3. One place builds a report's input: report/base.py ``report_input``.

def test_every_caller_builds_the_report_input_with_report_input():
    callers = []
    for p in (ROOT / "lkip_audit").rglob("*.py"):
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(n, ast.Call) and getattr(n.func, "id", getattr(n.func, "attr", None)) == "ReportInput":
                callers.append(p.relative_to(ROOT).as_posix())
    assert callers == ["lkip_audit/report/base.py"]


def test_report_input_applies_the_baseline_rules_and_severities():
    from types import SimpleNamespace

    from lkip_audit.check.config import CheckConfig
    from lkip_audit.findings import Finding
    from lkip_audit.report.base import report_input

    f1 = Finding("PCT001", "error", "a", 1, "3.1", "r", "c", None, None)
    f2 = Finding("SUM001", "error", "b", 2, "3.2", "r", "c", None, None)

    class Accepts:
        def filter(self, findings):
            return [f for f in findings if f.rule != "SUM001"], [f for f in findings if f.rule == "SUM001"]

    result = SimpleNamespace(document=object(), findings=[f1, f2])
    config = CheckConfig(severity={"PCT001": "warning"})
    ri = report_input("x.pdf", result, config, fail_on="warning", baseline=Accepts())
    assert ri.findings == [f1] and ri.suppressed == 1 and ri.fail_on == "warning" and ri.lang == config.lang
    assert ri.rules and all(ri.severities[r.id] == config.severity_for(r.id, r.severity) for r in ri.rules)
    assert ri.severities["PCT001"] == "warning"
    assert report_input("x.pdf", result, config, lang="en", rules=[]).lang == "en"


# 4. The batch splits by job (lkip_audit/batch/): inputs, one report, the local pool,
#    Dask, the summary, the runner; the package re-exports the public names.

def test_the_batch_is_split_by_job():
    import importlib

    import lkip_audit.batch as batch

    homes = {"expand_inputs": "inputs", "default_jobs": "inputs", "check_one": "worker", "run_serial": "local",
             "run_local": "local", "run_dask": "dask_cluster", "dask_client": "dask_cluster",
             "print_summary": "summary", "Row": "summary", "run_batch": "runner", "BatchOptions": "common",
             "ReportOutcome": "common", "BatchError": "common"}
    for name, module in homes.items():
        obj = getattr(batch, name)
        assert obj.__module__ == f"lkip_audit.batch.{module}", name
        assert getattr(importlib.import_module(f"lkip_audit.batch.{module}"), name) is obj
    # Dask stays optional: only its own module names it
    for p in (ROOT / "lkip_audit" / "batch").glob("*.py"):
        if p.stem != "dask_cluster":
            text = p.read_text(encoding="utf-8")
            assert "from distributed" not in text and "import distributed" not in text, p.name

"""Rule kinds: one module per kind of check; the catalogue instantiates them.

KINDS maps a kind name (the `kind` of a catalogue entry) to its function, its scope
("table": called once per AnalyzedTable; "document": called once with at=None) and
the message fields it provides (besides table, row, column, expected, actual, page).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from lkip_audit.check.kinds.bound import FIELDS_BOUND, check_bound
from lkip_audit.check.kinds.crosstable import (
    FIELDS_COMPOSITE,
    FIELDS_MEAN,
    FIELDS_PK,
    FIELDS_XT,
    check_composite,
    check_cross_table,
    check_mean,
    check_pk_target,
)
from lkip_audit.check.kinds.difference import FIELDS_DIFF, check_difference
from lkip_audit.check.kinds.document import FIELDS_PART, FIELDS_UNCHECKED, check_document_part, check_pages_unchecked
from lkip_audit.check.kinds.labels import FIELDS_LABEL, FIELDS_RANGE, check_label_band, check_range_judgement
from lkip_audit.check.kinds.narrative import (
    FIELDS_BREAKDOWN,
    FIELDS_COMPARE,
    FIELDS_COUNT,
    FIELDS_NARRATIVE,
    FIELDS_WORDS,
    FIELDS_YEAR,
    check_breakdown_total,
    check_comparative,
    check_count_claim,
    check_narrative,
    check_number_word,
    check_year,
)
from lkip_audit.check.kinds.quality import (
    FIELDS_DUPLICATE,
    FIELDS_MALFORMED,
    FIELDS_PAGE,
    FIELDS_SCHEMA,
    check_duplicate,
    check_malformed,
    check_page_unchecked,
    check_schema,
    schema_ahead,
)
from lkip_audit.check.kinds.ratio import FIELDS_LOWER, FIELDS_PRODUCT, FIELDS_RATIO, check_lower_better, check_product, check_ratio
from lkip_audit.check.kinds.sums import FIELDS_SUM, check_sum

COMMON_FIELDS = frozenset({"table", "row", "column", "expected", "actual", "page"})


@dataclass(frozen=True)
class Kind:
    name: str
    func: Callable
    scope: str  # "table" | "document"
    fields: frozenset
    # ahead(rule, tables): starts the rule's heavy work from the analyzed tables, before the
    # rest is understood (engine.start_ahead; lkip_audit/forked.py: on an idle core), kept in
    # ctx.ahead[rule.id] for func to take (a forked.Pending); None: func does it all
    ahead: Callable | None = None


def _k(name, func, fields, scope="table", ahead=None):
    return name, Kind(name, func, scope, frozenset(fields) | COMMON_FIELDS, ahead)


KINDS: dict[str, Kind] = dict(
    [
        _k("ratio", check_ratio, FIELDS_RATIO),
        _k("lower-better", check_lower_better, FIELDS_LOWER),
        _k("product", check_product, FIELDS_PRODUCT),
        _k("range-judgement", check_range_judgement, FIELDS_RANGE),
        _k("sum", check_sum, FIELDS_SUM),
        _k("difference", check_difference, FIELDS_DIFF),
        _k("bound", check_bound, FIELDS_BOUND),
        _k("label-band", check_label_band, FIELDS_LABEL),
        _k("malformed", check_malformed, FIELDS_MALFORMED),
        _k("duplicate", check_duplicate, FIELDS_DUPLICATE),
        _k("schema", check_schema, FIELDS_SCHEMA, scope="document", ahead=schema_ahead),
        _k("page-unchecked", check_page_unchecked, FIELDS_PAGE, scope="document"),
        _k("pages-unchecked", check_pages_unchecked, FIELDS_UNCHECKED, scope="document"),
        _k("cross-table", check_cross_table, FIELDS_XT, scope="document"),
        _k("pk-target", check_pk_target, FIELDS_PK, scope="document"),
        _k("composite", check_composite, FIELDS_COMPOSITE, scope="document"),
        _k("mean", check_mean, FIELDS_MEAN, scope="document"),
        _k("narrative", check_narrative, FIELDS_NARRATIVE, scope="document"),
        _k("count-claim", check_count_claim, FIELDS_COUNT, scope="document"),
        _k("number-word", check_number_word, FIELDS_WORDS, scope="document"),
        _k("year", check_year, FIELDS_YEAR, scope="document"),
        _k("comparative-claim", check_comparative, FIELDS_COMPARE, scope="document"),
        _k("breakdown-total", check_breakdown_total, FIELDS_BREAKDOWN, scope="document"),
        _k("document-part", check_document_part, FIELDS_PART, scope="document"),
    ]
)
from lkip_audit.check.kinds.crossyear import FIELDS_CROSS_YEAR, check_cross_year  # noqa: E402 (issue #16, store)

KINDS["cross-year"] = _k("cross-year", check_cross_year, FIELDS_CROSS_YEAR, scope="document")[1]

"""The names of the rule kinds check/kinds/__init__.py registers (KINDS), as data: the
catalogue's validation and the selection of rules (check/select.py) need the names, not
the kinds' code (which loads the understand stage). tests/check/test_select.py keeps
KIND_NAMES equal to KINDS."""

KIND_NAMES = frozenset({
    "bound", "breakdown-total", "comparative-claim", "composite", "count-claim", "cross-table", "cross-year",
    "difference", "document-part", "duplicate", "label-band", "lower-better", "malformed", "mean", "narrative",
    "number-word", "page-unchecked", "pages-unchecked", "pk-target", "product", "range-judgement", "ratio",
    "schema", "sum", "year",
})

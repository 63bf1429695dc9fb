"""Which rules a check runs, without loading the rule kinds' code.

    active_rules(config) -> list[Rule]     # implemented rules the configuration selects, in id order

A check served from the cache, and a report session, need the list of rules (to count
them, to apply severity overrides) but not the code of the kinds that compute them
(check/kinds/: the understand stage and rapidfuzz with them): the kinds' names are in
check/kindnames.py.
"""

from __future__ import annotations

from lkip_audit.check.catalogue import Rule, load_catalogue
from lkip_audit.check.config import CheckConfig
from lkip_audit.check.kindnames import KIND_NAMES


def active_rules(config: CheckConfig, catalogue: dict[str, Rule] | None = None) -> list[Rule]:
    """Implemented rules that the configuration selects, in id order."""
    cat = catalogue if catalogue is not None else load_catalogue()
    return [r for _, r in sorted(cat.items()) if r.implemented and r.kind in KIND_NAMES and config.enabled(r.id)]

"""check/kindnames.py names the kinds check/kinds registers, so selecting rules and validating
the catalogue need not load them."""

from lkip_audit.check import engine
from lkip_audit.check.config import CheckConfig
from lkip_audit.check.kinds import KINDS
from lkip_audit.check.kindnames import KIND_NAMES
from lkip_audit.check.select import active_rules


def test_kind_names_are_the_registered_kinds():
    assert KIND_NAMES == frozenset(KINDS)


def test_the_engine_selects_the_same_rules():
    config = CheckConfig(select=["PCT", "CAP", "XT"], ignore=["CAP002"])
    assert engine.active_rules is active_rules
    ids = [r.id for r in active_rules(config)]
    assert ids and all(i.startswith(("PCT", "CAP", "XT")) for i in ids) and "CAP002" not in ids

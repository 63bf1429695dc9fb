"""Check configuration: which rules run, severities, rounding, language, scales.

Read from ``lkip-audit.toml`` (top level, or a ``[tool.lkip-audit]`` table) or from
``[tool.lkip-audit]`` in ``pyproject.toml``::

    [tool.lkip-audit]
    select = ["PCT", "CAP", "SUM001"]   # ids or prefixes, like ruff; empty = all
    ignore = ["DQ002"]
    rounding = "either"                  # round | truncate | either
    tolerance = "0"                      # extra absolute tolerance, default none
    lang = "id"                          # id | en

    [tool.lkip-audit.severity]
    BND002 = "error"

    [[tool.lkip-audit.kategori]]         # overrides the kategori scale the report states
    label = "Sangat Baik"
    low = 91
    high = 100
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lkip_audit.findings import SEVERITIES
from lkip_audit.i18n import register
from lkip_audit.understand.model import Band, Scale

ROUNDING = ("round", "truncate", "either")
LANGS = ("id", "en")

register({
    "selector.unknown": {
        "id": "{where}: aturan atau awalan tidak dikenal: {sel}{hint}",
        "en": "{where}: unknown rule id or prefix: {sel}{hint}",
    },
    "selector.hint": {"id": " (mungkin maksudnya: {near})", "en": " (did you mean: {near}?)"},
    "selector.prefixes": {"id": " (awalan yang ada: {near})", "en": " (known prefixes: {near})"},
})


def unknown_selector(selector: str, known: Iterable[str]) -> str | None:
    """None when ``selector`` (upper case) is ALL, a rule id or a prefix of one; else
    the nearest known ids and prefixes, comma-separated (like ruff's "did you mean")."""
    known = sorted(set(known))
    if selector == "ALL" or any(k.startswith(selector) for k in known):
        return None
    prefixes = sorted({k.rstrip("0123456789") for k in known})
    near = difflib.get_close_matches(selector, known + prefixes, n=3, cutoff=0.5)
    if not near:  # "PCT01": the ids that share its letters
        letters = selector.rstrip("0123456789")
        near = [k for k in known if k.rstrip("0123456789") == letters][:3]
    return ", ".join(near)


@dataclass
class CheckConfig:
    select: list[str] = field(default_factory=list)  # empty: every implemented rule
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # id or prefix -> error|warning|info
    rounding: str = "either"
    tolerance: Decimal = Decimal(0)
    lang: str = "id"
    kategori: Scale | None = None  # overrides the document's kategori scale
    tingkat: Scale | None = None  # overrides the tingkat pencapaian scale

    def __post_init__(self) -> None:
        if self.rounding not in ROUNDING:
            raise ValueError(f"rounding must be one of {ROUNDING}, not {self.rounding!r}")
        if self.lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}, not {self.lang!r}")
        for k, v in self.severity.items():
            if v not in SEVERITIES:
                raise ValueError(f"severity for {k} must be one of {SEVERITIES}, not {v!r}")
        try:
            self.tolerance = Decimal(str(self.tolerance))
        except InvalidOperation as e:
            raise ValueError(f"bad tolerance {self.tolerance!r}") from e
        if self.tolerance < 0:
            raise ValueError("tolerance must not be negative")
        self.select = [s.upper() for s in self.select]
        self.ignore = [s.upper() for s in self.ignore]
        self.severity = {k.upper(): v for k, v in self.severity.items()}

    # -- selection ---------------------------------------------------------

    def enabled(self, rule_id: str) -> bool:
        rid = rule_id.upper()
        sel = not self.select or any(_match(p, rid) for p in self.select)
        return sel and not any(_match(p, rid) for p in self.ignore)

    def severity_for(self, rule_id: str, default: str) -> str:
        """The override with the longest matching prefix wins."""
        best = None
        for prefix, sev in self.severity.items():
            if _match(prefix, rule_id.upper()) and (best is None or len(prefix) > len(best[0])):
                best = (prefix, sev)
        return best[1] if best else default

    # -- reading -----------------------------------------------------------

    @classmethod
    def from_dict(cls, data: dict) -> "CheckConfig":
        known = {"select", "ignore", "severity", "rounding", "tolerance", "lang", "kategori", "tingkat"}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown lkip-audit setting(s): {', '.join(sorted(unknown))}")
        kw = {k: v for k, v in data.items() if k in known}
        for name in ("kategori", "tingkat"):
            if name in kw and kw[name] is not None:
                kw[name] = _scale(name, kw[name])
        for name in ("select", "ignore"):
            if name in kw and isinstance(kw[name], str):
                kw[name] = [kw[name]]
        return cls(**kw)

    @classmethod
    def from_toml(cls, path: str | Path) -> "CheckConfig":
        """Read lkip-audit.toml (top level or [tool.lkip-audit]) or pyproject.toml ([tool.lkip-audit])."""
        return cls.from_dict(read_settings(path))

    @classmethod
    def discover(cls, directory: str | Path = ".") -> "CheckConfig":
        """lkip-audit.toml, else pyproject.toml with [tool.lkip-audit], in directory; else defaults."""
        d = Path(directory)
        if (d / "lkip-audit.toml").is_file():
            return cls.from_toml(d / "lkip-audit.toml")
        if (d / "pyproject.toml").is_file():
            return cls.from_toml(d / "pyproject.toml")
        return cls()


def _match(prefix: str, rule_id: str) -> bool:
    return prefix == "ALL" or rule_id.startswith(prefix)


def _num(v) -> Decimal | None:
    if v is None:
        return None
    return Decimal(str(v))


def _scale(name: str, bands) -> Scale:
    if isinstance(bands, Scale):
        return bands
    if isinstance(bands, dict):  # {"Baik": "76-90", "Sangat Baik": ">= 91"}: printed conditions
        from lkip_audit.understand.scales import parse_condition

        out = []
        for label, cond in bands.items():
            band = parse_condition(str(cond))
            if band is None:
                raise ValueError(f"{name}: cannot read the condition {cond!r} of band {label!r}")
            band.label = str(label)
            out.append(band)
        return Scale(name=name, bands=out, source="config")
    out = []
    for b in bands:
        if isinstance(b, Band):
            out.append(b)
            continue
        out.append(
            Band(
                label=str(b["label"]),
                low=_num(b.get("low")),
                high=_num(b.get("high")),
                low_inclusive=bool(b.get("low_inclusive", True)),
                high_inclusive=bool(b.get("high_inclusive", True)),
            )
        )
    return Scale(name=name, bands=out, source="config")


def read_settings(path: str | Path) -> dict:
    """The lkip-audit settings of a TOML file: [tool.lkip-audit] (lkip-audit.toml or
    pyproject.toml), else a top-level [lkip-audit] table or the top level of
    lkip-audit.toml; a pyproject.toml without the section gives none."""
    p = Path(path)
    with p.open("rb") as f:
        data = tomllib.load(f)
    section = data.get("tool", {}).get("lkip-audit")
    if section is None:
        if p.name == "pyproject.toml":
            return {}
        section = data.get("lkip-audit", {k: v for k, v in data.items() if k != "tool"})
    return dict(section)

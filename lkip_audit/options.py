"""Configuration as the command line sees it: the file, then command-line overrides.

``CheckConfig`` (check stage) holds the settings; this module finds and reads the
file and turns command-line strings into settings:

- ``--severity BND002=info`` (rule id or prefix = error|warning|info)
- ``--kategori "Sangat Baik=>=91; Baik=76-90; Cukup=66-75; Kurang=51-65; Sangat Kurang=<=50"``
  (also accepted in the file as a table ``kategori = { "Sangat Baik" = ">= 91", ... }``
  besides the array-of-tables form ``[[tool.lkip-audit.kategori]]``)
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lkip_audit.check.config import CheckConfig, read_settings, unknown_selector
from lkip_audit.i18n import t

_NUM = r"(-?\d+(?:[.,]\d+)?)"
_RANGE = re.compile(rf"^\s*{_NUM}\s*(?:-|–|s/d|sd|to)\s*{_NUM}\s*$", re.I)
_CMP = re.compile(rf"^\s*(>=|<=|>|<|=)?\s*{_NUM}\s*$")


def _dec(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation as e:  # pragma: no cover - the regexes admit only numbers
        raise ValueError(f"not a number: {text!r}") from e


def parse_band(label: str, spec) -> dict:
    """'76-90', '>= 91', '> 100', '<= 50', '< 20' or a number into a band for CheckConfig."""
    label = " ".join(str(label).split())
    if not label:
        raise ValueError("a scale band needs a label")
    if isinstance(spec, (int, float)):
        spec = str(spec)
    if isinstance(spec, dict):  # already {low, high, ...}
        return {"label": label, **spec}
    text = str(spec)
    m = _RANGE.match(text)
    if m:
        lo, hi = _dec(m.group(1)), _dec(m.group(2))
        if lo > hi:
            raise ValueError(f"band {label!r}: {text!r} runs backwards")
        return {"label": label, "low": lo, "high": hi}
    m = _CMP.match(text)
    if m:
        op, v = m.group(1) or "=", _dec(m.group(2))
        return {
            ">=": {"label": label, "low": v},
            ">": {"label": label, "low": v, "low_inclusive": False},
            "<=": {"label": label, "high": v},
            "<": {"label": label, "high": v, "high_inclusive": False},
            "=": {"label": label, "low": v, "high": v},
        }[op]
    raise ValueError(f"band {label!r}: cannot read {text!r} (write 76-90, >= 91, > 100, <= 50 or < 20)")


def parse_scale(value) -> list[dict]:
    """A scale from the command-line string, a TOML table {label: range}, or a list of bands."""
    if isinstance(value, str):
        bands = []
        for part in re.split(r"[;\n]", value):
            if not part.strip():
                continue
            if "=" not in part:
                raise ValueError(f"scale band {part.strip()!r}: write LABEL=RANGE, e.g. Baik=76-90")
            label, spec = part.split("=", 1)
            if spec.startswith(("=", ">", "<")) is False and label.rstrip().endswith((">", "<")):
                # "Baik>=76" style: split at the operator instead
                label, spec = label.rstrip()[:-1], label.rstrip()[-1] + "=" + spec
            bands.append(parse_band(label, spec))
        if not bands:
            raise ValueError("empty scale")
        return bands
    if isinstance(value, dict):
        return [parse_band(k, v) for k, v in value.items()]
    if isinstance(value, list):
        return value
    raise ValueError(f"cannot read a scale from {value!r}")


def parse_severity(items) -> dict[str, str]:
    out = {}
    for item in items or ():
        if "=" not in item:
            raise ValueError(f"--severity {item!r}: write RULE=LEVEL, e.g. BND002=info")
        k, v = (x.strip() for x in item.split("=", 1))
        out[k.upper()] = v.lower()
    return out


def find_config(directory: str | Path = ".") -> Path | None:
    """lkip-audit.toml, else a pyproject.toml that has [tool.lkip-audit], in directory."""
    d = Path(directory)
    if (d / "lkip-audit.toml").is_file():
        return d / "lkip-audit.toml"
    if (d / "pyproject.toml").is_file():
        return d / "pyproject.toml"
    return None


def read_section(path: str | Path) -> dict:
    """The lkip-audit settings of a TOML file (the places CheckConfig.from_toml reads)."""
    return read_settings(path)


def known_rule_ids() -> list[str]:
    """Every id in the catalogue, implemented or planned (the yaml alone: no rule kind
    is imported, so a cached check stays light)."""
    from lkip_audit.check.catalogue import catalogue_dir, load_catalogue_from_texts

    root = catalogue_dir()
    texts = {p.name: p.read_text(encoding="utf-8") for p in root.iterdir() if p.name.endswith(".yaml")}
    return list(load_catalogue_from_texts(texts))


def _as_list(value) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def check_selectors(sources: list[tuple[str, list[str]]], lang: str = "id") -> None:
    """Raise ValueError (a usage error) at the first selector that is neither ALL nor a
    rule id or prefix of one, naming where it came from and the nearest known ids."""
    if not any(sels for _, sels in sources):
        return
    known = known_rule_ids()
    for where, sels in sources:
        for sel in sels:
            sel = sel.strip().upper()
            near = unknown_selector(sel, known)
            if near is None:
                continue
            hint = t("selector.hint", lang, near=near) if near else t(
                "selector.prefixes", lang, near=", ".join(sorted({k.rstrip("0123456789") for k in known})))
            raise ValueError(t("selector.unknown", lang, where=where, sel=sel, hint=hint))


def build_config(config_path: str | None = None, *, directory: str | Path = ".", lang: str | None = None,
                 select=(), ignore=(), severity=(), rounding: str | None = None, tolerance: str | None = None,
                 kategori: str | None = None) -> CheckConfig:
    """The file's settings with the command line's on top. Raises ValueError (a usage error)."""
    path = config_path or find_config(directory)
    try:
        section = read_section(path) if path else {}
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{path}: {e}") from e
    for name in ("kategori", "tingkat"):
        if section.get(name) is not None and not isinstance(section[name], list):
            section[name] = parse_scale(section[name])
    cli_select = [x.strip() for s in select for x in s.split(",") if x.strip()]
    cli_ignore = [x.strip() for s in ignore for x in s.split(",") if x.strip()]
    cli_severity = parse_severity(severity)
    file_name = Path(path).name if path else ""
    sev = section.get("severity")
    check_selectors([
        (f"{file_name}: select", _as_list(section.get("select"))),
        (f"{file_name}: ignore", _as_list(section.get("ignore"))),
        (f"{file_name}: severity", list(sev) if isinstance(sev, dict) else []),
        ("--select", cli_select),
        ("--ignore", cli_ignore),
        ("--severity", list(cli_severity)),
    ], lang=lang or str(section.get("lang") or "id"))
    if lang:
        section["lang"] = lang
    if cli_select:
        section["select"] = cli_select
    if cli_ignore:
        section["ignore"] = _as_list(section.get("ignore")) + cli_ignore
    if cli_severity:
        section["severity"] = {**(section.get("severity") or {}), **cli_severity}
    if rounding:
        section["rounding"] = rounding
    if tolerance is not None:
        section["tolerance"] = tolerance
    if kategori:
        section["kategori"] = parse_scale(kategori)
    # store = "..." and [instansi] aliases are the store's (lkip_audit/store/run.py), not the check's
    store_settings = {k: section.pop(k) for k in ("store", "instansi") if k in section}
    try:
        config = CheckConfig.from_dict(section)
    except (TypeError, KeyError) as e:
        raise ValueError(f"bad lkip-audit setting: {e}") from e
    config.store_settings = store_settings
    return config

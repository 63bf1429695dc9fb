"""Instansi identity across years: a normalised name, and the way it was reached.

"BKD Provinsi Banten", "Badan Kepegawaian Daerah Provinsi Banten" and
"BADAN KEPEGAWAIAN DAERAH PROV. BANTEN" are one agency. The key is the name in
lower case, punctuation dropped, the usual abbreviations written out
(ABBREVIATIONS); a configured alias (``[instansi]`` in lkip-audit.toml:
``"Dinas X Lama" = "Dinas X Baru"``) maps a name to another one first, for renamed
agencies and abbreviations this list does not know.

    instansi_key(name, aliases=None) -> str | None
    explain(name, aliases=None) -> list[str]     (the steps, for --explain-matches)
"""

from __future__ import annotations

import re

# Abbreviations of Indonesian government bodies and regions (whole words, case-insensitive).
ABBREVIATIONS = {
    "bkd": "badan kepegawaian daerah",
    "bkpsdm": "badan kepegawaian dan pengembangan sumber daya manusia",
    "bappeda": "badan perencanaan pembangunan daerah",
    "bpkad": "badan pengelolaan keuangan dan aset daerah",
    "bapenda": "badan pendapatan daerah",
    "dispenda": "dinas pendapatan daerah",
    "dinkes": "dinas kesehatan",
    "disdik": "dinas pendidikan",
    "dindik": "dinas pendidikan",
    "dishub": "dinas perhubungan",
    "distan": "dinas pertanian",
    "dinsos": "dinas sosial",
    "disnaker": "dinas tenaga kerja",
    "disperindag": "dinas perindustrian dan perdagangan",
    "dpmptsp": "dinas penanaman modal dan pelayanan terpadu satu pintu",
    "bpbd": "badan penanggulangan bencana daerah",
    "satpol pp": "satuan polisi pamong praja",
    "setda": "sekretariat daerah",
    "setwan": "sekretariat dewan perwakilan rakyat daerah",
    "pemprov": "pemerintah provinsi",
    "pemkab": "pemerintah kabupaten",
    "pemkot": "pemerintah kota",
    "prov": "provinsi",
    "propinsi": "provinsi",
    "kab": "kabupaten",
}
_ABBR = re.compile(r"\b(" + "|".join(sorted((re.escape(k) for k in ABBREVIATIONS), key=len, reverse=True))
                   + r")\b\.?")


def _plain(name: str) -> str:
    s = name.casefold().replace("&", " dan ")
    s = re.sub(r"[^\w\s.]", " ", s)
    return " ".join(s.split())


def _expand(s: str) -> str:
    s = _ABBR.sub(lambda m: ABBREVIATIONS[m.group(1)], s)
    s = s.replace(".", " ")
    return " ".join(s.split())


def _aliases(aliases: dict | None) -> dict[str, str]:
    return {_expand(_plain(k)): str(v) for k, v in (aliases or {}).items()}


def instansi_key(name: str | None, aliases: dict | None = None) -> str | None:
    """The normalised identity of an instansi name; None for no name."""
    if not name or not name.strip():
        return None
    key = _expand(_plain(name))
    target = _aliases(aliases).get(key)
    if target is not None:
        key = _expand(_plain(target))
    return key or None


def explain(name: str | None, aliases: dict | None = None) -> list[str]:
    """How a name became its key (printed by --explain-matches)."""
    if not name:
        return ["instansi: (tidak terbaca / not read) -> tidak dibandingkan / not compared"]
    plain = _plain(name)
    expanded = _expand(plain)
    steps = [f"instansi {name!r}"]
    found = sorted({m.group(1) for m in _ABBR.finditer(plain)})
    if found:
        steps.append("  singkatan / abbreviations: " + ", ".join(f"{a} = {ABBREVIATIONS[a]}" for a in found))
    target = _aliases(aliases).get(expanded)
    if target is not None:
        steps.append(f"  alias dari konfigurasi / configured alias: {target!r}")
    steps.append(f"  kunci / key: {instansi_key(name, aliases)!r}")
    return steps

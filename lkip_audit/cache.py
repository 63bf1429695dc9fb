"""On-disk cache of extracted documents and of whole checks.

A reviewer re-runs the check after every correction; most runs see a file the
tool has already read. Two entries per report:

- ``doc-<key>.json``: the extracted ``Document``. Key: sha256 of the PDF's
  bytes, the tool's fingerprint (version plus a hash of its own source, so an
  edited install never reuses stale results), the extraction settings version
  (``extract.pdf.EXTRACTION_VERSION``), the page source (backend) and the read
  options (OCR).
- ``check-<key>.json``: the findings of a whole check of that document, and
  what settling its numbers decided (``extract.numstyle.settled_state``: the
  tables' notes and the few cells whose number is not their own reading), so a
  hit neither checks nor settles again. Key: the document key plus a hash of the
  rule catalogue files and of the check configuration (select/ignore,
  severities, tolerances, scales, language).

A changed file with the same name has another sha256, so it misses; so does a
run with other rules, another configuration or another version of the tool.

Location: ``$LKIP_AUDIT_CACHE`` if set, else ``$XDG_CACHE_HOME/lkip-audit``,
else ``~/.cache/lkip-audit`` (``%LOCALAPPDATA%\\lkip-audit`` on Windows,
``~/Library/Caches/lkip-audit`` on macOS). ``lkip-audit check --no-cache``
neither reads nor writes it; deleting the directory is always safe.

Format: JSON, not pickle. Unpickling runs code named in the file, so a cache
file planted by someone else (a shared ``$LKIP_AUDIT_CACHE``, a world-writable
directory) would run as the user; decoding our JSON can only build the model's
own dataclasses (an explicit allow-list below). As a second guard a file not
owned by the current user, or writable by others, is ignored. An entry is
written only when it decodes back equal to what was computed, so a value the
encoding could not carry exactly is recomputed, never served changed.

Concurrency: every write goes to a temporary file in the cache directory and
is renamed over the entry (``os.replace``, atomic on POSIX and Windows), so a
reader sees either no entry or a whole one, and concurrent writers of the same
key (same content) simply replace each other. A damaged or unreadable entry is
a miss.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
import tempfile
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

FORMAT = 2  # of the files written here (2: the check entry keeps the settled numbers)


def cache_dir() -> Path:
    env = os.environ.get("LKIP_AUDIT_CACHE")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "lkip-audit"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "lkip-audit"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "lkip-audit"


# -- keys ---------------------------------------------------------------------------------------

def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


@lru_cache(maxsize=1)
def _source_hash() -> str:
    """Hash of the tool's own Python source (cheap: ~1 MB of files)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*.py")):
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def tool_fingerprint() -> str:
    from lkip_audit import __version__

    return f"{__version__}+{_source_hash()[:16]}"


def document_key(sha256: str, backend: str = "pdfium", options: object = None) -> str:
    from lkip_audit.extract.pdf import EXTRACTION_VERSION

    return _digest("doc", str(FORMAT), sha256, tool_fingerprint(), EXTRACTION_VERSION, backend, repr(options),
                   extraction_vocabulary_hash())


# The vocabulary files the extract stage reads (its words are data, not code, so the
# source hash does not cover them): a changed file, or another catalogue directory
# ($LKIP_AUDIT_RULES) with its own, must miss the cached documents.
EXTRACTION_VOCABULARY = ("captions",)


def extraction_vocabulary_hash() -> str:
    from lkip_audit.vocabulary import vocabulary_text

    h = hashlib.sha256()
    for name in EXTRACTION_VOCABULARY:
        h.update(name.encode())
        h.update(vocabulary_text(name).encode())
    return h.hexdigest()


def rules_hash() -> str:
    """Hash of the rule catalogue files in use (rules/*.yaml, their vocabulary and docs;
    ``$LKIP_AUDIT_RULES`` and the built-in files it falls back to)."""
    from lkip_audit.vocabulary import builtin_rules_dir, rules_dir

    h = hashlib.sha256()
    roots = list(dict.fromkeys([rules_dir(), builtin_rules_dir()]))
    stack = list(roots)
    entries = []
    while stack:
        d = stack.pop()
        for e in d.iterdir():
            if e.is_dir():
                if e.name != "__pycache__":
                    stack.append(e)
            elif e.name.endswith((".yaml", ".yml", ".md")):
                entries.append(e)
    for e in sorted(entries, key=lambda e: str(e)):
        h.update(e.name.encode())
        h.update(e.read_bytes())
    return h.hexdigest()


def config_hash(config: object) -> str:
    data = dataclasses.asdict(config) if dataclasses.is_dataclass(config) else repr(config)
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=repr).encode()).hexdigest()


def check_key(doc_key: str, config: object) -> str:
    return _digest("check", doc_key, rules_hash(), config_hash(config))


# -- encoding -----------------------------------------------------------------------------------

def _allowed() -> dict[str, type]:
    from lkip_audit.extract.model import BBox, Cell, Document, Page, PageProblem, Row, Table, Word
    from lkip_audit.findings import Finding, Location
    from lkip_audit.numbers import ParsedNumber

    return {c.__name__: c for c in (BBox, Cell, Document, Page, PageProblem, Row, Table, Word, Finding, Location,
                                    ParsedNumber)}


# Fields the model declares as tuples, which JSON carries as lists: rebuilt as tuples
# (ParsedNumber is frozen and hashed; a list would make it unequal and unhashable).
_TUPLE_FIELDS = {"ParsedNumber": ("readings",)}


def _encode(obj):
    """json.dumps ``default``: our dataclasses (fields not starting with "_": those are
    caches such as Cell._number, recomputed when read) and Decimals. Anything else
    the json module would not carry exactly (a tuple comes back a list, a dict with
    non-string keys with string keys) is caught by the round-trip check in store()."""
    names = _cached_fields(type(obj))
    if names is not None:
        out = {"__t": type(obj).__name__}
        for name in names:
            out[name] = getattr(obj, name)
        return out
    if isinstance(obj, Decimal):
        return {"__t": "Decimal", "v": str(obj)}
    raise TypeError(f"cannot cache a {type(obj).__name__}")


@lru_cache(maxsize=None)
def _cached_fields(cls: type) -> tuple[str, ...] | None:
    """The names _encode writes for a dataclass type (None: not a dataclass), looked up once
    per type rather than once per object (a document has tens of thousands of cells)."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls) if not f.name.startswith("_"))


def _hook(allowed: dict[str, type]):
    def hook(d: dict):
        tag = d.pop("__t", None)
        if tag is None:
            return d
        if tag == "Decimal":
            return Decimal(d["v"])
        cls = allowed.get(tag)
        if cls is None:
            raise ValueError(f"unexpected type {tag!r} in a cache entry")
        for name in _TUPLE_FIELDS.get(tag, ()):
            if isinstance(d.get(name), list):
                d[name] = tuple(d[name])
        return cls(**d)

    return hook


def encode(value) -> str:
    return json.dumps({"format": FORMAT, "value": value}, default=_encode, ensure_ascii=False,
                      separators=(",", ":"), allow_nan=True)


def decode(text: str):
    data = json.loads(text, object_hook=_hook(_allowed()))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("other cache format")
    return data["value"]


# -- storage ------------------------------------------------------------------------------------

class Cache:
    """The cache directory. ``enabled=False`` (``--no-cache``) makes every call a no-op miss."""

    def __init__(self, directory: str | os.PathLike | None = None, enabled: bool = True):
        self.dir = Path(directory) if directory is not None else cache_dir()
        self.enabled = enabled

    def audit(self, path, config, read, check, *, options: object = None):
        """A whole check of ``path`` through this cache (cached_audit): the pipeline hands
        over its ``read() -> Document`` and ``check(doc) -> AuditResult`` steps."""
        return cached_audit(path, config, self, read, check, options=options)

    def _path(self, kind: str, key: str) -> Path:
        return self.dir / f"{kind}-{key}.json"

    def load(self, kind: str, key: str):
        """The cached value, or None (absent, not ours, damaged, other format)."""
        if not self.enabled:
            return None
        path = self._path(kind, key)
        try:
            with open(path, encoding="utf-8") as f:
                st = os.fstat(f.fileno())
                if not _trusted(st):
                    return None
                return decode(f.read())
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def store(self, kind: str, key: str, value) -> bool:
        """Write atomically; False when the value could not be cached (nothing is written)."""
        if not self.enabled:
            return False
        try:
            text = encode(value)
            if decode(text) != value:
                return False  # the encoding would change it: never serve a changed value
            self.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=self.dir)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(text)
                os.replace(tmp, self._path(kind, key))
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
            return True
        except (OSError, TypeError, ValueError):
            return False  # a cache that cannot be written only costs speed


def _trusted(st: os.stat_result) -> bool:
    if not hasattr(os, "getuid"):
        return True  # Windows: per-user profile directories
    return st.st_uid == os.getuid() and not (st.st_mode & 0o022)


# -- the cached reads ---------------------------------------------------------------------------

def read_cached(path, cache: Cache, read, *, backend: str = "pdfium", options: object = None,
                sha256: str | None = None, later: list | None = None):
    """The Document of ``path``: from the cache, else ``read()`` and store it.

    A document with pages that timed out is not stored: another run, with more
    time, may read them. ``later``: a list to which the storing is appended as work
    started ahead (lkip_audit/forked.py: encoding and writing the document, a quarter
    of a second on a 100-page report, in a forked child on an idle core, storing the
    document as read, whatever the caller does with it next); the caller takes each
    one's result() before it ends. Without it the document is stored here.
    """
    from lkip_audit.extract.pdf import sha256_of

    digest = sha256 or sha256_of(path)
    key = document_key(digest, backend, options)
    doc = cache.load("doc", key)
    if doc is not None:
        doc.path = str(path)
        return doc, key
    doc = read()
    if not any(p.reason == "timeout" for p in doc.problems):
        if later is not None and cache.enabled:
            from lkip_audit import forked

            # a child that fails leaves the document unstored (a cache only costs speed);
            # storing it here later would store it as the check changed it
            later.append(forked.start(lambda: cache.store("doc", key, doc), fallback=lambda: False))
        else:
            cache.store("doc", key, doc)
    return doc, key


@lru_cache(maxsize=1)
def _cached_result_class():
    from lkip_audit.pipeline import AuditResult

    class CachedAuditResult(AuditResult):
        """A result served from the cache. Its ``understanding`` is not cached (only the
        findings are); the rare caller that asks for it (--explain-matches) gets it by
        running the check again on the cached document."""

        def __getattr__(self, name):
            if name == "understanding":
                self.understanding = self._check(self.document).understanding
                return self.understanding
            raise AttributeError(name)

    return CachedAuditResult


def cached_audit(path, config, cache: Cache, read, check, *, options: object = None):
    """A whole check through the cache: ``read() -> Document``, ``check(doc) -> AuditResult``.

    On a hit of both entries nothing is read or recomputed.
    """
    from lkip_audit.extract.pdf import sha256_of

    _CachedResult = _cached_result_class()

    digest = sha256_of(path)
    dkey = document_key(digest, "pdfium", options)
    ckey = check_key(dkey, config)
    hit = cache.load("check", ckey)
    if isinstance(hit, dict):
        doc = cache.load("doc", dkey)
        if doc is not None:
            doc.path = str(path)
            # The check settled the cells' numbers (column conventions, with their notes on
            # the tables) before it ran; the cached document is the one as read, so it gets
            # what that settling decided (kept in the check entry; settled again when the
            # entry has none that fits): a hit returns the document the findings were made from.
            from lkip_audit.extract.numstyle import restore_settled, settle_numbers

            if not restore_settled(doc, hit.get("settled")):
                settle_numbers(doc)
            result = _CachedResult(doc, None, hit["findings"], hit["rules"], hit.get("notes", []))
            del result.understanding  # computed on first use (see _CachedResult)
            result._check = check
            return result
    later: list = []
    doc, _ = read_cached(path, cache, read, options=options, sha256=digest, later=later)
    try:
        result = check(doc)
    finally:
        for pending in later:
            pending.result()  # the document is in the cache before this check ends
    if not any(p.reason == "timeout" for p in doc.problems):
        entry = {"findings": result.findings, "rules": result.rules, "notes": result.notes}
        if getattr(result, "settled", None) is not None:
            entry["settled"] = result.settled
        cache.store("check", ckey, entry)
    return result

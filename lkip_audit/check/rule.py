"""One rule of the catalogue (rules/*.yaml), as the rule kinds see it.

Its own module so that the kinds (lkip_audit/check/kinds/) need not import the catalogue
that loads them: lkip_audit.check.catalogue reads and validates the files and builds
these; the kinds only read a rule's fields and render its messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    category: str
    severity: str
    title: dict
    message: dict
    checks: dict
    basis: str
    example: dict
    params: dict = field(default_factory=dict)
    status: str = "implemented"
    variants: dict = field(default_factory=dict)  # name -> {id, en}: alternative message templates
    source: str = ""  # the yaml file it came from

    @property
    def implemented(self) -> bool:
        return self.status == "implemented"

    def template(self, lang: str = "id", variant: str | None = None) -> str:
        texts = self.variants[variant] if variant else self.message
        return texts.get(lang) or texts["id"]

    def render(self, lang: str = "id", variant: str | None = None, **fields) -> str:
        return self.template(lang, variant).format(**fields)

    def __hash__(self) -> int:
        return hash(self.id)

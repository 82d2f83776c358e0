"""The concept model: what one teaching note is.

Attributes are structured values, not prose, so comparison tables and generated
questions are derived from the same data instead of being written twice. Their names,
kinds and words are data: :mod:`studykit.concepts.vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DOMAINS: dict[int, str] = {
    1: "Fundamentals of AI and ML",
    2: "Fundamentals of Generative AI",
    3: "Applications of Foundation Models",
    4: "Guidelines for Responsible AI",
    5: "Security, Compliance, and Governance for AI Solutions",
}

FACT_KINDS = ("fact", "price", "quota", "correction")
"""``price`` and ``quota`` facts go stale and must carry ``as_of``; a ``correction``
says what is out of date and must carry ``seed_said`` (what a seed note said) or
``often_taught`` (what common study material still teaches)."""

AttributeValue = str | bool | tuple[str, ...]


def __getattr__(name: str) -> object:
    """``ATTRIBUTES`` and ``CATEGORIES`` of the shipped vocabulary (``content/_vocabulary.yaml``).

    Read on first use, not at import: code that knows its concept set should use
    ``concepts.vocabulary`` instead, which follows a content folder's own vocabulary.
    """
    if name in ("ATTRIBUTES", "CATEGORIES"):
        from studykit.concepts.vocabulary import shipped_vocabulary

        vocabulary = shipped_vocabulary()
        return vocabulary.attributes if name == "ATTRIBUTES" else tuple(vocabulary.categories)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Fact:
    """One teachable statement and where it comes from."""

    text: str
    source: str  # "seed:<file name>" or an AWS documentation URL
    kind: str = "fact"
    as_of: str | None = None
    seed_said: str | None = None
    often_taught: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Concept:
    """One concept note from ``content/``."""

    id: str
    title: str
    domain: int
    category: str
    summary: str
    facts: tuple[Fact, ...]
    attributes: dict[str, AttributeValue] = field(default_factory=dict)
    related: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    exam_tips: tuple[str, ...] = ()
    aka: tuple[str, ...] = ()
    task: str | None = None
    objectives: tuple[str, ...] = ()
    path: str = ""
    line: int = 1

    @property
    def domain_name(self) -> str:
        return DOMAINS[self.domain]

    @property
    def sources(self) -> tuple[str, ...]:
        """Every distinct source cited by the facts, in first-cited order."""
        return tuple(dict.fromkeys(fact.source for fact in self.facts))

"""The concept model: what one teaching note is, and the vocabulary of its attributes.

Attributes are structured values, not prose, so comparison tables and generated
questions are derived from the same data instead of being written twice.
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

CATEGORIES = (
    "service",
    "method",
    "data",
    "use-case",
    "cost",
    "process",
    "security",
    "practice",
    "ml-concept",
    "metric",
    "risk",
    "exam",
)

FACT_KINDS = ("fact", "price", "quota", "correction")
"""``price`` and ``quota`` facts go stale and must carry ``as_of``; a ``correction``
says what is out of date and must carry ``seed_said`` (what a seed note said) or
``often_taught`` (what common study material still teaches)."""

AttributeValue = str | bool | tuple[str, ...]


@dataclass(frozen=True)
class AttributeSpec:
    """One attribute name: how it is shown and which values it takes."""

    name: str
    label: str
    kind: str  # "enum", "bool", "text", "list" or "json"
    values: tuple[str, ...] = ()
    question: str = ""  # phrasing for generated questions, e.g. "uses {value} training data"


ATTRIBUTES: dict[str, AttributeSpec] = {
    spec.name: spec
    for spec in (
        AttributeSpec("definition", "Definition", "text"),
        AttributeSpec(
            "training_data",
            "Training data",
            "enum",
            ("labeled", "unlabeled", "prompts-only", "labeled-or-unlabeled", "not-applicable"),
            "uses {value} training data",
        ),
        AttributeSpec("changes_weights", "Changes model weights", "bool", (), "changes the model's weights"),
        AttributeSpec(
            "relative_cost",
            "Relative cost",
            "enum",
            ("none", "low", "medium", "high"),
            "has a {value} relative cost",
        ),
        AttributeSpec(
            "expertise", "Expertise needed", "enum", ("low", "medium", "high"), "needs {value} ML expertise"
        ),
        AttributeSpec(
            "data_volume",
            "Data needed",
            "enum",
            ("none", "small", "medium", "large"),
            "needs a {value} amount of data",
        ),
        AttributeSpec(
            "compute",
            "Compute intensity",
            "enum",
            ("none", "low", "medium", "high"),
            "is {value} in compute intensity",
        ),
        AttributeSpec("data_format", "Data format", "text", (), "uses records shaped like {value}"),
        AttributeSpec("example_record", "Example record", "json"),
        AttributeSpec("scope", "Scope", "text"),
        AttributeSpec("data_usage", "Data usage", "text"),
        AttributeSpec("inference", "Serving the result", "text"),
        AttributeSpec("use_cases", "Typical use cases", "list"),
        AttributeSpec("examples", "Examples", "list"),
        AttributeSpec("bedrock_models", "Bedrock base models", "list"),
        AttributeSpec("purpose", "What it is for", "text"),
        AttributeSpec("measures", "What it measures", "text"),
        AttributeSpec("mitigation", "How to reduce it", "text"),
    )
}


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

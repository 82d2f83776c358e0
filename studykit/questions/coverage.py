"""How well a set of banks covers the concepts and the exam domains: ``studykit bank coverage``.

Stable API: :func:`bank_coverage(questions, concepts, threshold) <bank_coverage>` →
:class:`Coverage`, and :func:`coverage_lines` for the text report. A concept counts every
question that lists it (not only as the main concept); a domain counts questions by their
``domain``. Concepts under ``threshold`` questions and domains whose share of the questions is
below their AIF-C01 exam weight are flagged.

Kinds are counted as the exam names its question types: a question of a case study counts as a
case study (:func:`coverage_kind`), not as the single-choice or ordering question it also is, so
the kind columns add up to the total and "every kind in every domain" includes case studies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from studykit.concepts import DOMAINS, ConceptSet
from studykit.engine.blueprint import EXAM_DOMAIN_WEIGHTS
from studykit.questions.bank import CASE_STUDY
from studykit.questions.model import Kind, Question

COVERAGE_KINDS: tuple[str, ...] = (*(kind.value for kind in Kind), CASE_STUDY)
"""The kinds coverage counts: the five question kinds, and case studies."""
KIND_HEADINGS = {
    Kind.SINGLE.value: "sgl",
    Kind.MULTIPLE.value: "mul",
    Kind.TRUE_FALSE.value: "t/f",
    Kind.ORDERING.value: "ord",
    Kind.MATCHING.value: "mat",
    CASE_STUDY: "cs",
}
KIND_NAMES = {**{kind.value: kind.label for kind in Kind}, CASE_STUDY: "case study"}


def coverage_kind(question: Question) -> str:
    """The kind a question counts as: ``case_study`` for a case study's question, else its own kind."""
    return CASE_STUDY if question.case is not None else question.kind.value


@dataclass(frozen=True)
class ConceptCoverage:
    """The questions on one concept, in all and by kind."""

    concept: str
    domain: int
    total: int
    main: int
    by_kind: tuple[tuple[str, int], ...]
    low: bool

    def to_json(self) -> dict[str, object]:
        return {
            "concept": self.concept,
            "domain": self.domain,
            "questions": self.total,
            "main_concept_of": self.main,
            "by_kind": dict(self.by_kind),
            "below_threshold": self.low,
        }


@dataclass(frozen=True)
class DomainCoverage:
    """One exam domain's share of the questions against its exam weight (both in percent)."""

    domain: int
    name: str
    questions: int
    share: float
    exam_weight: int
    under: bool

    def to_json(self) -> dict[str, object]:
        return {
            "domain": self.domain,
            "name": self.name,
            "questions": self.questions,
            "share_percent": round(self.share, 1),
            "exam_weight_percent": self.exam_weight,
            "under_weight": self.under,
        }


@dataclass(frozen=True)
class Coverage:
    concepts: tuple[ConceptCoverage, ...]
    domains: tuple[DomainCoverage, ...]
    questions: int
    threshold: int

    def to_json(self) -> dict[str, object]:
        return {
            "questions": self.questions,
            "threshold": self.threshold,
            "concepts": [item.to_json() for item in self.concepts],
            "domains": [item.to_json() for item in self.domains],
            "concepts_below_threshold": [item.concept for item in self.concepts if item.low],
            "domains_under_weight": [item.domain for item in self.domains if item.under],
        }


def bank_coverage(questions: Sequence[Question], concepts: ConceptSet, threshold: int = 3) -> Coverage:
    """Count questions per concept (every concept of the content, covered or not) and per domain."""
    rows = []
    for concept in sorted(concepts, key=lambda item: (item.domain, item.id)):
        on_it = [question for question in questions if concept.id in question.concepts]
        kinds = [coverage_kind(question) for question in on_it]
        by_kind = tuple((kind, kinds.count(kind)) for kind in COVERAGE_KINDS)
        main = sum(question.concept == concept.id for question in on_it)
        rows.append(
            ConceptCoverage(concept.id, concept.domain, len(on_it), main, by_kind, len(on_it) < threshold)
        )
    domains = []
    for number, name in DOMAINS.items():
        count = sum(question.domain == number for question in questions)
        share = 100 * count / len(questions) if questions else 0.0
        weight = EXAM_DOMAIN_WEIGHTS[number]
        domains.append(DomainCoverage(number, name, count, share, weight, share < weight))
    return Coverage(tuple(rows), tuple(domains), len(questions), threshold)


def coverage_lines(coverage: Coverage) -> list[str]:
    """The report as lines of at most 80 characters; flagged rows start with '!'."""
    kinds = "".join(f"{heading:>5}" for heading in KIND_HEADINGS.values())
    lines = [
        f"Concepts × questions ({coverage.questions} questions; ! = fewer than {coverage.threshold})",
        f"  {'concept':<39}{'dom':>4}{'all':>5}{kinds}",
    ]
    for row in coverage.concepts:
        counts = "".join(f"{count:>5}" for _, count in row.by_kind)
        mark = "!" if row.low else " "
        lines.append(f"{mark} {_fit(row.concept, 39):<39}{row.domain:>4}{row.total:>5}{counts}")
    lines += ["", "Domains (share of questions against the AIF-C01 exam weight; ! = under it)"]
    lines.append(f"  {'domain':<58}{'qs':>5}{'share':>7}{'exam':>6}")
    for domain in coverage.domains:
        mark = "!" if domain.under else " "
        name = _fit(f"{domain.domain} {domain.name}", 58)
        lines.append(f"{mark} {name:<58}{domain.questions:>5}{domain.share:>6.0f}%{domain.exam_weight:>5}%")
    low = sum(row.low for row in coverage.concepts)
    under = sum(domain.under for domain in coverage.domains)
    lines += ["", f"{low} concept(s) below {coverage.threshold} questions; {under} domain(s) under weight."]
    return lines


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"

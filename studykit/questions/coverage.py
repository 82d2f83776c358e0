"""How well a set of banks covers the concepts and the exam domains: ``studykit bank coverage``.

Stable API: :func:`bank_coverage(questions, concepts, threshold) <bank_coverage>` →
:class:`Coverage`, and :func:`coverage_lines` for the text report. A concept counts every
question that lists it (not only as the main concept); a domain counts questions by their
``domain``. Concepts under ``threshold`` questions are flagged. Exams draw each domain's questions
to the blueprint whatever its share of the pool, so a domain is flagged only when it cannot fill
its part of one 65-question exam; the report says how many distinct exams each domain, and so
the banks, can fill (its share against the exam weight stays in the table and the JSON).

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

EXAM_QUESTIONS = 65
"""The length of the exam whose forms the report counts."""

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
    """One exam domain: its questions, their share against its exam weight (both in percent), and
    how many distinct exams of ``EXAM_QUESTIONS`` it can fill at ``per_exam`` questions each."""

    domain: int
    name: str
    questions: int
    share: float
    exam_weight: int
    under: bool
    per_exam: int = 0
    forms: int = 0

    @property
    def short(self) -> bool:
        """Too few questions for its part of one exam on the blueprint."""
        return self.forms == 0

    def to_json(self) -> dict[str, object]:
        return {
            "domain": self.domain,
            "name": self.name,
            "questions": self.questions,
            "share_percent": round(self.share, 1),
            "exam_weight_percent": self.exam_weight,
            "under_weight": self.under,
            "per_exam": self.per_exam,
            "forms": self.forms,
            "short": self.short,
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
            "domains_short": [item.domain for item in self.domains if item.short],
            "exam_questions": EXAM_QUESTIONS,
            "forms": self.forms,
        }

    @property
    def forms(self) -> int:
        """Distinct exams on the blueprint the questions have room for: the fewest of any domain."""
        return min((domain.forms for domain in self.domains), default=0)


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
    from studykit.engine.exam_forms import official_counts

    per_exam = official_counts(EXAM_QUESTIONS)
    domains = []
    for number, name in DOMAINS.items():
        count = sum(question.domain == number for question in questions)
        share = 100 * count / len(questions) if questions else 0.0
        weight = EXAM_DOMAIN_WEIGHTS[number]
        need = per_exam[number]
        domains.append(
            DomainCoverage(
                number, name, count, share, weight, share < weight, need, count // need if need else 0
            )
        )
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
    lines += [
        "",
        f"Domains (questions per {EXAM_QUESTIONS}-question exam on the AIF-C01 blueprint, and",
        "the distinct exams each domain can fill; ! = not even one)",
    ]
    lines.append(f"  {'domain':<46}{'qs':>5}{'share':>7}{'weight':>7}{'/exam':>6}{'exams':>6}")
    for domain in coverage.domains:
        mark = "!" if domain.short else " "
        name = _fit(f"{domain.domain} {domain.name}", 46)
        lines.append(
            f"{mark} {name:<46}{domain.questions:>5}{domain.share:>6.0f}%{domain.exam_weight:>6}%"
            f"{domain.per_exam:>6}{domain.forms:>6}"
        )
    low = sum(row.low for row in coverage.concepts)
    short = sum(domain.short for domain in coverage.domains)
    tail = f" ({short} domain(s) cannot fill one)" if short else ""
    lines.append(f"Room for {coverage.forms} distinct {EXAM_QUESTIONS}-question exam(s){tail}.")
    lines += ["", f"{low} concept(s) below {coverage.threshold} questions."]
    return lines


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"

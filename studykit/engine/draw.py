"""Drawing a practice session from a question pool: filtered, weighted, seeded, never repeating.

Stable API:

- :class:`Filters` — topics (concept ids), domains, kinds, case studies; empty means "any".
- :func:`draw_session(pool, count, rng, filters=Filters(), weight=None, tier=None) <draw_session>` →
  questions; the questions of a case study come together and in order.
- :func:`question_units(questions)` — the questions grouped as a draw takes them (case studies whole).
- :func:`balanced_weight(pool)` — the default weight: every kind gets the same share of a
  session and every domain its AIF-C01 exam weight, so the many generated true/false
  questions do not crowd out the rest.

The caller passes the ``random.Random``: the same seed draws the same session.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from studykit.questions.model import Kind, Question

EXAM_DOMAIN_WEIGHTS = {1: 0.20, 2: 0.24, 3: 0.28, 4: 0.14, 5: 0.14}
"""AIF-C01 domain weights of scored content (../shared/EXAM.md)."""

Weight = Callable[[Question], float]
Tier = Callable[[tuple[Question, ...]], int]
"""Which rank a unit (a question or a case study) is drawn in: lower tiers first."""


@dataclass(frozen=True)
class Filters:
    """Which questions may be drawn. A question passes when it tests any of ``topics``, and is of
    one of ``kinds`` or, with ``case_studies``, part of a case study (``quiz --kind case_study``)."""

    topics: frozenset[str] = frozenset()
    domains: frozenset[int] = frozenset()
    kinds: frozenset[Kind] = frozenset()
    case_studies: bool = False

    def accepts(self, question: Question) -> bool:
        return (
            (not self.topics or not self.topics.isdisjoint(question.concepts))
            and (not self.domains or question.domain in self.domains)
            and self._kind_accepts(question)
        )

    def _kind_accepts(self, question: Question) -> bool:
        if not self.kinds and not self.case_studies:
            return True
        return question.kind in self.kinds or (self.case_studies and question.case is not None)

    def apply(self, pool: Iterable[Question]) -> list[Question]:
        return [question for question in pool if self.accepts(question)]


def balanced_weight(pool: Sequence[Question]) -> Weight:
    """Within a domain, every kind present gets an equal share; domains follow the exam weights."""
    cells = Counter((question.domain, question.kind) for question in pool)

    def weight(question: Question) -> float:
        return EXAM_DOMAIN_WEIGHTS.get(question.domain, 0.1) / cells[(question.domain, question.kind)]

    return weight


def question_units(questions: Iterable[Question]) -> list[tuple[Question, ...]]:
    """The questions grouped into what a draw takes whole: one question, or every question of a case
    study, in the case's order, where its first question stands in the pool."""
    units: list[list[Question]] = []
    by_case: dict[str, list[Question]] = {}
    for question in questions:
        if question.case is None:
            units.append([question])
        elif question.case.id in by_case:
            by_case[question.case.id].append(question)
        else:
            by_case[question.case.id] = [question]
            units.append(by_case[question.case.id])
    return [tuple(sorted(unit, key=_case_position)) for unit in units]


def _case_position(question: Question) -> int:
    number = question.case.part_number(question.id) if question.case is not None else None
    return number if number is not None else 0


def draw_session(
    pool: Sequence[Question],
    count: int,
    rng: random.Random,
    filters: Filters = Filters(),
    weight: Weight | None = None,
    tier: Tier | None = None,
) -> list[Question]:
    """Up to ``count`` distinct questions that pass ``filters``, chosen with probability ∝ ``weight``.

    Weighted sampling without replacement (Efraimidis–Spirakis): each unit (a question, or a whole
    case study, see :func:`question_units`) gets the key ``u ** (1 / w)`` for a uniform ``u``; the
    largest keys win. ``tier`` ranks units first (0 before 1…): the adaptive draw puts unseen
    questions before weak ones, and recently answered ones last. A case study is taken whole and in
    order, or not at all, unless it is all there is. Fewer questions than ``count`` pass? All of
    them are returned.
    """
    unique = list({question.id: question for question in filters.apply(pool)}.values())
    weigh = weight or balanced_weight(unique)
    keyed = []
    for unit in question_units(unique):
        w = sum(weigh(question) for question in unit) / len(unit)
        u = rng.random()
        key = math.log(u) / w if w > 0 and u > 0 else -math.inf
        keyed.append((-(tier(unit) if tier else 0), key, unit[0].id, unit))
    keyed.sort(key=lambda item: (item[0], item[1], item[2]), reverse=True)
    chosen: list[tuple[Question, ...]] = []
    chosen_ids: set[str] = set()
    taken = 0
    for _, group in groupby(keyed, key=lambda item: item[0]):
        ranked = [unit for _, _, _, unit in group]
        seen: set[str] = set()
        for first_pass in (True, False):  # first: one question per claim family; then the rest
            for unit in ranked:
                family = similarity_key(unit[0])
                if unit[0].id in chosen_ids or not _fits(unit, taken, count):
                    continue
                if first_pass and family is not None and family in seen:
                    continue
                chosen.append(unit)
                chosen_ids.add(unit[0].id)
                taken += len(unit)
                if family:
                    seen.add(family)
    if not chosen and keyed:  # a case study longer than the whole session is still asked
        chosen.append(keyed[0][3])
    return [question for unit in chosen for question in unit]


def _fits(unit: tuple[Question, ...], taken: int, count: int) -> bool:
    return taken + len(unit) <= count


def similarity_key(question: Question) -> str | None:
    """Generated questions built from the same claim ("X trains on …" true and false, windows of
    one sequence) share a key; a session takes one of them while others remain."""
    generator = question.origin.generator
    if not generator:
        return None
    family, _, claim = generator.partition(": ")
    return family + ": " + re.split(r"[=:]", claim, maxsplit=1)[0]

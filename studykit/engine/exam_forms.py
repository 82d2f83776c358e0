"""Exam forms: each exam on the AIF-C01 blueprint, and successive exams without a repeated question.

A form takes, per domain, the number of questions :func:`~studykit.engine.blueprint.exam_blueprint`
gives it. Questions are ranked by how many earlier exams used them (unused first), then by whether
the learner answered them in the last few sessions (those last), then by a seeded weighted key; the
form is filled from the top of that ranking, so successive exams share no question until the pool
runs out, and then reuse the questions used least. A case study is one unit, taken whole and in
order; it counts one question per question toward its domain, so a form that must fit one may
give a domain one question more or fewer than its exact share, never further off.

:func:`blueprint_shortfall` says which domains a pool cannot fill at the official weights, so an
instructor's bank is told what is missing before an exam starts.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from studykit.engine.adaptive import RECENT, PracticeHistory
from studykit.engine.blueprint import EXAM_DOMAIN_WEIGHTS, Blueprint, exam_blueprint
from studykit.engine.draw import balanced_weight, question_units
from studykit.questions.model import Question

Unit = tuple[Question, ...]


@dataclass(frozen=True)
class Shortfall:
    """A domain the pool cannot fill: the official blueprint needs ``needed``, the pool has ``available``."""

    domain: int
    needed: int
    available: int


@dataclass(frozen=True)
class ExamForm:
    """One exam's questions in the order asked, its blueprint, how many questions an earlier exam
    already used (0 while the pool still has fresh forms), what the pool lacks for the official
    blueprint, what its authored questions alone lack (generated ones may fill that in), and how
    many more forms of questions no exam has used are left after this one."""

    questions: list[Question]
    blueprint: Blueprint
    reused: int
    shortfall: tuple[Shortfall, ...]
    authored_shortfall: tuple[Shortfall, ...] = ()
    fresh_after: int = 0

    @property
    def counts(self) -> dict[int, int]:
        return dict(Counter(question.domain for question in self.questions))


def official_counts(questions: int, weights: Mapping[int, int] = EXAM_DOMAIN_WEIGHTS) -> dict[int, int]:
    """Questions per domain at the official weights, every domain included."""
    return dict(exam_blueprint(questions, dict.fromkeys(weights, questions), weights).counts)


def blueprint_shortfall(questions: int, available: Mapping[int, int]) -> tuple[Shortfall, ...]:
    """The domains whose questions in the pool are fewer than an exam of ``questions`` needs."""
    return tuple(
        Shortfall(domain, needed, available.get(domain, 0))
        for domain, needed in official_counts(questions).items()
        if available.get(domain, 0) < needed
    )


def draw_form(
    pool: Sequence[Question],
    questions: int,
    rng: random.Random,
    history: PracticeHistory | None = None,
) -> ExamForm:
    """The next exam form for a learner with ``history`` (none: a learner with no progress)."""
    history = history or PracticeHistory.empty()
    unique = list({question.id: question for question in pool}.values())
    available = Counter(question.domain for question in unique)
    blueprint = exam_blueprint(questions, available)  # ValueError when the pool is empty
    weigh = balanced_weight(unique)
    ranked = []
    for unit in question_units(unique):
        w = sum(weigh(question) for question in unit) / len(unit)
        u = rng.random()
        key = math.log(u) / w if w > 0 and u > 0 else -math.inf
        uses = max(history.exam_uses.get(question.id, 0) for question in unit)
        recent = history.tier(unit) == RECENT
        ranked.append(((uses, recent, -key, unit[0].id), unit))
    ranked.sort(key=lambda item: item[0])
    bounds = {domain: blueprint.bounds(domain) for domain, _ in blueprint.counts}
    chosen = _fill([unit for _, unit in ranked], dict(blueprint.counts), bounds, blueprint.total)
    rng.shuffle(chosen)
    drawn = [question for unit in chosen for question in unit]
    reused = sum(history.exam_uses.get(question.id, 0) > 0 for question in drawn)
    authored = Counter(question.domain for question in unique if not question.generated)
    return ExamForm(
        drawn,
        blueprint,
        reused,
        blueprint_shortfall(questions, available),
        blueprint_shortfall(questions, authored),
        0 if reused else fresh_forms_left(unique, blueprint, history, drawn),
    )


def fresh_forms_left(
    pool: Sequence[Question], blueprint: Blueprint, history: PracticeHistory, drawn: Sequence[Question]
) -> int:
    """How many more forms like ``blueprint`` the questions of ``pool`` that no exam has used, this
    one included, could fill, counted per domain (a case study that does not fit may make it one
    fewer; the form that reuses questions says so)."""
    taken = {question.id for question in drawn}
    unused = Counter(
        question.domain
        for question in pool
        if question.id not in taken and not history.exam_uses.get(question.id, 0)
    )
    needs = [(domain, count) for domain, count in blueprint.counts if count > 0]
    return min((unused[domain] // count for domain, count in needs), default=0)


def _fill(
    ranked: list[Unit], targets: dict[int, int], bounds: Mapping[int, tuple[int, int]], total: int
) -> list[Unit]:
    """Units from the top of ``ranked`` that meet ``targets`` exactly when they can, else ``bounds``.

    First pass: a unit fits when no domain goes over its target. If the form is still short (only
    case studies larger than the gap remain), a second pass takes such a unit and gives back the
    lowest-ranked single questions it displaces, so that every domain ends within its bounds (one
    question of its exact share) and the form has ``total`` questions.
    """
    counts: Counter[int] = Counter()
    chosen: list[Unit] = []
    for unit in ranked:
        need = Counter(question.domain for question in unit)
        if all(counts[d] + n <= targets.get(d, 0) for d, n in need.items()):
            chosen.append(unit)
            counts.update(need)
    for unit in ranked:
        if _complete(chosen, bounds, total):
            break
        if any(unit is taken for taken in chosen) or not _helps(unit, chosen, bounds, total):
            continue
        swapped = _swap_in(chosen, unit, targets, bounds, total)
        if swapped is not None:
            chosen = swapped
    return chosen


def _complete(chosen: list[Unit], bounds: Mapping[int, tuple[int, int]], total: int) -> bool:
    counts = Counter(question.domain for unit in chosen for question in unit)
    return _size(chosen) >= total and all(counts[d] >= low for d, (low, _) in bounds.items())


def _helps(unit: Unit, chosen: list[Unit], bounds: Mapping[int, tuple[int, int]], total: int) -> bool:
    """Whether ``unit`` brings questions to a domain still under its lower bound (or the form is short)."""
    if _size(chosen) < total:
        return True
    counts = Counter(question.domain for taken in chosen for question in taken)
    return any(counts[question.domain] < bounds.get(question.domain, (0, 0))[0] for question in unit)


def _swap_in(
    chosen: list[Unit],
    unit: Unit,
    targets: Mapping[int, int],
    bounds: Mapping[int, tuple[int, int]],
    total: int,
) -> list[Unit] | None:
    """``chosen`` with ``unit`` added and the fewest lowest-ranked single questions given back, so
    that the form holds at most ``total`` questions, the unit's domains stay under their upper
    bounds and no domain goes under its lower bound; None when no such give-back exists. A domain
    still short is filled by a later swap."""
    counts = Counter(question.domain for taken in chosen for question in taken)
    added = Counter(question.domain for question in unit)
    counts.update(added)
    over = _size(chosen) + len(unit) - total
    given_back: set[int] = set()
    for above_target in (True, False):  # give back from domains above their target first
        for index in range(len(chosen) - 1, -1, -1):
            taken = chosen[index]
            domain = taken[0].domain
            wanted = over > 0 or counts[domain] > bounds.get(domain, (0, 0))[1]
            if not wanted or len(taken) != 1 or index in given_back:
                continue
            floor = targets.get(domain, 0) + 1 if above_target else bounds.get(domain, (0, 0))[0] + 1
            if counts[domain] >= floor:
                given_back.add(index)
                counts[domain] -= 1
                over -= 1
    if over > 0 or any(counts[domain] > bounds.get(domain, (0, 0))[1] for domain in added):
        return None
    return [taken for index, taken in enumerate(chosen) if index not in given_back] + [unit]


def _size(units: Sequence[Unit]) -> int:
    return sum(len(unit) for unit in units)

"""Classical item analysis of a class's answers, after Moodle's quiz statistics report.

Stable API: :func:`analyze(learners, questions, min_answers=5) <analyze>` → :class:`Analysis`.

What counts, as Moodle does by default: each learner's *first* answer to a question (later ones
follow the feedback they saw). Answers to questions not in the pool, or that no longer fit the
question (an index it does not have, or a right/wrong that the current key disagrees with: the
question was edited since), are left out and counted.

Per question:

- **facility**: the share of learners who answered it right (Moodle's facility index, 0–1).
- **discrimination**: Moodle's discrimination index, the correlation between the item score (1 or
  0) and the score on the rest of the test, over learners who answered it and something else.
  Learners answer different questions, so a learner's rest-of-test score is the share right of
  their other questions. ``None`` with fewer than three such learners or no spread.
- **upper_lower**: facility in the top third of those learners (by rest-of-test score) minus
  facility in the bottom third: the older top-against-bottom index. Learners tied with the last
  one in a third join it; ``None`` when the two thirds would meet (no spread).
- **choices**: per option, how many learners chose it (choice kinds); per step or pair, how many
  placed it right (ordering, matching). ``top_choices``: the same in the top third.

Flags, raised only with at least ``min_answers`` learners: ``too-easy`` (facility ≥ 0.9),
``too-hard`` (< 0.3), ``negative-discrimination`` (below 0), ``unused-distractor`` (a wrong
option nobody chose), ``strong-pick-distractor`` (the top third chose a wrong option more often
than the key: a likely wrong key).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from studykit.analysis.exports import GivenAnswer, Learner
from studykit.questions.model import ChoiceAnswer, Kind, MatchAnswer, OrderAnswer, Question, check_answer

TOO_EASY = 0.9
TOO_HARD = 0.3
FLAGS = {
    "too-easy": f"facility {TOO_EASY:.0%} or more: nearly all get it right",
    "too-hard": f"facility under {TOO_HARD:.0%}: check the key and wording",
    "negative-discrimination": "strong learners miss it more than weak ones",
    "unused-distractor": "a wrong option nobody chose: make it likelier",
    "strong-pick-distractor": "strong learners chose a wrong option over the key",
}
_CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE, Kind.TRUE_FALSE)


@dataclass(frozen=True)
class ItemStats:
    question: Question
    answered: int
    right: int
    discrimination: float | None
    upper_lower: float | None
    choices: tuple[int, ...]
    top_choices: tuple[int, ...]
    flags: tuple[str, ...] = ()

    @property
    def facility(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class GroupStats:
    """Questions of one concept or domain together."""

    key: str
    questions: int
    answered: int
    right: int
    flagged: int
    discrimination: float | None

    @property
    def facility(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class Analysis:
    learners: int
    answers: int
    items: tuple[ItemStats, ...]
    concepts: tuple[GroupStats, ...]
    domains: tuple[GroupStats, ...]
    unknown: int = 0
    stale: int = 0
    repeats: int = 0
    min_answers: int = 5


def analyze(
    learners: Sequence[Learner], questions: Sequence[Question], *, min_answers: int = 5, repeats: int = 0
) -> Analysis:
    """Statistics for every question at least one learner answered."""
    by_id = {question.id: question for question in questions}
    firsts: list[dict[str, GivenAnswer]] = []
    unknown = stale = 0
    for learner in learners:
        first: dict[str, GivenAnswer] = {}
        for given in learner.answers:
            if given.question in first:
                continue
            question = by_id.get(given.question)
            if question is None:
                unknown += 1
            elif not _fits(question, given):
                stale += 1
            else:
                first[given.question] = given
        if first:
            firsts.append(first)
    totals = [(sum(given.correct for given in first.values()), len(first)) for first in firsts]
    items = []
    for question in questions:
        takers = [(index, first[question.id]) for index, first in enumerate(firsts) if question.id in first]
        if takers:
            items.append(_item(question, takers, totals, min_answers))
    return Analysis(
        learners=len(firsts),
        answers=sum(len(first) for first in firsts),
        items=tuple(items),
        concepts=_groups(items, lambda item: item.question.concept or "(no concept)"),
        domains=_groups(items, lambda item: str(item.question.domain or "-")),
        unknown=unknown,
        stale=stale,
        repeats=repeats,
        min_answers=min_answers,
    )


def _fits(question: Question, given: GivenAnswer) -> bool:
    """Whether the answer still fits the question: the right kind, parts it has, the same verdict."""
    try:
        return check_answer(question, given.answer) == given.correct
    except ValueError:
        return False


def _item(
    question: Question, takers: list[tuple[int, GivenAnswer]], totals: list[tuple[int, int]], min_answers: int
) -> ItemStats:
    scores = [int(given.correct) for _, given in takers]
    rested = [
        (score, (totals[index][0] - score) / (totals[index][1] - 1), given)
        for score, (index, given) in zip(scores, takers, strict=True)
        if totals[index][1] > 1
    ]
    discrimination = correlation([x for x, _, _ in rested], [rest for _, rest, _ in rested])
    upper_lower = None
    top: list[GivenAnswer] = []
    if len(rested) >= 3:
        rests = sorted(rest for _, rest, _ in rested)
        size = max(1, round(len(rests) / 3))
        high, low = rests[-size], rests[size - 1]  # a third each way; learners tied at the edge join
        top_rows = [row for row in rested if row[1] >= high]
        bottom = [row for row in rested if row[1] <= low]
        if high > low:
            upper_lower = _share(top_rows) - _share(bottom)
            top = [given for _, _, given in top_rows]
    item = ItemStats(
        question,
        len(takers),
        sum(scores),
        discrimination,
        upper_lower,
        part_counts(question, (given for _, given in takers)),
        part_counts(question, top),
    )
    return dataclasses.replace(item, flags=_flags(item, min_answers, bool(top)))


def _share(rows: list[tuple[int, float, GivenAnswer]]) -> float:
    return sum(score for score, _, _ in rows) / len(rows)


def part_counts(question: Question, answers: Iterable[GivenAnswer]) -> tuple[int, ...]:
    """Per option how many chose it; per step or pair how many placed it right."""
    counts = [0] * question.size
    for given in answers:
        answer = given.answer
        if isinstance(answer, ChoiceAnswer):
            for index in answer.chosen:
                counts[index] += 1
        elif isinstance(answer, OrderAnswer):
            for position, index in enumerate(answer.order):
                counts[index] += position == index
        elif isinstance(answer, MatchAnswer):
            for prompt, chosen in enumerate(answer.matches):
                counts[prompt] += prompt == chosen
    return tuple(counts)


def _flags(item: ItemStats, min_answers: int, has_top: bool) -> tuple[str, ...]:
    if item.answered < min_answers:
        return ()
    flags = []
    if item.facility >= TOO_EASY:
        flags.append("too-easy")
    elif item.facility < TOO_HARD:
        flags.append("too-hard")
    if item.discrimination is not None and item.discrimination < 0:
        flags.append("negative-discrimination")
    question = item.question
    unused = [i for i, option in enumerate(question.options) if not option.correct and not item.choices[i]]
    if question.kind in (Kind.SINGLE, Kind.MULTIPLE) and unused:
        flags.append("unused-distractor")
    if question.kind in _CHOICE_KINDS and has_top:
        keys = [item.top_choices[i] for i in question.correct_indexes]
        wrong = [item.top_choices[i] for i, option in enumerate(question.options) if not option.correct]
        if wrong and max(wrong) > min(keys):
            flags.append("strong-pick-distractor")
    return tuple(flags)


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r (for a 0/1 ``xs``, the point-biserial); None below three pairs or without spread."""
    count = len(xs)
    if count < 3:
        return None
    mean_x, mean_y = sum(xs) / count, sum(ys) / count
    spread_x = sum((x - mean_x) ** 2 for x in xs)
    spread_y = sum((y - mean_y) ** 2 for y in ys)
    if spread_x == 0 or spread_y == 0:
        return None
    together = math.fsum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return round(together / math.sqrt(spread_x * spread_y), 12) + 0.0  # no -0.0 from rounding error


def _groups(items: Sequence[ItemStats], key_of: Callable[[ItemStats], str]) -> tuple[GroupStats, ...]:
    grouped: dict[str, list[ItemStats]] = {}
    for item in items:
        grouped.setdefault(key_of(item), []).append(item)
    found = []
    for key, members in sorted(grouped.items()):
        known = [item.discrimination for item in members if item.discrimination is not None]
        found.append(
            GroupStats(
                key,
                len(members),
                sum(item.answered for item in members),
                sum(item.right for item in members),
                sum(bool(item.flags) for item in members),
                sum(known) / len(known) if known else None,
            )
        )
    return tuple(found)

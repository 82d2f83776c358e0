"""Drawing a practice session from a question pool: filtered, weighted, seeded, never repeating.

Stable API:

- :class:`Filters` — topics (concept ids), domains, kinds; empty means "any".
- :func:`draw_session(pool, count, rng, filters=Filters(), weight=None) <draw_session>` → questions.
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

from studykit.questions.model import Kind, Question

EXAM_DOMAIN_WEIGHTS = {1: 0.20, 2: 0.24, 3: 0.28, 4: 0.14, 5: 0.14}
"""AIF-C01 domain weights of scored content (../shared/EXAM.md)."""

Weight = Callable[[Question], float]


@dataclass(frozen=True)
class Filters:
    """Which questions may be drawn. A question passes when it tests any of ``topics``."""

    topics: frozenset[str] = frozenset()
    domains: frozenset[int] = frozenset()
    kinds: frozenset[Kind] = frozenset()

    def accepts(self, question: Question) -> bool:
        return (
            (not self.topics or not self.topics.isdisjoint(question.concepts))
            and (not self.domains or question.domain in self.domains)
            and (not self.kinds or question.kind in self.kinds)
        )

    def apply(self, pool: Iterable[Question]) -> list[Question]:
        return [question for question in pool if self.accepts(question)]


def balanced_weight(pool: Sequence[Question]) -> Weight:
    """Within a domain, every kind present gets an equal share; domains follow the exam weights."""
    cells = Counter((question.domain, question.kind) for question in pool)

    def weight(question: Question) -> float:
        return EXAM_DOMAIN_WEIGHTS.get(question.domain, 0.1) / cells[(question.domain, question.kind)]

    return weight


def draw_session(
    pool: Sequence[Question],
    count: int,
    rng: random.Random,
    filters: Filters = Filters(),
    weight: Weight | None = None,
) -> list[Question]:
    """Up to ``count`` distinct questions that pass ``filters``, chosen with probability ∝ ``weight``.

    Weighted sampling without replacement (Efraimidis–Spirakis): each question gets the key
    ``u ** (1 / w)`` for a uniform ``u``; the largest keys win. Fewer questions than ``count``
    pass? All of them are returned, in random order.
    """
    unique = list({question.id: question for question in filters.apply(pool)}.values())
    weigh = weight or balanced_weight(unique)
    keyed = []
    for question in unique:
        w = weigh(question)
        u = rng.random()
        keyed.append((math.log(u) / w if w > 0 and u > 0 else -math.inf, question.id, question))
    keyed.sort(key=lambda item: (item[0], item[1]), reverse=True)
    ranked = [question for _, _, question in keyed]
    chosen: list[Question] = []
    seen: set[str] = set()
    for question in ranked:  # first pass: one question per claim family
        family = similarity_key(question)
        if len(chosen) < count and (family is None or family not in seen):
            chosen.append(question)
            if family:
                seen.add(family)
    chosen_ids = {question.id for question in chosen}
    chosen += [question for question in ranked if question.id not in chosen_ids][
        : max(count - len(chosen), 0)
    ]
    return chosen


def similarity_key(question: Question) -> str | None:
    """Generated questions built from the same claim ("X trains on …" true and false, windows of
    one sequence) share a key; a session takes one of them while others remain."""
    generator = question.origin.generator
    if not generator:
        return None
    family, _, claim = generator.partition(": ")
    return family + ": " + re.split(r"[=:]", claim, maxsplit=1)[0]

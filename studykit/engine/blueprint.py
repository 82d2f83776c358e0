"""How many questions of each exam domain an exam draws, following the AIF-C01 weights.

The real exam weights its five domains 20/24/28/14/14 % (``EXAM_DOMAIN_WEIGHTS``;
source: the AIF-C01 exam guide). studykit's banks need not cover every domain, so
the weights are renormalised over the domains the pool covers, then turned into
whole questions by largest-remainder rounding: the counts always add up to the
exam length and each domain gets its exact share rounded down or up, never further
off. A domain with too few questions gives what it has and the shortfall is shared
out the same way among the others.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

EXAM_DOMAIN_WEIGHTS: dict[int, int] = {1: 20, 2: 24, 3: 28, 4: 14, 5: 14}
"""Percent of scored content per domain, from the AIF-C01 exam guide:
https://docs.aws.amazon.com/aws-certification/latest/examguides/ai-practitioner-01.html"""


@dataclass(frozen=True)
class Blueprint:
    """Questions per domain for one exam; ``shares`` are the renormalised weights used."""

    counts: tuple[tuple[int, int], ...]
    shares: tuple[tuple[int, Fraction], ...]
    requested: int
    quotas: tuple[tuple[int, Fraction], ...] = ()
    """Each domain's exact share of the questions before rounding (a domain the pool caps: its count)."""

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)

    @property
    def short(self) -> bool:
        """True when the pool held fewer questions than were asked for."""
        return self.total < self.requested

    def count(self, domain: int) -> int:
        return dict(self.counts).get(domain, 0)

    def bounds(self, domain: int) -> tuple[int, int]:
        """The fewest and most questions ``domain`` may have and stay within one of its exact share
        (a form holding a case study may need that room)."""
        quota = dict(self.quotas).get(domain)
        if quota is None:
            return self.count(domain), self.count(domain)
        return max(0, math.ceil(quota - 1)), math.floor(quota + 1)


def exam_blueprint(
    questions: int,
    available: Mapping[int, int],
    weights: Mapping[int, int] = EXAM_DOMAIN_WEIGHTS,
) -> Blueprint:
    """Split ``questions`` over the weighted domains that have questions in ``available``.

    ``available`` maps an exam domain to how many distinct questions the pool has for it.
    When the pool holds fewer questions than asked, the blueprint takes them all.
    """
    if questions < 1:
        raise ValueError("an exam needs at least one question")
    covered = {domain: available[domain] for domain in sorted(weights) if available.get(domain, 0) > 0}
    if not covered:
        raise ValueError("the pool has no questions in any exam domain")
    weight_sum = sum(weights[domain] for domain in covered)
    shares = {domain: Fraction(weights[domain], weight_sum) for domain in covered}
    counts: dict[int, int] = {}
    exact: dict[int, Fraction] = {}
    open_domains = dict(covered)
    left = min(questions, sum(covered.values()))
    while open_domains:
        open_weight = sum(shares[domain] for domain in open_domains)
        quotas = {domain: left * shares[domain] / open_weight for domain in open_domains}
        capped = {domain for domain, quota in quotas.items() if quota > open_domains[domain]}
        if not capped:
            counts.update(_largest_remainder(quotas, left))
            exact.update(quotas)
            break
        for domain in capped:
            counts[domain] = open_domains.pop(domain)
            exact[domain] = Fraction(counts[domain])
            left -= counts[domain]
    return Blueprint(
        counts=tuple(sorted(counts.items())),
        shares=tuple(sorted(shares.items())),
        requested=questions,
        quotas=tuple(sorted(exact.items())),
    )


def _largest_remainder(quotas: Mapping[int, Fraction], total: int) -> dict[int, int]:
    """Round ``quotas`` (which add up to ``total``) to whole numbers that still add up to it."""
    counts = {domain: math.floor(quota) for domain, quota in quotas.items()}
    by_remainder = sorted(quotas, key=lambda domain: (-(quotas[domain] - counts[domain]), domain))
    for domain in by_remainder[: total - sum(counts.values())]:
        counts[domain] += 1
    return counts

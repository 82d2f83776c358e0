"""Finding pairs of word sets that overlap a lot, without comparing every pair.

A bank of 20,000 questions has 200 million pairs of stems; the similar-stem lint rule needs only
the pairs whose word sets share at least a share ``t`` of their words (Jaccard similarity). This
is the prefix and positional filtering of PPJoin (Xiao et al., "Efficient similarity joins for
near duplicate detection", WWW 2008), in its simplest form:

- words are ranked rarest first across all sets; two sets with Jaccard ≥ t share at least one
  word among each set's first ``n - ceil(t n) + 1`` (its *prefix*), so only sets met through an
  index of prefix words are candidates. Sets are taken smallest first, so a set already indexed
  is never the larger of a pair, and it needs only its first ``n - ceil(2t n / (1 + t)) + 1``
  words in the index (AllPairs, Bayardo et al., WWW 2007);
- a candidate whose possible overlap (the shared words seen so far, plus the fewest words either
  set has left) cannot reach the ``ceil(t (n + m) / (1 + t))`` words Jaccard ≥ t needs is dropped.

The result is exact: the same pairs a comparison of every pair would find.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterator, Sequence


def overlapping_earlier(
    word_lists: Sequence[Collection[str]], threshold: float
) -> Iterator[tuple[int, list[int]]]:
    """For each list (by index), the earlier ones that share ``threshold`` of their distinct words.

    Yields ``(later, [earlier, …])``, in index order, only for lists that have such earlier ones.
    Each list is held as a tuple of its words (a set is built for one list at a time), so the
    memory used stays close to that of the words themselves.
    """
    frequency = Counter(word for words in word_lists for word in set(words))
    ranked = [tuple(sorted(set(words), key=lambda word: (frequency[word], word))) for words in word_lists]
    index: dict[str, list[tuple[int, int, int]]] = {}
    similar: dict[int, list[int]] = {}
    shared_share = 2 * threshold / (1 + threshold)
    for current in sorted(range(len(ranked)), key=lambda number: (len(ranked[number]), number)):
        words = ranked[current]
        size = len(words)
        if not size:
            continue
        counts: dict[int, int] = {}
        # Overlap a list of each size needs; too small a list can never reach the threshold.
        needed = [
            math.ceil(threshold * (size + other) / (1 + threshold) - 1e-9)
            if other >= threshold * size
            else size + 1
            for other in range(size + 1)
        ]
        for position, word in enumerate(words[: size - math.ceil(threshold * size) + 1]):
            left = size - position - 1
            for other, other_position, other_size in index.get(word, ()):
                seen = counts.get(other, 0)
                if seen >= 0:
                    other_left = other_size - other_position - 1
                    reach = seen + 1 + (left if left < other_left else other_left)
                    counts[other] = seen + 1 if reach >= needed[other_size] else -1
        present = frozenset(words)
        for other, seen in counts.items():
            if seen > 0:
                shared = len(present.intersection(ranked[other]))
                if shared / (size + len(ranked[other]) - shared) >= threshold:
                    similar.setdefault(max(current, other), []).append(min(current, other))
        # Lists come shortest first, so one already indexed is never the longer of a pair: a
        # shorter prefix is enough in the index.
        for position, word in enumerate(words[: size - math.ceil(shared_share * size - 1e-9) + 1]):
            index.setdefault(word, []).append((current, position, size))
    for later in sorted(similar):
        yield later, sorted(similar[later])

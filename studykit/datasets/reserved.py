"""Find a model's reserved words ("User:", "<image>", …) in training text, ignoring case.

Nova fails a whole customization job when one of its reserved words appears anywhere in
the text, so every text of every record is searched: this has to be quick.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_Group = tuple[str, str | None, dict[str, tuple[tuple[str, str], ...]]]
_Scan = Callable[[str], object]


class ReservedWords:
    """``first_in(text)``: the first of the words found in ``text`` ignoring case, else None.

    "Ignoring case" means as ``str.lower`` sees it. The search looks only where a word's
    last character occurs (":", ">", "]" for Nova's words) and goes on only if the character
    before it can end the rest of a word; it lower-cases just those few characters, not the
    text. That is exact when the last character is ASCII and not a letter: the only
    characters whose lower case is ASCII are ASCII letters, "İ" (two characters, never
    inside a match) and the Kelvin sign ("k"). Words ending in a letter are searched in the
    lower-cased text instead.
    """

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        groups: dict[str, list[str]] = {}
        # A word whose lower case has another length (it holds "İ") cannot be matched position
        # by position in the text as written: it is looked for in the lower-cased text instead.
        self._by_lowering = tuple(word for word in words if word and len(word.lower()) != len(word))
        for word in words:
            if word and word not in self._by_lowering:
                groups.setdefault(word.lower()[-1], []).append(word)
        self._as_is: list[_Group] = []  # searched in the text itself
        self._lowered: list[_Group] = []  # searched in the lower-cased text
        for last, group in groups.items():
            whole = next((word for word in group if len(word) == 1), None)
            by_before: dict[str, list[tuple[str, str]]] = {}
            for word in group:
                prefix = word.lower()[:-1]
                if prefix:
                    # Keyed by each ASCII character that lower-cases to the prefix's end, so
                    # most lookups need no str.lower; other characters are lowered first.
                    for before in {prefix[-1], prefix[-1].upper() if prefix[-1].isascii() else prefix[-1]}:
                        by_before.setdefault(before, []).append((prefix, word))
            entry = (last, whole, {key: tuple(value) for key, value in by_before.items()})
            (self._as_is if last.isascii() and not last.isalpha() else self._lowered).append(entry)
        self._scans = tuple((group, _scan_for(group[0], words)) for group in self._as_is)

    def first_in(self, text: str) -> str | None:
        for group, scan in self._scans:
            if group[0] in text and (scan is None or scan(text)):
                found = _search(text, group)
                if found:
                    return found
        if self._lowered or self._by_lowering:
            lowered = text.lower()
            for group in self._lowered:
                found = _search(lowered, group)
                if found:
                    return found
            for word in self._by_lowering:
                if word.lower() in lowered:
                    return word
        return None


def _scan_for(last: str, words: tuple[str, ...]) -> _Scan | None:
    """A search in C that finds every match of the words ending in ``last`` (and maybe more).

    A regular expression looks for ``last``, then behind it for each word. ``re``'s IGNORECASE
    matches every character whose ``str.lower`` is a given ASCII letter (the Kelvin sign
    included) and a few more (long s, dotless i): it may say yes where :func:`_search` says
    no, never the reverse, and :func:`_search` then decides. Words that are not all ASCII get
    no scan.
    """
    members = [word for word in words if word and word.lower()[-1] == last]
    if not all(word.isascii() for word in members):
        return None
    behind = "|".join(f"(?<={re.escape(word)})" for word in members)
    return re.compile(f"{re.escape(last)}(?:{behind})", re.IGNORECASE).search


def _search(haystack: str, group: _Group) -> str | None:
    last, whole, by_before = group
    position = haystack.find(last)
    while position != -1:
        if whole:
            return whole
        if position:
            before = haystack[position - 1]
            candidates = by_before.get(before)
            if candidates is None and before > "\x7f":
                candidates = by_before.get(before.lower())
            if candidates:
                for prefix, word in candidates:
                    start = position - len(prefix)
                    if start >= 0 and haystack[start:position].lower() == prefix:
                        return word
        position = haystack.find(last, position + 1)
    return None


@lru_cache(maxsize=32)
def reserved_words(words: tuple[str, ...]) -> ReservedWords:
    """One prepared search per word list."""
    return ReservedWords(words)


def find_reserved(text: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` found in ``text``, ignoring case (see :class:`ReservedWords`)."""
    return reserved_words(words).first_in(text)

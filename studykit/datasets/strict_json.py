"""Parse one JSON record the way a strict reader would: no NaN or Infinity, no repeated keys.

Python's ``json`` accepts ``NaN`` and keeps the last of two equal keys without a word;
other parsers reject the first and may keep the other value, so a record that holds
either means different things to different readers. Both are reported instead.
"""

from __future__ import annotations

import json


class DuplicateKeyError(ValueError):
    """An object names the same key twice."""

    def __init__(self, key: str) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key = key


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not valid JSON")


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKeyError(key)
            seen.add(key)
    return record


_decode = json.JSONDecoder(parse_constant=_reject_constant, object_pairs_hook=_unique_keys).decode


def parse_record(text: str | bytes) -> object:
    """The value; ValueError (bad UTF-8 or JSON, NaN, a repeated key) or RecursionError if too deep."""
    return _decode(text.decode("utf-8") if isinstance(text, bytes) else text)

"""Reading rows back from the progress file without trusting them.

The file is the learner's: it may have been edited by hand or half-restored from a
backup. A row whose JSON or timestamps cannot be read is left out of what the
store returns (the rest of the history stays usable) instead of ending the
command with a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

DAMAGE = (ValueError, TypeError, KeyError, IndexError)
"""What decoding a damaged row raises (``json.JSONDecodeError`` is a ``ValueError``)."""


def readable(rows: Iterable[tuple], decode: Callable[[tuple], T]) -> list[T]:
    """``decode`` applied to each row, leaving out rows that cannot be decoded."""
    decoded = []
    for row in rows:
        try:
            decoded.append(decode(row))
        except DAMAGE:
            continue
    return decoded


def first_readable(rows: Iterable[tuple], decode: Callable[[tuple], T]) -> T | None:
    """The first row that decodes, or None."""
    for row in rows:
        try:
            return decode(row)
        except DAMAGE:
            continue
    return None


def text_list(text: str) -> tuple[str, ...]:
    """A JSON list of strings."""
    value = json.loads(text)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("expected a list of strings")
    return tuple(value)


def json_object(text: str) -> dict[str, object]:
    """A JSON object."""
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError("expected an object")
    return value


def object_list(text: str) -> tuple[dict[str, object], ...]:
    """A JSON list of objects."""
    value = json.loads(text)
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValueError("expected a list of objects")
    return tuple(value)

"""Where each value of a loaded YAML document is written.

A document holds tens of thousands of values and its checks ask where a few hundred of them
are. So the loader keeps where each value starts as one int, in a tree shaped like the data
(no key path is built per value), and a line and column is made only for a value asked about.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

KeyPath = tuple[str | int, ...]

# A parser's mark: libyaml's or the pure-Python parser's, each with a 0-based line and column.
Mark = Any

# Where a value starts: its mark's line and column packed in one int (line << 32 | column).
# Keeping the marks themselves added about 5 MB to the peak memory of linting a large bank.
Place = int
_COLUMN_BITS = 32


class Position(NamedTuple):
    """A 1-based line and column in a file."""

    line: int
    column: int


_COLUMN_MASK = (1 << _COLUMN_BITS) - 1
_new_tuple = tuple.__new__  # a Position without NamedTuple's Python-level __new__


def place_of(mark: Mark) -> Place:
    return mark.line << _COLUMN_BITS | mark.column


def position_of(place: Place) -> Position:
    return _new_tuple(Position, ((place >> _COLUMN_BITS) + 1, (place & _COLUMN_MASK) + 1))


class Branch:
    """A mapping or list of the document: the container the loader fills, where it starts, and
    where each of its values (a place, or the value's own branch) and each of its keys starts.

    ``key`` is the loader's state: for a mapping, the key read and awaiting its value, or
    ``NO_KEY`` while the next value read is a key; for a list, None.
    """

    __slots__ = ("container", "is_mapping", "key", "keys", "start", "values")

    def __init__(self, container: dict[object, object] | list[object], start: Place) -> None:
        self.container = container
        self.start = start
        self.is_mapping = type(container) is dict
        self.key: object = NO_KEY if self.is_mapping else None
        self.values: dict[object, object] | list[object] = {} if self.is_mapping else []
        self.keys: dict[object, Place] = {}


NO_KEY = object()


def _deepest(top: Branch, keypath: KeyPath) -> tuple[int, object, Place | None]:
    """How many steps of ``keypath`` the document holds, and the value and key place at the last of them.

    ``top`` holds the document's root as its only value; a value is a place, or a branch.
    """
    if not top.values:
        return -1, None, None
    found: object = top.values[0]
    key: Place | None = None
    depth = 0
    for step in keypath:
        if type(found) is not Branch:
            break
        values = found.values
        if found.is_mapping:
            if step not in values:
                break
            key = found.keys[step]
            found = values[step]  # type: ignore[call-overload]
        else:
            if not isinstance(step, int) or not 0 <= step < len(values):
                break
            key = None
            found = values[step]
        depth += 1
    return depth, found, key


def find_position(top: Branch, keypath: KeyPath, *, of_key: bool = False) -> Position:
    """Where ``keypath`` (or its key) is written, or its nearest ancestor if it is absent."""
    depth, found, key = _deepest(top, keypath)
    if depth < 0:
        return Position(1, 1)
    if of_key and key is not None:
        return position_of(key)
    return position_of(found.start if type(found) is Branch else found)


class PositionTable(Mapping[KeyPath, Position]):
    """Every value's (or key's) position by key path, read from the tree when asked."""

    def __init__(self, top: Branch, *, of_keys: bool) -> None:
        self._top = top
        self._of_keys = of_keys

    def __getitem__(self, keypath: KeyPath) -> Position:
        depth, found, key = _deepest(self._top, keypath)
        if depth != len(keypath) or (self._of_keys and key is None):
            raise KeyError(keypath)
        if self._of_keys:
            return position_of(key)
        return position_of(found.start if type(found) is Branch else found)

    def __iter__(self) -> Iterator[KeyPath]:
        if self._top.values:
            yield from _keypaths(self._top.values[0], (), self._of_keys)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _keypaths(found: object, keypath: KeyPath, of_keys: bool) -> Iterator[KeyPath]:
    if not of_keys:
        yield keypath
    if type(found) is not Branch:
        return
    steps = found.values.keys() if found.is_mapping else range(len(found.values))
    for step in steps:
        child: KeyPath = (*keypath, step)  # type: ignore[arg-type]
        if of_keys and found.is_mapping:
            yield child
        yield from _keypaths(found.values[step], child, of_keys)  # type: ignore[index]

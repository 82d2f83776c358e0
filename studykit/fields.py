"""Typed, located reading of YAML data: the building block of every strict schema check.

A :class:`Field` points at one value of a :class:`~studykit.yamlfile.YamlDocument`.
Its readers return a plain Python value or raise a :class:`StudykitError` naming the
file, line and column and saying how to fix it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from studykit.errors import StudykitError
from studykit.yamlfile import KeyPath, YamlDocument

_TYPE_NAMES = {
    dict: "a mapping (key: value lines)",
    list: "a list (lines starting with '- ')",
    str: "text",
    int: "a whole number",
    bool: "true or false",
}

_TYPE_HINTS = {
    dict: "write it as 'key: value' lines",
    list: "write one '- item' line per entry",
    str: "write text; quote it if it looks like a number, date or yes/no",
    int: "write a whole number such as 3",
    bool: "write true or false",
}


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``word``, if one is close enough to suggest."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


_UNSET = object()


class Field:
    """One value inside a YAML document, addressed by its key path.

    A plain slotted class (not a dataclass) holding its value: banks and content create
    thousands of fields on every load, and walking the key path again on each access showed.
    """

    __slots__ = ("_value", "document", "keypath")

    def __init__(self, document: YamlDocument, keypath: KeyPath = (), value: object = _UNSET) -> None:
        self.document = document
        self.keypath = tuple(keypath)
        self._value = value

    def __repr__(self) -> str:
        return f"Field({self.document.path!r}, {self.keypath!r})"

    @property
    def value(self) -> object:
        if self._value is _UNSET:
            data = self.document.data
            for key in self.keypath:
                data = data[key]  # type: ignore[index]
            self._value = data
        return self._value

    @property
    def name(self) -> str:
        """A readable path such as ``facts[2].source``."""
        text = ""
        for key in self.keypath:
            text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
        return text or "the file"

    @property
    def line(self) -> int:
        return self.document.position(self.keypath).line

    def error(self, message: str, hint: str | None = None, *, of_key: bool = False) -> StudykitError:
        return self.document.error(self.keypath, message, hint, of_key=of_key)

    def child(self, key: str | int) -> Field:
        container = self.value
        try:
            value = container[key]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            value = _UNSET
        return Field(self.document, (*self.keypath, key), value)

    def _expect(self, kind: type) -> object:
        value = self.value
        if type(value) is kind:
            return value
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            got = "nothing" if value is None else _TYPE_NAMES.get(type(value), type(value).__name__)
            raise self.error(f"{self.name} must be {_TYPE_NAMES[kind]}, not {got}", _TYPE_HINTS[kind])
        return value

    def mapping(self, required: Sequence[str], optional: Sequence[str] = ()) -> dict[str, Field]:
        """Check a mapping's keys: all required present, none unknown. Returns fields by key."""
        value = self._expect(dict)
        assert isinstance(value, dict)
        known = [*required, *optional]
        for key in value:
            if key not in known:
                guess = did_you_mean(str(key), known)
                hint = f"did you mean '{guess}'?" if guess else f"allowed keys: {', '.join(known)}"
                raise self.child(key).error(f"unknown key '{key}'", hint, of_key=True)
        self.require(required)
        document, keypath = self.document, self.keypath
        return {key: Field(document, (*keypath, key), item) for key, item in value.items()}

    def require(self, keys: Sequence[str]) -> None:
        """Check that a mapping (already read by :meth:`mapping`) has each of ``keys``."""
        value = self.value
        for key in keys:
            if key not in value:  # type: ignore[operator]
                raise self.error(f"{self.name} is missing '{key}'", f"add a '{key}:' line")

    def text(self, *, max_length: int = 20_000) -> str:
        """Non-empty text."""
        value = self._expect(str)
        assert isinstance(value, str)
        stripped = value.strip()
        if not stripped:
            raise self.error(f"{self.name} is empty", "write the text")
        if len(value) > max_length:
            raise self.error(f"{self.name} is longer than {max_length} characters", "shorten it")
        return stripped

    def integer(self, low: int | None = None, high: int | None = None) -> int:
        value = self._expect(int)
        assert isinstance(value, int)
        if (low is not None and value < low) or (high is not None and value > high):
            raise self.error(f"{self.name} must be between {low} and {high}, not {value}")
        return value

    def boolean(self) -> bool:
        value = self._expect(bool)
        assert isinstance(value, bool)
        return value

    def choice(self, allowed: Sequence[str]) -> str:
        value = self.value
        if isinstance(value, bool) or not isinstance(value, (str, int)) or str(value) not in allowed:
            guess = did_you_mean(str(value), allowed)
            hint = f"did you mean '{guess}'?" if guess else f"use one of: {', '.join(allowed)}"
            raise self.error(f"{self.name} has unknown value {value!r}", hint)
        return str(value)

    def items(self, *, min_items: int = 0, max_items: int | None = None) -> list[Field]:
        """The fields of a list, with its length checked."""
        value = self._expect(list)
        assert isinstance(value, list)
        if len(value) < min_items:
            raise self.error(f"{self.name} needs at least {min_items} item(s), has {len(value)}")
        if max_items is not None and len(value) > max_items:
            raise self.error(f"{self.name} allows at most {max_items} item(s), has {len(value)}")
        return [self.child(index) for index in range(len(value))]

    def text_list(self, *, min_items: int = 0, max_items: int | None = None) -> tuple[str, ...]:
        return tuple(item.text() for item in self.items(min_items=min_items, max_items=max_items))

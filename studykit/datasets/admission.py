"""Which items of a catalogue a model takes, every record of them free of findings.

Checking every record would cost as much as writing it, and checking one record per item
still repeats work: a dialogue's first exchange is shared by dozens of items. So the rules
are applied where they live, with the validator's own checker:

- text rules (empty, stray whitespace, reserved words), once per distinct text of a slot;
- length rules, on the shortest and longest record an item can give, counted from the
  lengths of its parts (a record's length is the sum of its texts, as the checker counts);
- everything else (keys, roles, message counts), with the full checker on one item of each
  shape (same number of slots), whose records differ from the others' only in their texts.

Flat records with per-field limits (prompt and completion sides, captions) are cheap to
check whole, so each of their items gets the full checker instead.
"""

from __future__ import annotations

from studykit.datasets.catalogue import Catalogue
from studykit.datasets.checks import RecordChecker
from studykit.datasets.context import CheckContext
from studykit.datasets.fastpath import FastCheck
from studykit.datasets.findings import Finding
from studykit.datasets.formats import FLAT, FormatSpec
from studykit.datasets.limits import ModelSpec


class Admission:
    """``admitted()``: the catalogue restricted to the items (and wordings) the model takes cleanly."""

    def __init__(self, fmt: FormatSpec, model: ModelSpec | None, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        self._checker = RecordChecker(fmt, model)
        self._fast = FastCheck(fmt, model).clean_chars
        self._texts = CheckContext(fmt, model)
        self._findings: list[Finding] = []
        self._texts.out = self._findings
        self._clean_texts: dict[str, bool] = {}
        self._slots: dict[int, tuple[int, int] | None] = {}
        self._shapes: dict[int, bool] = {}
        sides = model is not None and (model.max_prompt_tokens or model.max_completion_tokens)
        self._whole = fmt.shape == FLAT and bool(fmt.image_field or sides)

    def admitted(self) -> Catalogue:
        catalogue = self._catalogue
        systems = [text for text in catalogue.systems if text is None or self._text_ok(text)]
        openers = [text for text in catalogue.openers if not text or self._text_ok(text.rstrip())]
        if (len(systems), len(openers)) != (len(catalogue.systems), len(catalogue.openers)):
            catalogue = catalogue.keep(range(len(catalogue.items)), systems, openers)
            self._catalogue = catalogue
        system_lengths = [len(text or "") for text in systems]
        opener_lengths = [len(text) for text in openers]
        self._wording = (min(system_lengths) + min(opener_lengths), max(system_lengths) + max(opener_lengths))
        return catalogue.keep([index for index in range(len(catalogue.items)) if self._admits(index)])

    def _admits(self, index: int) -> bool:
        if self._whole:
            return all(self._clean(record) for record in self._catalogue.extremes(index))
        shortest, longest = self._wording
        item = self._catalogue.items[index]
        for slot in item.slots:
            measured = self._slots.get(id(slot), ())
            if measured == ():
                measured = self._slots[id(slot)] = self._measure(slot)
            if measured is None:
                return False
            shortest += measured[0]
            longest += measured[1]
        if not (self._checker.fits(shortest) and self._checker.fits(longest)):
            return False
        shape = len(item.slots)
        if shape not in self._shapes:
            self._shapes[shape] = all(self._clean(record) for record in self._catalogue.extremes(index))
        return self._shapes[shape]

    def _measure(self, slot: tuple[tuple[object, ...], ...]) -> tuple[int, int] | None:
        """The shortest and longest text of a slot's forms, or None when one breaks a text rule."""
        counted = self._catalogue.counted
        clean = self._clean_texts
        lengths = []
        for form in slot:
            total = 0
            for part, counts in zip(form, counted, strict=False):
                if counts:
                    if not isinstance(part, str) or not (clean.get(part) or self._text_ok(part)):
                        return None
                    total += len(part)
            lengths.append(total)
        return min(lengths), max(lengths)

    def _text_ok(self, text: str) -> bool:
        known = self._clean_texts.get(text)
        if known is None:
            self._findings.clear()
            self._texts.text(text, "")
            known = self._clean_texts[text] = not self._findings
        return known

    def _clean(self, record: dict[str, object]) -> bool:
        """No finding at all: the validator's quick clean-record test, else its full checker."""
        import json

        if self._fast(json.dumps(record, ensure_ascii=False).encode()) is not None:
            return True
        findings: list[Finding] = []
        self._checker.check(record, None, findings)
        return not findings

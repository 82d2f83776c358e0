"""Every distinct record of one format, counted without being built and built when asked for.

An :class:`Item` is one piece of content (an exchange, a dialogue, a preferred and a worse
answer) with *slots*, each holding forms that say the same in other words; a record picks
one form per slot, a system prompt and an opener. An item's records are every such choice,
so the catalogue's capacity is a sum of products, and record (item, variant) is built only
when it is streamed. Distinct choices give distinct records: the item builders make sure no
two forms or items say exactly the same thing.

A record can also be asked for as its JSON text (:meth:`Catalogue.lines`): a builder of that
text writes the record's fixed structure around each text's JSON string, which is the same
line ``json.dumps(record, ensure_ascii=False)`` gives, without building the dict first
(escaping the texts is then most of the work); formats without one get their records encoded.

Records stream in rounds: the first round gives every item once (in a shuffled order, each
in a wording of its own), the next one another wording of each, and so on. A file of any size
up to the capacity holds no record twice, and a small file holds as many different items as
it can.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

Record = dict[str, object]
Form = tuple[object, ...]
Builder = Callable[[tuple[Form, ...], "str | None", str], Record]
"""Builds a record from one form per slot, a system prompt (or None) and an opener."""
Quote = Callable[[str], str]
"""A text's JSON string, quotes included (as ``json.dumps(text, ensure_ascii=False)``)."""
LineBuilder = Callable[[tuple[Form, ...], "str | None", str, Quote], str]
"""Builds the same record's JSON text, exactly ``json.dumps(record, ensure_ascii=False)``, with
``quote`` writing each text's JSON string."""

_dumps = json.JSONEncoder(ensure_ascii=False).encode


@dataclass(frozen=True)
class Item:
    """One piece of content; ``group`` (a concept or question id) is what a validation split holds out."""

    group: str
    slots: tuple[tuple[Form, ...], ...]

    def size(self) -> int:
        return math.prod(map(len, self.slots))


class Catalogue:
    """The records of ``items`` in every wording of ``systems`` × ``openers`` × their slots."""

    def __init__(
        self,
        items: Sequence[Item],
        build: Builder,
        systems: Sequence[str | None] = (None,),
        openers: Sequence[str] = ("",),
        counted: tuple[bool, ...] = (True, True),
        line: LineBuilder | None = None,
    ) -> None:
        self.items = tuple(items)
        self._build = build
        self._line = line
        self.systems = tuple(systems)
        self.openers = tuple(openers)
        self.counted = counted  # which parts of a form end up as text in the record
        wordings = len(self.systems) * len(self.openers)
        self._sizes = [item.size() * wordings for item in self.items]
        self.capacity = sum(self._sizes)

    def record(self, index: int, variant: int) -> Record:
        """Variant ``variant`` (0 ≤ variant < its size) of item ``index``."""
        return self._build(*self._choice(index, variant))

    def line(self, index: int, variant: int, quote: Quote = _dumps) -> str:
        """The same record as one line of JSON (no newline), as ``json.dumps(..., ensure_ascii=False)``."""
        if self._line is None:
            return _dumps(self.record(index, variant))
        return self._line(*self._choice(index, variant), quote)

    def _choice(self, index: int, variant: int) -> tuple[tuple[Form, ...], str | None, str]:
        """The forms, system prompt and opener of a variant."""
        item = self.items[index]
        variant, system = divmod(variant, len(self.systems))
        variant, opener = divmod(variant, len(self.openers))
        chosen = []
        for slot in item.slots:
            variant, pick = divmod(variant, len(slot))
            chosen.append(slot[pick])
        return tuple(chosen), self.systems[system], self.openers[opener]

    def extremes(self, index: int) -> tuple[Record, Record]:
        """The item's longest and shortest records (the ones length limits are checked on)."""
        item = self.items[index]
        records = []
        for pick in (max, min):
            forms = tuple(pick(slot, key=_length) for slot in item.slots)
            system = pick(self.systems, key=lambda text: len(text or ""))
            records.append(self._build(forms, system, pick(self.openers, key=len)))
        return records[0], records[1]

    def stream(self, count: int, seed: int) -> Iterator[Record]:
        """``count`` records in rounds over the items; past the capacity, records repeat."""
        record = self.record
        for index, variant in self._picks(count, seed):
            yield record(index, variant)

    def lines(self, count: int, seed: int) -> Iterator[str]:
        """The records :meth:`stream` gives, each as one line of JSON (no newline)."""
        line = self.line
        for index, variant in self._picks(count, seed):
            yield line(index, variant)

    def _picks(self, count: int, seed: int) -> Iterator[tuple[int, int]]:
        """(item, variant) of each record :meth:`stream` gives."""
        if not self.items:
            return
        rng = random.Random(seed)
        sizes = self._sizes
        starts = [rng.randrange(size) for size in sizes]
        steps = [_coprime_step(size, rng) for size in sizes]
        emitted = 0
        while emitted < count:
            active = list(range(len(self.items)))
            round_number = 0
            while active and emitted < count:
                rng.shuffle(active)
                for index in active[: count - emitted]:
                    variant = (starts[index] + round_number * steps[index]) % sizes[index]
                    yield index, variant
                emitted += min(len(active), count - emitted)
                round_number += 1
                active = [index for index in active if sizes[index] > round_number]

    def keep(
        self,
        indexes: Sequence[int],
        systems: Sequence[str | None] | None = None,
        openers: Sequence[str] | None = None,
    ) -> Catalogue:
        """A catalogue of only the items at ``indexes``, in the same wordings (or the ones given)."""
        return Catalogue(
            [self.items[index] for index in indexes],
            self._build,
            self.systems if systems is None else systems,
            self.openers if openers is None else openers,
            self.counted,
            self._line,
        )

    def split(self, share: float, seed: int) -> tuple[Catalogue, Catalogue]:
        """(training, held out): whole groups held out until they hold ``share`` of the records."""
        sizes: dict[str, int] = {}
        for item, size in zip(self.items, self._sizes, strict=True):
            sizes[item.group] = sizes.get(item.group, 0) + size
        groups = list(sizes)
        random.Random(f"split:{seed}").shuffle(groups)
        held: set[str] = set()
        held_records = 0
        for group in groups[:-1]:
            if held and held_records >= share * self.capacity:
                break
            held.add(group)
            held_records += sizes[group]
        train = [index for index, item in enumerate(self.items) if item.group not in held]
        validation = [index for index, item in enumerate(self.items) if item.group in held]
        return self.keep(train), self.keep(validation)

    @property
    def groups(self) -> int:
        return len({item.group for item in self.items})


def _length(form: Form) -> int:
    return sum(len(part) if isinstance(part, str) else _length(tuple(part.values())) for part in form)


def _coprime_step(size: int, rng: random.Random) -> int:
    """A step that visits every variant of an item once before any comes back."""
    if size <= 2:
        return 1
    step = rng.randrange(1, size)
    while math.gcd(step, size) != 1:
        step = step % (size - 1) + 1
    return step

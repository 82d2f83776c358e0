"""Spot repeated records in bounded memory: 64-bit fingerprints of each record's bytes.

The first :data:`DICT_RECORDS` fingerprints go in a plain dict (one C call per record, about
100 bytes each, so at most ~13 MB). A file with more distinct records moves them to an
open-addressing table in two arrays: 12 bytes a slot, slower (its probing runs in Python),
and it stops growing at :data:`MAX_SLOTS`, after which new records are no longer remembered
(``complete`` turns False and reports say how far the check went).
"""

from __future__ import annotations

from array import array

MAX_SLOTS = 1 << 21  # 2,097,152 slots: 25 MB at most, ~1.4 million distinct records
DICT_RECORDS = 1 << 17  # 131,072 distinct records tracked in a dict before the table takes over
_MASK64 = (1 << 64) - 1


class DuplicateTracker:
    """Remembers which line first held each record fingerprint."""

    def __init__(
        self, slots: int = 1 << 12, max_slots: int = MAX_SLOTS, dict_records: int = DICT_RECORDS
    ) -> None:
        self._max_slots = max_slots
        self._slots = slots
        self._dict_records = dict_records
        self._recent: dict[int, int] | None = {}
        self.complete = True
        self.duplicates = 0

    def _allocate(self, slots: int) -> None:
        self._keys = array("Q", bytes(8 * slots))
        self._lines = array("I", bytes(4 * slots))
        self._mask = slots - 1
        self._used = 0

    def first_line(self, record: bytes, line: int) -> int | None:
        """The earlier line holding the same bytes, or None (and remember this one)."""
        recent = self._recent
        if recent is not None:
            first = recent.setdefault(hash(record), line)
            if first == line:
                if len(recent) >= self._dict_records:
                    self._to_table(recent)
                return None
            self.duplicates += 1
            return first
        key = (hash(record) & _MASK64) or 1
        keys = self._keys
        mask = self._mask
        slot = key & mask
        while True:
            stored = keys[slot]
            if stored == key:
                self.duplicates += 1
                return self._lines[slot]
            if stored == 0:
                break
            slot = (slot + 1) & mask
        if self._used * 10 >= (mask + 1) * 7:
            if (mask + 1) * 2 > self._max_slots:
                self.complete = False
                return None
            self._grow()
            return self._insert_new(key, line)
        keys[slot] = key
        self._lines[slot] = line
        self._used += 1
        return None

    def _to_table(self, recent: dict[int, int]) -> None:
        """Move the dict's fingerprints into the compact table, which holds the rest of the file."""
        self._recent = None
        slots = self._slots
        while len(recent) * 10 >= slots * 7:
            slots *= 2
        if slots > self._max_slots:  # a smaller limit than the dict's size (tests): keep what fits
            slots = self._max_slots
        self._allocate(slots)
        for key, line in recent.items():
            if self._used * 10 >= slots * 7:
                self.complete = False
                break
            self._insert_new((key & _MASK64) or 1, line)
        recent.clear()

    def _insert_new(self, key: int, line: int) -> None:
        slot = key & self._mask
        while self._keys[slot]:
            slot = (slot + 1) & self._mask
        self._keys[slot] = key
        self._lines[slot] = line
        self._used += 1

    def _grow(self) -> None:
        old_keys, old_lines = self._keys, self._lines
        self._allocate((self._mask + 1) * 2)
        for key, line in zip(old_keys, old_lines, strict=True):
            if key:
                self._insert_new(key, line)

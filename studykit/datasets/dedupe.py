"""Spot repeated records in bounded memory: 64-bit fingerprints in an open-addressing table.

A Python set of a million fingerprints costs ~60 MB; this table costs 12 bytes a slot
and stops growing at :data:`MAX_SLOTS`, after which new records are no longer remembered
(``complete`` turns False and reports say how far the check went).
"""

from __future__ import annotations

from array import array

MAX_SLOTS = 1 << 21  # 2,097,152 slots: 25 MB at most, ~1.4 million distinct records
_MASK64 = (1 << 64) - 1


class DuplicateTracker:
    """Remembers which line first held each record fingerprint."""

    def __init__(self, slots: int = 1 << 12, max_slots: int = MAX_SLOTS) -> None:
        self._max_slots = max_slots
        self._allocate(slots)
        self.complete = True
        self.duplicates = 0

    def _allocate(self, slots: int) -> None:
        self._keys = array("Q", bytes(8 * slots))
        self._lines = array("I", bytes(4 * slots))
        self._mask = slots - 1
        self._used = 0

    def first_line(self, record: bytes, line: int) -> int | None:
        """The earlier line holding the same bytes, or None (and remember this one)."""
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

"""Scripted stdin for CliRunner whose lines arrive as time passes on an injected clock."""

from __future__ import annotations

import io


class FakeClock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


class TypedLines(io.RawIOBase):
    """Stdin that hands over one line per read, like a terminal, moving the clock first if asked.

    Each entry is a line, or ``(seconds, line)`` to let that much time pass before it is typed.
    """

    def __init__(self, clock: FakeClock, entries: list[str | tuple[float, str]]) -> None:
        self.clock = clock
        self.entries = list(entries)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if not self.entries or not len(buffer):
            return 0
        entry = self.entries.pop(0)
        delay, line = entry if isinstance(entry, tuple) else (1.0, entry)
        self.clock.seconds += delay
        data = (line + "\n").encode()
        buffer[: len(data)] = data
        return len(data)

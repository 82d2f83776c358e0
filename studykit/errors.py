"""The one error type the library raises for anything a user can fix.

Library code raises :class:`StudykitError` with a location and a hint; the command
layer turns it into a single line and an exit code, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_FINDINGS = 1
"""Findings: an invalid dataset, lint errors."""
EXIT_INPUT = 2
"""A usage or input error, or an output file that exists."""
EXIT_IO = 3
"""Reading or writing failed around the data (full disk, size limit, read-only place, closed stream)."""
EXIT_BUSY = 4
"""The progress file stayed locked by another program; trying again later works."""


@dataclass
class StudykitError(Exception):
    """A problem with the user's input, with where it is and what to do about it."""

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    exit_code: int = 2

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.format()

    def format(self) -> str:
        """``file:line:col: message — hint`` on one line (control characters made visible)."""
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        text = where + self.message
        if self.hint:
            text += f" — {self.hint}"
        return printable(text)


BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Invisible characters that reorder the text around them (the "Trojan Source" trick)."""


def printable(text: str) -> str:
    """Make control characters visible so a message stays on one line and cannot drive the terminal.

    Bidirectional controls are shown too: they could make text read differently from what it holds.
    """
    out = []
    for char in text:
        code = ord(char)
        if code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        elif char in BIDI_CONTROLS:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)

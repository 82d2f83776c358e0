"""Where interactive answers come from: a terminal prompt, or lines of a non-terminal stdin.

Piped or scripted input (``printf 'B\nA,C\n' | studykit quiz``, click's CliRunner) is read one
line at a time and echoed after the prompt, so the transcript reads like a session.
End of input returns ``None``: the caller ends cleanly.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO

from rich.console import Console
from rich.text import Text

from studykit.ui.console import show
from studykit.ui.text import literal

TICK_SECONDS = 0.25
"""How often a timed terminal read looks at the time left."""
MAX_ANSWER_CHARS = 1000
"""No answer is longer; the rest of a longer line is read and dropped (it is not an answer anyway)."""


def read_answer_line(stream: IO[str]) -> str:
    """One line of at most MAX_ANSWER_CHARS ("" at end of input); a 20 MB line is not held or echoed."""
    try:
        line = stream.readline(MAX_ANSWER_CHARS + 1)
        if len(line) > MAX_ANSWER_CHARS and not line.endswith("\n"):
            line = line[:MAX_ANSWER_CHARS]
            rest = stream.readline(65536)
            while rest and not rest.endswith("\n"):
                rest = stream.readline(65536)
            line += "\n" if rest else ""
    except UnicodeDecodeError:
        return "\ufffd\n"  # bytes that are not UTF-8: no answer, so the question is asked again
    return line


class LineInput:
    """Reads one answer per call. ``interactive`` overrides terminal detection (tests pass it)."""

    def __init__(self, console: Console, stream: IO[str] | None = None, *, interactive: bool | None = None):
        self.console = console
        self.stream = stream if stream is not None else sys.stdin
        if interactive is None:
            isatty = getattr(self.stream, "isatty", None)
            interactive = bool(isatty and isatty()) and console.is_terminal
        self.interactive = interactive

    def read(self, prompt: Text, time_left: Callable[[], float] | None = None) -> str | None:
        """The next line without its newline, or None at end of input.

        With ``time_left`` (a timed exam) a terminal read gives up once it returns 0 or
        less, and returns ``""`` so the caller can see that time ran out while waiting.
        It is asked again every :data:`TICK_SECONDS`, so the clock it reads may be any
        clock (a test's, moved by hand), not only the one ``select`` sleeps on.
        """
        if self.interactive and time_left is not None:
            return self._read_terminal_until(prompt, time_left)
        if self.interactive:
            try:
                return self.console.input(prompt)
            except EOFError:
                self.console.print()
                return None
        line = read_answer_line(self.stream)
        shown = prompt.copy()
        shown.append(literal(line.rstrip("\r\n"), keep_newlines=False))
        show(self.console, shown)
        if not line:
            return None
        return line.rstrip("\r\n")

    def _read_terminal_until(self, prompt: Text, time_left: Callable[[], float]) -> str | None:
        import os
        import select

        self.console.print(prompt, end="")
        self.console.file.flush()
        descriptor = self.stream.fileno()
        received = b""
        while not received.endswith(b"\n"):
            left = time_left()
            if left <= 0:
                self.console.print()
                return ""
            ready, _, _ = select.select([descriptor], [], [], min(left, TICK_SECONDS))
            if not ready:
                continue
            chunk = os.read(descriptor, 4096)
            if not chunk:
                if received:
                    break
                self.console.print()
                return None
            received = (received + chunk)[-4 * MAX_ANSWER_CHARS :]
        return received.decode("utf-8", errors="replace").rstrip("\r\n")

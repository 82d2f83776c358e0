"""Where interactive answers come from: a terminal prompt, or lines of a non-terminal stdin.

Piped or scripted input (``printf 'B\nA,C\n' | studykit quiz``, click's CliRunner) is read one
line at a time and echoed after the prompt, so the transcript reads like a session.
End of input returns ``None``: the caller ends cleanly.
"""

from __future__ import annotations

import sys
from typing import IO

from rich.console import Console
from rich.text import Text

from studykit.ui.console import show
from studykit.ui.text import literal


class LineInput:
    """Reads one answer per call. ``interactive`` overrides terminal detection (tests pass it)."""

    def __init__(self, console: Console, stream: IO[str] | None = None, *, interactive: bool | None = None):
        self.console = console
        self.stream = stream if stream is not None else sys.stdin
        if interactive is None:
            isatty = getattr(self.stream, "isatty", None)
            interactive = bool(isatty and isatty()) and console.is_terminal
        self.interactive = interactive

    def read(self, prompt: Text, timeout: float | None = None) -> str | None:
        """The next line without its newline, or None at end of input.

        With ``timeout`` (a timed exam) a terminal read gives up after that many seconds
        and returns ``""``, so the caller can see that time ran out while waiting.
        """
        if self.interactive and timeout is not None:
            return self._read_terminal_with_timeout(prompt, timeout)
        if self.interactive:
            try:
                return self.console.input(prompt)
            except EOFError:
                self.console.print()
                return None
        line = self.stream.readline()
        shown = prompt.copy()
        shown.append(literal(line.rstrip("\r\n"), keep_newlines=False))
        show(self.console, shown)
        if not line:
            return None
        return line.rstrip("\r\n")

    def _read_terminal_with_timeout(self, prompt: Text, timeout: float) -> str | None:
        import os
        import select

        self.console.print(prompt, end="")
        self.console.file.flush()
        descriptor = self.stream.fileno()
        received = b""
        while not received.endswith(b"\n"):
            ready, _, _ = select.select([descriptor], [], [], max(timeout, 0.0))
            if not ready:
                self.console.print()
                return ""
            chunk = os.read(descriptor, 4096)
            if not chunk:
                if received:
                    break
                self.console.print()
                return None
            received += chunk
        return received.decode("utf-8", errors="replace").rstrip("\r\n")

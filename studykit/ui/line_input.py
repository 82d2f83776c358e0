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

    def read(self, prompt: Text) -> str | None:
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

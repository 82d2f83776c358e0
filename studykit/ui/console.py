"""The console every command prints on: colour and boxes only on a real terminal.

Piped output (``studykit learn x | less``, CI logs, files) is plain text 80 columns
wide with ASCII rules; ``NO_COLOR`` turns colour off on a terminal too. Markup,
emoji codes and automatic highlighting are off, so strings that slip through
unwrapped are still printed literally.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import IO

from rich import box
from rich.console import Console, RenderableType

PLAIN_WIDTH = 80
MAX_WIDTH = 100

PLAIN_BOX = box.Box(
    "    \n"  # top
    "    \n"  # header row
    " -  \n"  # under the header
    "    \n"  # between rows
    "    \n"  # row
    " -  \n"  # above a footer
    "    \n"  # footer row
    "    \n",  # bottom
    ascii=True,
)
"""Tables when piped: a dashed line under the header, no borders."""


def make_console(
    file: IO[str] | None = None,
    *,
    terminal: bool | None = None,
    width: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> Console:
    """A console for ``file`` (stdout by default).

    ``terminal`` overrides detection (tests pass it); ``width`` overrides the width, which
    is otherwise the terminal's (at most :data:`MAX_WIDTH`) or :data:`PLAIN_WIDTH` when piped.
    """
    environ = os.environ if environ is None else environ
    stream = file if file is not None else sys.stdout
    if terminal is None:
        isatty = getattr(stream, "isatty", None)
        try:
            terminal = bool(isatty and isatty())
        except (OSError, ValueError):
            terminal = False
    colour = terminal and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"
    if width is None:
        width = _terminal_width(stream, environ) if terminal else PLAIN_WIDTH
    return Console(
        file=file,
        force_terminal=terminal,
        color_system="auto" if colour else None,
        no_color=not colour,
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
        safe_box=True,
    )


def _terminal_width(stream: IO[str], environ: Mapping[str, str]) -> int:
    """The terminal's columns (at most MAX_WIDTH); a terminal that reports none (a bare pty,
    ``script``) falls back to ``COLUMNS``, then to PLAIN_WIDTH, so output never vanishes."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        columns = 0
    if columns <= 0:
        given = environ.get("COLUMNS", "")
        columns = int(given) if given.isdigit() and int(given) > 0 else PLAIN_WIDTH
    return min(columns, MAX_WIDTH)


def is_plain(console: Console) -> bool:
    """True when output is not a terminal: renderers then avoid box drawing and rules."""
    return not console.is_terminal


def table_box(plain: bool) -> box.Box:
    """The table border style for plain (piped) or terminal output."""
    return PLAIN_BOX if plain else box.SIMPLE_HEAD


def show(console: Console, renderable: RenderableType) -> None:
    """Print ``renderable``; piped output loses the padding spaces rich puts at line ends."""
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    lines = captured.get().splitlines()
    console.file.write("".join(line.rstrip() + "\n" for line in lines))
    console.file.flush()

"""A source (seed note or URL) shown so that a long URL breaks after a ``/``, not mid-word.

Most AWS documentation URLs are longer than the 76 columns left beside a ``[4]``; rich
would fold them at the last column (``…preparing-text-data.htm`` / ``l``). Breaking
after a slash keeps every piece a recognisable path segment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from studykit.ui.text import visible

_PIECE = re.compile(r"[^/]*/+|[^/]+")


def source_label(source: str) -> str:
    """``seed:000_x.txt`` becomes ``seed note 000_x.txt``; URLs stay as they are."""
    if source.startswith("seed:"):
        return f"seed note {source.removeprefix('seed:')}"
    return source


def break_url(url: str, width: int) -> list[str]:
    """``url`` in lines of at most ``width`` characters, broken after slashes where possible."""
    width = max(width, 1)
    lines: list[str] = []
    current = ""
    for piece in _PIECE.findall(url):
        if len(current) + len(piece) <= width:
            current += piece
            continue
        if len(piece) <= width:
            lines.append(current)
            current = piece
            continue
        piece = current + piece  # a segment wider than a line is cut at the width
        while len(piece) > width:
            lines.append(piece[:width])
            piece = piece[width:]
        current = piece
    lines.append(current)
    return [line for line in lines if line] or [""]


@dataclass(frozen=True)
class SourceText:
    """One source: its label, and on a terminal a link (``https://`` only) a click away."""

    source: str
    style: str = ""
    link: bool = False

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        label = visible(source_label(self.source), keep_newlines=False)
        style = self.style
        if self.link and self.source.startswith("https://") and label == self.source:
            style = f"{style} link {self.source}".strip()
        yield Text("\n".join(break_url(label, options.max_width)), style=style, no_wrap=True)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        label = visible(source_label(self.source), keep_newlines=False)
        longest = max((len(piece) for piece in _PIECE.findall(label)), default=0)
        return Measurement(min(longest, options.max_width), min(len(label), options.max_width))

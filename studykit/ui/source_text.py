"""A source shown to a learner: its readable title, or else its reference.

With a title (``content/_sources.yaml``), a terminal shows the title as a link to the URL, and
piped or plain output shows the title with the URL on the next line (a seed note shows its
title alone). Without one, the reference is shown, a long URL broken after a ``/``, not
mid-word: most AWS documentation URLs are longer than the 76 columns left beside a ``[4]``, and
rich would fold them at the last column (``…preparing-text-data.htm`` / ``l``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from studykit.concepts.sources import SourceTitles, cited_in
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
    """One source: its title (or label), and on a terminal a link (``https://`` only) a click away.

    ``link`` is True on a terminal; otherwise (piped, ``NO_COLOR``) a titled URL is followed by
    the URL itself, so the reader can still open it.
    """

    source: str
    style: str = ""
    link: bool = False
    title: str | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        url = self.source.startswith("https://") and visible(self.source, keep_newlines=False) == self.source
        if self.title:
            style = f"{self.style} link {self.source}".strip() if self.link and url else self.style
            yield Text(visible(self.title, keep_newlines=False), style=style)
            if url and not self.link:
                yield Text(
                    "\n".join(break_url(self.source, options.max_width)), style=self.style, no_wrap=True
                )
            return
        label = visible(source_label(self.source), keep_newlines=False)
        style = self.style
        if self.link and url:
            style = f"{style} link {self.source}".strip()
        yield Text("\n".join(break_url(label, options.max_width)), style=style, no_wrap=True)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        label = visible(source_label(self.source), keep_newlines=False)
        pieces = [len(piece) for piece in _PIECE.findall(label)]
        widest = len(label)
        if self.title:
            title = visible(self.title, keep_newlines=False)
            shows_url = not self.link and self.source.startswith("https://")
            pieces = [len(word) for word in title.split()] + (pieces if shows_url else [])
            widest = max(len(title), len(label) if shows_url else 0)
        longest = max(pieces, default=0)
        return Measurement(min(longest, options.max_width), min(widest, options.max_width))


def cited_text(text: str, titles: SourceTitles, *, plain: bool, style: str = "") -> Text:
    """Prose whose source references ("Source: https://…") read as titles.

    On a terminal a titled URL becomes its title, linked; in plain output it becomes
    "title (URL)"; a titled seed note becomes its title. Untitled references stay as written.
    """
    shown = Text(style=style)
    end = 0
    for match in cited_in(text):
        source = match.group()
        title = titles.title_of(source)
        if title is None:
            continue
        shown.append(visible(text[end : match.start()]))
        if not source.startswith("https://"):
            shown.append(visible(title, keep_newlines=False))
        elif plain:
            shown.append(f"{visible(title, keep_newlines=False)} ({source})")
        else:
            shown.append(visible(title, keep_newlines=False), style=f"link {source}")
        end = match.end()
    shown.append(visible(text[end:]))
    return shown

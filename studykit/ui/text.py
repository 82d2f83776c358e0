"""Content text made safe to show: escape codes and control characters become visible.

Everything a user or an author wrote (concept notes, questions, dataset records) goes
through :func:`literal` (or :func:`visible` for plain strings) before it reaches a
terminal, so ``\\x1b[31m`` is printed as those characters and ``[bold]`` stays text.
"""

from __future__ import annotations

import re

from rich.text import Text

from studykit.errors import printable

_KEPT = "\n"


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` with control characters (ESC, BEL, CR, DEL, C1 codes…) written as ``\\xNN``.

    Tabs become a single space so columns stay aligned; newlines are kept unless
    ``keep_newlines`` is false, in which case they are shown as ``\\x0a`` too.
    """
    text = text.replace("\t", " ")
    if not keep_newlines:
        return printable(text)
    return "\n".join(printable(line) for line in text.split(_KEPT))


def literal(text: str, style: str = "", *, keep_newlines: bool = True) -> Text:
    """A :class:`Text` that shows ``text`` exactly (markup is never parsed, escapes neutralised)."""
    return Text(visible(text, keep_newlines=keep_newlines), style=style)


def one_line(text: str) -> str:
    """``text`` folded onto one line (runs of whitespace become one space), made visible."""
    return visible(" ".join(text.split()), keep_newlines=False)


_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` on one line, for listings (``e.g.`` does not end one)."""
    flat = " ".join(text.split())
    for match in _SENTENCE_END.finditer(flat):
        head = flat[: match.end()]
        if not head.lower().endswith(_ABBREVIATIONS):
            return visible(head, keep_newlines=False)
    return visible(flat, keep_newlines=False)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters at a word boundary, ending with ``…`` when cut."""
    if len(text) <= width:
        return text
    cut = text[: max(width - 1, 0)]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—(") + "…"


def first_words(text: str, width: int) -> str:
    """The start of ``text`` on one line, cut at a word and marked with … when longer than ``width``."""
    return shorten(" ".join(text.split()), width)

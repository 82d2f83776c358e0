"""The listing ``studykit topics`` shows: concepts grouped by exam domain, one line each."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from studykit.concepts import DOMAINS, ConceptSet
from studykit.ui.blocks import heading, indented, title
from studykit.ui.text import first_sentence, shorten

SUMMARY_INDENT = 4


def topic_list(concepts: ConceptSet, *, plain: bool = False) -> Group:
    """Every concept under its domain heading: its id, then its summary's first sentence on one line."""
    parts: list[RenderableType] = [title(f"studykit concepts ({len(concepts)})", plain)]
    for domain, members in concepts.by_domain().items():
        parts.append(heading(f"Domain {domain}: {DOMAINS[domain]}", plain))
        grid = Table.grid(expand=True)
        grid.add_column(no_wrap=True, overflow="ellipsis")
        for concept in members:
            grid.add_row(Text(concept.id, style="" if plain else "bold"))
            grid.add_row(_OneLine(first_sentence(concept.summary)))
        parts.append(indented(grid))
    parts.append(Text("\nRead one: studykit learn ID    Compare: studykit compare ID ID"))
    return Group(*parts)


@dataclass(frozen=True)
class _OneLine:
    """A summary indented under its id and cut at a word boundary to the width it is given."""

    text: str

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - SUMMARY_INDENT, 1)
        yield Text(" " * SUMMARY_INDENT + shorten(self.text, width), no_wrap=True)

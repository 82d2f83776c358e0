"""The listing ``studykit topics`` shows: concepts grouped by exam domain, one line each."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from studykit.concepts import DOMAINS, ConceptSet
from studykit.ui.blocks import heading, indented, title
from studykit.ui.text import first_sentence


def topic_list(concepts: ConceptSet, *, plain: bool = False) -> Group:
    """Every concept under its domain heading: its id, then its summary's first sentence on one line."""
    parts: list[RenderableType] = [title(f"studykit concepts ({len(concepts)})", plain)]
    for domain, members in concepts.by_domain().items():
        parts.append(heading(f"Domain {domain}: {DOMAINS[domain]}", plain))
        grid = Table.grid(expand=True)
        grid.add_column(no_wrap=True, overflow="ellipsis")
        for concept in members:
            grid.add_row(Text(concept.id, style="" if plain else "bold"))
            grid.add_row(Padding(Text(first_sentence(concept.summary)), (0, 0, 0, 4)))
        parts.append(indented(grid))
    parts.append(Text("\nRead one: studykit learn ID    Compare: studykit compare ID ID"))
    return Group(*parts)

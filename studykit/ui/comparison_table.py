"""The table ``studykit compare`` shows: one row per attribute, one column per concept.

Side by side when every concept column gets at least :data:`MIN_COLUMN` characters
(three concepts in 80 columns); otherwise each attribute becomes a short section
listing every concept's value, which stays readable at any width.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from studykit.concepts import ATTRIBUTES
from studykit.concepts.comparison import Comparison
from studykit.ui.blocks import heading, key_values, title
from studykit.ui.concept_page import format_value, source_label
from studykit.ui.console import table_box
from studykit.ui.text import literal

MIN_COLUMN = 18
LABEL_COLUMN = 16
MISSING = "-"


def comparison_view(comparison: Comparison, *, plain: bool = False) -> Group:
    """The comparison as a table (or stacked sections when there are many concepts), then its notes."""
    parts: list[RenderableType] = [title(comparison.title, plain)]
    parts.append(_Layout(comparison, plain))
    if comparison.notes:
        parts += [heading("Notes", plain), _notes(comparison, plain)]
    ids = " ".join(concept.id for concept in comparison.concepts)
    parts.append(Text(f"\nRead more: studykit learn ID ({ids})"))
    return Group(*parts)


@dataclass(frozen=True)
class _Layout:
    """Chooses table or stacked sections once the available width is known."""

    comparison: Comparison
    plain: bool

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        columns = len(self.comparison.concepts)
        if (options.max_width - LABEL_COLUMN) // columns >= MIN_COLUMN + 1:
            yield _table(self.comparison, self.plain)
        else:
            yield from _stacked(self.comparison, self.plain)


def _cell(comparison: Comparison, concept_index: int, attribute: str) -> Text:
    value = comparison.value(comparison.concepts[concept_index], attribute)
    return Text(MISSING) if value is None else literal(format_value(value))


def _table(comparison: Comparison, plain: bool) -> RenderableType:
    table = Table(
        box=table_box(plain),
        show_edge=False,
        show_lines=not plain,
        header_style="" if plain else "bold",
        pad_edge=False,
        expand=False,
    )
    table.add_column("", no_wrap=False, style="" if plain else "bold", min_width=8, max_width=LABEL_COLUMN)
    for concept in comparison.concepts:
        table.add_column(literal(concept.title, keep_newlines=False), overflow="fold", ratio=1)
    for attribute in comparison.attributes:
        cells = [_cell(comparison, index, attribute) for index in range(len(comparison.concepts))]
        table.add_row(ATTRIBUTES[attribute].label, *cells)
    return table


def _stacked(comparison: Comparison, plain: bool) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for attribute in comparison.attributes:
        parts.append(heading(ATTRIBUTES[attribute].label, plain))
        rows = [
            (concept.id, _cell(comparison, index, attribute))
            for index, concept in enumerate(comparison.concepts)
        ]
        parts.append(key_values(rows, plain))
    return parts


def _notes(comparison: Comparison, plain: bool) -> RenderableType:
    rows: list[tuple[str, Text]] = []
    for note in comparison.notes:
        text = literal(note.text)
        if note.seed_said:
            text = Text.assemble(("Changed since the seed notes: ", "" if plain else "bold yellow"), text)
            text.append("\nSeed notes said: ")
            text.append_text(literal(note.seed_said, "" if plain else "italic"))
        text.append("\nSource: ")
        text.append_text(literal(source_label(note.source), keep_newlines=False))
        rows.append(("*", text))
    return key_values(rows, plain)

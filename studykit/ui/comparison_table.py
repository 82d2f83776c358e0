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
from studykit.concepts.comparison import Comparison, Note
from studykit.ui.blocks import bullets, heading, indented, key_values, title
from studykit.ui.concept_page import format_value, item_list
from studykit.ui.console import table_box
from studykit.ui.source_text import SourceText
from studykit.ui.text import literal

MIN_COLUMN = 18
LABEL_COLUMN = 16
MISSING = "-"


def comparison_view(comparison: Comparison, *, plain: bool = False) -> Group:
    """The comparison as a table (or stacked sections when there are many concepts), then its notes.

    Notes that correct the seed notes come first, old claim before the correction, as on a
    ``learn`` page; the other notes follow.
    """
    parts: list[RenderableType] = [title(comparison.title, plain)]
    parts.append(_Layout(comparison, plain))
    corrections = [note for note in comparison.notes if note.seed_said]
    remarks = [note for note in comparison.notes if not note.seed_said]
    if corrections:
        parts += [heading("Changed since the seed notes", plain), _corrections(corrections, plain)]
    if remarks:
        parts += [heading("Notes", plain), _notes(remarks, plain)]
    parts += [heading("Read more", plain), _read_more(comparison, plain)]
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


def _cell(comparison: Comparison, concept_index: int, attribute: str) -> RenderableType:
    """A value as text; a list of two or more as a bulleted list, one item per line."""
    value = comparison.value(comparison.concepts[concept_index], attribute)
    if value is None:
        return Text(MISSING)
    if isinstance(value, tuple) and len(value) > 1:
        return item_list(value)
    return literal(format_value(value))


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


def _with_source(note: Note, plain: bool) -> RenderableType:
    return Group(literal(note.text), SourceText(note.source, "" if plain else "dim", link=not plain))


def _corrections(notes: list[Note], plain: bool) -> RenderableType:
    rows: list[tuple[str, RenderableType]] = []
    for number, note in enumerate(notes):
        if number:
            rows.append(("", Text()))
        rows.append(("Seed notes said:", literal(note.seed_said or "", "" if plain else "italic")))
        rows.append(("Now:", _with_source(note, plain)))
    return key_values(rows, plain)


def _notes(notes: list[Note], plain: bool) -> RenderableType:
    """Each note as a bullet, its source on a line of its own."""
    return bullets((_with_source(note, plain) for note in notes), "*")


def _read_more(comparison: Comparison, plain: bool) -> RenderableType:
    commands = [
        Text(f"studykit learn {concept.id}", style="" if plain else "green")
        for concept in comparison.concepts
    ]
    return indented(Group(*commands))

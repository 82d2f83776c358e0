"""The table ``studykit compare`` shows: one row per attribute, one column per concept.

Side by side when every concept column gets at least :data:`MIN_COLUMN` characters and
room for its longest word (three concepts fit in 80 columns), so no word is ever split;
otherwise each attribute becomes a short section listing every concept's value, which
stays readable at any width.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from studykit.concepts.comparison import Comparison, Note
from studykit.ui.blocks import bullets, heading, indented, key_values, title
from studykit.ui.concept_page import format_value, item_list
from studykit.ui.console import table_box
from studykit.ui.source_text import SourceText
from studykit.ui.text import literal

MIN_COLUMN = 16
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
        widths = _column_widths(self.comparison, options.max_width)
        if widths is not None:
            yield _table(self.comparison, self.plain, widths)
        else:
            yield from _stacked(self.comparison, self.plain)


def _column_widths(comparison: Comparison, max_width: int) -> list[int] | None:
    """Widths for the concept columns, each at least its longest word; None when they do not fit.

    The table spends up to LABEL_COLUMN on the labels and three characters per concept column on
    padding and rules; what is left goes to the narrowest columns, so columns are as equal as
    their words allow.
    """
    columns = len(comparison.concepts)
    minimums = [max(MIN_COLUMN, _longest_word(comparison, index)) for index in range(columns)]
    labels = max(len(comparison.label(attribute)) for attribute in comparison.attributes)
    room = max_width - min(max(labels, 8), LABEL_COLUMN) - 3 * columns
    spare = room - sum(minimums)
    if spare < 0:
        return None
    widths = list(minimums)
    for _ in range(spare):  # widen the narrowest column each time: equal widths where words allow
        widths[widths.index(min(widths))] += 1
    return widths


def _longest_word(comparison: Comparison, concept_index: int) -> int:
    """The widest word in a concept's column (title and values), so no word is split across lines."""
    concept = comparison.concepts[concept_index]
    texts = [concept.title]
    for attribute in comparison.attributes:
        value = comparison.value(concept, attribute)
        if isinstance(value, tuple) and len(value) > 1:
            texts += ["- " + item.split(" ", 1)[0] for item in value] + list(value)
        elif value is not None:
            texts.append(format_value(value, attribute, comparison.vocabulary))
    return max((len(word) for text in texts for word in text.split()), default=0)


def _cell(comparison: Comparison, concept_index: int, attribute: str) -> RenderableType:
    """A value as text; a list of two or more as a bulleted list, one item per line."""
    value = comparison.value(comparison.concepts[concept_index], attribute)
    if value is None:
        return Text(MISSING)
    if isinstance(value, tuple) and len(value) > 1:
        return item_list(value)
    return literal(format_value(value, attribute, comparison.vocabulary))


def _table(comparison: Comparison, plain: bool, widths: list[int]) -> RenderableType:
    table = Table(
        box=table_box(plain),
        show_edge=False,
        show_lines=not plain,
        header_style="" if plain else "bold",
        pad_edge=False,
        expand=False,
    )
    table.add_column("", no_wrap=False, style="" if plain else "bold", min_width=8, max_width=LABEL_COLUMN)
    for concept, width in zip(comparison.concepts, widths, strict=True):
        table.add_column(literal(concept.title, keep_newlines=False), overflow="fold", width=width)
    for attribute in comparison.attributes:
        cells = [_cell(comparison, index, attribute) for index in range(len(comparison.concepts))]
        table.add_row(comparison.label(attribute), *cells)
    return table


def _stacked(comparison: Comparison, plain: bool) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for attribute in comparison.attributes:
        parts.append(heading(comparison.label(attribute), plain))
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

"""Small building blocks shared by every page: titles, section headings, bullet lists.

Each takes ``plain``: piped output gets ASCII underlines and no styles, a terminal gets
bold colour. Text arrives as :class:`~rich.text.Text` built by :mod:`studykit.ui.text`.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from studykit.ui.text import literal


def title(text: str, plain: bool) -> RenderableType:
    """A page title: underlined with ``=`` when plain, bold on a terminal."""
    shown = literal(text, keep_newlines=False)
    if plain:
        return Text.assemble(shown, "\n", "=" * min(len(shown.plain), 78))
    shown.stylize("bold bright_white")
    return shown


def heading(text: str, plain: bool) -> RenderableType:
    """A section heading, preceded by a blank line."""
    if plain:
        return Text.assemble("\n", text, "\n", "-" * len(text))
    return Text.assemble("\n", (text, "bold cyan"))


def indented(renderable: RenderableType) -> RenderableType:
    """Indent a block by two columns under its heading."""
    return Padding(renderable, (0, 0, 0, 2))


def bullets(items: Iterable[RenderableType], marker: str = "-") -> RenderableType:
    """A list whose wrapped lines stay indented under their first line."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row(marker, item)
    return indented(grid)


def numbered(items: Iterable[Text]) -> RenderableType:
    """A numbered list (1., 2., …) with hanging indentation."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(overflow="fold")
    for number, item in enumerate(items, start=1):
        grid.add_row(f"{number}.", item)
    return indented(grid)


def key_values(rows: Iterable[tuple[str, RenderableType]], plain: bool) -> RenderableType:
    """Two columns: a label and its value, the value wrapping under itself."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="" if plain else "bold")
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(label, value)
    return indented(grid)

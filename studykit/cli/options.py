"""Options shared by several commands, declared once so they read the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

F = TypeVar("F", bound=Callable[..., object])

CONTENT_ENV = "STUDYKIT_CONTENT"


def content_option(function: F) -> F:
    """``--content PATH`` (or ``$STUDYKIT_CONTENT``): read concepts from another folder."""
    return click.option(
        "--content",
        "content",
        type=click.Path(path_type=Path, readable=False),
        envvar=CONTENT_ENV,
        default=None,
        metavar="FOLDER",
        help=f"Read concept notes from FOLDER instead of the shipped ones (or set {CONTENT_ENV}).",
    )(function)


def json_option(function: F) -> F:
    """``--json``: print data for scripts instead of a page for people (exact in any locale)."""
    return click.option(
        "--json", "as_json", is_flag=True, callback=exact_json_when_chosen, help="Print JSON instead of text."
    )(function)


def exact_json_when_chosen(ctx: click.Context, param: click.Parameter, value: object) -> object:
    """An option callback: once ``--json`` (or ``--format json``) is chosen, stdout keeps JSON exact.

    In a locale that cannot show every character, the rest of the output degrades to ASCII; data
    for scripts must not, so its characters are written as JSON escapes instead.
    """
    if value is True or value == "json":
        from studykit.cli.standard_streams import print_json_exactly

        print_json_exactly()
    return value


def seed_option(help_text: str = "Draw and shuffle the same way every time.") -> Callable[[F], F]:
    """``--seed N``: the same draw and the same option order on every run."""
    return click.option("--seed", type=int, default=None, help=help_text)


def bank_option(function: F) -> F:
    """``--bank PATH`` (repeatable): questions from the learner's own banks instead of the shipped ones."""
    return click.option(
        "--bank",
        "banks",
        multiple=True,
        type=click.Path(path_type=Path, readable=False),
        metavar="PATH",
        help="Use this bank file or folder instead of the shipped banks (repeatable).",
    )(function)


def generated_option(function: F) -> F:
    """``--generated/--no-generated``: mix in the questions derived from the concept notes."""
    return click.option(
        "--generated/--no-generated",
        default=True,
        show_default=True,
        help="Include questions generated from content.",
    )(function)


def force_option(help_text: str = "Replace FILE if it exists.") -> Callable[[F], F]:
    """``--force``: the one way to let a command replace an existing output file."""
    return click.option("--force", is_flag=True, help=help_text)


def no_pager_option(function: F) -> F:
    """``--no-pager``: on a terminal, print long pages directly instead of through ``$PAGER``."""
    return click.option(
        "--no-pager", "no_pager", is_flag=True, help="Print long pages directly instead of through a pager."
    )(function)


def complete_concept_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Shell completion of concept ids (from ``--content`` when given), each with its title."""
    from click.shell_completion import CompletionItem

    from studykit.concepts import load_concepts
    from studykit.errors import StudykitError

    content = ctx.params.get("content")
    try:
        concepts = load_concepts(Path(content).resolve()) if content else load_concepts()
    except (StudykitError, OSError):
        return []
    return [CompletionItem(c.id, help=c.title) for c in concepts if c.id.startswith(incomplete)]


def complete_presets(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Shell completion of ``compare --preset`` names."""
    from click.shell_completion import CompletionItem

    from studykit.concepts import load_concepts
    from studykit.concepts.presets import load_presets
    from studykit.errors import StudykitError
    from studykit.resources import content_dir

    content = ctx.params.get("content")
    folder = Path(content).resolve() if content else content_dir()
    try:
        presets = load_presets(folder, load_concepts(folder if content else None))
    except (StudykitError, OSError):
        return []
    return [
        CompletionItem(name, help=preset.title)
        for name, preset in presets.items()
        if name.startswith(incomplete)
    ]


def topic_option(help_text: str) -> Callable[[F], F]:
    """``--topic ID`` (repeatable), completed from the concept ids."""
    return click.option(
        "--topic", "topics", multiple=True, metavar="ID", help=help_text, shell_complete=complete_concept_ids
    )

"""Options shared by several commands, declared once so they read the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

F = TypeVar("F", bound=Callable[..., object])

CONTENT_ENV = "STUDYKIT_CONTENT"


def content_option(function: F) -> F:
    """``--content PATH`` (or ``$STUDYKIT_CONTENT``): read concepts from another folder."""
    return click.option(
        "--content",
        "content",
        type=click.Path(path_type=Path, file_okay=False, readable=False),
        envvar=CONTENT_ENV,
        default=None,
        metavar="FOLDER",
        help=f"Read concept notes from FOLDER instead of the shipped ones (or set {CONTENT_ENV}).",
    )(function)


def json_option(function: F) -> F:
    """``--json``: print data for scripts instead of a page for people."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(function)

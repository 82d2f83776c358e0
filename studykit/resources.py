"""Where the shipped content and question banks live, installed or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _shipped_dir(name: str) -> Path:
    packaged = resources.files("studykit") / name
    if packaged.is_dir():
        return Path(str(packaged))
    # A source checkout (or an editable install) keeps the folder beside the package.
    return Path(__file__).resolve().parent.parent / name


def content_dir() -> Path:
    """The folder of concept YAML files shipped with studykit."""
    return _shipped_dir("content")


def quizzes_dir() -> Path:
    """The folder of authored question banks shipped with studykit."""
    return _shipped_dir("quizzes")

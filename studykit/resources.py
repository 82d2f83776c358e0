"""Where the shipped content and question banks live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def _shipped_dir(name: str) -> Path:
    package = Path(__file__).resolve().parent
    if (package / name).is_dir():  # an installed wheel: the folder is inside the package
        return package / name
    if (package.parent / name).is_dir():  # a source checkout (or an editable install)
        return package.parent / name
    from importlib import resources  # a zipped package, say; slow to import, so last

    return Path(str(resources.files("studykit") / name))


def content_dir() -> Path:
    """The folder of concept YAML files shipped with studykit."""
    return _shipped_dir("content")


def quizzes_dir() -> Path:
    """The folder of authored question banks shipped with studykit."""
    return _shipped_dir("quizzes")

"""Writing an output file all at once: a temporary file beside it, then a rename.

A reader never sees half a file, an interrupted write leaves the old file intact,
and an existing file is only replaced when the caller says ``force``. ``-`` means
standard output.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from studykit.errors import StudykitError


def write_output(target: str | Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``target`` atomically, or to stdout when ``target`` is ``-``."""
    with open_output(target, force=force) as stream:
        stream.write(text)


@contextmanager
def open_output(target: str | Path, *, force: bool = False) -> Iterator[TextIO]:
    """Stream text into ``target`` atomically (or into stdout for ``-``): for output too big to hold.

    The same rules as :func:`write_output`; the file appears only when the block ends without error.
    """
    if str(target) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(target)
    if path.is_dir():
        raise StudykitError("is a folder, not a file", path=str(path), hint="give a file name")
    if path.exists() and not force:
        raise StudykitError("already exists", path=str(path), hint="use --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StudykitError("the folder does not exist", path=str(folder), hint="create it first")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise StudykitError(f"cannot write here: {error.strerror}", path=str(folder)) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if not force and path.exists():
            raise StudykitError("already exists", path=str(path), hint="use --force to replace it")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

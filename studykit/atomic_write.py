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


def write_output(target: str | Path, text: str | bytes, *, force: bool = False) -> None:
    """Write ``text`` (or binary data) to ``target`` atomically, or to stdout when ``target`` is ``-``."""
    with open_output(target, force=force, binary=isinstance(text, bytes)) as stream:
        stream.write(text)  # type: ignore[arg-type]


@contextmanager
def open_output(target: str | Path, *, force: bool = False, binary: bool = False) -> Iterator[TextIO]:
    """Stream text into ``target`` atomically (or into stdout for ``-``): for output too big to hold.

    The same rules as :func:`write_output`; the file appears only when the block ends without error.
    ``binary`` gives a stream of bytes instead of text.
    """
    if str(target) == "-":
        if binary:
            sys.stdout.flush()
            yield sys.stdout.buffer  # type: ignore[misc]
            sys.stdout.buffer.flush()
        else:
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
    _usual_mode(temporary, path)
    try:
        with (
            os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="")
        ) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if not force and path.exists():
            raise StudykitError("already exists", path=str(path), hint="use --force to replace it")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _usual_mode(temporary: str, path: Path) -> None:
    """Give the new file the mode a plain ``open`` would (or the replaced file's), not mkstemp's 0600."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)

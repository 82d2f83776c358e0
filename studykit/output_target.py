"""What an output name points at, and so how to write it: replace a file, or write into a stream.

A regular file (or a symbolic link to one) is replaced atomically, and only with
``--force``. Anything else that can take a stream of bytes is written into, never
replaced: a character device (``/dev/null``, a terminal), a named pipe, or an open
descriptor (``/dev/stdout``, ``/dev/fd/3``). A folder, a socket or a block device
(a disk) is refused with one line.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from studykit.errors import StudykitError
from studykit.io_errors import io_failure

_DESCRIPTOR = re.compile(r"^/(?:dev/fd|proc/self/fd|proc/(\d+)/fd)/(\d+)$")
_MAX_LINKS = 40


@dataclass(frozen=True)
class Target:
    """``kind`` is ``"new"`` (nothing there yet), ``"file"`` (replace it), ``"stream"`` (write into the
    device or pipe at ``path``) or ``"descriptor"`` (write into the open ``descriptor``)."""

    kind: str
    path: Path
    descriptor: int | None = None


def classify(target: str | Path) -> Target:
    """How to write ``target``; refuses (one line) what studykit must not write to."""
    path = Path(target)
    descriptor = _descriptor(str(path))
    if descriptor is not None:
        return Target("descriptor", path, descriptor)
    try:
        found = os.stat(path)
    except FileNotFoundError:
        _check_folder(path)
        return Target("new", path)
    except OSError as error:
        raise io_failure(str(path), error, "cannot write there") from None
    mode = found.st_mode
    if stat.S_ISREG(mode):
        return Target("file", path)
    if stat.S_ISDIR(mode):
        raise StudykitError("is a folder, not a file", path=str(path), hint="give a file name")
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Target("stream", path)
    what = "a block device (a disk)" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else None
    raise StudykitError(
        f"is {what or 'not a file'}; studykit writes only to files, pipes and character devices",
        path=str(path),
        hint="give a file name",
    )


def _check_folder(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        is_folder = stat.S_ISDIR(os.stat(folder).st_mode)
    except FileNotFoundError:
        is_folder = False
    except OSError as error:
        raise io_failure(str(path), error, "cannot write there") from None
    if not is_folder:
        raise StudykitError("the folder does not exist", path=str(folder), hint="create it first")


def _descriptor(text: str) -> int | None:
    """The open descriptor ``text`` names (``/dev/stdout`` -> 1), following symbolic links; else None."""
    for _ in range(_MAX_LINKS):
        match = _DESCRIPTOR.match(os.path.normpath(os.path.abspath(text)))
        if match is not None:
            pid, number = match.groups()
            return int(number) if pid is None or int(pid) == os.getpid() else None
        try:
            link = os.readlink(text)
        except OSError:
            return None
        text = os.path.join(os.path.dirname(text), link)
    return None

"""What an operating-system error means, in a few words and a hint, for one-line messages.

Reading and writing can fail for reasons outside studykit's data: a full disk, a
file size limit (``ulimit -f``), a read-only place, a closed stream. Each becomes a
:class:`StudykitError` naming the file and what to do, with exit code 3 (2 when the
name given was the problem), never a traceback.
"""

from __future__ import annotations

import errno

from studykit.errors import EXIT_INPUT, EXIT_IO, StudykitError

_WORDS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("the disk is full", "free some space and try again"),
    errno.EFBIG: (
        "the file size limit (ulimit -f) was reached",
        "raise the limit ('ulimit -f unlimited') or write less",
    ),
    errno.EIO: ("the device reported an input/output error", "check the disk or terminal, then try again"),
    errno.EROFS: ("the file system is read-only", "write somewhere else"),
    errno.EACCES: ("permission denied", "write somewhere you may write, or change the permissions"),
    errno.EPERM: ("operation not permitted", "write somewhere you may write, or change the permissions"),
    errno.EBADF: ("it is closed", "run the command with that stream open"),
    errno.ENXIO: ("nothing is there to read it", "start the reader first, or write to a file"),
    errno.ENAMETOOLONG: ("the name is too long", "use a shorter name or path"),
    errno.ENOTDIR: ("a part of the path is not a folder", "check the path"),
    errno.ELOOP: ("the path has a loop of symbolic links", "check the links in the path"),
}
if hasattr(errno, "EDQUOT"):
    _WORDS[errno.EDQUOT] = ("the disk quota is used up", "free some space and try again")

NAME_PROBLEMS = frozenset({errno.ENAMETOOLONG, errno.ENOTDIR, errno.ELOOP})
"""Errors caused by the name the user gave, not by the disk: exit code 2."""

NAME_MAX = 255
"""The longest file name (in bytes) the common file systems allow."""


def words_for(error: OSError) -> tuple[str, str]:
    """A short description of ``error`` and what to do about it."""
    found = _WORDS.get(error.errno or 0)
    if found is not None:
        return found
    return (error.strerror or str(error) or type(error).__name__, "check the path and try again")


def io_failure(where: str, error: OSError, doing: str = "cannot write") -> StudykitError:
    """``where: cannot write: the disk is full — free some space and try again`` as an error."""
    said, hint = words_for(error)
    if error.errno == errno.ENAMETOOLONG:
        said = name_too_long(where)
    return StudykitError(
        f"{doing}: {said}",
        path=where,
        hint=hint,
        exit_code=EXIT_INPUT if error.errno in NAME_PROBLEMS else EXIT_IO,
    )


def name_too_long(where: str) -> str:
    """Which limit a too-long path breaks: one name over NAME_MAX bytes, or the whole path."""
    import os

    longest = max((len(os.fsencode(part)) for part in where.split(os.sep)), default=0)
    if longest > NAME_MAX:
        return f"a name in the path is {longest} bytes long, more than the {NAME_MAX} allowed"
    return f"the path is {len(os.fsencode(where))} bytes long, more than the system allows"

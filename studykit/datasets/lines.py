"""Read a JSONL file as raw lines in constant memory, whatever bytes it holds.

The file is read in binary, one line at a time, with a cap on line length, so a
2 GB file with no newline costs no more memory than a small one. Decoding and JSON
parsing are left to the caller, which reports each problem on its own line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from studykit.errors import StudykitError

MAX_LINE_BYTES = 16 * 1024 * 1024
"""No Bedrock text record comes near this; longer lines are reported, not loaded."""
BOM = b"\xef\xbb\xbf"

CRLF = 1  # the line ended with \r\n
NO_NEWLINE = 2  # the last line of the file has no line ending
HAD_BOM = 4  # the first line started with a UTF-8 byte-order mark
TOO_LONG = 8  # longer than MAX_LINE_BYTES; the data is not returned


@contextmanager
def open_input(path: str) -> Iterator[BinaryIO]:
    """Open ``path`` (or ``-`` for standard input) for binary reading; unreadable is exit 2."""
    if path == "-":
        yield sys.stdin.buffer
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise StudykitError("file not found", path=path, hint="check the path") from None
    except IsADirectoryError:
        raise StudykitError("is a folder, not a file", path=path, hint="give a .jsonl file") from None
    except PermissionError:
        raise StudykitError("permission denied", path=path, hint="make the file readable") from None
    except OSError as error:
        raise StudykitError(
            f"cannot read the file: {error.strerror or error}", path=path, hint="check the path and the disk"
        ) from None
    try:
        yield stream
    finally:
        stream.close()


def read_lines(stream: BinaryIO, max_line: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes, int]]:
    """Yield ``(line number, content, flags)`` with line endings and a leading BOM removed."""
    readline = stream.readline
    number = 0
    while True:
        try:
            raw = readline(max_line)
        except OSError as error:
            raise StudykitError(
                f"reading stopped at line {number + 1}: {error.strerror or error}",
                hint="check the disk, or copy the file somewhere else and try again",
            ) from None
        if not raw:
            return
        number += 1
        flags = 0
        if raw[-1:] == b"\n":
            raw = raw[:-1]
            if raw[-1:] == b"\r":
                raw = raw[:-1]
                flags |= CRLF
        elif len(raw) >= max_line:
            _skip_line(readline, max_line)
            yield number, b"", TOO_LONG
            continue
        else:
            flags |= NO_NEWLINE
        if number == 1 and raw.startswith(BOM):
            raw = raw[3:]
            flags |= HAD_BOM
        yield number, raw, flags


def _skip_line(readline: object, max_line: int) -> None:
    while True:
        chunk = readline(max_line)  # type: ignore[operator]
        if not chunk or chunk[-1:] == b"\n":
            return

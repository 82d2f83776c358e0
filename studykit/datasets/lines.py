"""Read a JSONL file as raw lines in constant memory, whatever bytes it holds.

The file is read in binary, a chunk at a time, with a cap on line length, so a
2 GB file with no newline costs no more memory than a small one. Decoding and JSON
parsing are left to the caller, which reports each problem on its own line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import BinaryIO

from studykit.errors import StudykitError

MAX_LINE_BYTES = 16 * 1024 * 1024
"""No Bedrock text record comes near this; longer lines are reported, not loaded."""
BOM = b"\xef\xbb\xbf"

CRLF = 1  # the line ended with \r\n
NO_NEWLINE = 2  # the last line of the file has no line ending
HAD_BOM = 4  # the first line started with a UTF-8 byte-order mark
TOO_LONG = 8  # longer than MAX_LINE_BYTES; the data is not returned
CR_INSIDE = 16  # a carriage return that is not part of the line's CRLF ending: CR-only line breaks
CHUNK_BYTES = 1 << 16  # 64 KB: dozens of records per read, and little memory


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


def read_lines(
    stream: BinaryIO, max_line: int = MAX_LINE_BYTES, chunk: int = CHUNK_BYTES
) -> Iterator[tuple[int, bytes, int]]:
    """Yield ``(line number, content, flags)`` with line endings and a leading BOM removed.

    A line of ``max_line`` bytes or more comes out empty, flagged TOO_LONG, and the rest of it
    is skipped without being kept. See :func:`read_chunks` for the same lines a chunk at a time.
    """
    for first, lines, flags in read_chunks(stream, max_line, chunk):
        if flags is None:
            for number, raw in enumerate(lines, first):
                yield number, raw[:-1], 0
        else:
            for number, (raw, line_flags) in enumerate(zip(lines, flags, strict=True), first):
                yield number, raw[:-1], line_flags


def read_chunks(
    stream: BinaryIO, max_line: int = MAX_LINE_BYTES, chunk: int = CHUNK_BYTES
) -> Iterator[tuple[int, list[bytes], list[int] | None]]:
    """Yield ``(number of the first line, lines, flags)``: the lines that end in one read.

    Every line ends with ``b"\\n"``: a CRLF ending comes as ``b"\\n"`` (flagged CRLF) and a
    last line without an ending gets one (flagged NO_NEWLINE), so equal records are equal
    bytes whatever their ending. Reads ``chunk`` bytes at a time and splits them itself: one
    split per chunk costs far less than a ``readline`` call per line (``BytesIO.readlines``
    finds the ends with ``memchr``; ``bytes.split`` looks at every byte), and a caller that
    loops over a list per chunk pays nothing per line for a generator. ``flags`` is None when
    every line's flags are 0 (the common case), else one entry per line.
    """
    read = getattr(stream, "read1", stream.read)
    number = 0
    unfinished: list[bytes] = []  # pieces of the line the chunks so far end inside
    unfinished_bytes = 0
    skipping = False  # inside a too-long line: drop bytes up to its newline
    while block := _read(read, chunk, number):
        if skipping:
            end = block.find(b"\n")
            if end < 0:
                continue
            block, skipping = block[end + 1 :], False
            if not block:
                continue
        if b"\n" not in block:  # a long line goes on: keep its pieces, join them once
            unfinished.append(block)
            unfinished_bytes += len(block)
        else:
            lines = BytesIO(block).readlines()
            unfinished_before = bool(unfinished)
            if unfinished:
                lines[0] = b"".join((*unfinished, lines[0]))
            if lines[-1][-1:] == b"\n":
                unfinished, unfinished_bytes = [], 0
            else:  # the read ends inside a line
                last = lines.pop()
                unfinished, unfinished_bytes = [last], len(last)
            first = lines[0]
            if (
                number
                and len(first) <= max_line
                and len(block) < max_line
                and b"\r" not in block
                and (not unfinished_before or b"\r" not in first)
            ):
                yield number + 1, lines, None  # nothing to strip or flag
            else:
                yield number + 1, *_ended_lines(lines, number, max_line)
            number += len(lines)
        if unfinished_bytes >= max_line:
            number += 1
            yield number, [b"\n"], [TOO_LONG]
            unfinished, unfinished_bytes, skipping = [], 0, True
    if unfinished:
        carry = b"".join((*unfinished, b"\n"))
        number += 1
        flags = NO_NEWLINE | (CR_INSIDE if b"\r" in carry else 0)
        if number == 1 and carry.startswith(BOM):
            yield number, [carry[3:]], [flags | HAD_BOM]
        else:
            yield number, [carry], [flags]


def _read(read: Callable[[int], bytes], chunk: int, number: int) -> bytes:
    try:
        return read(chunk)
    except OSError as error:
        raise StudykitError(
            f"reading stopped at line {number + 1}: {error.strerror or error}",
            hint="check the disk, or copy the file somewhere else and try again",
        ) from None


def _ended_lines(lines: list[bytes], number: int, max_line: int) -> tuple[list[bytes], list[int]]:
    """The contents and flags of ``lines``, which follow line ``number``, each of which had a newline."""
    contents: list[bytes] = []
    flags: list[int] = []
    for offset, raw in enumerate(lines, 1):
        content, line_flags = _ended_line(raw, number + offset, max_line)
        contents.append(content)
        flags.append(line_flags)
    return contents, flags


def _ended_line(raw: bytes, number: int, max_line: int) -> tuple[bytes, int]:
    """A line that had a newline: its content and ``b"\\n"`` without CR or BOM, and the flags that say so."""
    if len(raw) > max_line:
        return b"\n", TOO_LONG
    flags = 0
    if raw[-2:] == b"\r\n":
        raw = raw[:-2] + b"\n"
        flags |= CRLF
    if b"\r" in raw:
        flags |= CR_INSIDE
    if number == 1 and raw.startswith(BOM):
        raw = raw[3:]
        flags |= HAD_BOM
    return raw, flags

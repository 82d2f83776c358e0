"""Writing output files all at once: a temporary file beside each, then a rename.

A reader never sees half a file, an interrupted write leaves the old file intact,
and an existing file is only replaced when the caller says ``force``. ``-`` means
standard output. A device, a named pipe or ``/dev/stdout`` is written into, never
replaced (see :mod:`studykit.output_target`). A full disk, a file size limit or any
other write error ends as one :class:`StudykitError` line, with nothing left behind.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import IO, TextIO

from studykit import temp_files
from studykit.errors import StudykitError
from studykit.io_errors import io_failure
from studykit.output_target import Target, classify


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
    with open_outputs([target], force=force, binary=binary) as (stream,):
        yield stream


@contextmanager
def open_outputs(
    targets: Sequence[str | Path], *, force: bool = False, binary: bool = False
) -> Iterator[list[TextIO]]:
    """Several outputs that belong together: every one appears, or none does.

    All are checked before any is written, so an existing one (without ``force``) leaves all untouched.
    """
    if any(str(target) == "-" for target in targets):
        if len(targets) > 1:
            raise ValueError("standard output cannot be one of several outputs")
        yield [_standard_output(binary)]  # type: ignore[list-item]
        _flush_standard_output(binary)
        return
    found = [classify(target) for target in targets]
    for target in found:
        if target.kind in ("file", "new"):
            temp_files.remove_stale(target.path)
        if target.kind == "file" and not force:
            raise StudykitError("already exists", path=str(target.path), hint="use --force to replace it")
    with ExitStack() as open_files:
        outputs = [open_files.enter_context(_Output.open(target, binary)) for target in found]
        yield [output.stream for output in outputs]
        for output in outputs:
            output.finish()
        if not force:
            for target in found:
                if target.kind == "new" and os.path.lexists(target.path):
                    raise StudykitError(
                        "already exists", path=str(target.path), hint="use --force to replace it"
                    )
        moves = [(output.temporary, output.target.path) for output in outputs if output.temporary]
        if moves:
            try:
                temp_files.commit(moves)
            except OSError as error:
                raise io_failure(str(moves[0][1]), error) from None
        for output in outputs:
            output.temporary = None  # in place: nothing to remove


class _Output:
    """One output being written: into a temporary file to be renamed, or straight into a stream."""

    def __init__(self, target: Target, handle: int, temporary: Path | None, binary: bool) -> None:
        self.target = target
        self.temporary = temporary
        raw = _RawOutput(handle, str(target.path))
        buffered = io.BufferedWriter(raw, buffer_size=1 << 16)
        self.stream: IO = buffered if binary else io.TextIOWrapper(buffered, encoding="utf-8", newline="")

    @classmethod
    @contextmanager
    def open(cls, target: Target, binary: bool) -> Iterator[_Output]:
        temporary = None
        try:
            if target.kind in ("file", "new"):
                handle, temporary = temp_files.create(target.path)
                _usual_mode(handle, target.path)
            elif target.kind == "descriptor":
                handle = os.dup(target.descriptor)  # type: ignore[arg-type]
            else:
                handle = os.open(target.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0))
        except OSError as error:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
            raise io_failure(str(target.path), error) from None
        output = cls(target, handle, temporary, binary)
        try:
            yield output
        finally:
            output.close()

    def finish(self) -> None:
        """Everything written reaches the disk (a file) or the reader (a stream)."""
        self.stream.flush()
        if self.temporary is not None:
            try:
                os.fsync(self.stream.fileno())
            except OSError as error:
                raise io_failure(str(self.target.path), error) from None

    def close(self) -> None:
        with suppress(StudykitError, OSError):  # the error that matters was raised already
            self.stream.close()
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)


class _RawOutput(io.RawIOBase):
    """A file descriptor whose write errors are one-line :class:`StudykitError` naming ``where``."""

    def __init__(self, handle: int, where: str) -> None:
        self.handle = handle
        self.where = where

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.handle

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            return os.write(self.handle, data)
        except OSError as error:
            raise io_failure(self.where, error) from None

    def close(self) -> None:
        if not self.closed:
            super().close()
            os.close(self.handle)


def _standard_output(binary: bool) -> IO:
    sys.stdout.flush()
    return sys.stdout.buffer if binary else sys.stdout


def _flush_standard_output(binary: bool) -> None:
    (sys.stdout.buffer if binary else sys.stdout).flush()


def _usual_mode(handle: int, path: Path) -> None:
    """Give the new file the mode a plain ``open`` would (or the replaced file's), not mkstemp's 0600."""
    try:
        mode = os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with suppress(OSError, AttributeError):  # no fchmod on Windows
        os.fchmod(handle, mode)

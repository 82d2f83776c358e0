"""Standard streams a command can rely on, set up once by the ``studykit`` entry point.

- A closed stdin, stdout or stderr (``<&-``, ``>&-``) gets ``/dev/null`` in its place, so
  no file studykit opens later takes its number. A closed stdin then reads as empty; a
  closed stdout fails at the first write with one line (nothing could be shown).
- Writing to stdout that fails (``>/dev/full``, a full disk, ``ulimit -f``) is one line
  and exit code 3; a reader that stops early (``| head``) still ends quietly.
- Where the locale cannot encode Unicode (``LC_ALL=C``), text degrades to ASCII
  (``—`` becomes ``-``, ``é`` becomes ``e``) instead of failing; JSON is the exception
  (:func:`print_json_exactly`): it keeps every character, as a ``\\u`` escape.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
import unicodedata

from studykit.errors import EXIT_IO, StudykitError
from studykit.io_errors import io_failure

ASCII_FALLBACK = "studykit-ascii"
JSON_ESCAPES = "studykit-json-escapes"
_ASCII = {
    "—": "-",
    "–": "-",
    "−": "-",
    "…": "...",
    "→": "->",
    "←": "<-",
    "·": "-",
    "≥": ">=",
    "≤": "<=",
    "≈": "~",
    "×": "x",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "█": "#",
    "░": ".",
    "•": "*",
    "\u00a0": " ",
}
STDOUT_NAME = "standard output"


def prepare_standard_streams() -> None:
    """Make stdin, stdout and stderr safe to use for the rest of the run."""
    closed = [number for number in (0, 1, 2) if not _is_open(number)]
    for number in closed:
        _occupy(number)
    codecs.register_error(ASCII_FALLBACK, _to_ascii)
    codecs.register_error(JSON_ESCAPES, _to_json_escapes)
    codecs.register(_find_ascii_codec)
    if 0 in closed or sys.stdin is None:
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
    if 2 in closed or sys.stderr is None or not _unicode(sys.stderr):
        sys.stderr = io.TextIOWrapper(
            io.FileIO(2, "w", closefd=False),
            encoding="utf-8" if _unicode(sys.stderr) else ASCII_FALLBACK,
            errors="backslashreplace",
            write_through=True,
        )
    previous = sys.stdout
    raw = _GuardedOutput(1, closed=1 in closed or previous is None)
    unicode = _unicode(previous)
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(raw),
        encoding=(getattr(previous, "encoding", None) or "utf-8") if unicode else ASCII_FALLBACK,
        errors=(getattr(previous, "errors", None) or "strict") if unicode else "strict",
        line_buffering=raw.isatty(),
    )


def print_json_exactly() -> None:
    """Declare that stdout carries JSON from here on, so a locale that cannot show a character
    still gets it exactly: as the ``\\u`` escape ``json.dumps(ensure_ascii=True)`` writes, not as
    its nearest ASCII (which would change the data, or break the JSON: ``“`` would become ``"``).

    Only where stdout degrades to ASCII; elsewhere the JSON is written as it is. Safe for any
    JSON text: outside its strings JSON is ASCII, and inside them an escape means the same.
    """
    stream = sys.stdout
    if getattr(stream, "encoding", None) == ASCII_FALLBACK and isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors=JSON_ESCAPES)


def finish_standard_output() -> int | None:
    """Flush stdout at the end; if that fails, say so in one line and return the exit code to use."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence()
        return 0
    except StudykitError as error:
        _report(error)
        return error.exit_code
    except OSError as error:
        _report(io_failure(STDOUT_NAME, error))
        return EXIT_IO
    return None


class _GuardedOutput(io.RawIOBase):
    """stdout's descriptor; a failed write becomes one :class:`StudykitError` and later writes vanish."""

    def __init__(self, number: int, *, closed: bool) -> None:
        self.number = number
        self.was_closed = closed
        self.failed = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.number

    def isatty(self) -> bool:
        return not self.was_closed and os.isatty(self.number)

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.failed:
            return len(data)
        if self.was_closed:
            self.failed = True
            raise StudykitError(
                "cannot write: it is closed",
                path=STDOUT_NAME,
                hint="run the command with standard output open (or redirect it to a file)",
                exit_code=EXIT_IO,
            )
        try:
            return os.write(self.number, data)
        except BrokenPipeError:
            raise
        except OSError as error:
            self.failed = True  # what is still buffered must not fail again at exit
            raise io_failure(STDOUT_NAME, error) from None


def _is_open(number: int) -> bool:
    try:
        os.fstat(number)
    except OSError:
        return False
    return True


def _occupy(number: int) -> None:
    descriptor = os.open(os.devnull, os.O_RDWR)
    if descriptor != number:
        os.dup2(descriptor, number)
        os.close(descriptor)


def _unicode(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def _to_ascii(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    out = []
    for char in text:
        plain = _ASCII.get(char)
        if plain is None:
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii") or "?"
        out.append(plain)
    return "".join(out), error.end


def _to_json_escapes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return json.dumps(error.object[error.start : error.end])[1:-1], error.end


def _ascii(text: str, errors: str) -> bytes:
    """``text`` in ASCII: JSON escapes once :func:`print_json_exactly` asked for them, else transliterated."""
    return text.encode("ascii", JSON_ESCAPES if errors == JSON_ESCAPES else ASCII_FALLBACK)


class _AsciiEncoder(codecs.IncrementalEncoder):
    def encode(self, text: str, final: bool = False) -> bytes:
        return _ascii(text, self.errors)


def _find_ascii_codec(name: str) -> codecs.CodecInfo | None:
    """An encoding that writes ASCII, turning other characters into their nearest ASCII.

    A codec of its own, not ``ascii`` with an error handler, because click rewraps a stream
    whose encoding is ``ascii`` as UTF-8, which is what an ASCII-only locale cannot show.
    """
    if name != ASCII_FALLBACK.replace("-", "_"):
        return None
    return codecs.CodecInfo(
        name=ASCII_FALLBACK,
        encode=lambda text, errors="strict": (_ascii(text, errors), len(text)),
        decode=codecs.ascii_decode,
        incrementalencoder=_AsciiEncoder,
        incrementaldecoder=codecs.getincrementaldecoder("ascii"),
    )


def _silence() -> None:
    """Point stdout at /dev/null so what is still buffered is dropped quietly at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _report(error: StudykitError) -> None:
    try:
        sys.stderr.write(f"Error: {error.format()}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass

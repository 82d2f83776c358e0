"""Hostile files, built in a temporary folder from a valid one: bombs, binary, bad bytes, huge sizes.

Each case turns the bytes of a valid file into a hostile variant (or plants a folder or an
unreadable file in its place), so the same list drives every command that reads files.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

MB = 1024 * 1024
ESCAPES = "\x1b[2J\x1b]0;owned\x07\x1b[31m"
MARKUP = "[bold red]LOUD[/bold red] [link=https://example.com]x[/link]"

YAML_BOMB = b"""a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

DEPTH = 100_000


def _deep_yaml(valid: bytes) -> bytes:
    return b"extra: " + b"[" * DEPTH + b"]" * DEPTH + b"\n" + valid


def _deep_json(valid: bytes) -> bytes:
    record = b'{"prompt": ' + b"[" * DEPTH + b"]" * DEPTH + b', "completion": "x"}\n'
    return valid + record


def _bom(valid: bytes) -> bytes:
    return b"\xef\xbb\xbf" + valid


def _crlf(valid: bytes) -> bytes:
    return valid.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _binary(valid: bytes) -> bytes:
    return bytes(range(256)) * 64


def _truncated(valid: bytes) -> bytes:
    """The file cut off in the middle of its last line (an interrupted copy)."""
    lines = valid.rstrip(b"\n").split(b"\n")
    last = lines[-1]
    return b"\n".join(lines[:-1]) + b"\n" + last[: max(1, len(last) // 2)]


def _empty(valid: bytes) -> bytes:
    return b""


# YAML (content and banks) ---------------------------------------------------------------


def _yaml_non_utf8(valid: bytes) -> bytes:
    return valid + b"# caf\xe9 cr\xe8me\n"


def _yaml_duplicate(valid: bytes) -> bytes:
    """The first top-level key written twice."""
    first = valid.split(b"\n", 1)[0]
    return valid + first + b"\n"


def _yaml_nan(valid: bytes, key: bytes) -> bytes:
    out, hit = [], False
    for line in valid.split(b"\n"):
        if not hit and line.startswith(key + b":"):
            line, hit = key + b": .nan", True
        out.append(line)
    assert hit, key
    return b"\n".join(out)


def _yaml_long_line(valid: bytes) -> bytes:
    return valid + b"# " + b"a" * (10 * MB) + b"\n"


YAML_CASES: dict[str, Callable[[bytes], bytes]] = {
    "alias-bomb": lambda valid: YAML_BOMB,
    "deep-nesting": _deep_yaml,
    "binary": _binary,
    "non-utf8": _yaml_non_utf8,
    "bom": _bom,
    "crlf": _crlf,
    "duplicate-key": _yaml_duplicate,
    "long-line": _yaml_long_line,
    "truncated": _truncated,
    "empty": _empty,
}

# JSON Lines (datasets) ------------------------------------------------------------------


def _record(prompt: object, completion: object = "Amazon Web Services.") -> bytes:
    return json.dumps({"prompt": prompt, "completion": completion}).encode() + b"\n"


def valid_jsonl(records: int = 3) -> bytes:
    return b"".join(_record(f"What is AWS? ({n})") for n in range(records))


JSONL_CASES: dict[str, Callable[[bytes], bytes]] = {
    "alias-bomb": lambda valid: valid + YAML_BOMB,
    "deep-nesting": _deep_json,
    "binary": _binary,
    "non-utf8": lambda valid: valid + b'{"prompt": "caf\xe9", "completion": "x"}\n',
    "bom": _bom,
    "crlf": _crlf,
    "duplicate-key": lambda valid: valid + b'{"prompt": "a", "prompt": "b", "completion": "c"}\n',
    "nan": lambda valid: valid + b'{"prompt": NaN, "completion": Infinity}\n',
    "long-line": lambda valid: valid + _record("What is AWS?", "x" * (10 * MB)),
    "truncated": _truncated,
    "empty": _empty,
    "markup": lambda valid: (
        valid + _record("q", "a") + json.dumps({f"{MARKUP}{ESCAPES}": 1}).encode() + b"\n"
    ),
}


def plant_folder(path: Path) -> None:
    """A folder where a file is expected."""
    path.mkdir(parents=True)
    (path / "inside.txt").write_text("not a file\n")


WRITE_ONLY = Path("/proc/sys/vm/compact_memory")
"""A kernel setting that can be written and never read, whoever asks (root included)."""


def plant_unreadable(path: Path, valid: bytes) -> None:
    """A file that cannot be opened for reading, deterministically.

    A file with mode 000 stops everyone but root; root reads anything, so under root
    the name points at a write-only kernel setting instead.
    """
    if not _is_root():
        path.write_bytes(valid)
        path.chmod(0)
        return
    try:
        WRITE_ONLY.open("rb").close()
    except PermissionError:
        path.symlink_to(WRITE_ONLY)
        return
    except OSError:
        pass
    pytest.skip("running as root without a write-only file to stand in for an unreadable one")


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def write_big_jsonl(path: Path, size: int, line: bytes | None = None) -> int:
    """Stream valid records into ``path`` until it holds ``size`` bytes; returns the record count."""
    line = line or _record("What does continued pre-training need? " * 4, "Unlabeled domain text. " * 8)
    block = line * max(1, (4 * MB) // len(line))
    written = records = 0
    with path.open("wb") as stream:
        while written + len(block) <= size:
            stream.write(block)
            written += len(block)
            records += len(block) // len(line)
    return records


def write_sparse(path: Path, size: int) -> None:
    """A file of ``size`` zero bytes that takes no room on disk."""
    with path.open("wb") as stream:
        stream.truncate(size)

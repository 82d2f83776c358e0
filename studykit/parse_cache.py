"""A per-user cache of parsed, checked content and banks, so a quiz starts without re-parsing.

Parsing and checking every concept and bank file costs far more than reading back the
result. An entry is used only when nothing it was built from has changed: the same source
files (path, size, modification time, inode and change time), the same studykit code (every
module's size and modification time) and the same Python; the entry stores that description
in full and it must match byte for byte. It is never trusted blindly: a length and CRC-32
check catches a torn or corrupt file, and unpickling admits only studykit's value classes,
so a damaged or planted entry is ignored and rebuilt, never run. (No cryptographic hash:
whoever can write the cache folder could recompute one; the allow-list is the protection,
and hashlib's start-up cost would eat into what the cache saves.) Entries are written
to a temporary file and renamed into place, so concurrent writers each leave a whole entry.

Files changed in the last two seconds are not cached (a file system with coarse timestamps
could hide a second change within the same tick). ``STUDYKIT_NO_CACHE=1`` turns the cache
off; with ``STUDYKIT_HOME`` set (tests, separate profiles) it lives in ``$STUDYKIT_HOME/cache``.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import sys
import time
import zlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import studykit
from studykit.errors import StudykitError
from studykit.user_home import home_folder

T = TypeVar("T")

FORMAT = b"studykit-parse-cache 2\n"
MAX_ENTRY_BYTES = 64 * 1024 * 1024
SETTLE_SECONDS = 2.0

# The only classes an entry may hold, besides plain Python values.
ALLOWED_CLASSES = {
    ("studykit.concepts.model", "Concept"),
    ("studykit.concepts.model", "Fact"),
    ("studykit.concepts.registry", "ConceptSet"),
    *(
        ("studykit.concepts.vocabulary", name)
        for name in ("Vocabulary", "Category", "AttributeSpec", "ValueWords", "Comparatives")
    ),
    *(("studykit.concepts.vocabulary", name) for name in ("TextQuestions", "Ask", "Family")),
    ("studykit.concepts.sources", "SourceTitles"),
    ("studykit.questions.model", "Question"),
    ("studykit.questions.model", "Option"),
    ("studykit.questions.model", "Step"),
    ("studykit.questions.model", "Pair"),
    ("studykit.questions.model", "Origin"),
    ("studykit.questions.model", "CaseStudy"),
    ("studykit.questions.model", "Kind"),
    ("studykit.questions.bank", "Bank"),
}


def cache_dir() -> Path:
    """Where entries live: ``$STUDYKIT_HOME/cache`` when set, else the per-user cache folder."""
    home = os.environ.get("STUDYKIT_HOME")
    if home:
        return home_folder(home) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("studykit", appauthor=False))


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or the entry ``name`` it returned earlier if none of ``sources`` changed.

    Errors from ``build`` pass through and nothing is stored.
    """
    if os.environ.get("STUDYKIT_NO_CACHE"):
        return build()
    try:
        key, newest = _key(name, sources)
    except OSError:
        return build()
    try:
        path = cache_dir() / f"{name}.pickle"
    except StudykitError:
        return build()  # an unusable STUDYKIT_HOME is reported by the commands that need it
    found = _read(path, key)
    if found is not None:
        return found  # type: ignore[no-any-return]
    value = build()
    if time.time() - newest >= SETTLE_SECONDS:
        _write(path, key, value)
    return value


def _key(name: str, sources: Iterable[Path]) -> tuple[bytes, float]:
    """Everything the entry depends on, written out, and the newest source's modification time."""
    lines = [f"{name}\0{sys.version}\0{studykit.__version__}", _code_signature()]
    newest = 0.0
    # Absolute, not resolved: resolving costs a system call per path component, and the stat
    # (which follows links) already changes with whatever file a path leads to.
    for path in sorted({os.path.abspath(source) for source in sources}):
        stat = os.stat(path)
        newest = max(newest, stat.st_mtime)
        lines.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ino}\0{stat.st_ctime_ns}")
    return "\n".join(lines).encode("utf-8", "surrogateescape"), newest


@lru_cache(maxsize=1)
def _code_signature() -> str:
    """Size and modification time of every studykit module: a code change rebuilds entries."""
    root = os.path.dirname(os.path.realpath(studykit.__file__))
    lines = []
    for folder, subfolders, files in os.walk(root):  # a third of the cost of Path.rglob
        subfolders.sort()
        relative = folder[len(root) + 1 :]
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                lines.append(f"{os.path.join(relative, name)}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return "\n".join(lines)


def _entry(key: bytes, payload: bytes) -> bytes:
    """An entry's bytes: format line, key length and key, payload length and CRC-32, payload."""
    sizes = len(key).to_bytes(8, "big") + len(payload).to_bytes(8, "big")
    return FORMAT + sizes + zlib.crc32(payload).to_bytes(4, "big") + key + payload


class _ValuesOnly(pickle.Unpickler):
    """Unpickles plain values and the allowed studykit classes; refuses anything else."""

    def find_class(self, module: str, name: str) -> object:
        if (module, name) in ALLOWED_CLASSES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache entry")


def _read(path: Path, key: bytes) -> object | None:
    """The entry's value, or None when it is missing, stale, torn, corrupt or not ours."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    start = len(FORMAT) + 20
    if len(data) > MAX_ENTRY_BYTES or len(data) < start or not data.startswith(FORMAT):
        return None
    key_size = int.from_bytes(data[len(FORMAT) : len(FORMAT) + 8], "big")
    payload_size = int.from_bytes(data[len(FORMAT) + 8 : len(FORMAT) + 16], "big")
    checksum = int.from_bytes(data[len(FORMAT) + 16 : start], "big")
    if key_size != len(key) or start + key_size + payload_size != len(data):
        return None
    payload = data[start + key_size :]
    if data[start : start + key_size] != key or zlib.crc32(payload) != checksum:
        return None
    try:
        return _ValuesOnly(io.BytesIO(payload)).load()
    except Exception:
        return None


def _write(path: Path, key: bytes, value: object) -> None:
    """Store an entry atomically; a cache that cannot be written is simply not used."""
    try:
        import tempfile

        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_entry(key, payload))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)

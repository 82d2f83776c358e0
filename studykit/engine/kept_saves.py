"""Saves a session could not commit yet, as plain data, so none is ever dropped.

A save that fails (the progress file stayed locked, the disk is full) is kept by the
session and committed with the next one. When the session ends with saves still
waiting, :func:`keep_in_file` writes them beside the progress file, and
:func:`replay_kept` commits them the next time studykit opens that file for writing.
Each save is a small JSON object naming its operation, so the live path and the
replay run the same code (:func:`apply_save`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from studykit.store import (
    AnswerRecord,
    Store,
    add_bookmark,
    clear_answer,
    finish_session,
    load_session,
    record_answer,
    remove_bookmark,
    save_place,
)
from studykit.store.failures import ProgressUnavailable

Save = dict[str, Any]
"""One save: ``{"op": ..., "at": ISO time, ...}``; see :func:`apply_save` for the operations."""

KEPT_FOLDER_SUFFIX = ".kept"
"""Kept saves of ``progress.sqlite3`` live in ``progress.sqlite3.kept/``, one JSON file per session."""

_SESSION_OPS = frozenset({"answer", "clear", "place", "finish"})


def kept_folder(progress_path: Path) -> Path:
    return progress_path.with_name(progress_path.name + KEPT_FOLDER_SUFFIX)


def apply_save(store: Store, save: Save) -> None:
    """Commit one save (inside the caller's write transaction, if any)."""
    op, at = save["op"], datetime.fromisoformat(str(save["at"]))
    domain = save.get("domain")
    concepts = tuple(str(concept) for concept in save.get("concepts", ()))
    if op == "answer":
        record = AnswerRecord(
            str(save["question"]),
            str(save["answer"]),
            bool(save["correct"]),
            float(save["elapsed"]),
            domain,
            concepts,
            bool(save.get("guessed", False)),
        )
        record_answer(
            store,
            int(save["session"]),
            record,
            at,
            remaining_seconds=save.get("remaining"),
            position=save.get("position"),
        )
        if save.get("schedule"):
            from studykit.engine.review import rating_for

            _review(store, save, int(rating_for(record.correct, record.guessed)), at, domain, concepts)
    elif op == "rating":
        _review(store, save, int(save["rating"]), at, domain, concepts)
    elif op == "bookmark":
        if save["flagged"]:
            add_bookmark(store, str(save["question"]), at, domain=domain, concepts=concepts)
        else:
            remove_bookmark(store, str(save["question"]))
    elif op == "clear":
        clear_answer(store, int(save["session"]), str(save["question"]), at)
        save_place(store, int(save["session"]), at, remaining_seconds=save.get("remaining"))
    elif op == "place":
        flagged = save.get("flagged")
        save_place(
            store,
            int(save["session"]),
            at,
            position=save.get("position"),
            flagged=None if flagged is None else [str(q) for q in flagged],
            remaining_seconds=save.get("remaining"),
        )
    elif op == "finish":
        finish_session(store, int(save["session"]), at, remaining_seconds=save.get("remaining"))
    else:
        raise ValueError(f"unknown save operation {op!r}")


def _review(
    store: Store, save: Save, rating: int, at: datetime, domain: int | None, concepts: Sequence[str]
) -> None:
    # Imported here: FSRS is needed once an answer is in, not before the first question.
    from studykit.engine.review import Rating, review_and_save

    elapsed = float(save.get("elapsed", 0.0))
    review_and_save(
        store,
        str(save["question"]),
        Rating(rating),
        at,
        domain=domain,
        concepts=concepts,
        duration_ms=int(elapsed * 1000),
    )


def keep_in_file(progress_path: Path, session_id: int, saves: Sequence[Save]) -> Path:
    """Write ``saves`` beside the progress file, all at once; raises OSError if that fails too."""
    folder = kept_folder(progress_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"session-{session_id}-{os.getpid()}-{datetime.now().strftime('%Y%m%d%H%M%S%f')}.json"
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as stream:
            json.dump(list(saves), stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
    return target


def replay_kept(store: Store) -> tuple[int, list[str]]:
    """Commit the saves kept by earlier runs and remove their files.

    Returns how many answers were saved and a note for each file that could not be used.
    A file whose saves still cannot be committed stays for the next run.
    """
    folder = kept_folder(store.path)
    if store.read_only is not None or not folder.is_dir():
        return 0, []
    answers, problems = 0, []
    for path in sorted(folder.glob("session-*.json")):
        try:
            saves = _read_saves(path)
        except (OSError, ValueError) as error:
            problems.append(f"{path}: cannot read kept answers ({error}); delete the file")
            continue
        try:
            with store.write():
                if not path.exists():
                    continue  # another run saved this file while this one waited for the lock
                for save in saves:
                    if save["op"] in _SESSION_OPS and load_session(store, int(save["session"])) is None:
                        continue  # the progress was reset since: that session is gone
                    apply_save(store, save)
        except ProgressUnavailable:
            return answers, problems  # still cannot write: every file stays for the next run
        except (KeyError, TypeError, ValueError) as error:
            problems.append(f"{path}: kept answers are malformed ({error}); delete the file")
            continue
        answers += sum(save["op"] == "answer" for save in saves)
        try:
            path.unlink()
        except OSError as error:
            problems.append(f"{path}: saved, but the file could not be removed ({error.strerror}); delete it")
    return answers, problems


def _read_saves(path: Path) -> list[Save]:
    with open(path, encoding="utf-8") as stream:
        saves = json.load(stream)
    if not isinstance(saves, list) or not all(isinstance(s, dict) and "op" in s and "at" in s for s in saves):
        raise ValueError("not a list of saves")
    return saves

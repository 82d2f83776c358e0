"""Learners' ``studykit progress --export`` files, read for item analysis.

Both export formats are read: JSON (``{"answers": [...]}``) and CSV (one answer a row). An
answer records the chosen parts by their index in the question as the bank writes it, never
the shuffled order shown (see :mod:`studykit.questions.model`), so answers from many learners
can be counted together.

Learners stay anonymous: a learner is known only by :func:`learner_key`, a digest of their
first answer (its time to the microsecond, session and question), which every export of the
same progress file shares, and nothing else of theirs is kept. The same export given twice, or
two exports of one learner, therefore count once: their answers are merged.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from studykit.errors import StudykitError
from studykit.questions.model import Answer, answer_from_json
from studykit.yamlfile import read_text

MAX_EXPORT_BYTES = 64 * 1024 * 1024
CSV_COLUMNS = ("answered_at", "session", "question", "correct", "answer")


@dataclass(frozen=True)
class GivenAnswer:
    """One answer from an export: when, in which session, to which question, right or not, what."""

    answered_at: str
    session: int
    question: str
    correct: bool
    answer: Answer


@dataclass(frozen=True)
class Learner:
    """One learner's answers, oldest first, under an anonymous key."""

    key: str
    answers: tuple[GivenAnswer, ...]


def learner_key(answers: Iterable[tuple[str, int, str]]) -> str:
    """An anonymous key for a progress file: a digest of its first (time, session, question)."""
    first = min(answers, default=None)
    if first is None:
        return ""
    text = "\0".join(("studykit-learner", first[0], str(first[1]), first[2]))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_learners(paths: Sequence[Path]) -> tuple[tuple[Learner, ...], int]:
    """The learners in ``paths`` (exports of one learner merged) and how many files were repeats."""
    by_key: dict[str, dict[tuple[str, int, str], GivenAnswer]] = {}
    repeats = 0
    for path in paths:
        answers = read_export(path)
        if not answers:
            continue
        key = learner_key((answer.answered_at, answer.session, answer.question) for answer in answers)
        if key in by_key:
            repeats += 1
        merged = by_key.setdefault(key, {})
        for answer in answers:
            merged[(answer.answered_at, answer.session, answer.question)] = answer
    learners = tuple(
        Learner(key, tuple(answer for _, answer in sorted(merged.items()))) for key, merged in by_key.items()
    )
    return learners, repeats


def read_export(path: Path) -> list[GivenAnswer]:
    """Every answer of one export (JSON or CSV, told by its first character)."""
    text = read_text(path, max_bytes=MAX_EXPORT_BYTES, what="progress export")
    name = str(path)
    if text.lstrip().startswith("{"):
        return _from_json(text, name)
    return _from_csv(text, name)


def _from_json(text: str, name: str) -> list[GivenAnswer]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise StudykitError(
            f"not valid JSON ({error.msg})",
            name,
            error.lineno,
            error.colno,
            hint="give the file 'studykit progress --export FILE.json' wrote",
        ) from None
    rows = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise StudykitError(
            "no 'answers' list: not a progress export",
            name,
            hint="give the file 'studykit progress --export FILE.json' wrote",
        )
    found = []
    for index, row in enumerate(rows):
        where = f"answers[{index}]"
        if not isinstance(row, dict):
            raise _bad(name, None, f"{where} is not an object")
        found.append(_answer(row, name, None, where))
    return found


def _from_csv(text: str, name: str) -> list[GivenAnswer]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in CSV_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise StudykitError(
            f"not a progress export: no {missing[0]!r} column",
            name,
            1,
            hint="give the file 'studykit progress --export FILE.csv' (or .json) wrote",
        )
    found = []
    for row in reader:
        line = reader.line_num
        try:
            given = json.loads(row["answer"] or "")
        except json.JSONDecodeError:
            raise _bad(name, line, "the answer column is not an answer studykit wrote") from None
        values = {
            **row,
            "session": _integer(row["session"]),
            "correct": row["correct"] == "1",
            "answer": given,
        }
        if row["correct"] not in ("0", "1"):
            raise _bad(name, line, "the correct column must be 0 or 1")
        found.append(_answer(values, name, line, "this row"))
    return found


def _integer(text: str | None) -> object:
    return int(text) if text and text.isdigit() else text


def _answer(row: dict[str, object], name: str, line: int | None, where: str) -> GivenAnswer:
    answered_at, session, question, correct = (
        row.get(key) for key in ("answered_at", "session", "question", "correct")
    )
    if not isinstance(answered_at, str) or not isinstance(question, str) or not question:
        raise _bad(name, line, f"{where} needs 'answered_at' and 'question' as text")
    if not isinstance(session, int) or isinstance(session, bool) or not isinstance(correct, bool):
        raise _bad(name, line, f"{where} needs a whole-number 'session' and a true/false 'correct'")
    try:
        answer = answer_from_json(row.get("answer"))
    except ValueError:
        raise _bad(name, line, f"{where} has an 'answer' studykit did not write") from None
    return GivenAnswer(answered_at, session, question, correct, answer)


def _bad(name: str, line: int | None, message: str) -> StudykitError:
    return StudykitError(
        message, name, line, hint="give the file 'studykit progress --export' wrote, unedited"
    )

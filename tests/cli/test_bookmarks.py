"""Bookmarks: :f flags in a quiz, an exam or a review, quiz --flagged practises them, progress lists them."""

from __future__ import annotations

import json
import random
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli
from studykit.engine.draw import draw_session
from studykit.engine.presentation import present_seeded
from studykit.questions.pool import question_pool
from studykit.store import bookmarks, open_store
from tests.cli.test_exam_command import exam_items, run_exam

BANK = Path(__file__).resolve().parent.parent / "data" / "exam"
QUIZ = ["quiz", "--bank", str(BANK), "--no-generated", "--seed", "5"]


def quiz_items(count: int):
    pool = question_pool([BANK], generated=False)
    return [present_seeded(q, 5) for q in draw_session(pool, count, random.Random(5))]


def flagged_ids() -> list[str]:
    with open_store() as store:
        return [bookmark.question_id for bookmark in bookmarks(store)]


def test_a_flag_in_a_quiz_is_kept_and_quiz_flagged_practises_it() -> None:
    items = quiz_items(2)
    first = CliRunner().invoke(cli, [*QUIZ, "--count", "2"], input=f":f\n{items[0].correct_typed}\n\n")
    assert "Flagged: kept as a bookmark until you unflag it" in first.output
    assert flagged_ids() == [items[0].question.id]
    again = CliRunner().invoke(cli, [*QUIZ, "--flagged"], input="q\n")
    assert "Quiz: 1 question, 0 new to you, from your flagged questions." in again.output
    assert items[0].question.stem.split()[0] in again.output


def test_unflagging_in_a_quiz_removes_the_bookmark() -> None:
    items = quiz_items(1)
    CliRunner().invoke(cli, [*QUIZ, "--count", "1"], input=":f\nq\n")
    assert flagged_ids() == [items[0].question.id]
    result = CliRunner().invoke(cli, [*QUIZ, "--flagged"], input=":f\nq\n")
    assert "Unflagged: removed from your bookmarks." in result.output
    assert flagged_ids() == []
    nothing = CliRunner().invoke(cli, [*QUIZ, "--flagged"], input="q\n")
    assert nothing.exit_code == 2
    assert "you have not flagged any questions yet — type :f on a question" in nothing.output


def test_exam_flags_are_bookmarks_and_progress_lists_them() -> None:
    items = exam_items()
    run_exam([":f", items[0].correct_typed, ":f", ":b", ":f", "q"])  # flag 1, flag 2, unflag 1
    assert flagged_ids() == [items[1].question.id]
    page = CliRunner().invoke(cli, ["progress"]).output
    assert "Flagged questions (1)" in page
    assert "Practise them: studykit quiz --flagged" in page
    data = json.loads(CliRunner().invoke(cli, ["progress", "--json"]).stdout)
    assert [entry["question"] for entry in data["flagged"]] == [items[1].question.id]


def test_flagged_questions_from_other_banks_are_named_as_missing(tmp_path: Path) -> None:
    CliRunner().invoke(cli, [*QUIZ, "--count", "1"], input=":f\nq\n")
    result = CliRunner().invoke(cli, ["quiz", "--flagged", "--no-generated"], input="q\n")
    assert result.exit_code == 2
    assert "none of your 1 flagged question is in these banks — run it with the --bank" in result.output

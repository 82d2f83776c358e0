"""exam --history lists finished exams; exam show N rereads one, flagged questions included."""

from __future__ import annotations

from click.testing import CliRunner

from studykit.cli import cli
from tests.cli.test_exam_command import exam_items, run_exam, wrong_letter


def test_history_lists_each_finished_exam_and_show_rereads_it_with_flags() -> None:
    items = exam_items()
    script = [items[0].correct_typed, ":f", items[1].correct_typed, wrong_letter(items[2])]
    run_exam([*script, ":r", "submit"])
    run_exam(["q"], "--seed", "12")  # paused, not finished: not in the history
    history = CliRunner().invoke(cli, ["exam", "--history"])
    assert history.exit_code == 0, history.output
    rows = [line.split() for line in history.output.splitlines() if line.strip().startswith("1 ")]
    assert rows == [["1", "2026-11-20", "09:00", "2/5", "442", "FAIL", "0", "of", "90", "1"]]
    assert "studykit exam show N" in history.output
    shown = CliRunner().invoke(cli, ["exam", "show", "1", "--bank", str(exam_bank())])
    out = shown.output
    assert shown.exit_code == 0, out
    assert "Exam 1: result" in out and "Exam 1, finished 2026-11-20 09:00 UTC: 5 questions" in out
    assert "Scaled score 442 of 1000 (pass mark 700): FAIL" in out
    assert "Questions to learn from (4): wrong, blank or flagged" in out
    flagged_header = next(line for line in out.splitlines() if line.startswith("Question 2 of 5"))
    assert flagged_header.endswith("flagged")
    flagged_part = out[out.index(flagged_header) :]
    assert flagged_part.split("Question 3 of 5")[0].count("Right.") == 1  # flagged and right: still shown
    assert "Question 1 of 5" not in out  # right and not flagged


def test_the_report_at_submission_shows_flagged_questions_too_and_names_the_exam() -> None:
    items = exam_items()
    result = run_exam([":f", *[item.correct_typed for item in items], "submit"])
    assert "Questions to learn from (1): wrong, blank or flagged" in result.output
    assert "This is exam 1: reread it any time with 'studykit exam show 1'." in result.output


def test_show_without_exams_or_with_a_wrong_number_says_what_exists() -> None:
    assert (
        "No finished exams yet. Start one with 'studykit exam'."
        in CliRunner().invoke(cli, ["exam", "--history"]).output
    )
    none = CliRunner().invoke(cli, ["exam", "show", "1"])
    assert none.exit_code == 2
    assert none.output.strip() == "Error: you have not finished an exam yet — start one with 'studykit exam'"
    items = exam_items()
    run_exam([*[item.correct_typed for item in items], "submit"])
    wrong = CliRunner().invoke(cli, ["exam", "show", "3"])
    assert wrong.exit_code == 2
    assert "there is no exam 3: you have finished 1 — the only one is exam 1" in wrong.output


def exam_bank():
    from tests.cli.test_exam_command import BANK

    return BANK

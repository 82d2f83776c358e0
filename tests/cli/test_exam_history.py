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
    used = ["6.0", "s", "of", "1", "h", "30", "min"]
    assert rows == [["1", "2026-11-20", "09:00", "2/5", "442", "FAIL", *used, "1"]]
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


def test_time_used_reads_as_a_duration_even_for_a_half_minute_exam_that_ran_out() -> None:
    items = exam_items()
    run_exam([(4.57, items[0].correct_typed), (40.0, "A")], minutes="0.5")
    history = " ".join(CliRunner().invoke(cli, ["exam", "--history"]).output.split())
    assert "30 s of 30 s (time out)" in history  # not "0 of 0.5"
    shown = CliRunner().invoke(cli, ["exam", "show", "1", "--bank", str(exam_bank())]).output
    shown = " ".join(shown.split())
    assert "Exam 1, finished 2026-11-20 09:00 UTC: 5 questions, 30 s of 30 s used." in shown


def test_a_few_seconds_used_are_said_in_seconds() -> None:
    items = exam_items()
    run_exam([(4.57, items[0].correct_typed), ":r", "submit"], minutes="7")
    history = " ".join(CliRunner().invoke(cli, ["exam", "--history"]).output.split())
    assert "6.6 s of 7 min" in history  # 4.57 s on question 1, 1 s each for ':r' and 'submit'


def exam_bank():
    from tests.cli.test_exam_command import BANK

    return BANK


def test_blank_exam_questions_are_counted_in_the_export_report_but_not_listed_as_answers(tmp_path) -> None:
    import json

    from studykit.analysis.exports import read_export

    items = exam_items()
    run_exam([items[0].correct_typed, ":r", "submit"])
    target = tmp_path / "progress.json"
    result = CliRunner().invoke(cli, ["progress", "--export", str(target)])
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text())
    assert data["unanswered"] == 4 and [a["question"] for a in data["answers"]] == [items[0].question.id]
    assert len(read_export(target)) == 1  # what 'bank analyze' reads

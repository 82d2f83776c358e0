"""Scripted exams through CliRunner, with time moved by an injected clock (no sleeping)."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli
from studykit.cli.environment import Environment
from studykit.cli.exam_session import draw_exam
from studykit.engine.presentation import present_seeded
from studykit.questions.pool import question_pool
from studykit.store import exam_history, latest_active_session, open_store, session_answers
from tests.cli.typed_lines import FakeClock, TypedLines

BANK = Path(__file__).resolve().parent.parent / "data" / "exam"
SEED = 11
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def exam_items(count: int = 5):
    pool = question_pool([BANK], generated=False)
    questions, _ = draw_exam(pool, count, SEED)
    return [present_seeded(question, SEED) for question in questions]


def wrong_letter(item) -> str:
    return next(letter for letter in "ABC" if letter != item.correct_typed)


def run_exam(entries, *args: str, clock: FakeClock | None = None, minutes: str = "90"):
    clock = clock or FakeClock()
    env = Environment(clock=clock, now=lambda: NOW)
    arguments = [
        "exam",
        "--bank",
        str(BANK),
        "--no-generated",
        "--seed",
        str(SEED),
        "--questions",
        "5",
        *(["--minutes", minutes] if minutes and "--resume" not in args else []),
        *args,
    ]
    return CliRunner().invoke(cli, arguments, obj=env, input=TypedLines(clock, entries))


def test_a_scripted_exam_gives_no_feedback_until_submitted_then_the_full_report() -> None:
    items = exam_items()
    answers = [items[0].correct_typed, items[1].correct_typed, wrong_letter(items[2])]
    answers += [items[3].correct_typed, items[4].correct_typed, "submit"]
    result = run_exam(answers)
    assert result.exit_code == 0, result.output
    before, _, after = result.output.partition("Exam result")
    assert "Blueprint:" in before and "Question 5 of 5" in before
    assert "Right." not in before and "Wrong." not in before and "Why:" not in before
    assert "Review before submitting" in before
    assert "Scaled score 800 of 1000 (pass mark 700): PASS" in after
    assert "4 of 5 right (80 %)" in after
    assert "Meets competencies" in after or "Needs improvement" in after
    assert "Questions to learn from (1)" in after
    assert f"Wrong. You answered {answers[2]}; the answer is {items[2].correct_typed}." in after
    with open_store() as store:
        [exam] = exam_history(store)
        assert (exam.correct, exam.total, exam.scaled_score, exam.passed) == (4, 5, 800, True)
        assert latest_active_session(store, "exam") is None


def test_header_states_the_blueprint_for_every_exam_domain() -> None:
    result = run_exam(["q"])
    header = result.output.partition("Question 1 of 5")[0]
    assert "Practice exam (AIF-C01 style): 5 questions, 90 minutes" in header
    counts = [int(n) for n in re.findall(r"^  Domain \d .*: (\d+) ", header, re.MULTILINE)]
    assert len(counts) == 5 and sum(counts) == 5
    assert "Domain 3 Applications of Foundation Models: 2 (33 %)" in header
    assert "Domain 4 Guidelines for Responsible AI: 0 (no questions in the banks)" in header


def test_a_bank_too_small_for_the_exam_gives_every_question_and_says_so() -> None:
    result = run_exam(["q"], "--questions", "10")
    assert "Practice exam (AIF-C01 style): 8 questions, 90 minutes" in result.output
    assert "The banks hold only 8 questions, not the 10 asked for." in result.output
    assert "Question 1 of 8" in result.output


def test_flag_and_go_back_show_on_the_review_screen() -> None:
    items = exam_items()
    script = [items[0].correct_typed, ":f", "", ":b", ":b", ":b", ":g 4", ":r", "submit"]
    result = run_exam(script)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Question 2 flagged for review (and kept as a bookmark)." in out
    assert "This is the first question: there is none before it." in out
    assert "Question 2 of 5  ·  single choice  ·  1:29:" in out
    assert re.search(r"Question 2 of 5 .*flagged", out)
    assert "Question 4 of 5" in out
    assert "Unanswered: 2 3 4 5" in out and "Flagged:    2" in out
    assert "Your answer: " + items[0].correct_typed in out  # going back shows the answer given
    assert "1 of 5 right" in out and "4 unanswered" in out


def test_invalid_answers_and_jumps_re_prompt_on_the_same_question() -> None:
    items = exam_items()
    result = run_exam(["Z", ":g 9", "go", ":g five", ":z", items[0].correct_typed, "q"])
    out = result.output
    assert "'Z' is not one of the letters A–C" in out
    assert "There is no question 9; choose 1–5." in out
    assert "'go' needs a question number, e.g. ':g 12'." in out
    assert "'five' is not a question number; type e.g. ':g 12'." in out
    assert "':z' is not a command; type ? for the list." in out
    assert out.count("Question 1 of 5") == 1  # re-prompted, not redrawn
    assert "Exam paused" in out and "1 of 5 answered" in out


def test_time_running_out_submits_and_ignores_what_was_typed_late() -> None:
    items = exam_items()
    script = [items[0].correct_typed, (90 * 60, items[1].correct_typed), "submit"]
    result = run_exam(script)
    assert result.exit_code == 0, result.output
    assert "Time ran out: the exam was submitted with the answers given so far." in result.output
    assert "1 of 5 right" in result.output
    with open_store() as store:
        assert exam_history(store)[0].correct == 1


def test_pause_then_resume_keeps_questions_answers_flags_and_time_left() -> None:
    items = exam_items()
    first = run_exam([(30, items[0].correct_typed), (50, ":f"), (20, "q")])
    assert "Exam paused with 1:28:20 left" in first.output
    with open_store() as store:
        saved = latest_active_session(store, "exam")
        assert saved is not None
        assert saved.question_ids == tuple(item.question.id for item in items)
        assert saved.remaining_seconds == 90 * 60 - 100
        assert set(session_answers(store, saved.id)) == {items[0].question.id}
    resumed = run_exam([(40, ":b"), "submit", "submit"], "--resume")
    out = resumed.output
    assert "1 answered, 1 flagged, 1:28:20 left." in out
    assert re.search(r"Question 2 of 5  ·  single choice  ·  1:28:20 left  ·  flagged", out)
    assert "Your answer: " + items[0].correct_typed in out
    assert "1 of 5 right" in out


def test_a_new_exam_closes_the_unfinished_one_so_resume_finds_the_new_one() -> None:
    items = exam_items()
    run_exam([items[0].correct_typed, "q"])
    second = run_exam(["q"], "--seed", "12")
    assert second.exit_code == 0, second.output
    assert (
        "Closed an unfinished exam from 2026-11-20 09:00 UTC (1 of 5 answered, 1:29:58 left)"
        " without a score." in second.output
    )
    with open_store() as store:
        saved = latest_active_session(store, "exam")
        assert saved is not None and saved.seed == 12
        assert exam_history(store) == []


def test_a_new_exam_that_cannot_start_leaves_the_unfinished_one_alone(tmp_path: Path) -> None:
    items = exam_items()
    run_exam([items[0].correct_typed, "q"])
    broken = tmp_path / "broken.yaml"
    broken.write_text("questions: [\n")
    failed = CliRunner().invoke(cli, ["exam", "--bank", str(broken), "--no-generated"])
    assert failed.exit_code == 2
    assert "Closed" not in failed.output
    with open_store() as store:
        saved = latest_active_session(store, "exam")
        assert saved is not None and saved.seed == SEED


def test_resume_with_nothing_to_resume_says_so() -> None:
    result = run_exam([], "--resume")
    assert result.exit_code == 0
    assert "Nothing to resume: there is no unfinished exam" in result.output


def test_questions_removed_from_the_banks_are_dropped_on_resume(tmp_path: Path) -> None:
    items = exam_items()
    run_exam([items[0].correct_typed, "q"])
    smaller = tmp_path / "practice.yaml"
    gone = items[1].question.id
    text = (BANK / "practice.yaml").read_text()
    start = text.index(f"  - id: {gone}\n")
    end = text.find("  - id: ", start + 1)
    smaller.write_text(text[:start] + (text[end:] if end != -1 else ""))
    clock = FakeClock()
    env = Environment(clock=clock, now=lambda: NOW)
    result = CliRunner().invoke(
        cli,
        ["exam", "--resume", "--bank", str(smaller), "--no-generated"],
        obj=env,
        input=TypedLines(clock, ["submit", "submit"]),
    )
    assert result.exit_code == 0, result.output
    assert (
        f"1 question of this exam no longer exists in the question banks and was dropped: {gone}"
        in result.output
    )
    assert "of 4 right" in result.output


def test_markup_in_a_question_prints_literally() -> None:
    items = exam_items(8)
    position = next(i for i, item in enumerate(items) if "[bold]" in item.question.stem)
    result = run_exam([f":g {position + 1}", "q"], "--questions", "8")
    assert "[bold]student[/bold]" in result.output


def test_questions_left_blank_count_as_wrong_in_progress() -> None:
    items = exam_items()
    result = run_exam([items[0].correct_typed, ":r", "submit"])
    assert "1 of 5 right" in result.output and "4 unanswered" in result.output
    progress = CliRunner().invoke(cli, ["progress"])
    assert "Progress: 5 questions, 20 % right" in progress.output
    assert "4 exam questions left blank or not reached count as wrong" in progress.output
    with open_store() as store:
        from studykit.store import all_answers

        blank = [answer for answer in all_answers(store) if answer.unanswered]
        assert sorted(answer.question_id for answer in blank) == sorted(i.question.id for i in items[1:])
        assert not any(answer.correct for answer in blank)


def test_a_shorter_exam_gets_time_in_proportion_unless_minutes_are_given() -> None:
    result = run_exam(["q"], minutes="")
    assert "Practice exam (AIF-C01 style): 5 questions, 7 minutes" in result.output
    assert "Question 1 of 5  ·  single choice  ·  6:59 left" in result.output or (
        "Question 1 of 5  ·  single choice  ·  7:00 left" in result.output
    )
    ten = run_exam(["q"], "--questions", "10", "--seed", "3", minutes="")
    assert "8 questions, 12 minutes" in ten.output  # the bank holds 8: time follows what is drawn
    given = run_exam(["q"], "--seed", "4", minutes="30")
    assert "5 questions, 30 minutes" in given.output


def test_the_review_screen_lists_each_question_with_its_first_words_answer_and_flag() -> None:
    from studykit.ui.exam_screens import STEM_WIDTH
    from studykit.ui.text import first_words

    items = exam_items()
    result = run_exam([items[0].correct_typed + "?", ":f", ":r", "q"])
    screen = result.output[result.output.index("Review before submitting") :]
    rows = {line.split()[0]: line for line in screen.splitlines() if line.strip()[:1].isdigit()}
    first = first_words(items[0].question.stem, STEM_WIDTH)
    assert first in rows["1"] and rows["1"].rstrip().endswith(items[0].correct_typed + "?")
    assert first_words(items[1].question.stem, STEM_WIDTH) in rows["2"] and rows["2"].rstrip().endswith(
        "flagged"
    )
    assert all(len(line) <= 80 for line in screen.splitlines())


def test_successive_exams_draw_fresh_forms_until_the_banks_run_out() -> None:
    first = run_exam(["q"], "--questions", "2", "--seed", "1")  # domains 2 and 3: two fresh forms
    assert "A fresh form: none of these questions was in an earlier exam of yours." in first.output
    second = run_exam(["q"], "--questions", "2", "--seed", "1")
    assert "A fresh form" in second.output
    assert "Questions no exam of yours has used are left for about 1 more exam like it." in first.output
    assert "It is the last fresh form: your next exam will repeat earlier questions." in second.output
    third = run_exam(["q"], "--questions", "2", "--seed", "1")
    assert "The banks have run out of fresh exam forms: 1 of these 2 questions was in an earlier exam" in (
        " ".join(third.output.split())
    )
    with open_store() as store:
        from studykit.store import list_sessions

        forms = [set(session.question_ids) for session in list_sessions(store) if session.kind == "exam"]
    assert len(forms) == 3 and not forms[0] & forms[1]


def test_a_bank_that_cannot_fill_the_blueprint_is_told_what_is_missing_before_the_exam() -> None:
    result = run_exam(["q"], "--questions", "65", minutes="")
    before = result.output[: result.output.index("Question 1 of")]
    flat = " ".join(before.split())
    assert "These banks cannot fill the AIF-C01 blueprint for 65 questions:" in flat
    assert "domain 1 needs 13 and has 1; domain 2 needs 16 and has 2; domain 3 needs 18 and has 3;" in flat
    assert "domain 4 needs 9 and has 0; domain 5 needs 9 and has 2." in flat


def test_a_command_typed_without_its_colon_is_named_and_nothing_is_answered() -> None:
    result = run_exam(["g 3", "x", ":x", "zz", "q"])
    assert result.exit_code == 0, result.output
    notes = [" ".join(note.split()) for note in result.output.split("Answer (? for commands):")]
    assert notes[1].startswith("g 3 Not an answer: ")
    assert notes[1].endswith("Commands start with ':' — ':g 3': go to question 3.")
    assert notes[2].endswith("Commands start with ':' — ':x': clear your answer.")
    assert notes[3] == ":x Question 1 has no answer to clear."
    assert notes[4].startswith("zz Not an answer: ") and "Commands start" not in notes[4]
    assert "0 of 5 answered" in notes[5]


def test_a_bank_that_fills_the_blueprint_only_with_generated_questions_is_told_what_it_lacks() -> None:
    arguments = ["exam", "--bank", str(BANK), "--seed", str(SEED), "--minutes", "90"]
    result = CliRunner().invoke(
        cli, arguments, obj=Environment(clock=FakeClock(), now=lambda: NOW), input="q\n"
    )
    before = result.output[: result.output.index("Question 1 of")]
    flat = " ".join(before.split())
    assert "These banks cannot fill the AIF-C01 blueprint for 65 questions on their own:" in flat
    assert "domain 1 has 1 of the 13 it needs; domain 2 has 2 of the 16 it needs;" in flat
    assert "domain 4 has 0 of the 9 it needs; domain 5 has 2 of the 9 it needs." in flat
    assert (
        "Questions generated from the concept notes fill the rest ('--no-generated' leaves them out)" in flat
    )
    assert flat.index("on their own") < flat.index("Practice exam (AIF-C01 style): 65 questions")


def test_the_shipped_banks_fill_the_blueprint_without_a_note() -> None:
    arguments = ["exam", "--seed", str(SEED)]
    result = CliRunner().invoke(
        cli, arguments, obj=Environment(clock=FakeClock(), now=lambda: NOW), input="q\n"
    )
    header = " ".join(result.output[: result.output.index("Question 1 of")].split())
    assert "cannot fill" not in header
    assert header.startswith("Practice exam (AIF-C01 style): 65 questions, 90 minutes")
    assert "A fresh form: none of these questions was in an earlier exam of yours." in header

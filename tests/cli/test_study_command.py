"""studykit study: due reviews first, then new questions, sized to the time; q pauses; what next."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli
from studykit.cli.environment import Environment
from studykit.engine.presentation import present_seeded
from studykit.engine.review import new_card
from studykit.questions.pool import question_pool
from studykit.store import all_answers, latest_active_session, open_store, save_card

BANK = Path(__file__).resolve().parent.parent / "data" / "exam"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
POOL = {q.id: q for q in question_pool([BANK], generated=False)}
STUDY = ["study", "--bank", str(BANK), "--no-generated", "--seed", "3"]


def study(*args: str, input: str = ""):
    env = Environment(now=lambda: NOW)
    return CliRunner().invoke(cli, [*STUDY, *args], obj=env, input=input)


def test_due_reviews_come_first_then_new_questions_and_it_ends_with_the_next_step() -> None:
    with open_store() as store:
        save_card(store, new_card("exam-kms-key", NOW - timedelta(days=1), 5, ("data-security",)), NOW)
    answer = present_seeded(POOL["exam-kms-key"], 3).correct_typed
    result = study("--minutes", "4", input=f"{answer}\n" + "A\n" * 3)
    out = result.output
    assert result.exit_code == 0, out
    assert "Today's study session: 4 minutes at about 60 s a question." in out
    assert "1 due review first, then 3 new questions" in out
    assert out.index(POOL["exam-kms-key"].stem[:40]) < out.index("Question 2 of 4")
    assert "Next step\n---------\n  studykit " in out
    with open_store() as store:
        assert len(all_answers(store)) == 4
        assert latest_active_session(store, "quiz") is None


def test_q_pauses_the_session_and_the_next_study_continues_it() -> None:
    first = study("--minutes", "3", input="A\nq\n")
    assert "Study session paused; 'studykit study' continues it." in first.output
    assert "Next step" not in first.output
    again = study("--minutes", "3", input="A\nA\n")
    assert "Continuing today's study session: 1 of 3 done." in again.output
    assert "Question 2 of 3" in again.output and "Next step" in again.output


def test_help_in_a_study_session_says_how_it_goes_on() -> None:
    result = study("--minutes", "3", input="?\nq\n")
    out = result.output
    help_lines = out[out.index("Commands (") : out.index("Study session paused")]
    assert "pause; plain 'studykit study' continues it" in help_lines
    assert "--resume" not in help_lines  # study has no --resume


def test_progress_names_the_next_step_too() -> None:
    study("--minutes", "2", input="A\nA\n")
    page = CliRunner().invoke(cli, ["progress"], obj=Environment(now=lambda: NOW)).output
    assert "Next step\n---------\n  studykit " in page

from __future__ import annotations

from quiz_pool import fixture_pool

from studykit.engine.presentation import present_seeded
from studykit.engine.quiz import run_quiz

ITEMS = [present_seeded(question, 3) for question in fixture_pool()[:4]]


def scripted(lines):
    asked = []

    def ask(item, number, total, hint):
        asked.append((number, hint))
        return lines.pop(0) if lines else None

    return ask, asked


def test_invalid_answer_is_asked_again_with_a_hint_then_checked():
    ask, asked = scripted(["nonsense", ITEMS[0].correct_typed, "q"])
    seen = []
    times = iter([0.0, 7.5, 10.0, 10.0])
    outcome = run_quiz(
        ITEMS, ask, lambda answered, item: None, on_answer=seen.append, clock=lambda: next(times)
    )
    assert asked[0] == (1, None) and asked[1][1].invalid and asked[2] == (2, None)
    assert asked[1][1].text.startswith("Not an answer: ")
    assert outcome.ended == "paused" and len(outcome.answered) == 1 and outcome.answered[0].correct
    (answered,) = seen
    assert answered.question is ITEMS[0].question and answered.correct and answered.elapsed_seconds == 7.5


def test_flag_help_skip_and_a_guess_in_a_quiz():
    flags = []

    def on_flag(question):
        flags.append(question.id)
        return True

    lines = [":f", "?", ":b", "", ITEMS[1].correct_typed + "?"]
    ask, asked = scripted(lines)
    outcome = run_quiz(ITEMS[:2], ask, lambda answered, item: None, on_flag=on_flag)
    notes = [note.text for _, note in asked if note is not None]
    assert flags == [ITEMS[0].question.id] and notes[0].startswith("Flagged: kept as a bookmark")
    assert ":f" in notes[1] and "q" in notes[1]
    assert notes[2].startswith("':b' (previous question) works in exams only")
    assert outcome.skipped == (ITEMS[0].question.id,) and outcome.ended == "finished"
    assert [a.guessed for a in outcome.answered] == [True]


def test_end_of_input_ends_cleanly_with_what_was_answered():
    wrong = "A" if ITEMS[0].correct_typed != "A" else "B"
    ask, _ = scripted([wrong])
    feedback = []
    outcome = run_quiz(ITEMS, ask, lambda answered, item: feedback.append(answered.correct))
    assert outcome.ended == "eof" and feedback == [False] and outcome.total == len(ITEMS)


def test_all_answered_finishes():
    ask, _ = scripted([item.correct_typed for item in ITEMS])
    outcome = run_quiz(ITEMS, ask, lambda answered, item: None)
    assert outcome.ended == "finished" and all(a.correct for a in outcome.answered)

"""One key scheme for quiz and exam: no command is ever an answer letter, and every mistake is explained."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studykit.engine.commands import (
    COMMANDS,
    AnswerText,
    Command,
    InputProblem,
    help_text,
    not_an_answer,
    read_input,
)
from studykit.engine.presentation import LETTERS


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("", Command("next")),
        (":n", Command("next")),
        ("skip", Command("next")),
        (":b", Command("back")),
        ("back", Command("back")),
        (":f", Command("flag")),
        ("FLAG", Command("flag")),
        ("b", AnswerText("b")),
        ("f", AnswerText("f")),
        ("  F ", AnswerText("F")),
        ("A,C", AnswerText("A,C")),
        ("1b 2a 3c", AnswerText("1b 2a 3c")),
        ("B?", AnswerText("B", guessed=True)),
        ("a, c ?", AnswerText("a, c", guessed=True)),
        (":g 12", Command("go", 11)),
        ("go 3", Command("go", 2)),
        (":r", Command("review")),
        ("SUBMIT", Command("submit")),
        ("q", Command("pause")),
        (":q", Command("pause")),
        ("?", Command("help")),
        (":h", Command("help")),
    ],
)
def test_exam_input_tells_commands_from_answers(typed, meant) -> None:
    assert read_input(typed, exam=True, total=65) == meant


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (":g", "':g' needs a question number, e.g. ':g 12'"),
        (":g five", "'five' is not a question number; type e.g. ':g 12'"),
        (":g 66", "there is no question 66; choose 1–65"),
        (":z", "':z' is not a command; type ? for the list"),
        (":f 3", "':f 3': :f takes nothing after it; type ? for the list"),
    ],
)
def test_every_malformed_command_says_what_to_type(typed, message) -> None:
    assert read_input(typed, exam=True, total=65) == InputProblem(message)


@pytest.mark.parametrize("typed", [":b", "back", ":g 2", ":x", ":r", "submit"])
def test_exam_only_commands_are_explained_in_a_quiz(typed) -> None:
    meant = read_input(typed, exam=False, total=10)
    assert isinstance(meant, InputProblem) and "works in exams only" in meant.message


@given(st.text(alphabet=LETTERS + LETTERS.lower() + " ,;", min_size=1, max_size=12))
def test_nothing_made_of_answer_letters_is_ever_a_command(typed) -> None:
    if typed.strip():
        assert isinstance(read_input(typed, exam=True, total=65), AnswerText)


def test_no_command_word_could_be_read_as_answer_letters() -> None:
    for spec in COMMANDS:
        for word in (*spec.words, spec.name):
            assert any(letter.upper() not in LETTERS for letter in word), word


def test_help_lists_only_the_commands_the_session_has() -> None:
    quiz, exam = help_text(exam=False), help_text(exam=True)
    assert ":f" in quiz and ":b" not in quiz and "submit" not in quiz
    assert all(short in exam for short in (":f", ":b", ":g 12", ":x", ":r", "submit", "q", "?"))


@pytest.mark.parametrize(
    ("typed", "exam", "told"),
    [
        ("g 5", True, "Commands start with ':' — ':g 5': go to question 5."),
        ("g five", True, "Commands start with ':' — ':g 12': go to question 12."),
        ("x", True, "Commands start with ':' — ':x': clear your answer."),
        ("B", True, "Commands start with ':' — ':b': previous question."),
        ("s", True, "Commands start with ':' — ':s': end the exam and see the score."),
        ("h", False, "Type ? for the commands."),
        ("x", False, "':x' (clear your answer) works in exams only."),
        ("g 5", False, "':g' (go to question 12) works in exams only."),
    ],
)
def test_a_command_letter_typed_without_its_colon_is_named_in_the_hint(typed, exam, told) -> None:
    note = not_an_answer("type one letter, A–D", typed, exam=exam)
    assert note == f"Not an answer: type one letter, A–D. {told}"


@pytest.mark.parametrize("typed", ["z", "qq", "", "1b 2a", "A,Z"])
def test_text_unlike_a_command_gets_only_the_answer_hint(typed) -> None:
    assert not_an_answer("type one letter, A–D", typed, exam=True) == "Not an answer: type one letter, A–D."


def test_help_says_what_q_does_where_it_is_shown() -> None:
    assert "pause; continue later with --resume" in help_text(exam=True)
    study = help_text(exam=False, pause="pause; plain 'studykit study' continues it")
    assert "plain 'studykit study' continues it" in study and "--resume" not in study

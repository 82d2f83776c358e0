from __future__ import annotations

from studykit.engine.exam import ExamProgress
from studykit.engine.exam_loop import ENDED_INPUT, SUBMITTED, TIMED_OUT, run_exam
from studykit.engine.presentation import present_seeded
from studykit.engine.timer import Countdown


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Events:
    def __init__(self) -> None:
        self.answers: list[tuple[str, bool, float, float | None]] = []
        self.places: list[tuple[int, frozenset[str], float]] = []
        self.flags: list[tuple[str, bool]] = []
        self.guesses: list[str] = []

    def answered(
        self, question, answer, correct, elapsed, *, remaining_seconds=None, position=None, guessed=False
    ) -> None:
        self.answers.append((question.id, correct, elapsed, remaining_seconds))
        if guessed:
            self.guesses.append(question.id)

    def flagged(self, question, flagged) -> None:
        self.flags.append((question.id, flagged))

    def cleared(self, question, remaining_seconds) -> None:
        self.answers = [entry for entry in self.answers if entry[0] != question.id]

    def place(self, progress, remaining_seconds) -> None:
        self.places.append((progress.position, frozenset(progress.flagged), remaining_seconds))


class Screen:
    def __init__(self) -> None:
        self.shown: list[str] = []

    def question(self, item, progress, seconds_left) -> None:
        self.shown.append(f"q{progress.position + 1}")

    def review(self, items, progress, seconds_left) -> None:
        self.shown.append("review")

    def note(self, text) -> None:
        self.shown.append(text)


def _script(clock: Clock, lines: list[tuple[float, str | None]]):
    def ask(prompt: str, seconds_left: float) -> str | None:
        delay, line = lines.pop(0)
        clock.now += delay
        return line

    return ask


def _exam(single, count=3):
    questions = [single(f"q{i}") for i in range(count)]
    items = [present_seeded(question, 1) for question in questions]
    return items, ExamProgress(tuple(q.id for q in questions))


def test_answers_are_recorded_with_time_spent_and_time_left(single) -> None:
    items, progress = _exam(single)
    clock, events = Clock(), Events()
    ask = _script(clock, [(12, items[0].correct_typed), (5, ":f"), (3, ""), (1, ":r"), (1, "submit")])
    how = run_exam(items, progress, Countdown(600, clock), ask, Screen(), events)
    assert how == SUBMITTED
    assert events.answers == [("q0", True, 12, 588)]
    assert (1, frozenset({"q1"}), 583) in events.places


def test_time_out_while_waiting_submits_without_the_late_answer(single) -> None:
    items, progress = _exam(single)
    clock, events = Clock(), Events()
    ask = _script(clock, [(601, items[0].correct_typed)])
    assert run_exam(items, progress, Countdown(600, clock), ask, Screen(), events) == TIMED_OUT
    assert events.answers == [] and progress.answers == {}


def test_end_of_input_saves_the_place_and_stops(single) -> None:
    items, progress = _exam(single)
    clock, events = Clock(), Events()
    ask = _script(clock, [(1, ""), (2, None)])
    assert run_exam(items, progress, Countdown(600, clock), ask, Screen(), events) == ENDED_INPUT
    assert events.places[-1] == (1, frozenset(), 597)


def test_answering_the_last_question_opens_the_review_screen(single) -> None:
    items, progress = _exam(single, count=1)
    clock, screen = Clock(), Screen()
    ask = _script(clock, [(1, items[0].correct_typed), (1, ""), (1, None)])
    run_exam(items, progress, Countdown(600, clock), ask, screen, Events())
    assert screen.shown == ["q1", "review", "q1"]


def test_time_running_out_on_the_review_screen_submits_what_was_answered(single) -> None:
    items, progress = _exam(single, count=2)
    clock, screen = Clock(), Screen()
    ask = _script(clock, [(5, items[0].correct_typed), (5, "submit"), (600, "")])
    assert run_exam(items, progress, Countdown(600, clock), ask, screen, Events()) == TIMED_OUT
    assert screen.shown == ["q1", "q2", "review"]
    assert set(progress.answers) == {"q0"}


def test_flag_back_and_jump_move_without_answering_and_show_no_feedback(single) -> None:
    items, progress = _exam(single, count=4)
    clock, screen, events = Clock(), Screen(), Events()
    ask = _script(clock, [(1, ":f"), (1, ":g 4"), (1, ":b"), (1, "back"), (1, ":r"), (1, "submit")])
    assert run_exam(items, progress, Countdown(600, clock), ask, screen, events) == SUBMITTED
    flagged = "Question 1 flagged for review (and kept as a bookmark)."
    assert screen.shown == ["q1", flagged, "q4", "q3", "q2", "review"]
    assert events.answers == [] and progress.flagged == {"q0"} and events.flags == [("q0", True)]


def test_letters_that_were_commands_are_answers_now(single) -> None:
    items, progress = _exam(single, count=2)
    clock, screen, events = Clock(), Screen(), Events()
    ask = _script(clock, [(1, "b"), (1, "f"), (1, None)])
    run_exam(items, progress, Countdown(600, clock), ask, screen, events)
    assert [entry[0] for entry in events.answers] == ["q0"]  # b answered q0; f is no letter of q1
    assert events.flags == [] and progress.position == 1
    assert any(text.startswith("Not an answer: 'f' is not one of the letters") for text in screen.shown)


def test_a_guess_is_recorded_and_clear_says_when_there_is_nothing_to_clear(single) -> None:
    items, progress = _exam(single, count=2)
    clock, screen, events = Clock(), Screen(), Events()
    ask = _script(clock, [(1, ":x"), (1, items[0].correct_typed + "?"), (1, ":b"), (1, "clear"), (1, None)])
    run_exam(items, progress, Countdown(600, clock), ask, screen, events)
    assert "Question 1 has no answer to clear." in screen.shown
    assert events.guesses == ["q0"] and "Answer to question 1 cleared." in screen.shown
    assert progress.answers == {} and progress.guessed == set()


def test_help_lists_the_commands_and_the_review_screen_takes_numbers(single) -> None:
    items, progress = _exam(single, count=3)
    clock, screen = Clock(), Screen()
    ask = _script(clock, [(1, "?"), (1, ":r"), (1, "?"), (1, "nonsense"), (1, "3"), (1, "q")])
    from studykit.engine.exam_loop import PAUSED

    assert run_exam(items, progress, Countdown(600, clock), ask, screen, Events()) == PAUSED
    help_text = screen.shown[1]
    assert ":b" in help_text and ":g 12" in help_text and ":f" in help_text and "submit" in help_text
    assert screen.shown[2] == "review" and screen.shown[3].startswith("On the review screen:")
    assert screen.shown[4] == "Type a question number, Enter to go back, 'submit' to finish, or q to pause."
    assert screen.shown[5] == "q3"

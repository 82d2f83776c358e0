"""Wiring for ``studykit quiz``: options → pool → drawn, presented session → loop → summary.

Kept apart from :mod:`studykit.cli.quiz` so ``studykit --help`` imports no more than click.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.text import Text

from studykit.engine.adaptive import Draw, PracticeHistory, adaptive_draw, load_history
from studykit.engine.answer_text import expected_shape
from studykit.engine.commands import PAUSE_TO_RESUME, keys_line
from studykit.engine.draw import Filters, draw_session
from studykit.engine.presentation import Presented, letter, present_seeded
from studykit.engine.quiz import Note, QuizOutcome, run_quiz
from studykit.engine.scoring import AnsweredQuestion, score_session, study_next
from studykit.errors import StudykitError
from studykit.questions.bank import CASE_STUDY
from studykit.questions.model import Kind, Question
from studykit.questions.pool import question_pool

if TYPE_CHECKING:
    from studykit.cli.quiz_tracking import QuizTracking, ResumedQuiz
    from studykit.concepts import ConceptSet


STUDY_PAUSE = "pause; plain 'studykit study' continues it"


@dataclass(frozen=True)
class QuizRequest:
    topics: tuple[str, ...] = ()
    domains: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    count: int = 10
    seed: int | None = None
    banks: tuple[Path, ...] = ()
    generated: bool = True
    content: Path | None = None
    flagged: bool = False
    """Only the learner's bookmarks (``quiz --flagged``)."""
    draw: str = "adaptive"
    """``adaptive`` (new questions first, then weak and due; recent ones last) or ``random``."""


@dataclass(frozen=True)
class PreparedQuiz:
    """A drawn quiz: its presented questions, the seed, how many are new, and the content folder
    (None: the shipped one) whose concepts the questions refer to."""

    items: list[Presented]
    seed: int
    new: int
    content: Path | None = None

    @property
    def concepts(self) -> ConceptSet:
        """The concepts, read when first asked for: a quiz needs them for its summary, not its first
        question."""
        return _concepts(self.content)


def _concepts(content: Path | None) -> ConceptSet:
    from studykit.concepts import load_concepts

    return load_concepts(content) if content else load_concepts()  # the shipped set is cached under ()


def prepare_quiz(request: QuizRequest, history: PracticeHistory | None = None) -> PreparedQuiz:
    """Draw the quiz ``request`` asks for, following ``history`` (none: a learner with no progress)."""
    history = history or PracticeHistory.empty()
    content = request.content.resolve() if request.content else None
    if content or request.topics:
        concepts = _concepts(content)  # a broken content folder is reported before anything else
        for topic in request.topics:
            concepts.get(topic)  # unknown topic: an error with "did you mean"
    pool: Sequence[Question] = question_pool(request.banks, generated=request.generated, content=content)
    if request.flagged:
        pool = _bookmarked(pool, history)
    filters = Filters(
        frozenset(request.topics),
        frozenset(request.domains),
        frozenset(Kind(k) for k in request.kinds if k != CASE_STUDY),
        case_studies=CASE_STUDY in request.kinds,
    )
    if request.seed is not None:
        seed = request.seed
    else:
        import secrets  # its hashing modules cost more at start-up than a draw uses

        seed = secrets.randbelow(1_000_000)
    if request.draw == "random":
        questions = draw_session(pool, request.count, random.Random(seed), filters)
        drawn = Draw(questions, sum(history.is_new(question) for question in questions))
    else:
        drawn = adaptive_draw(pool, request.count, random.Random(seed), history, filters)
    if not drawn.questions:
        raise StudykitError(
            "no questions match these options",
            hint="widen --topic/--domain/--kind, or include generated questions",
        )
    items = [present_seeded(question, seed) for question in drawn.questions]
    return PreparedQuiz(items, seed, drawn.new, content)


def prepare_session(
    request: QuizRequest, history: PracticeHistory | None = None
) -> tuple[list[Presented], ConceptSet, int]:
    """The presented questions, the concepts they refer to, and the seed used."""
    prepared = prepare_quiz(request, history)
    return prepared.items, prepared.concepts, prepared.seed


def _bookmarked(pool: Sequence[Question], history: PracticeHistory) -> list[Question]:
    if not history.bookmarked:
        raise StudykitError(
            "you have not flagged any questions yet",
            hint="type :f on a question in a quiz, an exam or a review to flag it",
        )
    flagged = [question for question in pool if question.id in history.bookmarked]
    if not flagged:
        count = len(history.bookmarked)
        raise StudykitError(
            f"none of your {count} flagged question{'s are' if count != 1 else ' is'} in these banks",
            hint="run it with the --bank you flagged them in",
        )
    return flagged


def run_quiz_command(request: QuizRequest, *, as_json: bool, resume: bool = False) -> None:
    from studykit.cli.quiz_tracking import QuizTracking

    with QuizTracking() as tracking:
        if not resume and not as_json and sys.stdin.isatty() and (paused := tracking.paused()) is not None:
            resume = click.confirm(f"You have {paused[1]}. Continue it?", default=True)
        if resume:
            resumed = tracking.resume(request.banks, request.generated, request.content)
            if resumed is None:
                click.echo("Nothing to resume: there is no unfinished quiz. Start one with 'studykit quiz'.")
                return
            items, seed = resumed.items, resumed.seed
            content = request.content.resolve() if request.content else None
            click.echo(
                f"Resuming a quiz: {len(resumed.earlier)} of {resumed.total} already answered.", err=True
            )
        else:
            resumed = None
            prepared = prepare_quiz(request, load_history(tracking.store, tracking.env.now()))
            items, seed, content = prepared.items, prepared.seed, prepared.content
            tracking.close_paused()
            tracking.start(items, seed, request.banks, request.generated)
            if not as_json:
                click.echo(_drawn_line(prepared, request))
        # The concepts are read for the summary, after the questions.
        run_tracked(
            items, lambda: _concepts(content), seed, tracking, resumed, as_json=as_json, draw=request.draw
        )


def _drawn_line(prepared: PreparedQuiz, request: QuizRequest) -> str:
    """The session header: how many questions, how many are new to the learner, how they were drawn."""
    count = len(prepared.items)
    line = f"Quiz: {count} question{'s' if count != 1 else ''}, {prepared.new} new to you"
    if request.flagged:
        return line + ", from your flagged questions."
    if request.draw == "random":
        return line + " (random draw)."
    return line + " (new questions first, then weak concepts and due reviews)."


def run_tracked(
    items: list[Presented],
    concepts: ConceptSet | Callable[[], ConceptSet],
    seed: int,
    tracking: QuizTracking,
    resumed: ResumedQuiz | None,
    *,
    as_json: bool,
    draw: str = "adaptive",
) -> QuizOutcome:
    """Run the quiz loop on ``items`` with its screens (or JSON events), recording as it goes; the
    outcome of the whole quiz, resumed parts included. ``concepts`` may be a function that reads
    them: only the summary needs them."""
    from studykit.cli.quiz_tracking import combined, numbered

    if as_json:
        return _run_json(items, concepts, seed, tracking, resumed)
    from studykit.ui.console import is_plain, make_console, show
    from studykit.ui.line_input import LineInput
    from studykit.ui.quiz_question import answer_prompt, question_view

    console = make_console()
    plain = is_plain(console)
    reader = LineInput(console)

    def ask(item: Presented, number: int, total: int, note: Note | None) -> str | None:
        number, total = numbered(resumed, number, total)
        if note is None:
            show(console, question_view(item, number, total, plain))
        return reader.read(answer_prompt(item, note))

    def feedback(answered: AnsweredQuestion, item: Presented) -> None:
        from studykit.ui.quiz_feedback import feedback_view  # after the first answer, not before the question

        show(console, feedback_view(answered, item, plain))

    show(console, Text(keys_line(exam=False), style="" if plain else "dim"))
    with tracking.saved_if_interrupted():
        outcome = run_quiz(
            items,
            ask,
            feedback,
            on_answer=tracking.on_answer,
            clock=tracking.env.clock,
            on_flag=tracking.on_flag,
            pause=STUDY_PAUSE if draw == "study" else PAUSE_TO_RESUME,
        )
    tracking.end(outcome)
    outcome = combined(resumed, outcome)
    score = score_session(outcome.answered)
    titles = {concept.id: concept.title for concept in (concepts() if callable(concepts) else concepts)}
    from studykit.ui.quiz_summary import summary_view

    show(
        console,
        summary_view(
            score,
            total=outcome.total,
            ended=outcome.ended,
            next_ids=study_next(score),
            titles=titles,
            seed=seed,
            plain=plain,
            seconds=sum(answered.elapsed_seconds for answered in outcome.answered),
            skipped=len(outcome.skipped),
            draw=draw,
        ),
    )
    return outcome


def _emit(event: dict[str, object]) -> None:
    click.echo(json.dumps(event, ensure_ascii=False))


def question_event(item: Presented, number: int, total: int) -> dict[str, object]:
    question = item.question
    event: dict[str, object] = {
        "event": "question",
        "number": number,
        "total": total,
        "id": question.id,
        "kind": question.kind.value,
        "concepts": list(question.concepts),
        "domain": question.domain,
        "stem": question.stem,
        "expected": expected_shape(item),
    }
    if question.case is not None:
        case = question.case
        event["case"] = {
            "id": case.id,
            "title": case.title,
            "scenario": case.scenario,
            "number": case.part_number(question.id),
            "of": len(case.questions),
        }
    if question.kind is Kind.MATCHING:
        event["prompts"] = [{"number": n + 1, "text": pair.prompt} for n, pair in enumerate(question.pairs)]
        event["matches"] = [
            {"letter": letter(k).lower(), "text": question.pairs[index].match}
            for k, index in enumerate(item.match_order)
        ]
    else:
        texts = (
            [s.text for s in question.steps]
            if question.kind is Kind.ORDERING
            else [o.text for o in question.options]
        )
        event["options"] = [{"letter": letter(k), "text": texts[index]} for k, index in enumerate(item.order)]
    return event


def why_event_parts(item: Presented) -> list[dict[str, object]]:
    """Why each part is right or wrong: options as shown, steps in the right order, pairs by number."""
    question = item.question
    if question.kind is Kind.MATCHING:
        return [
            {
                "number": number + 1,
                "prompt": pair.prompt,
                "match": pair.match,
                "letter": letter(item.match_order.index(number)).lower(),
                "why": pair.why,
            }
            for number, pair in enumerate(question.pairs)
        ]
    if question.kind is Kind.ORDERING:
        return [
            {
                "position": index + 1,
                "letter": letter(item.position_of(index)),
                "text": step.text,
                "why": step.why,
            }
            for index, step in enumerate(question.steps)
        ]
    return [
        {
            "letter": letter(position),
            "text": question.options[index].text,
            "correct": question.options[index].correct,
            "why": question.options[index].why,
        }
        for position, index in enumerate(item.order)
    ]


def _run_json(
    items: list[Presented],
    concepts: ConceptSet | Callable[[], ConceptSet],
    seed: int,
    tracking: QuizTracking,
    resumed: ResumedQuiz | None,
) -> QuizOutcome:
    from studykit.cli.quiz_tracking import combined, numbered
    from studykit.ui.line_input import read_answer_line

    def ask(item: Presented, number: int, total: int, note: Note | None) -> str | None:
        number, total = numbered(resumed, number, total)
        if note is None:
            _emit(question_event(item, number, total))
        elif note.invalid:
            _emit({"event": "invalid", "number": number, "hint": note.text})
        else:
            _emit({"event": "note", "number": number, "text": note.text})
        line = read_answer_line(sys.stdin)
        return line.rstrip("\r\n") if line else None

    def feedback(answered: AnsweredQuestion, item: Presented) -> None:
        _emit(
            {
                "event": "feedback",
                "id": item.question.id,
                "answer": item.typed(answered.answer),
                "guessed": answered.guessed,
                "correct": answered.correct,
                "correct_answer": item.correct_typed,
                "explanation": item.question.explanation,
                "why": why_event_parts(item),
            }
        )

    with tracking.saved_if_interrupted():
        outcome = run_quiz(
            items,
            ask,
            feedback,
            on_answer=tracking.on_answer,
            clock=tracking.env.clock,
            on_flag=tracking.on_flag,
        )
    tracking.end(outcome)
    whole = combined(resumed, outcome)
    _emit(summary_event(whole, seed))
    return whole


def summary_event(outcome: QuizOutcome, seed: int) -> dict[str, object]:
    score = score_session(outcome.answered)

    def tallies(items: tuple) -> list[dict[str, object]]:
        return [{"key": t.key, "right": t.right, "total": t.total} for t in items]

    return {
        "event": "summary",
        "seed": seed,
        "ended": outcome.ended,
        "asked": outcome.total,
        "answered": score.total,
        "skipped": len(outcome.skipped),
        "right": score.right,
        "seconds": round(sum(answered.elapsed_seconds for answered in outcome.answered), 1),
        "by_concept": tallies(score.by_concept),
        "by_domain": tallies(score.by_domain),
        "by_kind": tallies(score.by_kind),
        "study_next": [{"concept": c, "command": f"studykit learn {c}"} for c in study_next(score)],
    }

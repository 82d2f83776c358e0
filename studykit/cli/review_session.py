"""Wiring for ``studykit review``: due cards → their questions → the quiz loop → rescheduled cards.

It reuses the quiz loop and its screens; only the scheduling differs: the answer
is committed by the loop's ``on_answer`` hook, and the card is rated after the
feedback: by correctness (a right guess lower), or by the learner with ``--rate``, who sees
first when each rating would bring the card back.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import click
from fsrs import Rating
from rich.text import Text

from studykit.cli.environment import environment, open_progress
from studykit.engine.commands import keys_line
from studykit.engine.presentation import Presented, present_seeded
from studykit.engine.quiz import Note, run_quiz
from studykit.engine.recording import SessionRecorder
from studykit.engine.review import (
    RATING_NAMES,
    due_cards,
    next_due,
    next_intervals,
    rating_for,
    rating_from_choice,
)
from studykit.engine.scoring import AnsweredQuestion, score_session
from studykit.questions.model import Question
from studykit.questions.pool import question_pool
from studykit.store import CardRecord, all_cards, bookmarks, load_card
from studykit.ui.console import is_plain, make_console, show
from studykit.ui.line_input import LineInput
from studykit.ui.review_summary import interval_text, next_due_text

REVIEW_PAUSE = "stop; what is still due stays due for 'studykit review'"


@dataclass(frozen=True)
class ReviewRequest:
    limit: int = 20
    topics: tuple[str, ...] = ()
    rate: bool = False
    banks: tuple[Path, ...] = ()
    generated: bool = True
    content: Path | None = None
    seed: int | None = None


def run_review_command(request: ReviewRequest) -> None:
    from studykit.concepts import load_concepts
    from studykit.ui.quiz_feedback import feedback_view
    from studykit.ui.quiz_question import answer_prompt, question_view

    env = environment()
    concepts = load_concepts(request.content.resolve() if request.content else None)
    for topic in request.topics:
        concepts.get(topic)  # unknown topic: an error with "did you mean"
    content = request.content.resolve() if request.content else None
    pool = {q.id: q for q in question_pool(request.banks, generated=request.generated, content=content)}
    console = make_console()
    plain = is_plain(console)
    wanted = request.topics or None
    with open_progress(env, read_only_ok=True) as store:  # "nothing is due" needs no writing
        cards = all_cards(store)
        due_all = due_cards(cards, env.now(), concepts=wanted)
        known = [card for card in due_all if card.question_id in pool]
        if len(known) < len(due_all):
            missing = len(due_all) - len(known)
            click.echo(
                f"Warning: {missing} due card(s) refer to questions no longer in the banks; skipped.",
                err=True,
            )
        if not known:
            show(
                console,
                Text(
                    "Nothing is due for review. "
                    + next_due_text(next_due(cards, env.now(), wanted), env.now())
                ),
            )
            return
        chosen = known[: request.limit]
        seed = request.seed if request.seed is not None else secrets.randbelow(1_000_000)
        items = [present_seeded(pool[card.question_id], seed) for card in chosen]
        # Cards are rated after the feedback below, not by the recorder.
        recorder = SessionRecorder.start(
            store, "review", [i.question for i in items], env.now, seed=seed, schedule=False
        )
        reader = LineInput(console)
        show(
            console,
            Text(
                f"Review: {len(items)} due card{'s' if len(items) != 1 else ''}"
                + (f" of {len(known)}" if len(known) > len(items) else "")
                + "."
            ),
        )

        def ask(item: Presented, number: int, total: int, note: Note | None) -> str | None:
            if note is None:
                show(console, question_view(item, number, total, plain))
            return reader.read(answer_prompt(item, note))

        def record(answered: AnsweredQuestion) -> None:
            recorder.answered(
                answered.question,
                answered.answer,
                answered.correct,
                answered.elapsed_seconds,
                guessed=answered.guessed,
            )

        def feedback(answered: AnsweredQuestion, item: Presented) -> None:
            show(console, feedback_view(answered, item, plain))
            rating = rating_for(answered.correct, answered.guessed)
            if request.rate:
                question_id = answered.question.id
                rating = _asked_rating(reader, rating, question_id, load_card(store, question_id), env.now())
            recorder.rated(answered.question, rating, answered.elapsed_seconds)

        def flag(question: Question) -> bool:
            now_flagged = question.id not in flagged
            (flagged.add if now_flagged else flagged.discard)(question.id)
            recorder.flagged(question, now_flagged)
            return now_flagged

        flagged = {bookmark.question_id for bookmark in bookmarks(store)}
        show(console, Text(keys_line(exam=False), style="" if plain else "dim"))
        try:
            outcome = run_quiz(
                items, ask, feedback, on_answer=record, clock=env.clock, on_flag=flag, pause=REVIEW_PAUSE
            )
        except KeyboardInterrupt:
            recorder.finish()
            click.echo("\nReview stopped; your answers are saved. 'studykit review' goes on.", err=True)
            raise
        recorder.finish()
        score = score_session(outcome.answered)
        now = env.now()
        cards = all_cards(store)
        left = len(due_cards(cards, now, concepts=wanted))
        summary = Text(f"\nReviewed {score.total}: {score.right} right.")
        if left:
            summary.append(f" {left} still due: run 'studykit review' again.")
        upcoming = next_due(cards, now, wanted)
        if upcoming or not left:  # "no cards scheduled" would contradict the ones still due
            summary.append(" " + next_due_text(upcoming, now))
        show(console, summary)


def _asked_rating(
    reader: LineInput, suggested: Rating, question_id: str, card: CardRecord | None, now: datetime
) -> Rating:
    """Ask for 1-4, showing when each would bring the card back (as Anki does); Enter (or end of
    input) keeps the suggestion."""
    intervals = next_intervals(card, question_id, now)
    choices = " · ".join(
        f"{int(rating)} {RATING_NAMES[rating]} {interval_text(intervals[rating])}" for rating in RATING_NAMES
    )
    prompt = Text(
        f"How well did you know it? Each rating brings the question back in:\n  {choices}\n"
        f"Rating (Enter: {int(suggested)} {RATING_NAMES[suggested]}): "
    )
    while True:
        typed = reader.read(prompt)
        if typed is None or not typed.strip():
            return suggested
        rating = rating_from_choice(typed)
        if rating is not None:
            return rating
        prompt = Text("Type 1, 2, 3 or 4 (Enter keeps the suggestion): ")

"""``studykit review``: spaced repetition of the questions you have answered (FSRS)."""

from __future__ import annotations

from pathlib import Path

import click

from studykit.cli.options import bank_option, content_option, generated_option, seed_option, topic_option


@click.command()
@click.option(
    "--limit", default=20, show_default=True, type=click.IntRange(1, 1000), help="Most cards to review now."
)
@topic_option("Only cards on this concept (repeatable).")
@seed_option("Shuffle the options the same way every time.")
@click.option(
    "--rate",
    is_flag=True,
    help="Rate each answer yourself (1 again … 4 easy), seeing when each rating brings it back.",
)
@bank_option
@generated_option
@content_option
def review(
    limit: int,
    topics: tuple[str, ...],
    seed: int | None,
    rate: bool,
    banks: tuple[Path, ...],
    generated: bool,
    content: Path | None,
) -> None:
    """Review the questions that are due, longest overdue first, then see when the next are due.

    Every question you answer in a quiz, exam or review becomes a card. A wrong answer
    brings it back soon; a right one comes back later each time, sooner when you marked it
    as a guess (B?). With --rate you choose the rating yourself.
    """
    from studykit.cli.review_session import ReviewRequest, run_review_command

    run_review_command(ReviewRequest(limit, topics, rate, banks, generated, content, seed))

"""``studykit study``: today's session in one command — due reviews, then new questions from the
weakest domains, sized to the time given — ending with what to do next.

Thin layer: options here, wiring in :mod:`studykit.cli.study_session`.
"""

from __future__ import annotations

from pathlib import Path

import click

from studykit.cli.options import bank_option, content_option, generated_option, seed_option


@click.command()
@click.option(
    "--minutes",
    default=20.0,
    show_default=True,
    type=click.FloatRange(1, 240),
    help="How long you have; the session is sized to your recent pace.",
)
@seed_option()
@bank_option
@generated_option
@content_option
def study(
    minutes: float, seed: int | None, banks: tuple[Path, ...], generated: bool, content: Path | None
) -> None:
    """Today's study session: the reviews that are due, then new questions from your weakest domains,
    as many as fit in MINUTES at your pace. Ends with what to do next.

    Keys as in a quiz: answer B · A,C · C A B D · 1b 2a 3c (B? if you guessed), Enter skips, :f flags,
    q pauses (plain 'studykit study' continues it), ? lists the commands.
    """
    from studykit.cli.study_session import StudyRequest, run_study_command

    run_study_command(StudyRequest(minutes, seed, banks, generated, content))

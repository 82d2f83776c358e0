"""Feedback after each answer: right or wrong, the correct answer, the explanation, and every why."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from studykit.concepts.sources import SourceTitles, shipped_source_titles
from studykit.engine.presentation import Presented, letter
from studykit.engine.scoring import AnsweredQuestion
from studykit.questions.model import Kind, MatchAnswer, OrderAnswer
from studykit.ui.blocks import indented
from studykit.ui.source_text import cited_text
from studykit.ui.text import literal


def verdict(answered: AnsweredQuestion, item: Presented, plain: bool) -> Text:
    if answered.correct:
        return Text("Right.", style="" if plain else "bold green")
    text = Text("Wrong.", style="" if plain else "bold red")
    text.append(f" You answered {item.typed(answered.answer)}; the answer is {item.correct_typed}.")
    return text


def feedback_view(
    answered: AnsweredQuestion | None, item: Presented, plain: bool, titles: SourceTitles | None = None
) -> RenderableType:
    """The verdict, the explanation, then why each part is right or wrong, in display order.

    ``answered`` is None for a question left unanswered (an exam's walk-through): the
    verdict then says so and gives the answer. A source the explanation cites reads as its
    title (``titles``, the shipped ones by default).
    """
    question = item.question
    rows: list[tuple[str, Text]] = []
    if question.kind is Kind.MATCHING:
        given = answered.answer if answered is not None else None
        chosen = given.matches if isinstance(given, MatchAnswer) else ()
        for number, pair in enumerate(question.pairs):
            right = letter(item.match_order.index(number)).lower()
            line = literal(f"{pair.prompt} → {pair.match} ({right})")
            if chosen and chosen[number] != number:
                line.append(f"  [you: {letter(item.match_order.index(chosen[number])).lower()}]")
            line.append(literal(_why(pair.why)))
            rows.append((f"{number + 1}.", line))
    elif question.kind is Kind.ORDERING:
        given = answered.answer if answered is not None else None
        placed = given.order if isinstance(given, OrderAnswer) else ()
        for step_index, step in enumerate(question.steps):
            label = letter(item.position_of(step_index))
            line = literal(f"{label}  {step.text}")
            if placed and placed.index(step_index) != step_index:
                line.append(f"  [you put it {_ordinal(placed.index(step_index) + 1)}]")
            line.append(literal(_why(step.why)))
            rows.append((f"{step_index + 1}.", line))
    else:
        for position, index in enumerate(item.order):
            option = question.options[index]
            mark = "correct" if option.correct else "wrong"
            line = literal(f"{option.text} ({mark}){_why(option.why)}")
            if not plain:
                line.stylize("green" if option.correct else "", 0, len(option.text))
            rows.append((f"{letter(position)}.", line))
    from rich.table import Table  # only once an answer is given: the first question shows sooner

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(overflow="fold")
    for label, line in rows:
        grid.add_row(label, line)
    heading = "Correct order:" if question.kind is Kind.ORDERING else "Why:"
    explanation = []
    if question.explanation:
        shown = cited_text(question.explanation, titles or shipped_source_titles(), plain=plain)
        explanation = [indented(shown)]
    return Group(
        verdict(answered, item, plain) if answered is not None else _not_answered(item, plain),
        *explanation,
        Text(heading, style="" if plain else "bold"),
        indented(grid),
    )


def _why(reason: str) -> str:
    """`` — reason``, or nothing for a part whose why is not written yet (an imported bank)."""
    return f" — {reason}" if reason else ""


def _not_answered(item: Presented, plain: bool) -> Text:
    text = Text("Not answered.", style="" if plain else "bold red")
    text.append(f" The answer is {item.correct_typed}.")
    return text


def _ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 5th: steps are at most five."""
    suffixes = {1: "st", 2: "nd", 3: "rd"}
    return f"{number}{suffixes.get(number, 'th')}"

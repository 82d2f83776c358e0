"""One quiz question as the learner sees it: header, stem, lettered options (or steps, or pairs).

A question of a case study shows the case's title, its place in the case ("question 2 of 3 of
this case") and the scenario between the header and the stem, wherever it is shown: quiz,
review, exam and the exam's walk-through.

Every piece of question text goes through :func:`studykit.ui.text.literal`, so Rich markup
and terminal escape codes in a bank print as the characters they are.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from studykit.engine.answer_text import example
from studykit.engine.presentation import Presented, letter
from studykit.engine.quiz import Note
from studykit.questions.model import Kind, Question
from studykit.ui.blocks import indented
from studykit.ui.text import literal

_KIND_NOTES = {
    Kind.MATCHING: "Match every numbered item with a lettered one.",
}


def question_header(item: Presented, number: int, total: int, plain: bool, *, details: bool = True) -> Text:
    """``details=False`` (exams) names only the kind: the domain and concept would be a hint."""
    question = item.question
    header = Text(f"Question {number} of {total}", style="" if plain else "bold")
    details_text = f"  ·  {question.kind.label}"
    if details:
        domain = f"  ·  domain {question.domain}" if question.domain else ""
        details_text += f"{domain}  ·  {question.concept or 'no concept'}"
    header.append(literal(details_text, style="" if plain else "dim", keep_newlines=False))
    return header


def question_view(
    item: Presented, number: int, total: int, plain: bool, *, header: Text | None = None
) -> RenderableType:
    """Header, stem and the parts to choose from, in display order; ``header`` replaces the usual one."""
    question = item.question
    parts: list[RenderableType] = [
        Text(""),
        header if header is not None else question_header(item, number, total, plain),
    ]
    if question.case is not None:
        parts += [case_view(question, plain), Text("")]
    parts.append(literal(question.stem))
    if question.kind in _KIND_NOTES:
        parts.append(Text(_KIND_NOTES[question.kind], style="" if plain else "italic"))
    if question.kind is Kind.MATCHING:
        parts.append(
            _list([f"{n + 1}." for n in range(len(question.pairs))], [p.prompt for p in question.pairs])
        )
        parts.append(Text(""))
        matches = [question.pairs[index].match for index in item.match_order]
        parts.append(_list([f"{letter(k).lower()}." for k in range(len(matches))], matches))
    else:
        texts = (
            [question.steps[i].text for i in item.order]
            if question.kind is Kind.ORDERING
            else [question.options[i].text for i in item.order]
        )
        parts.append(_list([f"{letter(k)}." for k in range(len(texts))], texts))
    return Group(*parts)


def case_view(question: Question, plain: bool) -> RenderableType:
    """The case study a question belongs to: its title, the question's place in it, the scenario."""
    case = question.case
    assert case is not None
    line = Text("Case study: ", style="" if plain else "bold")
    line.append(literal(case.title, style="" if plain else "bold", keep_newlines=False))
    number = case.part_number(question.id)
    if number is not None:
        line.append(
            f"  ·  question {number} of {len(case.questions)} of this case", style="" if plain else "dim"
        )
    return Group(line, indented(literal(case.scenario)))


def _list(labels: list[str], texts: list[str]) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(overflow="fold")
    for label, text in zip(labels, texts, strict=True):
        grid.add_row(label, literal(text))
    return indented(grid)


def answer_prompt(item: Presented, note: Note | None) -> Text:
    """The prompt line; when the question is asked again, the note (a hint, the help…) comes first."""
    prompt = Text()
    if note is not None:
        prompt.append(literal(note.text))
        prompt.append("\n")
    prompt.append(f"Answer ({_shape(item)}; ? for commands): ")
    return prompt


def _shape(item: Presented) -> str:
    """What to type, with an example the size of this question (``C A B D`` for four steps)."""
    if item.kind is Kind.SINGLE:
        return "one letter"
    if item.kind is Kind.TRUE_FALSE:
        return "A or B"
    if item.kind is Kind.MULTIPLE:
        return f"{len(item.question.correct_indexes)} letters, e.g. {example(item)}"
    if item.kind is Kind.ORDERING:
        return f"all {item.question.size} in order, e.g. {example(item)}"
    return f"e.g. {example(item)}"

"""Banks as Markdown for print: ``studykit bank export --to markdown``.

Questions are numbered through the whole document, each bank under its title; the answer key
comes at the end, with the explanation and why each part is right or wrong. Content is escaped
so it prints literally: ``*``, ``_``, ``[`` or ``<`` in a question never turn into formatting.
A case study's title and scenario are printed once, as a block quote above its first question
that says which numbers are about it; each of its questions names its place in the case.
Sources cited in an explanation read as their titles (a page's title linked to its address).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from studykit.concepts.sources import SourceTitles, shipped_source_titles, show_by_title
from studykit.export.layout import Layout, layout
from studykit.questions.bank import Bank
from studykit.questions.model import CaseStudy, Question

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(?:#|[-+=]|\d+[.)])")


def escape(text: str) -> str:
    """Literal Markdown: markup characters escaped, line breaks kept, indentation as no-break spaces.

    Escapes only what CommonMark could read as markup (emphasis, code, links, HTML, tables,
    entities anywhere; headings, lists and block quotes at a line's start), so the source stays
    readable.
    """
    lines = []
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        escaped = _SPECIAL.sub(r"\\\1", stripped)
        escaped = _LINE_START.sub(lambda found: _escape_start(found.group(0)), escaped)
        lines.append("\u00a0" * (len(line) - len(stripped)) + escaped)
    return "  \n".join(lines)


def _escape_start(start: str) -> str:
    """``#`` → ``\\#``, ``-`` → ``\\-``, ``12.`` → ``12\\.``: no heading, list or rule starts here."""
    return start[:-1] + "\\" + start[-1] if start[0].isdigit() else "\\" + start


def titled(text: str, titles: SourceTitles) -> str:
    """``text`` escaped, its titled source references shown as titles: ``[title](<url>)`` for a page."""
    return show_by_title(text, titles, escape, lambda url, title: f"[{escape(title)}](<{url}>)")


def banks_to_markdown(banks: Sequence[Bank], titles: SourceTitles | None = None) -> str:
    """The document; ``titles`` (the shipped source titles by default) name cited sources."""
    titles = titles if titles is not None else shipped_source_titles()
    out: list[str] = []
    key: list[str] = []
    number = 0
    for bank in banks:
        out += [f"# {escape(bank.title)}", ""]
        for index, question in enumerate(bank.questions):
            number += 1
            before = bank.questions[index - 1] if index else None
            if question.case is not None and (before is None or before.case != question.case):
                out += _case(number, question.case, _run_length(bank.questions[index:]))
            shown = layout(question)
            out += _question(number, shown)
            key += _key(number, shown, titles)
    out += ["---", "", "# Answer key", "", *key]
    return "\n".join(out).rstrip("\n") + "\n"


def _run_length(questions: Sequence[Question]) -> int:
    """How many questions from the first on belong to its case study, one after another."""
    case = questions[0].case
    return next((n for n, question in enumerate(questions) if question.case != case), len(questions))


def _case(number: int, case: CaseStudy, count: int) -> list[str]:
    numbers = f"Question {number} is" if count == 1 else f"Questions {number}–{number + count - 1} are"
    scenario = [f"> {line}" for line in escape(case.scenario).split("\n")]
    return [
        f"> **Case study: {escape(case.title)}**",
        ">",
        *scenario,
        ">",
        f"> *{numbers} about this case study.*",
        "",
    ]


def _question(number: int, shown: Layout) -> list[str]:
    question = shown.question
    about = f"{question.kind.label}, {question.difficulty}"
    part = question.case.part_number(question.id) if question.case is not None else None
    if question.case is not None and part is not None:
        about += f", case study question {part} of {len(question.case.questions)}"
    lines = [
        f"**{number}.** {escape(question.stem)}",
        "",
        f"*{escape(shown.instruction)}* ({about})",
        "",
    ]
    lines += [f"- **{label}.** {escape(text)}" for label, text in shown.choices]
    if shown.matches:
        lines += ["", *[f"- **{label})** {escape(text)}" for label, text in shown.matches]]
    return [*lines, ""]


def _key(number: int, shown: Layout, titles: SourceTitles) -> list[str]:
    question = shown.question
    lines = [f"**{number}.** {escape(shown.answer)} — {titled(question.explanation, titles)}", ""]
    lines += [f"- {escape(label)}: {escape(why)}" for label, why in shown.reasons()]
    return [*lines, ""]

"""Banks as Markdown for print: ``studykit bank export --to markdown``.

Questions are numbered through the whole document, each bank under its title; the answer key
comes at the end, with the explanation and why each part is right or wrong. Content is escaped
so it prints literally: ``*``, ``_``, ``[`` or ``<`` in a question never turn into formatting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from studykit.export.layout import Layout, layout
from studykit.questions.bank import Bank

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


def banks_to_markdown(banks: Sequence[Bank]) -> str:
    out: list[str] = []
    key: list[str] = []
    number = 0
    for bank in banks:
        out += [f"# {escape(bank.title)}", ""]
        for question in bank.questions:
            number += 1
            shown = layout(question)
            out += _question(number, shown)
            key += _key(number, shown)
    out += ["---", "", "# Answer key", "", *key]
    return "\n".join(out).rstrip("\n") + "\n"


def _question(number: int, shown: Layout) -> list[str]:
    question = shown.question
    lines = [
        f"**{number}.** {escape(question.stem)}",
        "",
        f"*{escape(shown.instruction)}* ({question.kind.label}, {question.difficulty})",
        "",
    ]
    lines += [f"- **{label}.** {escape(text)}" for label, text in shown.choices]
    if shown.matches:
        lines += ["", *[f"- **{label})** {escape(text)}" for label, text in shown.matches]]
    return [*lines, ""]


def _key(number: int, shown: Layout) -> list[str]:
    question = shown.question
    lines = [f"**{number}.** {escape(shown.answer)} — {escape(question.explanation)}", ""]
    lines += [f"- {escape(label)}: {escape(why)}" for label, why in shown.reasons()]
    return [*lines, ""]

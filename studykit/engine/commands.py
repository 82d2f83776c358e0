"""What a learner types at a question: an answer, or a command. One scheme for quiz, exam, review, study.

An answer is letters (``B`` · ``A,C`` · ``C A B D`` · ``1b 2a 3c``), upper or lower case, with
a ``?`` at the end when it was a guess (``B?``): a right guess comes back sooner in reviews.
A command is a word (``flag``, ``back``, ``go 12``…) or ``:`` and its first letter (``:f``,
``:b``, ``:g 12``…), so no command can be mistaken for an answer letter. Three keys stand
alone because no answer uses them: Enter (next), ``q`` (pause) and ``?`` (help).

:func:`read_input` tells which one a line is; commands that a kind of session does not have
(``back`` in a quiz, where each answer is final) come back as an :class:`InputProblem` that
says so, as does every malformed command (``:g`` with no number, ``:z``). A line that is not an
answer but starts with a command's letter typed without its ``:`` (``g 12``, ``x``) gets
:func:`not_an_answer`, which names the command it looks like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CommandSpec:
    """One command: its name, the words and short form that type it, and where it works."""

    name: str
    words: tuple[str, ...]
    short: str
    usage: str
    meaning: str
    exam_only: bool = False


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("next", ("next", "skip"), ":n", "Enter", "next question (leave this one for now)"),
    CommandSpec(
        "flag", ("flag", "unflag"), ":f", ":f", "flag or unflag: a bookmark you keep (quiz --flagged)"
    ),
    CommandSpec("back", ("back",), ":b", ":b", "previous question", exam_only=True),
    CommandSpec("go", ("go", "goto"), ":g", ":g 12", "go to question 12", exam_only=True),
    CommandSpec("clear", ("clear",), ":x", ":x", "clear your answer", exam_only=True),
    CommandSpec(
        "review", ("review",), ":r", ":r", "review screen: every question, answer and flag", exam_only=True
    ),
    CommandSpec("submit", ("submit",), ":s", "submit", "end the exam and see the score", exam_only=True),
    CommandSpec("pause", ("pause", "quit", "exit"), ":q", "q", "pause; continue later with --resume"),
    CommandSpec("help", ("help",), ":h", "?", "these commands"),
)
_BY_WORD = {word: spec for spec in COMMANDS for word in (*spec.words, spec.name)}
_BY_SHORT = {spec.short[1:]: spec for spec in COMMANDS}
_STANDALONE = {"": "next", "q": "pause", "?": "help"}
_NUMBER = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Command:
    """A command by name (see :data:`COMMANDS`); ``number`` is the 0-based target of ``go``."""

    name: str
    number: int | None = None


@dataclass(frozen=True)
class AnswerText:
    """Text to read as an answer; ``guessed`` when the learner ended it with ``?``."""

    text: str
    guessed: bool = False


@dataclass(frozen=True)
class InputProblem:
    """A command that cannot be carried out as typed; ``message`` says what to type instead."""

    message: str


Typed = Command | AnswerText | InputProblem


def read_input(text: str, *, exam: bool, total: int) -> Typed:
    """What ``text`` means on a question of a session of ``total`` questions (an exam when ``exam``)."""
    stripped = text.strip()
    lowered = stripped.lower()
    if lowered in _STANDALONE:
        return Command(_STANDALONE[lowered])
    if lowered.startswith(":"):
        word, _, argument = lowered[1:].strip().partition(" ")
        spec = _BY_SHORT.get(word) or _BY_WORD.get(word)
        if spec is None:
            return InputProblem(f"{_quoted(stripped)} is not a command; type ? for the list")
        return _command(spec, argument.strip(), stripped, exam=exam, total=total)
    word, _, argument = lowered.partition(" ")
    spec = _BY_WORD.get(word)
    if spec is not None:
        return _command(spec, argument.strip(), stripped, exam=exam, total=total)
    if len(stripped) > 1 and stripped.endswith("?"):
        return AnswerText(stripped[:-1].rstrip(), guessed=True)
    return AnswerText(stripped)


def _command(spec: CommandSpec, argument: str, typed: str, *, exam: bool, total: int) -> Typed:
    if spec.exam_only and not exam:
        return InputProblem(
            f"{_quoted(typed)} ({spec.meaning}) works in exams only: here each answer is final"
        )
    if spec.name != "go":
        if argument:
            return InputProblem(f"{_quoted(typed)}: {spec.short} takes nothing after it; type ? for the list")
        return Command(spec.name)
    if not argument:
        return InputProblem(f"{_quoted(typed)} needs a question number, e.g. ':g 12'")
    if not _NUMBER.match(argument):
        return InputProblem(f"{_quoted(argument)} is not a question number; type e.g. ':g 12'")
    number = int(argument)
    if not 1 <= number <= total:
        return InputProblem(f"there is no question {number}; choose 1–{total}")
    return Command("go", number - 1)


PAUSE_TO_RESUME = "pause; continue later with --resume"
"""What ``q`` does in a quiz or an exam; a study session or a review says how it goes on instead."""


def not_an_answer(hint: str, typed: str, *, exam: bool) -> str:
    """The note for a line that is neither a command nor an answer: ``hint`` (the shape the
    question expects), and, when ``typed`` starts with a command's letter without its ``:``
    (``g 12``, ``x``), how to type that command."""
    text = f"Not an answer: {hint}."
    word, _, argument = typed.strip().lower().partition(" ")
    spec = _BY_SHORT.get(word)
    if spec is None or spec.name == "pause":
        return text
    if spec.name == "help":
        return f"{text} Type ? for the commands."
    if spec.exam_only and not exam:
        return f"{text} {spec.short!r} ({spec.meaning}) works in exams only."
    short, meaning = spec.short, spec.meaning
    if spec.name == "go":
        number = argument.strip() if _NUMBER.match(argument.strip()) else "12"
        short, meaning = f"{short} {number}", meaning.replace("12", number)
    return f"{text} Commands start with ':' — {short!r}: {meaning}."


def help_text(*, exam: bool, pause: str = PAUSE_TO_RESUME) -> str:
    """The commands of a quiz (``exam=False``) or an exam, one line each, and how to answer;
    ``pause`` says what ``q`` does where this help is shown."""
    lines = [
        "Answer with letters: B · A,C · C A B D · 1b 2a 3c (add ? if you guessed: B?).",
        "Commands (a word, or ':' and its first letter, so none is an answer):",
    ]
    for spec in COMMANDS:
        if spec.exam_only and not exam:
            continue
        shown = spec.usage if spec.usage == spec.short else f"{spec.usage} or {spec.short}"
        lines.append(f"  {shown:<16}{pause if spec.name == 'pause' else spec.meaning}")
    return "\n".join(lines)


def keys_line(*, exam: bool, width: int = 78) -> str:
    """The keys in brief for a session's header, broken between items so no key is split."""
    items = ["Keys: answer B · A,C · C A B D · 1b 2a 3c", "B? if you guessed"]
    if exam:
        items += ["Enter next", ":b back", ":g 12 go to 12", ":f flag", ":x clear", ":r review", "submit"]
    else:
        items += ["Enter skip", ":f flag"]
    items += ["q pause", "? help"]
    lines = [items[0]]
    for item in items[1:]:
        if len(lines[-1]) + 3 + len(item) > width:
            lines.append(item)
        else:
            lines[-1] += " · " + item
    return "\n".join(lines)


def _quoted(text: str, limit: int = 20) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")

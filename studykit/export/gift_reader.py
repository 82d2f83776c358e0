"""Read the syntax of Moodle GIFT: questions, answers, feedback and categories, with line numbers.

Follows Moodle's own reader (question/format/gift/format.php): questions are separated by blank
lines; ``//`` lines are comments; ``\\~ \\= \\# \\{ \\} \\: \\\\`` and ``\\n`` are escapes; a
question is ``::name::text{answers}``; the answers decide the type (``~`` multiple choice,
``=…->…`` matching, ``T``/``F`` true/false). Types studykit has no kind for (essay, numerical,
short answer, missing word, description) are read as skipped, with a reason.

This module knows GIFT only; :mod:`studykit.export.gift_import` turns what it reads into questions.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

from studykit.errors import StudykitError

_ESCAPABLE = "\\:#={}~n"
_WEIGHT = re.compile(r"^%(-?[0-9]+(?:\.[0-9]*)?)%")
_FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]")
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p>", re.IGNORECASE)
META = "// studykit:"
BANK_META = "// studykit bank:"


@dataclass(frozen=True)
class GiftAnswer:
    """A multiple-choice answer: its text, whether it earns marks, its feedback and its line."""

    text: str
    correct: bool
    feedback: str
    line: int


@dataclass(frozen=True)
class GiftPair:
    prompt: str
    match: str
    line: int


@dataclass(frozen=True)
class GiftQuestion:
    """One question as GIFT says it. ``kind``: choice, match or truefalse."""

    line: int
    name: str | None
    stem: str
    kind: str
    general_feedback: str
    category: str | None
    meta: dict[str, object] = field(default_factory=dict)
    answers: tuple[GiftAnswer, ...] = ()
    pairs: tuple[GiftPair, ...] = ()
    truth: bool = False
    feedback_wrong: str = ""
    feedback_right: str = ""


@dataclass(frozen=True)
class GiftFile:
    questions: tuple[GiftQuestion, ...]
    bank_meta: dict[str, object]
    categories: tuple[str, ...]
    skipped: tuple[str, ...]


class _Text:
    """A block's text with escapes hidden behind characters the file does not use.

    Splitting on ``~``, ``=``, ``#``, ``{``, ``}`` then only sees GIFT's own markers, and offsets
    map back to file lines because ``\\n`` escapes stay one character and real newlines stay.
    """

    def __init__(self, raw: str, lines: list[int], hidden: dict[str, str]) -> None:
        self.hidden = hidden
        self.shown = {mark: ("\n" if char == "n" else char) for char, mark in hidden.items()}
        self.lines = lines
        self.text = re.sub(r"\\([\\:#={}~n])", lambda found: self.hidden[found.group(1)], raw)
        self.html = False

    def line(self, offset: int) -> int:
        return self.lines[min(self.text.count("\n", 0, max(offset, 0)), len(self.lines) - 1)]

    def show(self, text: str, *, formatted: bool = True) -> str:
        """Escapes back to characters; a leading ``[format]`` dropped, HTML read as plain text.

        Text without a marker has the question text's format, as in Moodle (``self.html``).
        """
        text = text.strip()
        markup = formatted and self.html
        if formatted and (found := _FORMAT.match(text)):
            markup = found.group(1) == "html"
            text = text[found.end() :]
        text = "".join(self.shown.get(char, char) for char in text)
        if markup:
            text = html.unescape(_TAG.sub("", _BREAK.sub("\n", text)).replace("&nbsp;", " "))
        return text.strip()


def _placeholders(text: str) -> dict[str, str]:
    """Escapable character -> a private-use character that ``text`` does not contain."""
    used = set(text)
    base = 0xF0000
    while any(chr(base + index) in used for index in range(len(_ESCAPABLE))):
        base += len(_ESCAPABLE)
    return {char: chr(base + index) for index, char in enumerate(_ESCAPABLE)}


def read_gift(text: str, name: str) -> GiftFile:
    """Every question of a GIFT file, in order; ``name`` is used in error messages."""
    questions: list[GiftQuestion] = []
    skipped: list[str] = []
    categories: list[str] = []
    bank_meta: dict[str, object] = {}
    category: str | None = None
    hidden = _placeholders(text)
    for lines, numbers, meta, found_bank_meta in _blocks(text, name):
        bank_meta = bank_meta or found_bank_meta
        raw = "\n".join(lines).strip()
        if not raw:
            continue
        if raw.startswith("$CATEGORY:"):
            category = raw[len("$CATEGORY:") :].strip()
            categories.append(category)
            continue
        question = _question(_Text(raw, numbers, hidden), name, category, meta, skipped)
        if question is not None:
            questions.append(question)
    return GiftFile(tuple(questions), bank_meta, tuple(categories), tuple(skipped))


def _blocks(text: str, name: str):
    """(lines, their numbers, studykit comment, studykit bank comment) for each blank-line block."""
    lines, numbers = [], []
    meta: dict[str, object] = {}
    bank_meta: dict[str, object] = {}
    for number, line in enumerate([*text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), ""], 1):
        stripped = line.strip()
        if not stripped:
            if lines or meta or bank_meta:
                yield lines, numbers, meta, bank_meta
            lines, numbers, meta, bank_meta = [], [], {}, {}
        elif stripped.startswith(BANK_META):
            bank_meta = _json(stripped[len(BANK_META) :], name, number)
        elif stripped.startswith(META):
            meta = _json(stripped[len(META) :], name, number)
        elif not stripped.startswith("//"):
            lines.append(line)
            numbers.append(number)


def _json(text: str, name: str, line: int) -> dict[str, object]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise StudykitError(
            f"unreadable studykit comment: {error.msg}", name, line, hint="fix its JSON or delete the line"
        ) from None
    if not isinstance(data, dict):
        raise StudykitError(
            "a studykit comment must hold a JSON object", name, line, hint='write it as {"key": value}'
        )
    return data


def _question(
    text: _Text, name: str, category: str | None, meta: dict[str, object], skipped: list[str]
) -> GiftQuestion | None:
    body, first = text.text, text.lines[0]
    title = None
    if body.startswith("::"):
        end = body.find("::", 2)
        if end < 0:
            raise StudykitError(
                "the question name has no closing '::'",
                name,
                first,
                hint="end the name with '::' (write a colon inside it as '\\:')",
            )
        title = text.show(body[2:end], formatted=False)
        offset = end + 2
    else:
        offset = 0
    start, end = body.find("{", offset), body.find("}", offset)
    if start < 0 and end < 0:
        skipped.append(f"line {first}: a description (no answers) was skipped")
        return None
    if end < 0:
        raise StudykitError(
            "'{' has no closing '}'",
            name,
            text.line(start),
            hint="close the answers with '}' ('\\{' is a brace)",
        )
    if start < 0 or end < start:
        raise StudykitError(
            "'}' without an opening '{'", name, text.line(end), hint="write a literal brace as '\\}'"
        )
    nested = body.find("{", start + 1, end)
    if nested >= 0:
        raise StudykitError(
            "a second '{' inside the answers", name, text.line(nested), hint="write a literal brace as '\\{'"
        )
    if body[end + 1 :].strip():
        skipped.append(f"line {first}: a missing-word question (answers inside the text) was skipped")
        return None
    found_format = _FORMAT.match(body[offset:start].strip())
    stem = text.show(body[offset:start])
    text.html = bool(found_format) and found_format.group(1) == "html"  # the answers' default
    answers = body[start + 1 : end]
    feedback = ""
    if (cut := answers.rfind("####")) >= 0:
        answers, feedback = answers[:cut], text.show(answers[cut + 4 :])
    common = {
        "line": first,
        "name": title,
        "stem": stem,
        "general_feedback": feedback,
        "category": category,
        "meta": meta,
    }
    stripped = answers.strip()
    if not stripped:
        skipped.append(f"line {first}: an essay question was skipped")
        return None
    if stripped.startswith("#"):
        skipped.append(f"line {first}: a numerical question was skipped")
        return None
    base = start + 1
    if "~" in answers:
        return GiftQuestion(kind="choice", answers=_choices(text, answers, base), **common)  # type: ignore[arg-type]
    if "=" in answers and "->" in answers:
        return GiftQuestion(kind="match", pairs=_pairs(text, answers, base, name), **common)  # type: ignore[arg-type]
    head, *rest = stripped.split("#", 2)
    if head.strip() in ("T", "TRUE", "F", "FALSE"):
        return GiftQuestion(
            kind="truefalse",
            truth=head.strip().startswith("T"),
            feedback_wrong=text.show(rest[0]) if rest else "",
            feedback_right=text.show(rest[1]) if len(rest) > 1 else "",
            **common,  # type: ignore[arg-type]
        )
    skipped.append(f"line {first}: a short-answer question was skipped")
    return None


def _choices(text: _Text, answers: str, base: int) -> tuple[GiftAnswer, ...]:
    """``=right`` and ``~wrong`` answers, ``~%50%`` weights (a positive weight earns marks)."""
    found = []
    marks = [match.start() for match in re.finditer(r"[~=]", answers)]
    for index, mark in enumerate(marks):
        item = answers[mark + 1 : marks[index + 1] if index + 1 < len(marks) else len(answers)].strip()
        correct = answers[mark] == "="
        if not correct and (weight := _WEIGHT.match(item)):
            correct = float(weight.group(1)) > 0
            item = item[weight.end() :]
        answer, _, feedback = item.partition("#")
        found.append(GiftAnswer(text.show(answer), correct, text.show(feedback), text.line(base + mark)))
    return tuple(found)


def _pairs(text: _Text, answers: str, base: int, name: str) -> tuple[GiftPair, ...]:
    pairs = []
    marks = [match.start() for match in re.finditer("=", answers)]
    for index, mark in enumerate(marks):
        item = answers[mark + 1 : marks[index + 1] if index + 1 < len(marks) else len(answers)]
        line = text.line(base + mark)
        if "->" not in item:
            raise StudykitError(
                "a matching pair has no '->'",
                name,
                line,
                hint="write '=prompt -> match' (escape '=' as '\\=')",
            )
        prompt, match = item.split("->", 1)
        pairs.append(GiftPair(text.show(prompt), text.show(match, formatted=False), line))
    return tuple(pairs)

"""Read the syntax of Moodle GIFT into :mod:`~studykit.export.foreign` questions, with line numbers.

Follows Moodle's own reader (question/format/gift/format.php): questions are separated by blank
lines; ``//`` lines are comments; ``\\~ \\= \\# \\{ \\} \\: \\\\`` and ``\\n`` are escapes; a
question is ``::name::text{answers}``; the answers decide the type (``~`` multiple choice, one
answer to choose when they hold an ``=``; ``=…->…`` matching; ``T``/``F`` true/false). Text after
the answers makes a missing-word question: the answers' place in the text becomes ``_____``.
Types studykit has no kind for (essay, numerical, short answer, description) are skipped with a note.

A syntax slip is a problem located at its real cause, and reading goes on: a blank line inside
the answers (where Moodle ends the question) is named as such, not as a brace left open.

A question whose studykit comment names a case study has the case's title and scenario at the
start of its text (as :func:`studykit.export.gift.case_text` writes it): they go into the
comment's ``case`` data, and the question keeps its own stem.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from studykit.errors import StudykitError
from studykit.export.foreign import (
    CHOICE,
    MATCH,
    TRUE_FALSE,
    ForeignAnswer,
    ForeignFile,
    ForeignPair,
    ForeignQuestion,
)
from studykit.export.gift import split_case_text

_ESCAPABLE = "\\:#={}~n"
_WEIGHT = re.compile(r"^%(-?[0-9]+(?:\.[0-9]*)?)%")
_FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]")
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p>", re.IGNORECASE)
META = "// studykit:"
BANK_META = "// studykit bank:"
BLANK = "_____"


@dataclass
class _Block:
    """The lines between two blank lines (comments left out), with their numbers and comments."""

    lines: list[str]
    numbers: list[int]
    meta: dict[str, object]
    bank_meta: dict[str, object]

    @property
    def raw(self) -> str:
        return "\n".join(self.lines).strip()


class _Text:
    """A block's text with escapes hidden behind characters the file does not use.

    Splitting on ``~``, ``=``, ``#``, ``{``, ``}`` then only sees GIFT's own markers, and offsets
    map back to file lines because ``\\n`` escapes stay one character and real newlines stay.
    """

    def __init__(self, raw: str, lines: list[int], hidden: dict[str, str]) -> None:
        self.shown = {mark: ("\n" if char == "n" else char) for char, mark in hidden.items()}
        self.lines = lines
        self.text = re.sub(r"\\([\\:#={}~n])", lambda found: hidden[found.group(1)], raw)
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


def read_gift(text: str, name: str) -> ForeignFile:
    """Every question of a GIFT file, in order, and every problem; ``name`` is used in messages."""
    questions: list[ForeignQuestion] = []
    notes: list[str] = []
    problems: list[StudykitError] = []
    categories: list[str] = []
    bank_meta: dict[str, object] = {}
    category: str | None = None
    hidden = _placeholders(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = list(_blocks(lines, name, problems))
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        bank_meta = bank_meta or block.bank_meta
        if not block.raw:
            continue
        if block.raw.startswith("$CATEGORY:"):
            category = block.lines[0].strip()[len("$CATEGORY:") :].strip()
            categories.append(category)
            if len(block.lines) == 1:
                continue
            problems.append(
                StudykitError(
                    "no blank line after the $CATEGORY line: Moodle reads this question as part of the "
                    "category name",
                    name,
                    block.numbers[1],
                    hint="put a blank line between the $CATEGORY line and the question",
                )
            )
            block = _Block(block.lines[1:], block.numbers[1:], block.meta, {})
        while _left_open(block, hidden) and index < len(blocks) and _closes(blocks[index], hidden):
            blank = next(
                n for n in range(block.numbers[-1] + 1, blocks[index].numbers[0]) if not lines[n - 1].strip()
            )
            problems.append(
                StudykitError(
                    "a blank line inside the answers of the question that starts at line "
                    f"{block.numbers[0]}: GIFT ends a question at a blank line",
                    name,
                    blank,
                    hint="remove the blank line",
                )
            )
            following = blocks[index]
            block = _Block(block.lines + following.lines, block.numbers + following.numbers, block.meta, {})
            index += 1
        try:
            question = _question(_Text(block.raw, block.numbers, hidden), name, category, block.meta, notes)
        except StudykitError as error:
            problems.append(error)
            continue
        if question is not None:
            questions.append(question)
    return ForeignFile(tuple(questions), tuple(categories), tuple(notes), tuple(problems), bank_meta)


def _left_open(block: _Block, hidden: dict[str, str]) -> bool:
    """Whether the block opens answers with '{' and never closes them."""
    text = _Text(block.raw, block.numbers, hidden).text
    start = text.find("{")
    return start >= 0 and text.find("}", start) < 0


def _closes(block: _Block, hidden: dict[str, str]) -> bool:
    """Whether the block reads as the rest of someone else's answers: a '}' before any '{'."""
    text = _Text(block.raw, block.numbers, hidden).text
    end = text.find("}")
    return end >= 0 and "{" not in text[:end] and not text.startswith(("::", "$CATEGORY:"))


def _blocks(lines: list[str], name: str, problems: list[StudykitError]) -> Iterator[_Block]:
    """One :class:`_Block` per run of lines between blank lines."""
    block = _Block([], [], {}, {})
    for number, line in enumerate([*lines, ""], 1):
        stripped = line.strip()
        if not stripped:
            if block.lines or block.meta or block.bank_meta:
                yield block
            block = _Block([], [], {}, {})
        elif stripped.startswith(BANK_META):
            block.bank_meta = _json(stripped[len(BANK_META) :], name, number, problems)
        elif stripped.startswith(META):
            block.meta = _json(stripped[len(META) :], name, number, problems)
        elif not stripped.startswith("//"):
            block.lines.append(line)
            block.numbers.append(number)


def _json(text: str, name: str, line: int, problems: list[StudykitError]) -> dict[str, object]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(
            StudykitError(
                f"unreadable studykit comment: {error.msg}",
                name,
                line,
                hint="fix its JSON or delete the line",
            )
        )
        return {}
    if not isinstance(data, dict):
        problems.append(
            StudykitError(
                "a studykit comment must hold a JSON object", name, line, hint='write it as {"key": value}'
            )
        )
        return {}
    return data


def _question(
    text: _Text, name: str, category: str | None, meta: dict[str, object], notes: list[str]
) -> ForeignQuestion | None:
    body, first = text.text, text.lines[0]
    title = None
    offset = 0
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
    start, end = body.find("{", offset), body.find("}", offset)
    if start < 0 and end < 0:
        notes.append(f"line {first}: a description (no answers) was skipped")
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
    after = body[end + 1 :].strip()
    if "{" in after or "}" in after:
        where = end + 1 + body[end + 1 :].find("{" if "{" in after else "}")
        if "\n" in body[end + 1 : where]:
            # Answers closed, then a new line with answers of its own: another question, run on.
            second = body.index("\n", end + 1) + 1
            second += len(body[second:]) - len(body[second:].lstrip())
            raise StudykitError(
                "another question starts without a blank line before it: Moodle reads both as one question",
                name,
                text.line(second),
                hint="put a blank line between two questions",
            )
        raise StudykitError(
            "a second set of answers in one question",
            name,
            text.line(where),
            hint="write a literal brace as '\\{'",
        )
    found_format = _FORMAT.match(body[offset:start].strip())
    before = body[offset:start]
    stem = text.show(before + BLANK + body[end + 1 :] if after else before)
    text.html = bool(found_format) and found_format.group(1) == "html"  # the answers' default
    answers = body[start + 1 : end]
    feedback = ""
    if (cut := answers.rfind("####")) >= 0:
        answers, feedback = answers[:cut], text.show(answers[cut + 4 :])
    meta, stem = _case_part(meta, stem, name, first)
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
        notes.append(f"line {first}: an essay question was skipped")
        return None
    if stripped.startswith("#"):
        notes.append(f"line {first}: a numerical question was skipped")
        return None
    base = start + 1
    if "~" in answers:
        single = "=" in answers
        return ForeignQuestion(
            kind=CHOICE, single=single, answers=_choices(text, answers, base, name), **common
        )  # type: ignore[arg-type]
    if "=" in answers and "->" in answers:
        return ForeignQuestion(kind=MATCH, pairs=_pairs(text, answers, base, name), **common)  # type: ignore[arg-type]
    head, *rest = stripped.split("#", 2)
    if head.strip() in ("T", "TRUE", "F", "FALSE"):
        truth = head.strip().startswith("T")
        wrong = text.show(rest[0]) if rest else ""
        right = text.show(rest[1]) if len(rest) > 1 else ""
        return ForeignQuestion(
            kind=TRUE_FALSE,
            truth=truth,
            feedback_true=right if truth else wrong,
            feedback_false=wrong if truth else right,
            **common,  # type: ignore[arg-type]
        )
    kind = "missing-word short-answer" if after else "short-answer"
    notes.append(f"line {first}: a {kind} question was skipped")
    return None


def _case_part(meta: dict[str, object], stem: str, name: str, line: int) -> tuple[dict[str, object], str]:
    """A case-study question's comment names its case: its text holds the scenario, then its stem.

    Returns the comment's data with the scenario added to ``case``, and the question's own stem.
    """
    case = meta.get("case")
    if not isinstance(case, dict):
        return meta, stem
    title = case.get("title")
    split = split_case_text(stem, title) if isinstance(title, str) else None
    if split is None:
        raise StudykitError(
            "the studykit comment names a case study, but the question text does not start with "
            "'Case study: <its title>', the scenario and 'Question N of M of this case: '",
            name,
            line,
            hint='restore the text as studykit exported it, or remove "case" from the comment',
        )
    scenario, own = split
    return {**meta, "case": {**case, "scenario": scenario}}, own


def _choices(text: _Text, answers: str, base: int, name: str) -> tuple[ForeignAnswer, ...]:
    """``=right`` (100 %) and ``~wrong`` (0 %) answers, or ``~%50%`` weighted ones, as Moodle reads them."""
    found = []
    marks = [match.start() for match in re.finditer(r"[~=]", answers)]
    if answers[: marks[0]].strip():
        raise StudykitError(
            "text before the first answer", name, text.line(base), hint="start each answer with '=' or '~'"
        )
    for index, mark in enumerate(marks):
        item = answers[mark + 1 : marks[index + 1] if index + 1 < len(marks) else len(answers)].strip()
        weight = 100.0 if answers[mark] == "=" else 0.0
        if answers[mark] == "~" and (given := _WEIGHT.match(item)):
            weight = float(given.group(1))
            item = item[given.end() :]
        answer, _, feedback = item.partition("#")
        line = text.line(base + mark)
        shown = text.show(answer)
        if not shown:
            raise StudykitError(
                f"answer {index + 1} is empty", name, line, hint="write its text after the '=' or '~'"
            )
        found.append(ForeignAnswer(shown, weight, text.show(feedback), line))
    return tuple(found)


def _pairs(text: _Text, answers: str, base: int, name: str) -> tuple[ForeignPair, ...]:
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
        pairs.append(ForeignPair(text.show(prompt), text.show(match, formatted=False), line))
    return tuple(pairs)

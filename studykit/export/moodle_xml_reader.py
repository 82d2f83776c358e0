"""Read Moodle XML (question/format/xml) into :mod:`~studykit.export.foreign` questions.

The file is untrusted, so it is parsed with expat directly and refused outright when it declares
a document type or an entity: no external entity is ever fetched, no entity expanded (the
"billion laughs" and XXE attacks need one of the two), and Moodle's own exports never have
either. The size is capped by the caller (2 MiB), so the tree built is small.

Moodle's types that studykit has: ``multichoice`` (``<single>`` decides one answer or several,
as in Moodle), ``truefalse``, ``matching`` and ``ordering``; other types are skipped with a
note. Text in ``html`` or ``moodle_auto_format`` is read as plain text (tags dropped, ``<br>``
and paragraphs as line breaks, entities decoded); ``plain_text`` and ``markdown`` as written.
Tags written by :mod:`~studykit.export.moodle_xml` (``kind:…``, ``concept:…``, ``difficulty:…``,
``domain:…``, ``lint-ignore:…``) restore what Moodle has no field for. A question tagged
``case:<id>`` is part of a case study: its text holds the case's title and scenario above its own
stem, as the export writes them, and they go into ``meta["case"]``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from xml.parsers import expat

from studykit.errors import StudykitError
from studykit.export.foreign import (
    CHOICE,
    MATCH,
    ORDERING,
    TRUE_FALSE,
    ForeignAnswer,
    ForeignFile,
    ForeignPair,
    ForeignQuestion,
)
from studykit.export.gift import CATEGORY_ROOT
from studykit.export.moodle_xml import WHY_LIST

_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>|<hr\s*/?>", re.IGNORECASE)
_KINDS = {"multichoice": CHOICE, "truefalse": TRUE_FALSE, "matching": MATCH, "ordering": ORDERING}
_CASE_TEXT = re.compile(r"\s*<p><strong>(.*?)</strong></p>\s*<p>(.*?)</p>\s*<hr\s*/?>(.*)", re.DOTALL)


@dataclass
class Node:
    """An XML element: its name, attributes, text, children and the line it starts on."""

    name: str
    attributes: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def child(self, name: str) -> Node | None:
        return next((node for node in self.children if node.name == name), None)

    def all(self, name: str) -> list[Node]:
        return [node for node in self.children if node.name == name]

    def value(self, *path: str) -> str:
        """The text at ``path`` (e.g. ``"name", "text"``), or "" when absent."""
        node: Node | None = self
        for name in path:
            node = node.child(name) if node else None
        return node.text.strip() if node else ""


def parse_xml(text: str, source: str) -> Node:
    """The document's root element; a located error for XML that is not well-formed or not safe."""
    stack: list[Node] = []
    root: list[Node] = []
    parser = expat.ParserCreate("UTF-8")

    def refuse(*_args: object) -> None:
        raise StudykitError(
            "the XML declares a document type or an entity, which studykit does not read",
            source,
            parser.CurrentLineNumber,
            hint="remove the <!DOCTYPE …> part: Moodle's own exports have none",
        )

    def start(name: str, attributes: dict[str, str]) -> None:
        node = Node(name, attributes, parser.CurrentLineNumber)
        (stack[-1].children if stack else root).append(node)
        stack.append(node)

    def end(_name: str) -> None:
        stack.pop()

    def data(chunk: str) -> None:
        if stack:
            stack[-1].text += chunk

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.buffer_text = True
    try:
        parser.Parse(text.encode("utf-8"), True)
    except expat.ExpatError as error:
        raise StudykitError(
            f"not well-formed XML ({expat.errors.messages[error.code]})",
            source,
            error.lineno,
            error.offset + 1,
            hint="fix the XML, or export the questions from Moodle again",
        ) from None
    return root[0]


def read_moodle_xml(text: str, source: str) -> ForeignFile:
    """Every question of a Moodle XML file, in order; notes on what was skipped, and problems."""
    quiz = parse_xml(text, source)
    if quiz.name != "quiz":
        raise StudykitError(
            f"the XML's root is <{quiz.name}>, not <quiz>",
            source,
            quiz.line,
            hint="give a Moodle XML question export",
        )
    questions: list[ForeignQuestion] = []
    notes: list[str] = []
    problems: list[StudykitError] = []
    categories: list[str] = []
    category: str | None = None
    for node in quiz.all("question"):
        qtype = node.attributes.get("type", "")
        if qtype == "category":
            category = node.value("category", "text")
            categories.append(_bank_level(category))
            continue
        if qtype not in _KINDS:
            kind = qtype or "untyped"
            article = "an" if kind[0] in "aeiou" else "a"
            notes.append(f"line {node.line}: {article} {kind} question was skipped")
            continue
        try:
            questions.append(_question(node, _KINDS[qtype], category, source))
        except StudykitError as error:
            problems.append(error)
    return ForeignFile(tuple(questions), tuple(categories), tuple(notes), tuple(problems))


def _bank_level(category: str) -> str:
    """A studykit export's category without its concept level, so a bank reads as one category."""
    if category.startswith(CATEGORY_ROOT):
        return CATEGORY_ROOT + category[len(CATEGORY_ROOT) :].replace("//", "\x00").split("/")[0].replace(
            "\x00", "//"
        )
    return category


def _shown(node: Node | None, default_format: str = "html") -> str:
    """A ``<… format="…"><text>`` element as plain text."""
    if node is None:
        return ""
    text = node.value("text")
    if node.attributes.get("format", default_format) in ("html", "moodle_auto_format"):
        return _html(text)
    return text.strip()


def _html(markup: str) -> str:
    """HTML as the plain text it shows: tags dropped, breaks and paragraphs as newlines."""
    return html.unescape(_TAG.sub("", _BREAK.sub("\n", markup)).replace("&nbsp;", " ")).strip()


def _pair_whys(pairs: tuple[ForeignPair, ...], listed: str) -> list[str]:
    """Each pair's why from the ``<li>prompt → match: why</li>`` items (in any order), "" if absent."""
    whys = [""] * len(pairs)
    for item in re.findall(r"<li>(.*?)</li>", listed, re.DOTALL):
        text = _html(item)
        for index, pair in enumerate(pairs):
            prefix = f"{pair.prompt} → {pair.match}: "
            if not whys[index] and text.startswith(prefix):
                whys[index] = text[len(prefix) :].strip()
                break
    return whys


def _question(node: Node, kind: str, category: str | None, source: str) -> ForeignQuestion:
    meta = _meta(node)
    common = {
        "line": node.line,
        "name": node.value("idnumber") or node.value("name", "text") or None,
        "stem": _case_stem(node, meta, source),
        "general_feedback": _shown(node.child("generalfeedback")),
        "category": category,
        "meta": meta,
    }
    if kind == MATCH:
        pairs = tuple(
            ForeignPair(_shown(sub), sub.value("answer", "text"), sub.line) for sub in node.all("subquestion")
        )
        feedback = node.child("generalfeedback")
        if feedback is not None and WHY_LIST in feedback.value("text"):
            explanation, _, listed = feedback.value("text").partition(WHY_LIST)
            common["general_feedback"] = _html(explanation)
            meta["why"] = _pair_whys(pairs, listed)
        return ForeignQuestion(kind=MATCH, pairs=pairs, **common)  # type: ignore[arg-type]
    answers = [
        ForeignAnswer(
            _shown(answer, "moodle_auto_format"),
            _fraction(answer, source),
            _shown(answer.child("feedback")),
            answer.line,
        )
        for answer in node.all("answer")
    ]
    if kind == TRUE_FALSE:
        by_text = {answer.text.lower(): answer for answer in answers}
        if set(by_text) != {"true", "false"}:
            raise StudykitError(
                "a true/false question needs the answers 'true' and 'false'",
                source,
                node.line,
                hint="export the question from Moodle again",
            )
        true, false = by_text["true"], by_text["false"]
        return ForeignQuestion(
            kind=TRUE_FALSE,
            truth=true.weight > false.weight,
            feedback_true=true.feedback,
            feedback_false=false.feedback,
            **common,  # type: ignore[arg-type]
        )
    single = node.value("single").lower() not in ("false", "0")
    return ForeignQuestion(kind=kind, single=single, answers=tuple(answers), **common)  # type: ignore[arg-type]


def _case_stem(node: Node, meta: dict[str, object], source: str) -> str:
    """The question's own stem; for a case-study part the title and scenario above it go to ``meta``."""
    text = node.child("questiontext")
    case = meta.get("case")
    if not isinstance(case, dict) or "id" not in case or text is None:
        return _shown(text)
    split = _CASE_TEXT.fullmatch(text.value("text"))
    if split is None:
        raise StudykitError(
            f"the question is tagged case:{case['id']}, but its text does not start with the case's "
            "title (in bold) and scenario, then a rule",
            source,
            node.line,
            hint="restore the text as studykit exported it, or remove the case tag",
        )
    title, scenario, stem = (_html(part) for part in split.groups())
    case.update(title=title, scenario=scenario)
    return stem


def _fraction(answer: Node, source: str) -> float:
    given = answer.attributes.get("fraction", "0")
    try:
        return float(given)
    except ValueError:
        raise StudykitError(
            f"answer fraction {given!r} is not a number",
            source,
            answer.line,
            hint="write a percentage such as 50",
        ) from None


def _meta(node: Node) -> dict[str, object]:
    """The studykit tags, in the keys a GIFT studykit comment uses."""
    tags = [tag.value("text") for tag in (node.child("tags") or Node("tags", {}, 0)).all("tag")]
    meta: dict[str, object] = {}
    for tag in tags:
        key, _, value = tag.partition(":")
        if not value:
            continue
        if key == "kind":
            meta["kind"] = value
        elif key == "concept":
            meta.setdefault("concepts", []).append(value)  # type: ignore[union-attr]
        elif key == "difficulty":
            meta["difficulty"] = value
        elif key == "domain" and value.isdigit():
            meta["domain"] = int(value)
        elif key == "lint-ignore":
            meta.setdefault("lint_ignore", []).append(value)  # type: ignore[union-attr]
        elif key == "case":
            meta["case"] = {"id": value, **meta.get("case", {})}  # type: ignore[dict-item]
        elif key == "case-lint-ignore":
            case = meta.setdefault("case", {})
            case.setdefault("lint_ignore", []).append(value)  # type: ignore[union-attr]
    return meta

"""Banks as Moodle XML: ``studykit bank export --to moodle-xml``.

Moodle's own question types, as its XML import reads them (question/format/xml/format.php):

- single → ``multichoice`` with ``<single>true</single>``: the right answer 100 %, the others 0 %.
- multiple → ``multichoice`` with ``<single>false</single>``: each right answer an equal share of
  100 % (50, 33.33333, 25 … — each one of Moodle's allowed grades, summing to 100 % as Moodle
  requires), each wrong answer −100 %, so any wrong pick costs the marks (studykit scores all or
  nothing; Moodle floors a question's grade at zero).
- true_false → ``truefalse``: answers ``true`` and ``false``, 100 % and 0 %, each with its why.
- matching → ``matching``: a sub-question per pair. Moodle has no feedback per pair, so the whys
  are listed in the general feedback (``<ul class="studykit-why">``, an item ``prompt → match: why``
  each); import reads them back.
- ordering → Moodle's ``ordering`` type: the items in the right order (``fraction`` is the
  position), graded all or nothing, each with its why as feedback.
- A case-study part carries its scenario (title, then text) above its own question text, and a
  ``case:<id>`` tag (``case-lint-ignore:…`` for the case's lint_ignore), so import puts the case
  study back together.

Every bank gets a category, ``$course$/top/studykit/<bank title>``, and each concept a category
inside it, named by the concept's title, holding the questions that mainly test it. Text is HTML
(``&``, ``<`` escaped, newlines as ``<br>``) inside CDATA; characters XML 1.0 cannot hold are
written as ``\\xNN``. Tags keep what Moodle has no field for (``kind:…``, ``concept:…``,
``difficulty:…``, ``domain:…``, ``lint-ignore:…``); Moodle keeps tags, so a Moodle export of
the questions imports back into studykit with them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from studykit.concepts import ConceptSet
from studykit.errors import StudykitError
from studykit.export.gift import CATEGORY_ROOT, weight
from studykit.questions.bank import Bank
from studykit.questions.model import Kind, Question

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_IDNUMBER_MAX = 100


def xml_safe(text: str) -> str:
    """Text XML 1.0 can hold: its forbidden control characters written as ``\\xNN``."""
    return _NOT_XML.sub(lambda found: f"\\x{ord(found.group(0)):02x}", text)


def _cdata(markup: str) -> str:
    """``markup`` as CDATA; a ``]]>`` inside is split across two sections."""
    return "<![CDATA[" + xml_safe(markup).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def html_text(text: str) -> str:
    """Plain text as HTML that shows it exactly: ``& < >`` escaped, newlines as ``<br>``."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def _attribute(value: str) -> str:
    return html.escape(xml_safe(value), quote=True)


def _text_element(tag: str, text: str, indent: str) -> str:
    body = _cdata(html_text(text))
    return f'{indent}<{tag} format="html">\n{indent}  <text>{body}</text>\n{indent}</{tag}>'


def _plain_element(tag: str, text: str, indent: str) -> str:
    return f"{indent}<{tag}>\n{indent}  <text>{_cdata(text)}</text>\n{indent}</{tag}>"


def _category(path: str) -> str:
    return (
        '  <question type="category">\n'
        f"    <category>\n      <text>{_cdata(path)}</text>\n    </category>\n"
        "  </question>"
    )


def question_text(question: Question) -> str:
    """The question as Moodle shows it: a case-study part's scenario (title, text) above its stem."""
    if question.case is None:
        return html_text(question.stem)
    case = question.case
    return (
        f"<p><strong>{html_text(case.title)}</strong></p><p>{html_text(case.scenario)}</p><hr>"
        f"<p>{html_text(question.stem)}</p>"
    )


WHY_LIST = '<ul class="studykit-why">'


def general_feedback(question: Question) -> str:
    """The general feedback as HTML: the explanation, and for matching a list of the pairs' whys
    (``prompt → match: why``), which Moodle shows and the import reads back."""
    markup = html_text(question.explanation)
    if question.kind is Kind.MATCHING and any(pair.why for pair in question.pairs):
        items = "".join(
            f"<li>{html_text(f'{pair.prompt} → {pair.match}: {pair.why}')}</li>"
            for pair in question.pairs
            if pair.why
        )
        markup += f"{WHY_LIST}{items}</ul>"
    return markup


_QTYPE = {
    Kind.SINGLE: "multichoice",
    Kind.MULTIPLE: "multichoice",
    Kind.TRUE_FALSE: "truefalse",
    Kind.MATCHING: "matching",
    Kind.ORDERING: "ordering",
}


def question_to_xml(question: Question) -> str:
    """One ``<question>`` element; raises when Moodle could not import the question."""
    if question.kind is Kind.MATCHING and len(question.pairs) < 3:
        raise StudykitError(
            f"question {question.id!r}: Moodle needs at least 3 pairs in a matching question",
            question.origin.path,
            question.origin.line,
            hint="add a pair, or leave the question out of the export",
        )
    lines = [
        f'  <question type="{_QTYPE[question.kind]}">',
        _plain_element("name", question.id, "    "),
        f'    <questiontext format="html">\n      <text>{_cdata(question_text(question))}</text>\n'
        "    </questiontext>",
        f'    <generalfeedback format="html">\n      <text>{_cdata(general_feedback(question))}</text>\n'
        "    </generalfeedback>",
        "    <defaultgrade>1</defaultgrade>",
        f"    <penalty>{'1' if question.kind is Kind.TRUE_FALSE else '0.3333333'}</penalty>",
        "    <hidden>0</hidden>",
    ]
    if len(question.id) <= _IDNUMBER_MAX:
        lines.append(f"    <idnumber>{_attribute(question.id)}</idnumber>")
    lines += _KIND_LINES[question.kind](question)
    lines.append(_tags(question))
    lines.append("  </question>")
    return "\n".join(lines)


def _answer(fraction: str, text: str, why: str, *, html_answer: bool = True) -> str:
    body = _cdata(html_text(text)) if html_answer else _cdata(text)
    answer_format = "html" if html_answer else "moodle_auto_format"
    return (
        f'    <answer fraction="{fraction}" format="{answer_format}">\n      <text>{body}</text>\n'
        f"{_text_element('feedback', why, '      ')}\n    </answer>"
    )


def _combined_feedback() -> list[str]:
    return [_text_element(tag, "", "    ") for tag in _COMBINED] + ["    <shownumcorrect/>"]


_COMBINED = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")


def _choice_lines(question: Question) -> list[str]:
    single = question.kind is Kind.SINGLE
    share = weight(len(question.correct_indexes))
    lines = [
        f"    <single>{'true' if single else 'false'}</single>",
        "    <shuffleanswers>true</shuffleanswers>",
        "    <answernumbering>ABCD</answernumbering>",
        "    <showstandardinstruction>0</showstandardinstruction>",
        *_combined_feedback(),
    ]
    for option in question.options:
        fraction = ("100" if single else share) if option.correct else ("0" if single else "-100")
        lines.append(_answer(fraction, option.text, option.why))
    return lines


def _true_false_lines(question: Question) -> list[str]:
    true, false = question.options
    return [
        _answer("100" if true.correct else "0", "true", true.why, html_answer=False),
        _answer("100" if false.correct else "0", "false", false.why, html_answer=False),
    ]


def _matching_lines(question: Question) -> list[str]:
    lines = ["    <shuffleanswers>true</shuffleanswers>", *_combined_feedback()]
    for pair in question.pairs:
        lines.append(
            f'    <subquestion format="html">\n      <text>{_cdata(html_text(pair.prompt))}</text>\n'
            f"      <answer>\n        <text>{_cdata(pair.match)}</text>\n      </answer>\n    </subquestion>"
        )
    return lines


def _ordering_lines(question: Question) -> list[str]:
    lines = [
        "    <layouttype>VERTICAL</layouttype>",
        "    <selecttype>ALL</selecttype>",
        "    <selectcount>0</selectcount>",
        "    <gradingtype>ALL_OR_NOTHING</gradingtype>",
        "    <showgrading>SHOW</showgrading>",
        "    <numberingstyle>none</numberingstyle>",
        *_combined_feedback(),
    ]
    lines += [_answer(str(number), step.text, step.why) for number, step in enumerate(question.steps, 1)]
    return lines


_KIND_LINES = {
    Kind.SINGLE: _choice_lines,
    Kind.MULTIPLE: _choice_lines,
    Kind.TRUE_FALSE: _true_false_lines,
    Kind.MATCHING: _matching_lines,
    Kind.ORDERING: _ordering_lines,
}


def question_tags(question: Question) -> list[str]:
    """What Moodle has no field for, as tags: kind, concepts, difficulty, domain, lint_ignore, case."""
    tags = [f"kind:{question.kind.value}", *(f"concept:{concept}" for concept in question.concepts)]
    tags.append(f"difficulty:{question.difficulty}")
    if question.domain:
        tags.append(f"domain:{question.domain}")
    tags += [f"lint-ignore:{rule}" for rule in question.lint_ignore]
    if question.case is not None:
        tags.append(f"case:{question.case.id}")
        tags += [f"case-lint-ignore:{rule}" for rule in question.case.lint_ignore]
    return tags


def _tags(question: Question) -> str:
    inner = "".join(f"\n      <tag><text>{_cdata(tag)}</text></tag>" for tag in question_tags(question))
    return f"    <tags>{inner}\n    </tags>"


def banks_to_moodle_xml(banks: Sequence[Bank], concepts: ConceptSet | None = None) -> str:
    """Every bank as one Moodle XML file: a category per bank, and inside it one per concept.

    Questions keep the bank's order: a category element comes wherever the main concept changes.
    """
    blocks = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for bank in banks:
        root = CATEGORY_ROOT + _level(bank.title)
        current = None
        for question in bank.questions:
            concept_id = question.concept
            known = concepts is not None and concept_id in concepts
            title = concepts[concept_id].title if known else concept_id  # type: ignore[index]
            category = f"{root}/{_level(title)}" if concept_id else root
            if category != current:  # a switch only where the concept changes: the bank's order stays
                blocks.append(_category(category))
                current = category
            blocks.append(question_to_xml(question))
    blocks.append("</quiz>")
    return "\n".join(blocks) + "\n"


def _level(title: str) -> str:
    """A category level: one line, a '/' inside it written '//' as Moodle reads it."""
    return " ".join(title.split()).replace("/", "//")

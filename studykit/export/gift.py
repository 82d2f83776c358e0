"""Banks as Moodle GIFT text: ``studykit bank export --to gift``.

What maps to what (Moodle's own GIFT reader, question/format/gift/format.php, is the reference):

- Each bank becomes a ``$CATEGORY: $course$/top/studykit/<bank title>`` block.
- single → multiple choice (``=right#why ~wrong#why``); multiple → multiple choice with several
  answers: each correct option weighs 100/k % (Moodle's 33.33333 style), each wrong one −100 %,
  so picking any wrong option costs the marks (the exam scores all or nothing; Moodle's standard
  multiple choice cannot, so partial credit remains for picking some of the right ones).
- true_false → ``{TRUE#feedback for answering False#feedback for answering True}`` (or FALSE…).
- matching → ``=prompt -> match``. GIFT has no per-pair feedback, so the whys are appended to
  the general feedback. GIFT cannot escape ``->`` and Moodle splits a pair at the first one, so a
  prompt that contains ``->`` is written as ``[html]`` with ``-&gt;`` (Moodle shows ``->``).
- ordering has no GIFT type: it becomes a matching question of positions, ``=Step 1 -> first
  step``…, so Moodle asks which step comes at each position; the whys go to the general feedback.
- The explanation is the general feedback (``####``). Text is marked ``[plain]`` (shown literally),
  newlines are written ``\\n``, and ``~ = # { } :`` and ``\\`` are escaped with a backslash.

A ``// studykit: {…}`` comment line before each question keeps what GIFT cannot say (kind,
concepts, difficulty, domain, lint_ignore, per-pair whys). Moodle ignores comments; ``bank
import`` reads them back, so a bank survives export and import unchanged in meaning.

GIFT has no case studies: each question of one carries the case's title and scenario at the
start of its own text (:func:`case_text`), and its comment names the case (``"case": {"id": …,
"title": …}``), so import (:func:`split_case_text`) puts the case study back together.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence

from studykit.questions.bank import Bank
from studykit.questions.model import Kind, Question

_CASE_PLACE = re.compile(r"\n\nQuestion (?:\d+ of \d+ of|on) this case: ")

_ESCAPES = str.maketrans({char: "\\" + char for char in "\\~=#{}:"} | {"\n": "\\n", "\r": ""})
_FORMATS = ("[html]", "[moodle]", "[plain]", "[markdown]")
META = "// studykit: "
BANK_META = "// studykit bank: "
STEP_PROMPT = "Step {}"


def escape(text: str, *, guard: bool = True) -> str:
    """GIFT text: special characters escaped, newlines as ``\\n``.

    ``guard``: the text is one Moodle reads a ``[format]`` marker from, so text that starts like
    one gets an explicit ``[plain]`` for Moodle to strip instead.
    """
    escaped = text.translate(_ESCAPES)
    if guard and escaped.lower().startswith(_FORMATS):
        escaped = "[plain]" + escaped
    return escaped


def _option(text: str, correct: bool) -> str:
    """A single-choice option; a wrong one starting with '%' would be read as a weight, so it gets 0 %."""
    if correct:
        return "=" + escape(text)
    return ("~%0%" if text.startswith("%") else "~") + escape(text)


CATEGORY_ROOT = "$course$/top/studykit/"


def category_path(title: str) -> str:
    """The Moodle category for a bank; '/' separates levels, so a '/' in a title is written '//'.

    Moodle does not unescape a ``$CATEGORY`` line, so its text is written as it is.
    """
    return CATEGORY_ROOT + " ".join(title.split()).replace("/", "//")


def category_levels(path: str) -> list[str]:
    """A ``$CATEGORY`` path's levels, '//' read back as a '/' inside a level."""
    return [level.replace("\x00", "/").strip() for level in path.replace("//", "\x00").split("/")]


def weight(correct: int) -> str:
    """Each correct option's share, written as Moodle writes its grade fractions (33.33333)."""
    return f"{100 / correct:.5f}".rstrip("0").rstrip(".")


def step_feedback(question: Question) -> str:
    """The general feedback that carries an ordering or matching question's whys."""
    if question.kind is Kind.ORDERING:
        lines = [f"{n}. {step.text}: {step.why}" for n, step in enumerate(question.steps, 1) if step.why]
    else:
        lines = [f"{pair.prompt} → {pair.match}: {pair.why}" for pair in question.pairs if pair.why]
    return "\n\n".join(part for part in (question.explanation, "\n".join(lines)) if part)


def case_text(question: Question) -> str:
    """The question's text as GIFT carries it: for a case-study question, the case's title and
    scenario first, then "Question 2 of 3 of this case: " and its own stem."""
    case = question.case
    if case is None:
        return question.stem
    number = case.part_number(question.id)
    place = f"Question {number} of {len(case.questions)} of this case" if number else "Question on this case"
    return f"Case study: {case.title}\n\n{case.scenario}\n\n{place}: {question.stem}"


def split_case_text(text: str, title: str) -> tuple[str, str] | None:
    """The scenario and the stem of a text :func:`case_text` wrote for the case ``title``, or None."""
    head = f"Case study: {title}\n\n"
    found = _CASE_PLACE.search(text, len(head)) if text.startswith(head) else None
    if found is None:
        return None
    scenario, stem = text[len(head) : found.start()].strip(), text[found.end() :].strip()
    return (scenario, stem) if scenario and stem else None


def question_to_gift(question: Question) -> str:
    meta: dict[str, object] = {
        "kind": question.kind.value,
        "concepts": list(question.concepts),
        "difficulty": question.difficulty,
        "domain": question.domain,
    }
    if question.lint_ignore:
        meta["lint_ignore"] = list(question.lint_ignore)
    if question.kind in (Kind.ORDERING, Kind.MATCHING):
        meta["why"] = [part.why for part in (*question.steps, *question.pairs)]
    if question.case is not None:
        meta["case"] = {"id": question.case.id, "title": question.case.title}
        if question.case.lint_ignore:
            meta["case"]["lint_ignore"] = list(question.case.lint_ignore)  # type: ignore[index]
    lines = [
        META + json.dumps(meta, ensure_ascii=False),
        f"::{question.id}::[plain]{escape(case_text(question), guard=False)}{{",
    ]
    feedback = question.explanation
    if question.kind is Kind.SINGLE:
        lines += [f"\t{_option(o.text, o.correct)}{_feedback(o.why)}" for o in question.options]
    elif question.kind is Kind.MULTIPLE:
        share = weight(len(question.correct_indexes))
        lines += [
            f"\t~%{share if o.correct else '-100'}%{escape(o.text)}{_feedback(o.why)}"
            for o in question.options
        ]
    elif question.kind is Kind.TRUE_FALSE:
        true, false = question.options
        right, wrong = (true, false) if true.correct else (false, true)
        both = f"#{escape(wrong.why)}#{escape(right.why)}" if right.why else _feedback(wrong.why)
        lines[-1] += f"{'TRUE' if true.correct else 'FALSE'}{both}"
    elif question.kind is Kind.ORDERING:
        lines += [
            f"\t={STEP_PROMPT.format(n)} -> {escape(s.text, guard=False)}"
            for n, s in enumerate(question.steps, 1)
        ]
        feedback = step_feedback(question)
    else:
        lines += [f"\t={_prompt(p.prompt)} -> {escape(p.match, guard=False)}" for p in question.pairs]
        feedback = step_feedback(question)
    if feedback.strip():
        lines.append(f"\t####{escape(feedback)}")
    lines.append("}")
    return "\n".join(lines)


def _feedback(why: str) -> str:
    """``#why``, or nothing for an answer whose why is not written yet."""
    return f"#{escape(why)}" if why else ""


def _prompt(text: str) -> str:
    """A matching prompt; one holding '->' (which GIFT cannot escape) goes as HTML with '-&gt;'."""
    if "->" not in text:
        return escape(text)
    markup = html.escape(text, quote=False).replace("\n", "<br>")
    return "[html]" + escape(markup, guard=False)


def banks_to_gift(banks: Sequence[Bank]) -> str:
    """Every bank as one GIFT file, a category per bank, questions separated by blank lines."""
    blocks = []
    for bank in banks:
        meta = json.dumps({"bank": bank.name, "title": bank.title}, ensure_ascii=False)
        blocks.append(f"{BANK_META}{meta}\n$CATEGORY: {category_path(bank.title)}")
        blocks.extend(question_to_gift(question) for question in bank.questions)
    return "\n\n".join(blocks) + "\n"

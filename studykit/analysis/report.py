"""Item analysis as text for people, JSON for scripts, or GitHub Actions annotations on the banks.

No learner appears in any of them: only counts and shares.
"""

from __future__ import annotations

import json

from studykit.analysis.items import FLAGS, Analysis, GroupStats, ItemStats
from studykit.engine.presentation import letter
from studykit.errors import printable
from studykit.questions.lint_output import display_path
from studykit.questions.model import Kind

_NOTICE = ("too-easy", "too-hard", "unused-distractor")


def _signed(value: float | None) -> str:
    return "   -" if value is None else f"{value:+.2f}"


def _parts(item: ItemStats) -> str:
    """``A 3* B 2 C 1`` (``*`` marks the key) or, for ordering and matching, ``right: 1 4 2``."""
    question = item.question
    if question.kind in (Kind.ORDERING, Kind.MATCHING):
        return "placed right: " + " ".join(str(count) for count in item.choices)
    names = (
        ("True", "False") if question.kind is Kind.TRUE_FALSE else tuple(map(letter, range(question.size)))
    )
    return "  ".join(
        f"{names[index]} {count}{'*' if question.options[index].correct else ''}"
        for index, count in enumerate(item.choices)
    )


def text_lines(analysis: Analysis) -> list[str]:
    lines = [_headline(analysis), ""]
    lines.append(f"{'question':<38}{'answered':>9}{'facility':>10}{'discr.':>8}{'top-bot':>9}")
    for item in analysis.items:
        lines.append(
            printable(
                f"{_fit(item.question.id, 37):<38}{item.answered:>9}{item.facility:>9.0%} "
                f"{_signed(item.discrimination):>7}{_signed(item.upper_lower):>9}"
            )
        )
        lines.append(f"    {_parts(item)}")
        if item.flags:
            lines.append(f"    ! {', '.join(item.flags)}")
    for title, groups in (("By exam domain", analysis.domains), ("By concept", analysis.concepts)):
        lines += ["", f"{title:<38}{'questions':>9}{'facility':>10}{'discr.':>8}{'flagged':>9}"]
        lines += [_group_line(group) for group in groups]
    flagged = sum(bool(item.flags) for item in analysis.items)
    lines += [
        "",
        f"{flagged} question(s) flagged (with {analysis.min_answers} or more learners); * marks the key.",
    ]
    raised = sorted({flag for item in analysis.items for flag in item.flags}, key=list(FLAGS).index)
    lines += [f"  {flag:<24}{FLAGS[flag]}" for flag in raised]
    return lines


def _headline(analysis: Analysis) -> str:
    text = (
        f"Item analysis: {analysis.learners} learner(s), {analysis.answers} first answer(s) "
        f"to {len(analysis.items)} question(s)"
    )
    extra = []
    if analysis.repeats:
        extra.append(f"{analysis.repeats} repeated export(s) counted once")
    if analysis.unknown:
        extra.append(f"{analysis.unknown} answer(s) to questions not in these banks left out")
    if analysis.stale:
        extra.append(f"{analysis.stale} answer(s) to questions changed since left out")
    return text + (f"; {'; '.join(extra)}" if extra else "") + "."


def _group_line(group: GroupStats) -> str:
    return printable(
        f"{_fit(group.key, 37):<38}{group.questions:>9}{group.facility:>9.0%} "
        f"{_signed(group.discrimination):>7}{group.flagged:>9}"
    )


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def to_json(analysis: Analysis) -> dict[str, object]:
    return {
        "learners": analysis.learners,
        "answers": analysis.answers,
        "repeated_exports": analysis.repeats,
        "unknown_answers": analysis.unknown,
        "stale_answers": analysis.stale,
        "min_answers": analysis.min_answers,
        "questions": [
            {
                "id": item.question.id,
                "kind": item.question.kind.value,
                "concepts": list(item.question.concepts),
                "domain": item.question.domain or None,
                "answered": item.answered,
                "right": item.right,
                "facility": _rounded(item.facility),
                "discrimination": _rounded(item.discrimination),
                "upper_lower": _rounded(item.upper_lower),
                "choices": list(item.choices),
                "top_choices": list(item.top_choices),
                "flags": list(item.flags),
            }
            for item in analysis.items
        ],
        "concepts": [_group_json(group, "concept") for group in analysis.concepts],
        "domains": [_group_json(group, "domain") for group in analysis.domains],
    }


def _group_json(group: GroupStats, name: str) -> dict[str, object]:
    return {
        name: group.key,
        "questions": group.questions,
        "answered": group.answered,
        "facility": _rounded(group.facility),
        "discrimination": _rounded(group.discrimination),
        "flagged": group.flagged,
    }


def json_text(analysis: Analysis) -> str:
    return json.dumps(to_json(analysis), indent=2, ensure_ascii=False)


def github_lines(analysis: Analysis) -> list[str]:
    """One annotation per flag, on the question's line in its bank file (generated ones: no file)."""
    from studykit.questions.lint_output import escape_data, escape_property

    lines = []
    for item in analysis.items:
        origin = item.question.origin
        for flag in item.flags:
            level = "notice" if flag in _NOTICE else "warning"
            where = []
            if origin.path:
                where = [f"file={escape_property(display_path(origin.path))}"]
                if origin.line:
                    where.append(f"line={origin.line}")
            where.append(f"title={escape_property(flag)}")
            message = (
                f"{item.question.id}: {FLAGS[flag]} (facility {item.facility:.0%}, {item.answered} learners)"
            )
            lines.append(f"::{level} {','.join(where)}::{escape_data(message)}")
    return lines

"""Questions back into the bank format: the inverse of the loader, for imports and the JSON export.

Stable API:

- :func:`question_to_data(question, concepts=None) <question_to_data>` → the question's mapping,
  keys in the order docs/bank-format.md uses; ``domain`` only where it differs from the main
  concept's (or is unknown to ``concepts``); ``domain`` 0 means unknown and is left out.
- :func:`bank_to_data(name, title, questions, concepts=None) <bank_to_data>` → a bank mapping.
  The questions of a case study become one ``kind: case_study`` entry, where its first question
  stood, holding them in the case's order; concepts and difficulty shared by all of them are
  written once, on the case study.
- :func:`bank_yaml(...)` → YAML text that :func:`~studykit.questions.bank.load_bank` reads back
  to equal questions, with the yaml-language-server modeline on top.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from studykit.concepts import ConceptSet
from studykit.questions.bank import CASE_STUDY
from studykit.questions.model import CaseStudy, Kind, Question
from studykit.questions.schema import SCHEMA_URL


def question_to_data(question: Question, concepts: ConceptSet | None = None) -> dict[str, object]:
    data: dict[str, object] = {"id": question.id, "kind": question.kind.value}
    if question.concepts:
        data["concepts"] = list(question.concepts)
    if _domain_is_explicit(question, concepts):
        data["domain"] = question.domain
    data["difficulty"] = question.difficulty
    data["stem"] = question.stem
    if question.kind is Kind.TRUE_FALSE:
        data["answer"] = question.options[0].correct
        data.update(_why(question.options[0].why, "why_true"))
        data.update(_why(question.options[1].why, "why_false"))
    elif question.kind in (Kind.SINGLE, Kind.MULTIPLE):
        data["options"] = [
            {"text": option.text, **({"correct": True} if option.correct else {}), **_why(option.why)}
            for option in question.options
        ]
    elif question.kind is Kind.ORDERING:
        data["steps"] = [{"text": step.text, **_why(step.why)} for step in question.steps]
    else:
        data["pairs"] = [
            {"prompt": pair.prompt, "match": pair.match, **_why(pair.why)} for pair in question.pairs
        ]
    data.update(_why(question.explanation, "explanation"))
    if question.lint_ignore:
        data["lint_ignore"] = list(question.lint_ignore)
    return data


def _why(text: str, key: str = "why") -> dict[str, str]:
    """``{key: text}``, or nothing while the reason is not written (the loader allows it; lint warns)."""
    return {key: text} if text else {}


def _domain_is_explicit(question: Question, concepts: ConceptSet | None) -> bool:
    if not question.domain:
        return False
    if concepts is None or not question.concepts or question.concept not in concepts:
        return True
    return concepts[question.concept].domain != question.domain


def bank_to_data(
    name: str, title: str, questions: Sequence[Question], concepts: ConceptSet | None = None
) -> dict[str, object]:
    cases: dict[str, list[Question]] = {}
    for question in questions:
        if question.case is not None:
            cases.setdefault(question.case.id, []).append(question)
    entries = []
    for question in questions:
        if question.case is None:
            entries.append(question_to_data(question, concepts))
        elif cases[question.case.id][0] is question:
            entries.append(case_study_to_data(question.case, cases[question.case.id], concepts))
    return {"bank": name, "title": title, "questions": entries}


def case_study_to_data(
    case: CaseStudy, questions: Sequence[Question], concepts: ConceptSet | None = None
) -> dict[str, object]:
    """A ``kind: case_study`` entry; its questions in the case's order (any it does not list last)."""
    order = {question_id: number for number, question_id in enumerate(case.questions)}
    ordered = sorted(questions, key=lambda question: order.get(question.id, len(order)))
    data: dict[str, object] = {"id": case.id, "kind": CASE_STUDY, "title": case.title}
    if len({question.concepts for question in ordered}) == 1 and ordered[0].concepts:
        data["concepts"] = list(ordered[0].concepts)
    if len({question.difficulty for question in ordered}) == 1:
        data["difficulty"] = ordered[0].difficulty
    data["scenario"] = case.scenario
    if case.lint_ignore:
        data["lint_ignore"] = list(case.lint_ignore)
    parts = [question_to_data(question, concepts) for question in ordered]
    for part in parts:
        for key in ("concepts", "difficulty"):
            if key in data:
                part.pop(key, None)
    data["questions"] = parts
    return data


class _FlowList(list):
    """A short list of ids, written inline: ``concepts: [a, b]``."""


class _BankDumper(yaml.SafeDumper):
    """Indented lists (as the shipped banks are written) and readable multi-line text."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text and text == text.strip() and not any(c in text for c in "\t\r") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _flow(dumper: yaml.SafeDumper, items: _FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=True)


_BankDumper.add_representer(str, _text)
_BankDumper.add_representer(_FlowList, _flow)


def bank_yaml(
    name: str,
    title: str,
    questions: Sequence[Question],
    concepts: ConceptSet | None = None,
    *,
    header: Sequence[str] = (),
) -> str:
    """The bank as YAML text; ``header`` lines become comments under the modeline."""
    data = bank_to_data(name, title, questions, concepts)
    for entry in data["questions"]:  # type: ignore[union-attr]
        for question in (entry, *entry.get("questions", ())):
            for key in ("concepts", "lint_ignore"):
                if key in question:
                    question[key] = _FlowList(question[key])
    body = yaml.dump(data, Dumper=_BankDumper, sort_keys=False, allow_unicode=True, width=100)
    comments = [f"# yaml-language-server: $schema={SCHEMA_URL}", *(f"# {line}" for line in header)]
    body = body.replace("\n  - id:", "\n\n  - id:").replace("questions:\n\n", "questions:\n", 1)
    return "\n".join(comments) + "\n" + body

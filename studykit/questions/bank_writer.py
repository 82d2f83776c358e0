"""Questions back into the bank format: the inverse of the loader, for imports and the JSON export.

Stable API:

- :func:`question_to_data(question, concepts=None) <question_to_data>` → the question's mapping,
  keys in the order docs/bank-format.md uses; ``domain`` only where it differs from the main
  concept's (or is unknown to ``concepts``); ``domain`` 0 means unknown and is left out.
- :func:`bank_to_data(name, title, questions, concepts=None) <bank_to_data>` → a bank mapping.
- :func:`bank_yaml(...)` → YAML text that :func:`~studykit.questions.bank.load_bank` reads back
  to equal questions, with the yaml-language-server modeline on top.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from studykit.concepts import ConceptSet
from studykit.questions.model import Kind, Question
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
    return {
        "bank": name,
        "title": title,
        "questions": [question_to_data(question, concepts) for question in questions],
    }


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
    for question in data["questions"]:  # type: ignore[union-attr]
        for key in ("concepts", "lint_ignore"):
            if key in question:
                question[key] = _FlowList(question[key])
    body = yaml.dump(data, Dumper=_BankDumper, sort_keys=False, allow_unicode=True, width=100)
    comments = [f"# yaml-language-server: $schema={SCHEMA_URL}", *(f"# {line}" for line in header)]
    body = body.replace("\n  - id:", "\n\n  - id:").replace("questions:\n\n", "questions:\n", 1)
    return "\n".join(comments) + "\n" + body

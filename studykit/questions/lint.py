"""Lint question banks: everything the strict loader rejects, plus the quality rules of ``lint_rules``.

Stable API:

- :func:`lint_paths(paths, concepts=None, ignore=()) <lint_paths>` → :class:`LintReport`.
- :func:`lint_text(text, name, concepts) <lint_text>` — the same for one bank held in memory.
- :class:`Finding` — ``path:line:col``, rule id, severity, message and the question id.

A question switches quality rules off for itself with the ``lint_ignore: [RULE, …]`` key, or with
a comment on any of its lines (or the line just above it): ``# lint: ignore RULE, …`` — for
instructors who keep the bank's data free of tool settings.

Unlike loading, linting does not stop at the first problem: each entry (a question, or a case
study with its questions) is parsed on its own with the loader's own
:func:`~studykit.questions.bank.parse_entry`, and the questions that load are checked by every
quality rule. A path that cannot be read at all (missing, a folder without banks, binary, not
UTF-8, too big) is one ``unreadable`` finding among the others, listed in
:attr:`LintReport.unreadable` too; every other file is still checked.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from studykit.concepts import ConceptSet, load_concepts
from studykit.errors import StudykitError
from studykit.fields import Field
from studykit.questions.bank import bank_header, bank_paths, parse_entry
from studykit.questions.case_study import entry_fields
from studykit.questions.lint_rules import (
    BANK,
    COLLECTION,
    ERROR,
    QUESTION,
    RULES,
    RULES_BY_ID,
    WARNING,
    Hit,
    Rule,
    loader_rule,
)
from studykit.questions.model import Question
from studykit.yamlfile import KeyPath, Position, YamlDocument, load_yaml_text, read_text


@dataclass(frozen=True)
class Finding:
    """One problem, located in a bank file."""

    path: str
    line: int
    column: int
    rule: str
    severity: str
    message: str
    question: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "question": self.question,
        }


@dataclass(frozen=True)
class LintReport:
    """Every finding, sorted by file and position, with what was checked."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    questions: int
    unreadable: tuple[str, ...] = ()

    @property
    def errors(self) -> int:
        return sum(finding.severity == ERROR for finding in self.findings)

    @property
    def warnings(self) -> int:
        return sum(finding.severity == WARNING for finding in self.findings)


@dataclass
class _LintedFile:
    """One file's questions that loaded, with where each one starts.

    ``document`` and ``text`` are kept only while the file's own rules run; then each question
    keeps the few positions the rules over every file can point at (``anchors``), so linting
    many large files holds one parsed document at a time.
    """

    path: str
    document: YamlDocument | None
    questions: list[Question] = field(default_factory=list)
    keypaths: dict[int, tuple[str | int, ...]] = field(default_factory=dict)
    text: str = ""
    commented: list[list[tuple[str, int]]] = field(default_factory=list)
    anchors: list[dict[tuple[bool, KeyPath], Position]] = field(default_factory=list)


# Where a hit of a rule over every file may point, inside a question or its case study.
_ANCHORS: tuple[tuple[bool, KeyPath], ...] = (
    (False, ()),
    (False, ("id",)),
    (False, ("stem",)),
    (True, ("id",)),
)


_IGNORE_COMMENT = re.compile(r"#\s*lint:\s*ignore\s*\[?\s*([a-z0-9][a-z0-9, -]*)")


def _comment_ignores(linted: _LintedFile) -> dict[int, list[tuple[str, int]]]:
    """Question index -> (rule id, line) named by ``# lint: ignore …`` comments.

    A comment belongs to the question whose lines hold it; a comment on a line of its own just
    above a question (blank lines between allowed) belongs to that question.
    """
    assert linted.document is not None
    lines = linted.text.split("\n")
    starts = [linted.document.position(_start(linted.keypaths[i])).line for i in range(len(linted.questions))]
    found: dict[int, list[tuple[str, int]]] = {}
    for number, line in enumerate(lines, 1):
        match = _IGNORE_COMMENT.search(line)
        if not match:
            continue
        owner = bisect.bisect_right(starts, number) - 1
        if line.lstrip().startswith("#"):
            following = next((n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()), 0)
            if following in starts:
                owner = starts.index(following)
        if owner >= 0:
            rules = [rule.strip() for rule in match.group(1).split(",") if rule.strip()]
            found.setdefault(owner, []).extend((rule, number) for rule in rules)
    return found


def _start(keypath: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Where a question's lines start: a case study's first question starts with the case study."""
    return keypath[:-2] if keypath[-2:] == ("questions", 0) else keypath


def lint_paths(
    paths: Iterable[Path | str], concepts: ConceptSet | None = None, ignore: Iterable[str] = ()
) -> LintReport:
    """Lint every bank file under ``paths`` (files, or folders of ``*.yaml``) together."""
    concepts = load_concepts() if concepts is None else concepts
    ignored = set(ignore)
    unknown = sorted(ignored - set(RULES_BY_ID))
    if unknown:
        raise StudykitError(
            f"unknown lint rule {unknown[0]!r}", hint="'studykit bank lint --list-rules' lists them"
        )
    if UNREADABLE in ignored:
        raise StudykitError("an unreadable file cannot be ignored", hint="fix the path or leave it out")
    findings: list[Finding] = []
    files = []
    for path in _readable_paths(paths, findings):
        files.append(_lint_file(path, concepts, findings))
        findings.extend(_file_findings(files[-1]))
    findings.extend(_collection_findings(files))
    kept = sorted(
        (finding for finding in findings if finding.rule not in ignored),
        key=lambda f: (f.path, f.line, f.column, f.rule),
    )
    unreadable = tuple(dict.fromkeys(f.path for f in findings if f.rule == UNREADABLE))
    return LintReport(
        tuple(dict.fromkeys(kept)),
        tuple(item.path for item in files if item.path not in unreadable),
        sum(len(item.questions) for item in files),
        unreadable,
    )


UNREADABLE = "unreadable"


def _readable_paths(paths: Iterable[Path | str], findings: list[Finding]) -> list[Path]:
    """The bank files under ``paths``; a path that names none (missing, empty folder) is a finding."""
    found: list[Path] = []
    for given in paths:
        try:
            found.extend(bank_paths([given]))
        except StudykitError as error:
            findings.append(_from_error(error, RULES_BY_ID[UNREADABLE], str(given)))
    return list(dict.fromkeys(found))


def lint_text(text: str, name: str, concepts: ConceptSet, ignore: Iterable[str] = ()) -> LintReport:
    """Lint one bank held in memory (``name`` is its file name): how an import checks what it wrote."""
    findings: list[Finding] = []
    files = [_lint_source(name, text, concepts, findings)]
    findings.extend(_file_findings(files[0]))
    findings.extend(_collection_findings(files))
    kept = sorted(
        (finding for finding in findings if finding.rule not in set(ignore)),
        key=lambda f: (f.path, f.line, f.column, f.rule),
    )
    return LintReport(tuple(dict.fromkeys(kept)), (name,), len(files[0].questions))


def _lint_file(path: Path, concepts: ConceptSet, findings: list[Finding]) -> _LintedFile:
    name = str(path)
    try:
        text = read_text(path, what="bank file")
    except StudykitError as error:
        findings.append(_from_error(error, RULES_BY_ID[UNREADABLE], name))
        return _LintedFile(name, None)
    return _lint_source(name, text, concepts, findings)


def _lint_source(name: str, text: str, concepts: ConceptSet, findings: list[Finding]) -> _LintedFile:
    try:
        document = load_yaml_text(text, name)
    except StudykitError as error:
        findings.append(_from_error(error, RULES_BY_ID["yaml"], name))
        return _LintedFile(name, None)
    linted = _LintedFile(name, document, text=text)
    bank = Path(name).stem
    try:
        bank, _title, items = bank_header(document)
    except StudykitError as error:
        findings.append(_from_error(error, RULES_BY_ID["schema"], name))
        data = document.data
        if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
            return linted
        items = [Field(document, ("questions", index)) for index in range(len(data["questions"]))]
    for item in items:
        try:
            questions = parse_entry(item, concepts, bank=bank)
        except StudykitError as error:
            findings.append(_from_error(error, loader_rule(error.message), name, _raw_id(item)))
            continue
        for question, where in zip(questions, entry_fields(item), strict=True):
            linted.keypaths[len(linted.questions)] = where.keypath
            linted.questions.append(question)
    return linted


def _raw_id(item: Field) -> str | None:
    value = item.value
    found = value.get("id") if isinstance(value, dict) else None
    return found if isinstance(found, str) else None


def _from_error(error: StudykitError, rule: Rule, path: str, question: str | None = None) -> Finding:
    message = error.message + (f" — {error.hint}" if error.hint else "")
    return Finding(
        error.path or path, error.line or 1, error.column or 1, rule.id, rule.severity, message, question
    )


def _ignores(question: Question, rule: Rule, commented: list[tuple[str, int]]) -> bool:
    case_ignores = question.case.lint_ignore if question.case else ()
    return rule.id in (*question.lint_ignore, *case_ignores) or any(
        rule.id == named for named, _ in commented
    )


def _finding(rule: Rule, hit: Hit, path: str, where: Position) -> Finding:
    question_id = hit.question.id if hit.question else None
    if hit.on_case and hit.question is not None and hit.question.case is not None:
        question_id = hit.question.case.id
    return Finding(path, where.line, where.column, rule.id, rule.severity, hit.message, question_id)


def _file_findings(linted: _LintedFile) -> list[Finding]:
    """The rules on one file's questions (each question, the bank), while its document is at hand.

    Afterwards the document and text are let go, each question keeping its :data:`_ANCHORS`.
    """
    findings: list[Finding] = []
    document = linted.document
    if document is None or not linted.questions:
        linted.document, linted.text = None, ""
        return findings
    by_comment = _comment_ignores(linted)
    linted.commented = [by_comment.get(index, []) for index in range(len(linted.questions))]
    index_of = {id(question): index for index, question in enumerate(linted.questions)}

    def add(rule: Rule, hit: Hit) -> None:
        if hit.question is None:
            findings.append(_finding(rule, hit, linted.path, document.position(("questions",))))
            return
        index = index_of[id(hit.question)]
        if _ignores(hit.question, rule, linted.commented[index]):
            return
        base = linted.keypaths[index]
        keypath = (*(base[:-2] if hit.on_case else base), *hit.keypath)
        findings.append(_finding(rule, hit, linted.path, document.position(keypath)))

    unknown = RULES_BY_ID["unknown-rule"]
    for index, question in enumerate(linted.questions):
        for rule_id, line in linted.commented[index]:
            if rule_id not in RULES_BY_ID:
                message = f"a '# lint: ignore' comment names unknown rule {rule_id!r}"
                findings.append(
                    Finding(linted.path, line, 1, unknown.id, unknown.severity, message, question.id)
                )
        for position, rule_id in enumerate(question.lint_ignore):
            if rule_id not in RULES_BY_ID:
                add(
                    unknown,
                    Hit(f"lint_ignore names unknown rule {rule_id!r}", question, ("lint_ignore", position)),
                )
        if question.case is not None and question.case.part_number(question.id) == 1:
            for position, rule_id in enumerate(question.case.lint_ignore):
                if rule_id not in RULES_BY_ID:
                    message = f"the case study's lint_ignore names unknown rule {rule_id!r}"
                    add(unknown, Hit(message, question, ("lint_ignore", position), on_case=True))
    for rule in RULES:
        if rule.check is not None and rule.scope == QUESTION:
            for question in linted.questions:
                for hit in rule.check(question):
                    add(rule, hit)
        elif rule.check is not None and rule.scope == BANK:
            for hit in rule.check(linted.questions):
                add(rule, hit)
    for index in range(len(linted.questions)):
        base = linted.keypaths[index]
        linted.anchors.append(
            {
                (on_case, keypath): document.position((*(base[:-2] if on_case else base), *keypath))
                for on_case, keypath in _ANCHORS
            }
        )
    linted.document, linted.text = None, ""
    return findings


def _collection_findings(files: Sequence[_LintedFile]) -> list[Finding]:
    """The rules over every linted question together (duplicate ids and stems, similar stems…)."""
    places = {
        id(question): (linted, index) for linted in files for index, question in enumerate(linted.questions)
    }
    everything = [question for linted in files for question in linted.questions]
    findings: list[Finding] = []
    for rule in RULES:
        if rule.check is None or rule.scope != COLLECTION:
            continue
        for hit in rule.check(everything):
            assert hit.question is not None, "a rule over every file names its question"
            linted, index = places[id(hit.question)]
            if _ignores(hit.question, rule, linted.commented[index]):
                continue
            anchors = linted.anchors[index]
            where = anchors.get((hit.on_case, hit.keypath), anchors[(False, ())])
            findings.append(_finding(rule, hit, linted.path, where))
    return findings

"""Lint findings as text for people, JSON for scripts, or GitHub Actions annotations.

Every line is built from plain strings with control characters made visible, so a hostile
bank cannot drive the terminal or forge an annotation.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

from studykit.errors import printable
from studykit.questions.lint import Finding, LintReport
from studykit.questions.lint_rules import RULES

FORMATS = ("text", "json", "github")


def display_path(path: str, cwd: Path | None = None) -> str:
    """A path relative to the working folder when it lies inside it, as editors and CI expect."""
    cwd = Path.cwd() if cwd is None else cwd
    try:
        relative = os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def text_lines(report: LintReport, cwd: Path | None = None) -> list[str]:
    """``file:line:col: RULE message`` per finding, then a one-line summary."""
    lines = [
        printable(f"{display_path(f.path, cwd)}:{f.line}:{f.column}: {f.rule} {f.message}")
        for f in report.findings
    ]
    lines.append(summary(report))
    return lines


def summary(report: LintReport) -> str:
    checked = f"{report.questions} question(s) in {len(report.files)} file(s)"
    if not report.findings:
        return f"Clean: {checked}."
    unread = f"; {len(report.unreadable)} path(s) could not be read" if report.unreadable else ""
    return f"{_count(report.errors, 'error')}, {_count(report.warnings, 'warning')} in {checked}{unread}."


def _count(number: int, word: str) -> str:
    return f"{number} {word}" + ("" if number == 1 else "s")


def json_text(report: LintReport, cwd: Path | None = None) -> str:
    data = {
        "findings": [dict(f.to_json(), path=display_path(f.path, cwd)) for f in report.findings],
        "errors": report.errors,
        "warnings": report.warnings,
        "files": [display_path(path, cwd) for path in report.files],
        "unreadable": [
            {"path": display_path(f.path, cwd), "line": f.line, "message": f.message}
            for f in report.findings
            if f.rule == "unreadable"
        ],
        "questions": report.questions,
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def github_lines(report: LintReport, cwd: Path | None = None) -> list[str]:
    """``::error file=…,line=…,col=…,title=RULE::message`` lines that GitHub Actions shows on the diff."""
    return [_annotation(finding, cwd) for finding in report.findings]


def _annotation(finding: Finding, cwd: Path | None) -> str:
    properties = ",".join(
        f"{key}={escape_property(value)}"
        for key, value in (
            ("file", display_path(finding.path, cwd)),
            ("line", str(finding.line)),
            ("col", str(finding.column)),
            ("title", finding.rule),
        )
    )
    return f"::{finding.severity} {properties}::{escape_data(finding.message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def rule_lines() -> list[str]:
    """The rule table: id, severity and what it catches."""
    width = max(len(rule.id) for rule in RULES)
    lines = []
    for rule in RULES:
        lead = f"{rule.id:<{width}}  {rule.severity:<7}  "
        wrapped = textwrap.wrap(rule.summary, 79 - len(lead))
        lines.append(lead + wrapped[0])
        lines.extend(" " * len(lead) + more for more in wrapped[1:])
    return lines

"""Validate a Bedrock JSONL dataset in one streaming pass and constant memory.

Each line is decoded and parsed on its own, so one bad line never hides the next.
Only the first ``max_findings`` findings are kept (the rest are counted by code),
duplicates are tracked by fingerprint, and nothing else grows with the file.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import BinaryIO

from studykit.datasets import lines as rawlines
from studykit.datasets.checks import RecordChecker
from studykit.datasets.dedupe import DuplicateTracker
from studykit.datasets.detect import OPENAI_CHAT, detect_format, settle_conversation, undetected_hint
from studykit.datasets.fastpath import FastCheck
from studykit.datasets.findings import ERROR, NOTE, WARNING, Finding
from studykit.datasets.formats import FormatSpec, get_format
from studykit.datasets.limits import ModelSpec, get_model, require_pair
from studykit.datasets.strict_json import DuplicateKeyError, parse_record

DEFAULT_MAX_FINDINGS = 200


@dataclass
class ValidationReport:
    """What one validation pass found; ``valid`` is True when there are no errors."""

    name: str
    format_id: str | None
    model_id: str | None
    detected: bool
    validation_set: bool = False
    lines: int = 0
    records: int = 0
    bytes: int = 0
    errors: int = 0
    warnings: int = 0
    notes: int = 0
    duplicates: int = 0
    duplicates_complete: bool = True
    findings: list[Finding] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    max_findings: int = DEFAULT_MAX_FINDINGS

    @property
    def valid(self) -> bool:
        return self.errors == 0

    @property
    def omitted(self) -> int:
        return self.errors + self.warnings + self.notes - len(self.findings)

    def add(self, finding: Finding) -> None:
        if finding.severity == ERROR:
            self.errors += 1
        elif finding.severity == NOTE:
            self.notes += 1
        else:
            self.warnings += 1
        self.counts[finding.code] += 1
        # File-level findings (record counts, sizes) are few and decisive: always kept.
        if len(self.findings) < self.max_findings or finding.line is None:
            self.findings.append(finding)

    def add_counted(self, finding: Finding) -> None:
        """A problem that repeats line after line: shown on its first line, counted on every one."""
        if self.counts[finding.code]:
            self.counts[finding.code] += 1
        else:
            self.add(finding)

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.name,
            "valid": self.valid,
            "format": self.format_id,
            "format_detected": self.detected,
            "model": self.model_id,
            "validation_set": self.validation_set,
            "lines": self.lines,
            "records": self.records,
            "bytes": self.bytes,
            "errors": self.errors,
            "warnings": self.warnings,
            "notes": self.notes,
            "duplicates": self.duplicates,
            "duplicate_check_complete": self.duplicates_complete,
            "counts": dict(sorted(self.counts.items())),
            "findings": [finding.to_json() for finding in self.findings],
            "findings_omitted": self.omitted,
        }


def validate_path(
    path: str,
    format_id: str | None = None,
    model_id: str | None = None,
    *,
    validation_set: bool = False,
    max_findings: int = DEFAULT_MAX_FINDINGS,
) -> ValidationReport:
    """Validate the file at ``path`` (``-`` for standard input); unreadable files raise (exit 2)."""
    fmt = get_format(format_id) if format_id and format_id != "auto" else None
    model = get_model(model_id) if model_id else None
    if fmt and model:
        require_pair(fmt.id, model)
    with rawlines.open_input(path) as stream:
        name = "<stdin>" if path == "-" else path
        return validate_stream(
            stream, name, fmt, model, validation_set=validation_set, max_findings=max_findings
        )


def validate_stream(
    stream: BinaryIO,
    name: str,
    fmt: FormatSpec | None = None,
    model: ModelSpec | None = None,
    *,
    validation_set: bool = False,
    max_findings: int = DEFAULT_MAX_FINDINGS,
) -> ValidationReport:
    """Validate JSONL from a binary stream; never raises on the stream's content."""
    report = ValidationReport(
        name,
        fmt.id if fmt else None,
        model.id if model else None,
        fmt is None,
        validation_set,
        max_findings=max_findings,
    )
    checker = RecordChecker(fmt, model) if fmt else None
    fast = FastCheck(fmt, model) if fmt else None
    tracker = DuplicateTracker()
    remember = tracker.first_line
    pending: list[Finding] = []
    number = flags = longest_conversation = 0
    for number, data, flags in rawlines.read_lines(stream):
        report.bytes += len(data) + 1
        if flags and not _line_flags(report, number, flags, data):
            continue
        # Most lines are clean records, told so straight from their bytes; the rest are
        # parsed strictly and walked by the checker that explains every problem.
        if fast is not None and fast.clean_chars(data) is not None:
            report.records += 1
            if longest_conversation < fast.messages:
                longest_conversation = fast.messages
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as error:
                report.add(
                    Finding(
                        "not-utf8",
                        f"byte 0x{data[error.start]:02x} is not UTF-8",
                        "save the file as UTF-8",
                        line=number,
                        column=error.start + 1,
                    )
                )
                continue
            try:
                record = parse_record(text)
            except (ValueError, RecursionError) as error:
                report.add(_unparsed(error, data, number, truncated=bool(flags & rawlines.NO_NEWLINE)))
                continue
            report.records += 1
            if checker is None:
                checker = _detect(record, number, model, report)
                if checker is None:
                    continue
                fast = FastCheck(checker.fmt, model)
            longest_conversation = max(longest_conversation, _message_count(record))
            pending.clear()
            checker.check(record, number, pending)
            for finding in pending:
                report.add(finding)
        first = remember(data, number)
        if first is not None:
            report.add(
                Finding(
                    "duplicate", f"same record as line {first}", "drop repeats", line=number, severity=WARNING
                )
            )
    report.lines = number
    last_flags = flags & (rawlines.NO_NEWLINE | rawlines.CR_INSIDE)
    if report.lines and last_flags == rawlines.NO_NEWLINE and report.counts["truncated-line"] == 0:
        report.add(
            Finding(
                "no-final-newline",
                "last line has no line ending",
                "end the file with \\n",
                line=report.lines,
                severity=WARNING,
            )
        )
    if report.detected:
        report.format_id = settle_conversation(report.format_id, longest_conversation)
    report.duplicates = tracker.duplicates
    report.duplicates_complete = tracker.complete
    _file_checks(report, model)
    return report


def _line_flags(report: ValidationReport, number: int, flags: int, data: bytes) -> bool:
    """Report what the line's ending or start says and fix the byte count; False: skip the line.

    A line broken by lone carriage returns is reported as that (and not as the invalid JSON it
    usually also is), unless its bytes are not text at all.
    """
    if flags & rawlines.NO_NEWLINE:
        report.bytes -= 1
    if flags & rawlines.TOO_LONG:
        report.add(Finding("line-too-long", "line is longer than 16 MB", "split the record", line=number))
        return False
    if flags & rawlines.HAD_BOM:
        report.bytes += 3
        report.add(
            Finding("bom", "file starts with a byte-order mark", "save as UTF-8 without BOM", line=number)
        )
    if flags & rawlines.CRLF:
        report.bytes += 1
        # JSON Lines allows \r\n (https://jsonlines.org/): worth knowing, not wrong.
        report.add_counted(
            Finding(
                "crlf",
                "Windows line endings (CRLF): JSON Lines allows them; the summary counts them",
                "nothing to fix",
                line=number,
                severity=NOTE,
            )
        )
    if flags & rawlines.CR_INSIDE and _is_utf8(data):
        report.add_counted(
            Finding(
                "cr-line-break",
                "a carriage return (CR) without a line feed: records must be separated by LF or CRLF",
                "save with LF (\\n) line endings; the summary counts every such line",
                line=number,
            )
        )
        return False
    return True


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _unparsed(error: Exception, data: bytes, number: int, truncated: bool) -> Finding:
    """Why a line is not a record: blank, or not (strict) JSON."""
    if not data.strip():
        return Finding("blank-line", "blank line", "remove it: every line must hold one record", line=number)
    if isinstance(error, RecursionError):
        return Finding("invalid-json", "JSON nested too deeply", "flatten the record", line=number)
    return _json_error(error, number, truncated)  # type: ignore[arg-type]


def _message_count(record: object) -> int:
    messages = record.get("messages") if isinstance(record, dict) else None
    return len(messages) if isinstance(messages, list) else 3


def _json_error(error: ValueError, number: int, truncated: bool) -> Finding:
    # A last line without a line ending that stops mid-JSON was cut short; one that is
    # whole JSON but breaks a rule (a repeated key, NaN, text after the end) was not.
    if truncated and isinstance(error, json.JSONDecodeError) and not error.msg.startswith("Extra data"):
        return Finding(
            "truncated-line",
            "the last line has no line ending and is not complete JSON",
            "the file was cut short: regenerate or re-upload it",
            line=number,
        )
    if isinstance(error, DuplicateKeyError):
        return Finding(
            "duplicate-key",
            f"key {error.key!r} appears twice in one object",
            "keep one: readers disagree on which value wins",
            line=number,
        )
    if isinstance(error, json.JSONDecodeError):
        return Finding(
            "invalid-json", f"invalid JSON: {error.msg}", "fix the syntax", line=number, column=error.colno
        )
    return Finding("invalid-json", f"invalid JSON: {error}", "fix the value", line=number)


def _detect(
    record: object, number: int, model: ModelSpec | None, report: ValidationReport
) -> RecordChecker | None:
    found = detect_format(record)
    if found == OPENAI_CHAT:
        report.add_counted(
            Finding(
                "openai-format",
                "this is OpenAI chat fine-tuning data (a system message inside 'messages'); "
                "the summary counts every such line",
                "convert it: studykit dataset convert FILE --to multi-turn --out OUT",
                line=number,
            )
        )
        report.format_id = OPENAI_CHAT
        return None
    if found is None:
        report.add(
            Finding(
                "unknown-format",
                "cannot tell which format this record is",
                undetected_hint(record),
                line=number,
            )
        )
        return None
    fmt = get_format(found)
    if model is not None and fmt.id not in model.formats:
        fitting = [name for name in model.formats if get_format(name).shape == fmt.shape]
        if fitting:
            fmt = get_format(fitting[0])
        else:
            report.add(
                Finding(
                    "wrong-format",
                    f"records look like {fmt.id}, which {model.id} does not take",
                    f"{model.id} takes: {', '.join(model.formats)}",
                    line=number,
                )
            )
    report.format_id = fmt.id
    return RecordChecker(fmt, model)


def _file_checks(report: ValidationReport, model: ModelSpec | None) -> None:
    if report.lines == 0 or (report.records == 0 and report.errors == 0):
        report.add(Finding("empty", "the file holds no records", "add one JSON object per line"))
        return
    if report.format_id is None and report.records:
        report.add(Finding("unknown-format", "no record matched a known format", "pass --format"))
    if model is None:
        return
    if report.validation_set and not model.validation_set:
        report.add(Finding("no-validation-set", f"{model.id} takes no validation set", "train without one"))
    count = report.records
    role = "validation" if report.validation_set else "training"
    most = model.max_validation_records if report.validation_set else model.max_train_records
    if model.min_records and count < model.min_records and not report.validation_set:
        report.add(
            Finding(
                "record-count",
                f"{count:,} records; {model.id} needs at least {model.min_records:,} (training + validation)",
                "add records",
            )
        )
    for limit, what in ((model.max_records, "training + validation"), (most, f"in a {role} file")):
        if limit and count > limit:
            report.add(
                Finding(
                    "record-count",
                    f"{count:,} records; {model.id} takes at most {limit:,} {what}",
                    "drop records",
                )
            )
            break
    size_limit = model.max_validation_bytes if report.validation_set else model.max_train_bytes
    if size_limit and report.bytes > size_limit and report.format_id != "continued-pretraining":
        report.add(
            Finding(
                "file-size",
                f"{report.bytes:,} bytes; {model.id} takes at most {size_limit:,}",
                "split the data",
            )
        )

"""Validate a Bedrock JSONL dataset in one streaming pass and constant memory.

Each line is decoded and parsed on its own, so one bad line never hides the next.
Only the first ``max_findings`` findings are kept (the rest are counted by code),
duplicates are tracked by fingerprint, and nothing else grows with the file.

Without ``--format`` each record is recognised on its own and checked against the rules of
its own format; the file's format is named from all of them at the end (see
:mod:`studykit.datasets.tally`), so the verdict never depends on the order of the records.
"""

from __future__ import annotations

import json
from typing import BinaryIO

from studykit.datasets import lines as rawlines
from studykit.datasets.availability import CHECK_FIRST
from studykit.datasets.checks import RecordChecker
from studykit.datasets.dedupe import DuplicateTracker
from studykit.datasets.detect import OPENAI_CHAT, detect_format, undetected_hint
from studykit.datasets.fastpath import FastCheck
from studykit.datasets.findings import NOTE, WARNING, Finding
from studykit.datasets.formats import FormatSpec, get_format
from studykit.datasets.limits import ModelSpec, get_model, require_pair
from studykit.datasets.strict_json import DuplicateKeyError, parse_record
from studykit.datasets.tally import FAMILY, FAMILY_MEMBERS, FileTally, file_findings, file_format, unlisted
from studykit.datasets.verdict import DEFAULT_MAX_FINDINGS, ValidationReport

CLAUDE = "claude-messages"

__all__ = ["DEFAULT_MAX_FINDINGS", "ValidationReport", "validate_path", "validate_stream"]


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
    strict = _StrictPath(report, fmt, model)
    tally = strict.tally
    tracker = DuplicateTracker()
    remember = tracker.first_line
    family = fmt is None  # conversation records are tallied as FAMILY until the file's rule names them
    number = flags = 0
    run_low = 0  # first line of the run of clean records (of kind strict.current) that ends here
    for low, chunk, chunk_flags in rawlines.read_chunks(stream):
        report.bytes += sum(map(len, chunk))  # each line ends with its b"\n"
        if chunk_flags is None:
            flags = 0
        fast = strict.fast
        clean = fast.clean_chars if fast is not None else _not_vouched
        endings = family and strict.current == FAMILY  # conversation endings name the format
        chats = family and strict.current == CLAUDE
        number = low - 1
        # Most lines are clean records, told so straight from their bytes (this loop is the
        # hot path: it keeps to locals); the rest are parsed strictly and walked by the
        # checker that explains every problem.
        for data in chunk:
            number += 1
            if chunk_flags is not None:
                flags = chunk_flags[number - low]
                if flags and not _line_flags(report, number, flags, data):
                    if run_low:
                        tally.add_run(strict.current, run_low, number - 1)  # type: ignore[arg-type]
                        run_low = 0
                    continue
            if clean(data) is not None:
                if not run_low:
                    run_low = number
                if endings:
                    assert fast is not None
                    if fast.messages > tally.longest:
                        tally.longest = fast.messages
                    if fast.last_role == "user":
                        tally.add_user_ending(number, fast.messages)
                elif chats and fast.bare:  # type: ignore[union-attr]
                    tally.bare_chats += 1
            else:
                if run_low:
                    tally.add_run(strict.current, run_low, number - 1)  # type: ignore[arg-type]
                    run_low = 0
                if strict.line(data, number, flags) and strict.fast is not fast:
                    fast = strict.fast
                    clean = fast.clean_chars if fast is not None else _not_vouched
                    endings = family and strict.current == FAMILY
                    chats = family and strict.current == CLAUDE
            first = remember(data, number)
            if first is not None:
                report.add(
                    Finding(
                        "duplicate",
                        f"same record as line {first}",
                        "drop repeats",
                        line=number,
                        severity=WARNING,
                    )
                )
    if run_low:
        tally.add_run(strict.current, run_low, number)  # type: ignore[arg-type]
    report.records += sum(ranges.count for ranges in tally.kinds.values())
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
    _whole_file(report, tally, model, fmt is not None)
    report.duplicates = tracker.duplicates
    report.duplicates_complete = tracker.complete
    _file_checks(report, model)
    if model is not None and model.availability is not None:
        report.add(
            Finding(
                "model-availability",
                f"{model.id}: {model.availability.describe()}",
                CHECK_FIRST,
                severity=NOTE,
            )
        )
    report.findings.sort(key=lambda finding: (finding.line is None, finding.line or 0))
    return report


class _StrictPath:
    """Lines the fast check does not vouch for: parsed strictly, recognised, and fully checked.

    Keeps the format whose fast check is tried next (``current``, ``fast``): the kind of the
    latest record, so a file of one format stays on the fast path after its first record.
    """

    def __init__(self, report: ValidationReport, fmt: FormatSpec | None, model: ModelSpec | None) -> None:
        self.report = report
        self.fmt = fmt
        self.model = model
        self.tally = FileTally()
        self.current = fmt.id if fmt else None
        self.fast = FastCheck(fmt, model) if fmt else None
        self._checkers: dict[str, RecordChecker] = {}
        self._fasts: dict[str, FastCheck] = {}
        self._pending: list[Finding] = []

    def line(self, data: bytes, number: int, flags: int) -> bool:
        """Check one line; True when it held a record (of any format or none)."""
        report, tally = self.report, self.tally
        record = _parse(data, number, flags, report)
        if record is _NOT_A_RECORD:
            return False
        fmt = self.fmt
        kind = fmt.id if fmt else _kind(record, number, report, tally)
        if kind is None:
            report.records += 1  # a record of no known format: counted here, not in the tally
            return True
        if kind == OPENAI_CHAT:
            tally.add(OPENAI_CHAT, number)
            return True
        checker = self._checkers.get(kind)
        if checker is None:
            checker = self._checkers[kind] = RecordChecker(fmt or _rules_for(kind), self.model)
        pending = self._pending
        pending.clear()
        checker.check(record, number, pending)
        for finding in pending:
            report.add(finding)
        if checker.media:
            tally.add_media(checker.media, number)
        if kind == CLAUDE and fmt is None and isinstance(record, dict) and "system" not in record:
            tally.bare_chats += 1
        if kind == FAMILY and fmt is None:
            messages = record.get("messages") if isinstance(record, dict) else None
            count = len(messages) if isinstance(messages, list) else 0
            last = messages[-1] if count else None
            tally.add_conversation(number, count, isinstance(last, dict) and last.get("role") == "user")
        else:
            tally.add(kind, number)
        if kind != self.current:
            self.current = kind
            fast = self._fasts.get(kind)
            if fast is None:
                fast = self._fasts[kind] = FastCheck(checker.fmt, self.model)
            self.fast = fast
        return True


_NOT_A_RECORD = object()


def _not_vouched(data: bytes) -> None:
    """The fast check before any format is known: every line goes the strict way."""
    return None


def _parse(data: bytes, number: int, flags: int, report: ValidationReport) -> object:
    """The line's value, parsed strictly; or, after reporting why, :data:`_NOT_A_RECORD`."""
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
        return _NOT_A_RECORD
    try:
        return parse_record(text)
    except (ValueError, RecursionError) as error:
        report.add(_unparsed(error, data, number, truncated=bool(flags & rawlines.NO_NEWLINE)))
        return _NOT_A_RECORD


def _rules_for(kind: str) -> FormatSpec:
    """What a detected record is checked against: a conversation by the widest conversation rules
    (the file's rule decides later whether a record that ends on a user turn is allowed)."""
    return get_format("distillation" if kind == FAMILY else kind)


def _whole_file(report: ValidationReport, tally: FileTally, model: ModelSpec | None, forced: bool) -> None:
    """Name the file's format from every record, and report what only the whole file shows."""
    report.formats.update(tally.counts(model))
    if not forced:
        report.format_id = file_format(tally, model)
    for finding in file_findings(tally, report.format_id, model, report.max_findings):
        report.add(finding)
    for code, times in unlisted(tally, report.format_id, report.max_findings).items():
        report.count_more(code, times)
    fmt_id = report.format_id
    if not forced and model is not None and fmt_id and fmt_id != OPENAI_CHAT and fmt_id not in model.formats:
        report.add(
            Finding(
                "wrong-format",
                f"records look like {fmt_id}, which {model.id} does not take",
                f"{model.id} takes: {', '.join(model.formats)}",
            )
        )


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


def _kind(record: object, number: int, report: ValidationReport, tally: FileTally) -> str | None:
    """The format a record looks like (a conversation as :data:`FAMILY`), or None after saying so."""
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
        return OPENAI_CHAT
    if found is None:
        # Reported at the end, when the file's format can be named in the hint.
        if len(tally.unknown) < report.max_findings:
            tally.unknown.append((number, undetected_hint(record)))
        else:
            report.add(
                Finding(
                    "unknown-format",
                    "cannot tell which format this record is",
                    undetected_hint(record),
                    line=number,
                )
            )
        return None
    return FAMILY if found in FAMILY_MEMBERS else found


def _file_checks(report: ValidationReport, model: ModelSpec | None) -> None:
    model = model.for_format(report.format_id) if model else None
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

"""Measure a dataset in one streaming pass: counts, token estimates, lengths, turns, roles.

Lengths go into bounded histograms (exact below 1,024, within 1% above), so the
percentiles cost constant memory whatever the file size. Lines that are not JSON
objects are counted and skipped: run ``dataset validate`` to see why.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from studykit.datasets import lines as rawlines
from studykit.datasets.dedupe import DuplicateTracker
from studykit.datasets.detect import detect_format
from studykit.datasets.formats import get_format
from studykit.datasets.limits import ModelSpec
from studykit.datasets.strict_json import parse_record
from studykit.datasets.tally import FAMILY_MEMBERS, FileTally, file_format
from studykit.datasets.tokens import ERROR_NOTE, ESTIMATOR, estimate_tokens
from studykit.errors import StudykitError

_EXACT = 1024
_STEP = math.log(1.01)


class Distribution:
    """Count, min, max, total and approximate percentiles of non-negative integers."""

    def __init__(self) -> None:
        self.count = 0
        self.total = 0
        self.low: int | None = None
        self.high: int | None = None
        self.buckets: Counter[int] = Counter()

    def add(self, value: int) -> None:
        self.count += 1
        self.total += value
        self.low = value if self.low is None else min(self.low, value)
        self.high = value if self.high is None else max(self.high, value)
        self.buckets[value if value < _EXACT else _EXACT + int(math.log(value / _EXACT) / _STEP)] += 1

    @staticmethod
    def _value(bucket: int) -> int:
        return bucket if bucket < _EXACT else round(_EXACT * math.exp((bucket - _EXACT) * _STEP))

    def percentile(self, share: float) -> int:
        if not self.count:
            return 0
        rank = max(1, math.ceil(share * self.count))
        seen = 0
        for bucket in sorted(self.buckets):
            seen += self.buckets[bucket]
            if seen >= rank:
                return min(max(self._value(bucket), self.low or 0), self.high or 0)
        return self.high or 0

    def histogram(self, bins: int = 10) -> list[tuple[int, int, int]]:
        """``(low, high, count)`` rows over equal-width ranges from min to max."""
        if not self.count or self.low is None or self.high is None:
            return []
        width = max(1, math.ceil((self.high - self.low + 1) / bins))
        rows = [[self.low + i * width, self.low + (i + 1) * width - 1, 0] for i in range(bins)]
        for bucket, count in self.buckets.items():
            index = min(bins - 1, (min(max(self._value(bucket), self.low), self.high) - self.low) // width)
            rows[index][2] += count
        while rows and rows[-1][2] == 0:
            rows.pop()
        return [(low, high, count) for low, high, count in rows]

    def to_json(self) -> dict[str, int | None]:
        return {
            "min": self.low,
            "p50": self.percentile(0.5),
            "p95": self.percentile(0.95),
            "max": self.high,
            "mean": round(self.total / self.count) if self.count else None,
        }


@dataclass
class DatasetStats:
    """What ``dataset stats`` reports; input/output split by who writes the text."""

    name: str
    format_id: str | None
    lines: int = 0
    records: int = 0
    skipped: int = 0
    bytes: int = 0
    input_chars: int = 0
    output_chars: int = 0
    tokens: Distribution = field(default_factory=Distribution)
    turns: Distribution = field(default_factory=Distribution)
    roles: Counter[str] = field(default_factory=Counter)
    with_system: int = 0
    duplicates: int = 0
    formats: Counter[str] = field(default_factory=Counter)  # records per recognised format

    @property
    def input_tokens(self) -> int:
        return estimate_tokens(self.input_chars)

    @property
    def output_tokens(self) -> int:
        return estimate_tokens(self.output_chars)

    @property
    def total_tokens(self) -> int:
        return self.tokens.total

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.name,
            "format": self.format_id,
            "lines": self.lines,
            "records": self.records,
            "skipped_lines": self.skipped,
            "bytes": self.bytes,
            "duplicates": self.duplicates,
            "tokens": {
                "total": self.total_tokens,
                "input": self.input_tokens,
                "output": self.output_tokens,
                "per_record": self.tokens.to_json(),
                "estimator": ESTIMATOR,
                "error": ERROR_NOTE,
            },
            "turns_per_record": self.turns.to_json() if self.turns.count else None,
            "roles": dict(self.roles),
            "records_with_system": self.with_system,
            "formats": dict(sorted(self.formats.items())),
        }

    def caveats(self, model: ModelSpec | None = None) -> list[str]:
        """What makes these figures measure something other than one trainable dataset, one line each."""
        out = []
        if len(self.formats) > 1:
            counts = ", ".join(f"{kind} {count:,}" for kind, count in sorted(self.formats.items()))
            argument = "-" if self.name == "<stdin>" else self.name
            out.append(
                f"{self.name} mixes formats ({counts});"
                f" 'studykit dataset validate {argument}' shows which lines"
            )
        if model is not None and self.format_id and self.format_id not in model.formats:
            out.append(
                f"{self.name} holds {self.format_id} records, which {model.id} does not take"
                f" ({model.id} takes: {', '.join(model.formats)})"
            )
        return out


def measure_path(path: str, format_id: str | None = None) -> DatasetStats:
    """Stats for the file at ``path`` (``-`` for standard input)."""
    fmt = get_format(format_id) if format_id and format_id != "auto" else None
    stats = DatasetStats("<stdin>" if path == "-" else path, fmt.id if fmt else None)
    detected = fmt is None
    tally = FileTally()
    tracker = DuplicateTracker()
    with rawlines.open_input(path) as stream:
        for number, data, flags in rawlines.read_lines(stream):
            stats.lines = number
            stats.bytes += len(data) + (0 if flags & rawlines.NO_NEWLINE else 1)
            try:
                record = parse_record(data)
            except (ValueError, RecursionError):
                record = None
            if not isinstance(record, dict):
                stats.skipped += 1
                continue
            if detected:
                _tally(record, number, tally)
            _measure(record, stats)
            if tracker.first_line(data, number) is not None:
                stats.duplicates += 1
    if detected:
        stats.format_id = file_format(tally, None)
        stats.formats = tally.counts(None)
    else:
        stats.formats[stats.format_id] = stats.records
    return stats


def _tally(record: dict, number: int, tally: FileTally) -> None:
    """Add the record's format to the file's tally (the file is named from all of them)."""
    kind = detect_format(record)
    if kind in FAMILY_MEMBERS:
        messages = record.get("messages")
        count = len(messages) if isinstance(messages, list) else 0
        last = messages[-1] if count else None
        tally.add_conversation(number, count, isinstance(last, dict) and last.get("role") == "user")
    elif kind is not None:
        tally.add(kind, number)
        tally.bare_chats += kind == "claude-messages" and "system" not in record


def require_records(stats: DatasetStats) -> DatasetStats:
    """``stats`` if it holds a record; nothing to measure is an input error (exit 2)."""
    if not stats.records:
        what = f"none of its {stats.lines:,} line(s) is a JSON record" if stats.lines else "the file is empty"
        argument = "-" if stats.name == "<stdin>" else stats.name
        raise StudykitError(what, stats.name, hint=f"run 'studykit dataset validate {argument}' to see why")
    return stats


def _measure(record: dict, stats: DatasetStats) -> None:
    stats.records += 1
    input_chars = output_chars = 0
    for key in ("prompt", "input", "caption", "text"):
        input_chars += _chars(record.get(key))
    output_chars += _chars(record.get("completion"))
    system = record.get("system")
    has_system = bool(system)
    input_chars += _chars(system)
    messages = record.get("messages")
    if isinstance(messages, list):
        stats.turns.add(len(messages))
        for message in messages:
            if not isinstance(message, dict):
                continue
            role = message.get("role")
            has_system = has_system or role == "system"  # OpenAI chat and reinforcement prompts
            size = _chars(message.get("content"))
            for candidate in message.get("candidates") or ():  # preference data: every reply is output
                size += _chars(candidate.get("content")) if isinstance(candidate, dict) else 0
            if isinstance(role, str):
                stats.roles[role] += 1
            if role == "assistant":
                output_chars += size
            else:
                input_chars += size
    stats.with_system += has_system
    stats.input_chars += input_chars
    stats.output_chars += output_chars
    stats.tokens.add(estimate_tokens(input_chars + output_chars))


def _chars(value: object) -> int:
    """Characters of text in a string, a list of {"text": …} blocks, or nested lists of them."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list):
        return sum(_chars(item.get("text") if isinstance(item, dict) else item) for item in value)
    return 0

"""The result of validating one file: counts, findings kept up to a limit, and the verdict."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from studykit.datasets.findings import ERROR, NOTE, Finding

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
    formats: Counter[str] = field(default_factory=Counter)  # records per detected format
    max_findings: int = DEFAULT_MAX_FINDINGS
    folded: int = 0  # errors a summary finding stands for (see count_more): not omitted, summed up

    @property
    def valid(self) -> bool:
        return self.errors == 0

    @property
    def omitted(self) -> int:
        return self.errors + self.warnings + self.notes - len(self.findings) - self.folded

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

    def count_more(self, code: str, times: int) -> None:
        """``times`` more errors of ``code`` that a finding already shown stands for."""
        self.errors += times
        self.counts[code] += times
        self.folded += times

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
            "formats": dict(sorted(self.formats.items())),
            "findings": [finding.to_json() for finding in self.findings],
            "findings_omitted": self.omitted,
        }

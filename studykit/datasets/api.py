"""studykit's dataset workbench from Python: validate, generate and convert without a terminal.

The commands are thin layers over these functions, so a data pipeline gets the same checks,
messages and records::

    from studykit.datasets.api import validate, generate, convert_record

Everything here is stable API; the modules behind it may change.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from os import PathLike
from typing import TYPE_CHECKING

from studykit.datasets.findings import Finding
from studykit.datasets.validate import DEFAULT_MAX_FINDINGS, ValidationReport
from studykit.errors import StudykitError

if TYPE_CHECKING:
    from studykit.datasets.catalogue import Catalogue

Record = dict[str, object]

__all__ = ["ValidationReport", "capacity", "convert_record", "generate", "validate"]


def validate(
    source: str | PathLike[str] | Iterable[object],
    format: str | None = None,
    model: str | None = None,
    *,
    validation_set: bool = False,
    max_findings: int = DEFAULT_MAX_FINDINGS,
) -> ValidationReport:
    """Check a JSONL file (a path) or records already in memory (any iterable of JSON values).

    ``format`` (a format id, or None to recognise it from the records) and ``model`` (a model id,
    to check its limits too) are the ``dataset validate`` options. The report's ``valid``,
    ``findings`` (each with ``line``, ``code``, ``path``, ``message``, ``hint``) and ``counts``
    say what is wrong; record *n* of an iterable is line *n*. Unreadable files raise
    :class:`studykit.errors.StudykitError`.
    """
    from studykit.datasets.formats import get_format
    from studykit.datasets.limits import get_model, require_pair
    from studykit.datasets.validate import validate_path, validate_stream

    if isinstance(source, (str, PathLike)):
        return validate_path(
            str(source), format, model, validation_set=validation_set, max_findings=max_findings
        )
    if isinstance(source, (bytes, bytearray, memoryview, Mapping)):
        what = "one record" if isinstance(source, Mapping) else "bytes"
        raise StudykitError(
            f"validate takes a path or an iterable of records, not {what}",
            hint="pass a str path, or a list of records (json.loads each line of bytes)",
        )
    fmt = get_format(format) if format and format != "auto" else None
    spec = get_model(model) if model else None
    if fmt and spec:
        require_pair(fmt.id, spec)
    lines = _RecordLines(iter(source))
    report = validate_stream(
        lines, "<records>", fmt, spec, validation_set=validation_set, max_findings=max_findings
    )
    report.findings = [lines.explain(finding) for finding in report.findings]
    return report


class _NotJSON(Exception):
    """A value of a Python type that JSON has no form for."""


def _refuse(value: object) -> object:
    raise _NotJSON(f"a {type(value).__name__}")


class _RecordLines:
    """A binary stream of JSON lines over records; a value JSON cannot hold becomes a bad line,
    whose finding :meth:`explain` then words for Python values rather than JSON text."""

    def __init__(self, records: Iterator[object]) -> None:
        self._records = records
        self._encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, default=_refuse).encode
        self._line = 0
        self._why: dict[int, str] = {}  # line -> what JSON cannot hold

    def read(self, size: int = -1) -> bytes:
        for record in self._records:
            self._line += 1
            try:
                return self._encode(record).encode("utf-8") + b"\n"
            except _NotJSON as error:
                self._why[self._line] = f"the record holds {error}, which JSON cannot hold"
            except RecursionError:
                self._why[self._line] = "the record is nested too deeply for JSON"
            except (TypeError, ValueError):
                # NaN, infinities, a circular reference or a key that is not text.
                self._why[self._line] = "the record holds NaN, an infinity, a loop or a key that is not text"
            return b"<not JSON>\n"
        return b""

    def explain(self, finding: Finding) -> Finding:
        why = self._why.get(finding.line) if finding.line is not None else None
        if why is None or finding.code != "invalid-json":
            return finding
        return replace(finding, message=why, hint="make it plain JSON values", column=None)

    read1 = read


def capacity(format: str, model: str | None = None) -> int:
    """How many distinct records of ``format`` (valid for ``model``) the study content yields.

    Counted from the content's structure (items × wordings), without building the records.
    """
    return _catalogue(format, model).capacity


def generate(
    format: str,
    count: int | None = None,
    *,
    model: str | None = None,
    seed: int = 0,
    allow_duplicates: bool = False,
) -> Iterator[Record]:
    """Records of ``format`` built from the study content, one at a time, each valid for ``model``.

    ``count`` None gives every distinct record once (see :func:`capacity`), or as many as
    ``model`` takes in one job when that is fewer, in an order set by ``seed``; more than the
    capacity raises :class:`StudykitError` unless ``allow_duplicates``.
    """
    from studykit.datasets.generate import plan_counts
    from studykit.datasets.limits import get_model

    if count is not None and count < 0:
        raise StudykitError(f"count must be 0 or more, not {count}")
    catalogue = _catalogue(format, model)
    spec = get_model(model).for_format(format) if model else None
    wanted = catalogue.capacity if count is None else count
    if count is None and spec is not None and spec.max_records:
        wanted = min(wanted, spec.max_records)
    if spec is not None and wanted:
        try:
            plan_counts(wanted, 0.0, spec, catalogue.groups)
        except StudykitError as error:
            raise StudykitError(error.message, hint="ask for a count the model takes") from None
    if wanted > catalogue.capacity and not allow_duplicates:
        raise StudykitError(
            f"the study content yields {catalogue.capacity:,} distinct {format} records; "
            f"{wanted:,} were asked for",
            hint="ask for fewer, or pass allow_duplicates=True to repeat records",
        )
    return catalogue.stream(wanted, seed)


def _catalogue(format: str, model: str | None) -> Catalogue:
    from studykit.datasets.formats import get_format
    from studykit.datasets.generate import DEFAULT_IMAGE_PREFIX, build_catalogue
    from studykit.datasets.limits import get_model, require_pair
    from studykit.datasets.material import load_material

    fmt = get_format(format)
    spec = get_model(model) if model else None
    if spec:
        require_pair(fmt.id, spec)
    return build_catalogue(fmt, spec, load_material(), DEFAULT_IMAGE_PREFIX)


def convert_record(record: object, to: str, source: str | None = None) -> Record:
    """One record converted to ``to`` (a ``dataset convert`` target); ``source`` None recognises its format.

    Raises :class:`StudykitError` when the target cannot hold the record (e.g. a dialogue as
    prompt/completion, or unlabeled text as a conversation); what the target drops (images, a
    system prompt) is dropped silently here: use ``dataset convert`` to have it counted.
    """
    from studykit.datasets.convert import SOURCES, TARGETS, Skip, convert_one, source_kind

    if source is not None and source not in SOURCES:
        raise StudykitError(f"cannot convert from {source!r}", hint=f"sources: {', '.join(SOURCES)}")
    kind = source_kind(record, source, "pass source= (one of: " + ", ".join(SOURCES) + ")")
    if to not in TARGETS:
        raise StudykitError(f"cannot convert to {to!r}", hint=f"targets: {', '.join(TARGETS)}")
    dropped: Counter[str] = Counter()
    try:
        return convert_one(record, kind, to, dropped)
    except Skip as reason:
        raise StudykitError(f"cannot convert this record to {to}: {reason}") from None

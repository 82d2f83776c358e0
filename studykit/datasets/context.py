"""What the checks of one record share: where findings go, and the rules for keys and text.

The rule modules build on this one and never on each other's callers, so the package
reads top to bottom: ``context`` ← ``media`` ← ``conversation`` ← ``checks`` ← ``validate``.
"""

from __future__ import annotations

import re

from studykit.datasets.findings import ERROR, WARNING, Finding, preview
from studykit.datasets.formats import FormatSpec
from studykit.datasets.limits import ModelSpec
from studykit.datasets.reserved import reserved_words
from studykit.fields import did_you_mean

S3_URI = re.compile(r"^s3://[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]/\S+$")


class CheckContext:
    """The format and model one record is checked against, and the findings it gets.

    Rule functions take a context and call :meth:`error`, :meth:`keys` and :meth:`text`;
    :mod:`studykit.datasets.checks` runs them. ``media`` collects the media kinds the
    record holds, for the file-wide rule that a dataset keeps to one modality.
    """

    def __init__(self, fmt: FormatSpec, model: ModelSpec | None = None) -> None:
        self.fmt = fmt
        self.model = model
        self.line: int | None = None
        self.out: list[Finding] = []
        self.media: set[str] = set()
        self._find_reserved = (
            reserved_words(model.reserved_words).first_in if model and model.reserved_words else None
        )

    def error(self, code: str, message: str, hint: str = "", path: str = "", severity: str = ERROR) -> None:
        self.out.append(Finding(code, message, hint, path, self.line, severity=severity))

    def keys(
        self,
        record: dict,
        required: tuple[str, ...],
        allowed: frozenset[str] | None,
        path: str,
        refused: frozenset[str] = frozenset(),
    ) -> None:
        """Missing required keys and (unless ``allowed`` is None) unexpected keys, with a did-you-mean.

        ``refused`` keys are let through here because another rule explains why they are refused;
        they are never suggested.
        """
        for key in required:
            if key not in record:
                self.error("missing-key", f"missing key {key!r}", f"needs: {', '.join(required)}", path)
        if allowed is None:
            return
        for key in record:
            if key not in allowed:
                shown = allowed - refused
                guess = did_you_mean(key, shown)
                hint = f"did you mean {guess!r}?" if guess else f"allowed: {', '.join(sorted(shown))}"
                self.error("unknown-key", f"unexpected key {preview(key)}", hint, path)

    def text(self, value: object, path: str, allow_empty: bool = False) -> int:
        """Check one text value (type, emptiness, stray whitespace, reserved words); return its length."""
        if not isinstance(value, str):
            self.error("wrong-type", f"must be a string, not {kind(value)}", "write the text in quotes", path)
            return 0
        stripped = value.strip()
        if not stripped:
            if not allow_empty:
                self.error("empty-text", "text is empty", "write the text or drop the record", path)
            return len(value)
        if len(stripped) != len(value):
            self.error("whitespace", "text starts or ends with whitespace", "strip it", path, WARNING)
        found = self._find_reserved(value) if self._find_reserved else None
        if found:
            self.error("reserved-word", f"contains the reserved word {found!r}", "rephrase it", path)
        return len(value)


def kind(value: object) -> str:
    """The JSON name of a value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"

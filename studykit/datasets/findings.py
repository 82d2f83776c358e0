"""One problem found in a dataset: where it is, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

from studykit.errors import printable

ERROR = "error"
WARNING = "warning"
NOTE = "note"
"""Something worth knowing that breaks no rule (e.g. CRLF line endings, which JSON Lines allows)."""


@dataclass(frozen=True)
class Finding:
    """A problem on one line (or, with ``line`` None, in the file as a whole)."""

    code: str
    message: str
    hint: str = ""
    path: str = ""  # field path inside the record, e.g. messages[1].content[0].text
    line: int | None = None
    column: int | None = None
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self, name: str) -> str:
        """``file:line:col: error: path: message — hint`` on one line, control characters visible."""
        where = name
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.severity}: "
        if self.path:
            text += f"{self.path}: "
        text += self.message
        if self.hint:
            text += f" — {self.hint}"
        return printable(text)

    def to_json(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
        }


def preview(value: object, limit: int = 40) -> str:
    """A short, one-line rendering of a user's value for a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"

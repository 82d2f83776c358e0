"""Question banks in other formats: Moodle GIFT and XML, Anki decks, Markdown for print and JSON.

Stable API:

- :data:`FORMATS` — the names ``studykit bank export --to`` accepts.
- :func:`export_banks(banks, to, concepts=None, timestamp=0.0) <export_banks>` → the file's
  content: ``str`` for the text formats, ``bytes`` for ``anki`` (an ``.apkg``).
- :func:`studykit.export.importing.import_file` reads GIFT or Moodle XML back into a bank.

Each writer lives in its own module and imports what it needs when called (genanki only for Anki).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studykit.concepts import ConceptSet
    from studykit.concepts.sources import SourceTitles
    from studykit.questions.bank import Bank

FORMATS = ("gift", "moodle-xml", "anki", "markdown", "json")
SUFFIXES = {"gift": ".gift", "moodle-xml": ".xml", "anki": ".apkg", "markdown": ".md", "json": ".json"}


def export_banks(
    banks: Sequence[Bank],
    to: str,
    concepts: ConceptSet | None = None,
    timestamp: float = 0.0,
    titles: SourceTitles | None = None,
) -> str | bytes:
    """The banks written as ``to``; ``timestamp`` (seconds) stamps Anki cards, so tests control it.
    Anki and Markdown, which learners read, show cited sources by ``titles`` (default: the shipped
    titles); the formats instructors import keep the exact references."""
    if to == "gift":
        from studykit.export.gift import banks_to_gift

        return banks_to_gift(banks)
    if to == "moodle-xml":
        from studykit.export.moodle_xml import banks_to_moodle_xml

        return banks_to_moodle_xml(banks, concepts)
    if to == "anki":
        from studykit.export.anki import banks_to_apkg

        return banks_to_apkg(banks, timestamp, titles)
    if to == "markdown":
        from studykit.export.markdown import banks_to_markdown

        return banks_to_markdown(banks, titles)
    if to == "json":
        from studykit.export.json_banks import banks_to_json

        return banks_to_json(banks, concepts)
    raise ValueError(f"unknown export format {to!r}")

"""``studykit bank import``: a Moodle GIFT file into a bank."""

from __future__ import annotations

from pathlib import Path

from studykit.concepts import ConceptSet
from studykit.export.foreign_import import ImportedBank, import_foreign
from studykit.export.gift_reader import read_gift
from studykit.yamlfile import read_text


def import_file(
    path: Path,
    bank_name: str | None,
    concepts: ConceptSet,
    *,
    default_concepts: tuple[str, ...] = (),
    title: str | None = None,
) -> ImportedBank:
    """Read ``path`` (GIFT, at most 2 MiB of UTF-8) into the bank ``bank_name``."""
    text = read_text(path, what="GIFT file")
    source = str(path)
    found = read_gift(text, source)
    return import_foreign(found, source, bank_name, concepts, default_concepts=default_concepts, title=title)

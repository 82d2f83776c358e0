"""``studykit bank import``: a Moodle GIFT or Moodle XML file into a bank, whichever it is.

The format is told by the file's first characters (XML starts with ``<``), not its name, so a
Moodle export saved as ``.txt`` imports too.
"""

from __future__ import annotations

from pathlib import Path

from studykit.concepts import ConceptSet
from studykit.export.foreign_import import ImportedBank, import_foreign
from studykit.yamlfile import read_text


def import_file(
    path: Path,
    bank_name: str | None,
    concepts: ConceptSet,
    *,
    default_concepts: tuple[str, ...] = (),
    title: str | None = None,
) -> ImportedBank:
    """Read ``path`` (GIFT or Moodle XML, at most 2 MiB of UTF-8) into the bank ``bank_name``."""
    text = read_text(path, what="Moodle XML file" if path.suffix.lower() == ".xml" else "GIFT file")
    source = str(path)
    if text.lstrip().startswith("<"):
        from studykit.export.moodle_xml_reader import read_moodle_xml

        found = read_moodle_xml(text, source)
    else:
        from studykit.export.gift_reader import read_gift

        found = read_gift(text, source)
    return import_foreign(found, source, bank_name, concepts, default_concepts=default_concepts, title=title)

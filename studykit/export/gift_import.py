"""Moodle GIFT into a studykit bank: ``studykit bank import FILE.gift``.

Reads what :mod:`studykit.export.gift` writes, and GIFT written elsewhere (Moodle's own
examples, banks shared between teachers). :mod:`~studykit.export.gift_reader` reads the syntax;
:mod:`~studykit.export.foreign_import` applies the rules every import shares (kinds, partial
credit, concepts, what is a problem and what a lint warning). A ``// studykit: {…}`` comment,
written by the export, restores what GIFT cannot say: the kind (ordering), concepts, difficulty,
domain, ``lint_ignore`` and the whys of steps and pairs.
"""

from __future__ import annotations

from studykit.concepts import ConceptSet
from studykit.export.foreign_import import ImportedBank, import_foreign
from studykit.export.gift_reader import read_gift

__all__ = ["ImportedBank", "import_gift"]


def import_gift(
    text: str,
    source: str,
    bank_name: str | None,
    concepts: ConceptSet,
    *,
    default_concepts: tuple[str, ...] = (),
    title: str | None = None,
) -> ImportedBank:
    """Turn GIFT ``text`` (read from ``source``) into the bank ``bank_name``; problems name GIFT lines.

    ``bank_name`` None: the name the studykit bank comment gives, else one made from ``source``.
    """
    found = read_gift(text, source)
    return import_foreign(found, source, bank_name, concepts, default_concepts=default_concepts, title=title)

"""Banks as JSON: ``studykit bank export --to json``.

Each bank is written in the bank format itself (the same keys as the YAML, see
docs/bank-format.md), so every entry of ``banks`` validates against ``studykit bank schema``
and can be turned back into a YAML bank by any JSON-to-YAML tool.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from studykit.concepts import ConceptSet
from studykit.questions.bank import Bank
from studykit.questions.bank_writer import bank_to_data

FORMAT = "studykit-banks"
VERSION = 1


def banks_to_json(banks: Sequence[Bank], concepts: ConceptSet | None = None) -> str:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "banks": [bank_to_data(bank.name, bank.title, bank.questions, concepts) for bank in banks],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

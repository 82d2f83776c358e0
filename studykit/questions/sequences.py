"""Sourced step sequences (``content/_sequences.yaml``), the material of generated ordering questions.

Each sequence is a task whose steps have a fixed, documented order, such as the steps of a
Bedrock model customization job. The file is optional; when present it is loaded as
strictly as concept files::

    customization-job:
      concept: customization-workflow       # an id from content/
      stem: Put these steps of a Bedrock model customization job in order, first to last.
      source: https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-code-samples.html
      steps:                                # 3 or more, in the correct order
        - text: Prepare the training data as JSON Lines and upload it to Amazon S3
          why: The job reads its data from S3, so the data must be there first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from studykit.concepts import ConceptSet
from studykit.concepts.loader import SEED_PATTERN, URL_PATTERN
from studykit.fields import Field
from studykit.questions.model import Step
from studykit.yamlfile import load_yaml

SEQUENCES_FILE = "_sequences.yaml"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Sequence:
    """Steps of one task, in their correct order."""

    id: str
    concept: str
    stem: str
    source: str
    steps: tuple[Step, ...]
    path: str = ""
    line: int = 0


def load_sequences(folder: Path, concepts: ConceptSet) -> tuple[Sequence, ...]:
    """The sequences of a content folder; none when it has no ``_sequences.yaml``."""
    path = folder / SEQUENCES_FILE
    if not path.exists():
        return ()
    root = Field(load_yaml(path))
    if root.value is None:
        return ()
    entries = root.mapping((), tuple(str(key) for key in root.value))  # type: ignore[union-attr]
    return tuple(_parse(name, field, concepts) for name, field in entries.items())


def _parse(name: str, field: Field, concepts: ConceptSet) -> Sequence:
    if not _ID.match(name):
        raise field.error(f"sequence id {name!r} is not lower-case words joined by '-'", of_key=True)
    keys = field.mapping(("concept", "stem", "source", "steps"))
    concept = keys["concept"].text()
    if concept not in concepts:
        guess = concepts.suggest(concept)
        raise keys["concept"].error(
            f"unknown concept {concept!r}", f"did you mean '{guess}'?" if guess else "use an id from content/"
        )
    source = keys["source"].text()
    if not (SEED_PATTERN.match(source) or URL_PATTERN.match(source)):
        raise keys["source"].error(
            f"source {source!r} is neither a seed note nor an AWS documentation URL",
            "write seed:<file name> or https://docs.aws.amazon.com/...",
        )
    steps = []
    for item in keys["steps"].items(min_items=3, max_items=12):
        step = item.mapping(("text", "why"))
        steps.append(Step(step["text"].text(max_length=300), step["why"].text(), item.line))
    if len({step.text.casefold() for step in steps}) != len(steps):
        raise keys["steps"].error("two steps have the same text", "make every step different")
    return Sequence(name, concept, keys["stem"].text(), source, tuple(steps), field.document.path, field.line)

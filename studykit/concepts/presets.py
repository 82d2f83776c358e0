"""Comparison presets from ``content/_presets.yaml``: the seed notes' tables, corrected.

Loaded strictly: preset ids, concept ids and attribute names must exist, every preset
concept must have every preset attribute (a table with holes teaches nothing), and
each note cites a source like a fact does.
"""

from __future__ import annotations

from pathlib import Path

from studykit.concepts.comparison import Comparison, Note
from studykit.concepts.loader import ID_PATTERN, parse_source
from studykit.concepts.registry import ConceptSet
from studykit.errors import StudykitError
from studykit.fields import Field, did_you_mean
from studykit.yamlfile import load_yaml

PRESETS_FILE = "_presets.yaml"


def load_presets(folder: Path, concepts: ConceptSet) -> dict[str, Comparison]:
    """Every preset of a content folder (none if it has no presets file), checked against ``concepts``."""
    path = folder / PRESETS_FILE
    if not path.exists():
        return {}
    root = Field(load_yaml(path))
    if root.value is None:
        return {}
    presets: dict[str, Comparison] = {}
    if not isinstance(root.value, dict):
        raise root.error("the presets file must map preset ids to presets", "see docs/content-format.md")
    for preset_id in root.value:
        field = root.child(preset_id)
        if not isinstance(preset_id, str) or not ID_PATTERN.match(preset_id):
            raise field.error(
                f"preset id {preset_id!r} is not lower-case words joined by '-'",
                "e.g. fine-tuning-types",
                of_key=True,
            )
        presets[preset_id] = _parse_preset(field, concepts)
    return presets


def get_preset(presets: dict[str, Comparison], preset_id: str) -> Comparison:
    """The preset, or an error that suggests the closest name and lists them all."""
    if preset_id in presets:
        return presets[preset_id]
    guess = did_you_mean(preset_id, presets)
    hint = f"did you mean '{guess}'?" if guess else f"presets: {', '.join(presets) or 'none'}"
    raise StudykitError(f"unknown preset {preset_id!r}", hint=hint)


def _parse_preset(field: Field, concepts: ConceptSet) -> Comparison:
    keys = field.mapping(("title", "concepts", "attributes"), ("notes",))
    chosen = []
    for item in keys["concepts"].items(min_items=2):
        concept_id = item.text()
        if concept_id not in concepts:
            guess = concepts.suggest(concept_id)
            raise item.error(
                f"unknown concept {concept_id!r}", f"did you mean '{guess}'?" if guess else "check the id"
            )
        chosen.append(concepts[concept_id])
    attributes = []
    for item in keys["attributes"].items(min_items=1):
        name = item.choice(tuple(concepts.vocabulary.attributes))
        for concept in chosen:
            if name not in concept.attributes:
                raise item.error(
                    f"concept {concept.id!r} has no attribute {name!r}",
                    f"add '{name}:' to the attributes of {Path(concept.path).name}",
                )
        attributes.append(name)
    notes = tuple(_parse_note(item) for item in keys["notes"].items()) if "notes" in keys else ()
    title = keys["title"].text(max_length=120)
    return Comparison(title, tuple(chosen), tuple(attributes), notes, concepts.vocabulary)


def _parse_note(field: Field) -> Note:
    keys = field.mapping(("text", "source"), ("seed_said",))
    seed_said = keys["seed_said"].text() if "seed_said" in keys else None
    return Note(keys["text"].text(), parse_source(keys["source"]), seed_said)

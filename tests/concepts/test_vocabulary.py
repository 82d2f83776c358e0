"""The vocabulary (content/_vocabulary.yaml): loaded strictly, and enough to add a category,
an attribute and its questions without touching code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import cli
from studykit.concepts import load_concepts, shipped_vocabulary
from studykit.concepts.vocabulary import VOCABULARY_FILE, load_vocabulary
from studykit.errors import StudykitError
from studykit.questions.pool import generated_questions
from studykit.resources import content_dir

VALID = Path(__file__).parent.parent / "data" / "concepts" / "valid"
SHIPPED = (content_dir() / VOCABULARY_FILE).read_text(encoding="utf-8")

NEW_DOMAIN = """
  threat:
    label: Threat it blocks
    kind: text
    questions:
      categories: [control]
      choose_concept:
        family: control-for
        stems:
          - An auditor asks how the team blocks {value}. Which {noun} answers that?
      choose_value:
        family: control-threat
        stems:
          - Which threat does {title} block?
      explain: "{Title} blocks {value}."
"""


def _concept(concept_id: str, threat: str, related: str) -> str:
    return f"""id: {concept_id}
title: {concept_id.replace("-", " ").capitalize()}
domain: 5
category: control
summary: A control.
facts:
  - text: It is a control.
    source: https://docs.aws.amazon.com/bedrock/latest/userguide/security.html
attributes:
  threat: {threat}
related: [{related}]
"""


def test_the_shipped_vocabulary_names_every_category_and_attribute_the_content_uses():
    vocabulary = shipped_vocabulary()
    for concept in load_concepts():
        assert concept.category in vocabulary.categories
        assert set(concept.attributes) <= set(vocabulary.attributes)
    assert (
        vocabulary.attributes["training_data"].label_of("labeled-or-unlabeled") == "labeled or unlabeled data"
    )
    assert vocabulary.attributes["expertise"].kind == "ordinal"


def test_a_new_category_and_attribute_need_only_data(tmp_path):
    vocabulary = SHIPPED.replace(
        "  exam: {noun: exam topic",
        "  control: {noun: security control for AI, plural: "
        "security controls for AI}\n  exam: {noun: exam topic",
    )
    vocabulary = vocabulary.replace("\n# Stems of the generated", NEW_DOMAIN + "\n# Stems of the generated")
    (tmp_path / VOCABULARY_FILE).write_text(vocabulary, encoding="utf-8")
    threats = {
        "hub": "prompt injection",
        "vault": "data leaks",
        "gate": "model theft",
        "wall": "denial of service",
    }
    links = {"hub": "vault", "vault": "gate", "gate": "wall", "wall": "vault"}
    for concept_id, threat in threats.items():
        text = _concept(concept_id, threat, links[concept_id])
        (tmp_path / f"{concept_id}.yaml").write_text(text, encoding="utf-8")
    concepts = load_concepts(tmp_path)
    assert concepts["vault"].attributes["threat"] == "data leaks"
    questions = [q for q in generated_questions(tmp_path) if q.concept == "hub"]
    stems = sorted(q.stem for q in questions)
    assert stems == [
        "An auditor asks how the team blocks prompt injection. Which security control for AI answers that?",
        "Which threat does hub block?",
    ]
    for question in questions:
        (right,) = [option for option in question.options if option.correct]
        assert right.text in ("Hub", "Prompt injection")
        assert len(question.options) == 3  # vault is related to hub, so never its distractor

    result = CliRunner().invoke(cli, ["compare", "hub", "gate", "--content", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    assert '"label": "Threat it blocks"' in result.output


def test_a_folder_without_a_vocabulary_uses_the_shipped_one(tmp_path):
    for path in VALID.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    concepts = load_concepts(tmp_path)
    assert concepts.vocabulary.attributes.keys() == shipped_vocabulary().attributes.keys()


BROKEN = {
    "unknown kind": (
        ("  definition: {label: Definition, kind: text}", "  definition: {label: Definition, kind: texts}"),
        "attributes.definition.kind has unknown value 'texts' — did you mean 'text'?",
    ),
    "unknown placeholder": (
        ('    stems: ["Which {noun} {says}?"]', '    stems: ["Which {nun} {says}?"]'),
        "unknown placeholder {nun} — did you mean '{noun}'?",
    ),
    "unclosed brace": (
        ('    stems: ["Which {noun} {says}?"]', '    stems: ["Which {noun {says}?"]'),
        "a '{' or '}' is not closed — write placeholders as {name}; double a literal brace",
    ),
    "unknown family": (
        ("  which:\n    categories: [method", "  whcih:\n    categories: [method"),
        "unknown question family 'whcih' — did you mean 'which'?",
    ),
    "overlap with an unknown value": (
        ("      unlabeled: [labeled-or-unlabeled]", "      unlabelled: [labeled-or-unlabeled]"),
        "'unlabelled' is not one of the values — use one of: labeled, unlabeled, prompts-only, "
        "labeled-or-unlabeled, not-applicable",
    ),
    "a bool without false": (
        ('      false: {label: "no", says: leaves the model\'s weights unchanged}\n', ""),
        "attributes.changes_weights.values of a bool attribute must have exactly the keys true and false"
        " — write 'true: {label: ..., says: ...}' and 'false: {...}'",
    ),
    "an ordinal without values": (
        ("    values: [low, medium, high]\n", ""),
        "an ordinal attribute needs 'values' — list the values it takes",
    ),
    "a level phrase on an ordinal": (
        ("    values: [low, medium, high]\n", "    values: [low, medium, high]\n    ask: [How much?]\n"),
        "an ordinal attribute has no 'ask' — remove the line, or change the kind",
    ),
    "a family used twice": (
        ("        family: metric-for\n", "        family: service-for\n"),
        "question family 'service-for' is already used by 'purpose' — give each way of asking its own family",
    ),
    "a questions category that does not exist": (
        ("      categories: [metric]\n", "      categories: [metrics]\n"),
        "attributes.measures.questions.categories[0] has unknown value 'metrics' — did you mean 'metric'?",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_vocabulary_is_one_located_error(tmp_path, case):
    (old, new), message = BROKEN[case]
    assert old in SHIPPED, case
    path = tmp_path / VOCABULARY_FILE
    path.write_text(SHIPPED.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(StudykitError) as caught:
        load_vocabulary(path)
    error = caught.value
    assert error.path == str(path) and error.line
    assert f"{error.message} — {error.hint}" == message


def test_a_broken_vocabulary_stops_a_command_with_one_line_and_exit_code_2(tmp_path):
    for path in VALID.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / VOCABULARY_FILE).write_text(
        SHIPPED.replace("kind: text}", "kind: texts}", 1), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["topics", "--content", str(tmp_path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"{VOCABULARY_FILE}:" in result.output and "unknown value 'texts'" in result.output

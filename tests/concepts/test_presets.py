import shutil
from pathlib import Path

import pytest

from studykit.concepts import load_concepts
from studykit.concepts.presets import load_presets
from studykit.errors import StudykitError
from studykit.resources import content_dir

VALID = Path(__file__).parent.parent / "data" / "concepts" / "valid"


def presets_with(tmp_path, text):
    folder = tmp_path / "content"
    shutil.copytree(VALID, folder, dirs_exist_ok=True)
    (folder / "_presets.yaml").write_text(text, encoding="utf-8")
    return load_presets(folder, load_concepts(folder))


def error_of(tmp_path, text):
    with pytest.raises(StudykitError) as caught:
        presets_with(tmp_path, text)
    return caught.value.format()


def test_presets_load_with_concepts_attributes_and_notes():
    presets = load_presets(VALID, load_concepts(VALID.resolve()))
    methods = presets["methods"]
    assert [concept.id for concept in methods.concepts] == [
        "instruction-fine-tuning",
        "continued-pre-training",
    ]
    assert methods.attributes == ("definition", "training_data", "data_format", "use_cases")
    assert methods.notes[0].seed_said == "System and content are plain strings."


def test_a_folder_without_presets_has_none(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(VALID, folder)
    (folder / "_presets.yaml").unlink()
    assert load_presets(folder, load_concepts(folder)) == {}


def test_unknown_concept_in_a_preset_is_located_with_a_suggestion(tmp_path):
    message = error_of(
        tmp_path, "p:\n  title: T\n  concepts: [fine-tuning, transfer-learnig]\n  attributes: [definition]\n"
    )
    assert message.endswith(
        "_presets.yaml:3:27: unknown concept 'transfer-learnig' — did you mean 'transfer-learning'?"
    )


def test_a_preset_attribute_that_a_concept_lacks_names_the_file_to_fix(tmp_path):
    message = error_of(
        tmp_path,
        "p:\n  title: T\n  concepts: [fine-tuning, transfer-learning]\n  attributes: [relative_cost]\n",
    )
    assert "_presets.yaml:4:16: concept 'fine-tuning' has no attribute 'relative_cost'" in message
    assert message.endswith("add 'relative_cost:' to the attributes of fine-tuning.yaml")


def test_unknown_attribute_and_unknown_key_get_did_you_mean(tmp_path):
    message = error_of(
        tmp_path, "p:\n  title: T\n  concepts: [fine-tuning, transfer-learning]\n  attributes: [scpe]\n"
    )
    assert message.endswith("attributes[0] has unknown value 'scpe' — did you mean 'scope'?")
    message = error_of(
        tmp_path, "p:\n  titel: T\n  concepts: [fine-tuning, transfer-learning]\n  attributes: [scope]\n"
    )
    assert message.endswith("_presets.yaml:2:3: unknown key 'titel' — did you mean 'title'?")


def test_a_note_needs_a_real_source(tmp_path):
    message = error_of(
        tmp_path,
        "p:\n  title: T\n  concepts: [fine-tuning, transfer-learning]\n  attributes: [scope]\n"
        "  notes:\n    - text: x\n      source: wikipedia\n",
    )
    assert (
        "_presets.yaml:7:15: source 'wikipedia' is neither a seed note nor an AWS documentation URL"
        in message
    )


def test_shipped_presets_load_against_shipped_concepts():
    folder = content_dir()
    presets = load_presets(folder, load_concepts())
    if (folder / "_presets.yaml").exists():
        assert {"fine-tuning-types", "transfer-vs-fine-tuning"} <= set(presets)

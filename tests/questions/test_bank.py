from __future__ import annotations

from pathlib import Path

import pytest

from studykit.errors import StudykitError
from studykit.questions.bank import bank_paths, load_bank, load_banks, load_shipped_banks
from studykit.questions.model import Kind, check_answer, correct_answer

DATA = Path(__file__).resolve().parent.parent / "data" / "questions"


def test_good_bank_loads_every_kind_with_its_parts(concepts):
    bank = load_bank(DATA / "good" / "customization.yaml", concepts)
    assert bank.name == "customization"
    kinds = {question.kind for question in bank.questions}
    assert kinds == set(Kind)
    by_id = {question.id: question for question in bank.questions}
    single = by_id["cpt-unlabeled-wikis"]
    assert single.correct_indexes == (0,)
    assert single.domain == 3  # taken from the first concept
    assert single.origin.path.endswith("customization.yaml") and single.origin.line == 4
    assert single.options[1].line == 15
    true_false = by_id["pe-changes-weights"]
    assert [option.text for option in true_false.options] == ["True", "False"]
    assert true_false.correct_indexes == (1,)
    assert "[bold]" in true_false.stem  # kept literally
    assert len(by_id["customization-job-order"].steps) == 4
    assert by_id["match-method-to-data"].pairs[1].match == "Unlabeled domain text"
    assert by_id["methods-that-change-weights"].lint_ignore == ("answer-length",)
    for question in bank.questions:
        assert check_answer(question, correct_answer(question))


def test_domain_defaults_to_first_concept_domain(concepts):
    (bank,) = load_banks([DATA / "good" / "serving.yaml"], concepts)
    assert bank.questions[0].domain == concepts["provisioned-throughput"].domain == 2


def test_folder_loads_every_yaml_file(concepts):
    banks = load_banks([DATA / "good"], concepts)
    assert [bank.name for bank in banks] == ["customization", "serving"]


def _error(path, concepts) -> StudykitError:
    with pytest.raises(StudykitError) as caught:
        load_banks([path], concepts)
    assert caught.value.exit_code == 2
    return caught.value


def test_misspelt_key_is_rejected_with_line_and_suggestion(concepts):
    error = _error(DATA / "bad" / "schema-error.yaml", concepts)
    assert error.format().startswith(f"{DATA / 'bad' / 'schema-error.yaml'}:9:5: unknown key 'optoins'")
    assert "did you mean 'options'?" in error.format()


def test_unknown_concept_suggests_the_closest_id(concepts):
    error = _error(DATA / "bad" / "unknown-concept.yaml", concepts)
    assert (error.line, error.message) == (6, "unknown concept 'continued-pretraining'")
    assert error.hint == "did you mean 'continued-pre-training'?"


def test_single_choice_with_two_correct_options_is_rejected(concepts):
    error = _error(DATA / "bad" / "two-correct.yaml", concepts)
    assert error.line == 10
    assert "exactly one correct option, has 2" in error.message


def test_duplicate_ids_in_one_bank_are_rejected(concepts):
    error = _error(DATA / "bad" / "duplicate-ids.yaml", concepts)
    assert error.line == 13
    assert "'same-id' is already used at" in error.message
    assert "duplicate-ids.yaml:4" in error.message


def test_duplicate_ids_across_banks_are_rejected(concepts):
    with pytest.raises(StudykitError) as caught:
        load_banks([DATA / "good", DATA / "clash"], concepts)
    assert caught.value.path.endswith("serving-copy.yaml")
    assert "serving.yaml:4" in caught.value.message


def _load_text(tmp_path, concepts, question_yaml: str, name: str = "topic"):
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"bank: {name}\ntitle: T\nquestions:\n{question_yaml}", encoding="utf-8")
    return load_bank(path, concepts)


BASE = """  - id: q-one
    concepts: [fine-tuning]
    difficulty: easy
    stem: S?
    explanation: E.
"""


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("    kind: single\n    options:\n" + "      - {text: a, why: w}\n" * 0, "needs at least 2"),
        (
            "    kind: multiple\n    options:\n"
            "      - {text: a, why: w, correct: true}\n      - {text: b, why: w}\n"
            "      - {text: c, why: w}\n      - {text: d, why: w}\n",
            "at least two correct options, has 1",
        ),
        (
            "    kind: matching\n    pairs:\n"
            "      - {prompt: a, match: x, why: w}\n      - {prompt: b, match: x, why: w}\n"
            "      - {prompt: c, match: z, why: w}\n",
            "match 'x' appears twice",
        ),
        (
            "    kind: ordering\n    steps:\n      - {text: a, why: w}\n",
            "at least 2",
        ),
        (
            "    kind: true_false\n    answer: yes please\n    why_true: a\n    why_false: b\n",
            "true or false",
        ),
        ("    kind: single\n    steps: []\n", "a single question has no 'steps' — it takes 'options'"),
        ("    kind: singel\n", "did you mean 'single'?"),
        (
            "    kind: single\n    options:\n      - {text: a, why: w, correct: true}\n"
            "      - {text: b, why: ''}\n      - {text: c, why: w}\n",
            "options[1].why is empty",
        ),
    ],
)
def test_kind_rules_are_enforced(tmp_path, concepts, body, message):
    if "options:\n" in body and body.endswith("options:\n"):
        body += "      []\n"
    with pytest.raises(StudykitError) as caught:
        _load_text(tmp_path, concepts, BASE + body)
    assert message in caught.value.format()
    assert caught.value.line is not None


def test_bank_name_must_match_file_name(tmp_path, concepts):
    path = tmp_path / "other.yaml"
    path.write_text("bank: topic\ntitle: T\nquestions: []\n", encoding="utf-8")
    with pytest.raises(StudykitError) as caught:
        load_bank(path, concepts)
    assert "does not match the file name" in caught.value.message


def test_missing_bank_path_is_a_located_error():
    with pytest.raises(StudykitError) as caught:
        bank_paths(["/no/such/bank.yaml"])
    assert caught.value.path == "/no/such/bank.yaml"


def test_shipped_banks_load_with_unique_ids():
    banks = load_shipped_banks()
    ids = [question.id for bank in banks for question in bank.questions]
    assert len(ids) == len(set(ids))


def test_an_incomplete_question_loads_unassigned_and_without_reasons(tmp_path, concepts):
    text = (
        "  - id: q\n    kind: single\n    difficulty: easy\n"
        "    stem: Which method trains on unlabeled text?\n    options:\n"
        "      - {text: Continued pre-training, correct: true}\n      - {text: Distillation}\n"
        "  - id: t\n    kind: true_false\n    difficulty: easy\n    stem: Prompts change weights.\n"
        "    answer: false\n    domain: 3\n"
    )
    (single, truth) = _load_text(tmp_path, concepts, text).questions
    assert (single.concepts, single.concept, single.domain, single.explanation) == ((), "", 0, "")
    assert [option.why for option in single.options] == ["", ""]
    assert truth.domain == 3 and [option.why for option in truth.options] == ["", ""]


def test_every_shipped_question_is_finished():
    """The loader lets imported questions lack reasons and concepts; the shipped ones never do."""
    from studykit.questions.bank import EXAM_PART_COUNTS

    for bank in load_shipped_banks():
        for question in bank.questions:
            assert question.concepts and question.domain, question.id
            assert question.explanation, question.id
            parts = (*question.options, *question.steps, *question.pairs)
            assert all(part.why for part in parts), question.id
            low, high = EXAM_PART_COUNTS.get(question.kind, (2, 2))
            assert low <= question.size <= high, question.id

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from gift_strategies import banks
from hypothesis import HealthCheck, given, settings

from studykit.errors import StudykitError
from studykit.export.gift import banks_to_gift
from studykit.export.gift_import import import_gift
from studykit.questions.bank import bank_header, load_bank, load_shipped_banks, parse_question
from studykit.questions.lint import lint_paths
from studykit.yamlfile import load_yaml_text

MOODLE = Path(__file__).resolve().parent.parent / "data" / "export" / "moodle.gift"


def _round_trip(bank, concepts):
    return import_gift(banks_to_gift([bank]), "bank.gift", bank.name, concepts)


def test_the_tricky_bank_survives_export_and_import_unchanged(tricky, concepts):
    imported = _round_trip(tricky, concepts)
    assert imported.questions == tricky.questions
    assert imported.title == tricky.title


@given(bank=banks())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_bank_survives_export_to_gift_and_import_back(bank, concepts):
    imported = _round_trip(bank, concepts)
    assert imported.questions == bank.questions
    assert imported.title == bank.title
    document = load_yaml_text(imported.yaml, "generated.yaml")
    _name, title, items = bank_header(document)
    assert title == bank.title
    assert tuple(parse_question(item, concepts, bank="generated") for item in items) == bank.questions


def test_a_no_break_space_in_an_html_written_prompt_survives(tricky, concepts):
    matching = next(question for question in tricky.questions if question.pairs)
    pairs = (dataclasses.replace(matching.pairs[0], prompt="->\xa00"), *matching.pairs[1:])
    bank = dataclasses.replace(tricky, questions=(dataclasses.replace(matching, pairs=pairs),))
    assert _round_trip(bank, concepts).questions == bank.questions


def test_every_shipped_bank_survives_export_and_import():
    from studykit.concepts import load_concepts

    for bank in load_shipped_banks():
        imported = import_gift(banks_to_gift([bank]), "shipped.gift", bank.name, load_concepts())
        assert imported.questions == bank.questions, bank.name


def test_the_written_yaml_loads_to_the_imported_questions(tricky, concepts, tmp_path):
    imported = _round_trip(tricky, concepts)
    target = tmp_path / "tricky.yaml"
    target.write_text(imported.yaml, encoding="utf-8")
    assert load_bank(target, concepts).questions == imported.questions
    assert imported.yaml.startswith("# yaml-language-server: $schema=")


def test_bank_name_comes_from_the_studykit_comment_when_none_is_given(tricky, concepts):
    assert import_gift(banks_to_gift([tricky]), "x/other.gift", None, concepts).name == "tricky"
    plain = MOODLE.read_text(encoding="utf-8")
    assert import_gift(plain, "x/Week 3 Quiz.gift", None, concepts).name == "week-3-quiz"


def test_a_foreign_moodle_file_imports_with_concepts_from_its_categories(concepts, tmp_path):
    imported = import_gift(MOODLE.read_text(encoding="utf-8"), str(MOODLE), "moodle", concepts)
    kinds = {question.id: (question.kind.value, question.concepts) for question in imported.questions}
    assert kinds == {
        "q1-wikis": ("single", ("continued-pre-training",)),
        "prompts-keep-weights": ("true_false", ("prompt-engineering",)),
        "which-two": ("multiple", ("prompt-engineering",)),
    }
    truth = imported.questions[1]
    assert [option.correct for option in truth.options] == [False, True]
    assert truth.options[0].why == "Wrong: a prompt is only input."
    assert any("line 14: an essay question was skipped" in note for note in imported.notes)
    assert any("short-answer" in note for note in imported.notes)
    assert any("set to medium" in note for note in imported.notes)
    assert imported.title == "Continued pre-training"
    target = tmp_path / "moodle.yaml"
    target.write_text(imported.yaml, encoding="utf-8")
    report = lint_paths([target], concepts)
    assert report.errors == 0, [f"{f.line}: {f.rule} {f.message}" for f in report.findings]


def test_a_category_that_names_no_concept_needs_the_concept_option(concepts):
    text = (
        "$CATEGORY: $course$/top/Week 1\n\n"
        "::q::Which method trains on unlabeled text?{=Continued pre-training#It uses raw text."
        "~Prompt engineering#It trains nothing.~Distillation#It needs a teacher model.####Raw text.}\n"
    )
    with pytest.raises(StudykitError) as caught:
        import_gift(text, "week.gift", "week", concepts)
    assert caught.value.format() == (
        "week.gift:3: question 'q': names no concept — "
        "put it under a $CATEGORY named after a concept id, or pass --concept ID"
    )
    imported = import_gift(text, "week.gift", "week", concepts, default_concepts=("fine-tuning",))
    assert imported.questions[0].concepts == ("fine-tuning",)
    with pytest.raises(StudykitError, match="unknown concept 'fine-tunin' — did you mean 'fine-tuning'"):
        import_gift(text, "week.gift", "week", concepts, default_concepts=("fine-tunin",))


_HEAD = '// studykit: {"concepts": ["fine-tuning"]}\n'


@pytest.mark.parametrize(
    ("gift", "line", "message"),
    [
        ("::q::Stem {\n=a#x\n~b#y\n~c#z\n", 2, "'{' has no closing '}'"),
        ("::q Stem {=a#x~b#y~c#z####e}", 2, "the question name has no closing '::'"),
        ("::q::Stem } {=a#x}", 2, "'}' without an opening '{'"),
        ("::q::Stem {=a#x {~b#y}", 2, "a second '{' inside the answers"),
        ("::q::Match {\n=a -> b\n=c d\n=e -> f\n####ex}", 4, "a matching pair has no '->'"),
        ("::q::Stem {\n=a#why\n~b\n~c#why c\n####ex}", 4, "question 'q': answer 'b' has no feedback"),
        ("::q::Stem {=a#x~b#y~c#z}", 2, "question 'q': has no general feedback"),
        ("::q::Stem {~a#x~b#y~c#z####e}", 2, "question 'q': no answer earns marks"),
        ("::q::Stem {=a#x~b#y####e}", 2, "a single choice question needs 3 to 6 answers, this one has 2"),
        ("::q::A statement.{T####e}", 2, "a true/false question needs feedback for both answers"),
        ("::q::Match {=a -> b =c -> d =e -> f####ex}", 2, "GIFT has no feedback per pair"),
        ("::q::Stem {=a#x~A#y~c#z####e}", 2, "option 'A' appears twice in this question"),
    ],
)
def test_malformed_or_incomplete_gift_names_the_line_and_what_to_do(gift, line, message, concepts):
    with pytest.raises(StudykitError) as caught:
        import_gift(_HEAD + gift, "bad.gift", "bad", concepts)
    error = caught.value
    assert error.exit_code == 2
    assert (error.path, error.line) == ("bad.gift", line)
    assert message in error.message
    assert error.hint


def test_a_broken_studykit_comment_is_an_error_on_its_line(concepts):
    with pytest.raises(StudykitError) as caught:
        import_gift("\n// studykit: {kind: single}\n::q::S{=a#x}", "bad.gift", "bad", concepts)
    assert caught.value.line == 2
    assert "unreadable studykit comment" in caught.value.message


def test_unknown_concept_in_the_comment_is_an_error_with_a_suggestion(concepts):
    gift = '// studykit: {"concepts": ["fine-tunning"]}\n::q::S{=a#x~b#y~c#z####e}'
    with pytest.raises(StudykitError, match="did you mean 'fine-tuning'"):
        import_gift(gift, "bad.gift", "bad", concepts)


def test_a_file_with_nothing_usable_is_an_error(concepts):
    with pytest.raises(StudykitError, match="no question studykit can use"):
        import_gift("::e::Write an essay.{}\n", "essay.gift", "essay", concepts)


def test_extra_wrong_matches_without_a_prompt_are_dropped_with_a_note(concepts):
    gift = (
        '// studykit: {"concepts": ["fine-tuning"], "why": ["one reason", "two reason", "three reason"]}\n'
        "::m::Match them.{=a -> 1 =b -> 2 =c -> 3 = -> 4####Because.}"
    )
    imported = import_gift(gift, "m.gift", "m", concepts)
    assert [pair.match for pair in imported.questions[0].pairs] == ["1", "2", "3"]
    assert any("no prompt" in note for note in imported.notes)


def test_questions_keep_equal_fields_apart_from_origin(tricky, concepts):
    imported = _round_trip(tricky, concepts)
    assert [dataclasses.replace(q, origin=tricky.questions[0].origin) for q in imported.questions] == list(
        tricky.questions
    )
    assert imported.questions[0].origin.path == "bank.gift"


def test_html_from_a_moodle_export_is_read_as_plain_text_in_answers_too(concepts):
    path = MOODLE.parent / "moodle-html.gift"
    imported = import_gift(path.read_text(encoding="utf-8"), str(path), "moodle-html", concepts)
    (question,) = imported.questions
    assert question.concepts == ("fine-tuning",)  # the category names the concept by its title
    assert question.stem == "Which method trains a smaller model from a larger one?"
    assert [option.text for option in question.options] == [
        "Distillation",
        "Fine-tuning",
        "Continued pre-training",
        "<p>literal</p>",  # marked [plain]: shown as written
    ]
    assert question.options[0].why == "A teacher model labels the data the student learns from."
    assert question.options[2].why == "It trains on raw text & keeps the model's size."
    assert question.explanation == "Teacher → student: distillation."

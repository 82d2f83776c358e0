from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest
from gift_strategies import banks
from hypothesis import HealthCheck, given, settings

from studykit.errors import StudykitError
from studykit.export.foreign_import import import_foreign
from studykit.export.gift import banks_to_gift
from studykit.export.gift_import import import_gift
from studykit.export.moodle_xml import banks_to_moodle_xml
from studykit.export.moodle_xml_reader import read_moodle_xml
from studykit.questions.bank import Bank, bank_header, load_bank, load_shipped_banks, parse_question
from studykit.questions.lint import lint_paths
from studykit.questions.model import Origin
from studykit.yamlfile import load_yaml_text

MOODLE = Path(__file__).resolve().parent.parent / "data" / "export" / "moodle.gift"
CONSTRUCTS = MOODLE.parent / "moodle-constructs.gift"


def _round_trip(bank, concepts):
    return import_gift(banks_to_gift([bank]), "bank.gift", bank.name, concepts)


def test_the_tricky_bank_survives_export_and_import_unchanged(tricky, concepts):
    imported = _round_trip(tricky, concepts)
    assert imported.problems == ()
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


def test_a_question_without_concepts_stays_without_in_a_bank_titled_like_a_concept(tricky, concepts):
    first, *others = tricky.questions
    bank = dataclasses.replace(
        tricky, title="fine-tuning", questions=(dataclasses.replace(first, concepts=()), *others)
    )
    for imported in (
        _round_trip(bank, concepts),
        import_foreign(
            read_moodle_xml(banks_to_moodle_xml([bank], concepts), "b.xml"), "b.xml", "b", concepts
        ),
    ):
        assert imported.questions[0].concepts == ()
        assert [question.concepts for question in imported.questions[1:]] == [q.concepts for q in others]


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
        assert (imported.problems, imported.to_finish) == ((), ()), bank.name


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


def test_a_category_that_names_no_concept_leaves_the_question_unassigned_or_takes_the_option(concepts):
    text = (
        "$CATEGORY: $course$/top/Week 1\n\n"
        "::q::Which method trains on unlabeled text?{=Continued pre-training#It uses raw text."
        "~Prompt engineering#It trains nothing.~Distillation#It needs a teacher model."
        "####Raw text means continued pre-training.}\n"
    )
    unassigned = import_gift(text, "week.gift", "week", concepts)
    assert unassigned.problems == ()
    assert (unassigned.questions[0].concepts, unassigned.questions[0].domain) == ((), 0)
    assert unassigned.to_finish == ("1 question(s) without a concept (no-concept)",)
    assert "concepts:" not in unassigned.yaml
    imported = import_gift(text, "week.gift", "week", concepts, default_concepts=("fine-tuning",))
    assert imported.questions[0].concepts == ("fine-tuning",) and imported.to_finish == ()
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
        ("::q::Stem {~a#x~b#y~c#z####e}", 2, "question 'q': no answer earns marks"),
        ("::q::Stem {=a#x~b#y=c#z####e}", 2, "question 'q': 2 answers earn full marks"),
        (
            "::q::Stem {~%100%a#x####e}",
            2,
            "studykit asks a single choice question with 2 to 10 answers, this one has 1",
        ),
        ("::q::Stem {=a#x~A#y~c#z####e}", 2, "option 'A' appears twice in this question"),
        ("::q::Stem {=a ~ ~c}", 2, "answer 2 is empty"),
        ("::q::Which two? (Choose three.) {~%50%a ~%50%b ~c ~d}", 2, "the stem says choose three but 2"),
        ("\n// studykit: {kind: single}\n::q::S{=a#x}", 3, "unreadable studykit comment"),
        (
            '// studykit: {"concepts": ["fine-tunning"]}\n::q::S{=a#x~b~c}',
            3,
            "unknown concept 'fine-tunning'",
        ),
    ],
)
def test_a_problem_names_its_gift_line_and_what_to_do(gift, line, message, concepts):
    imported = import_gift(_HEAD + gift, "bad.gift", "bad", concepts)
    (problem,) = [problem for problem in imported.problems if message in problem.message]
    assert (problem.path, problem.line) == ("bad.gift", line)
    assert problem.exit_code == 2 and problem.hint


@pytest.mark.parametrize(
    "gift",
    [
        "::q::Stem {\n=a#why\n~b\n~c#why c\n####ex}",  # an answer without feedback
        "::q::Stem {=a#x~b#y~c#z}",  # no general feedback
        "::q::Stem {=a#x~b#y####e}",  # two answers: fewer than on the exam
        "::q::A statement.{T####e}",  # true/false without feedback
        "::q::Match {=a -> b =c -> d =e -> f####ex}",  # matching: GIFT has no feedback per pair
    ],
)
def test_what_a_finished_question_lacks_is_a_warning_not_a_problem(gift, concepts, tmp_path):
    imported = import_gift(_HEAD + gift, "ok.gift", "ok", concepts)
    assert imported.problems == () and len(imported.questions) == 1
    assert imported.to_finish
    target = tmp_path / "ok.yaml"
    target.write_text(imported.yaml, encoding="utf-8")
    report = lint_paths([target], concepts)
    assert report.errors == 0 and report.warnings >= 1


def test_every_problem_of_a_file_is_reported_in_one_run(concepts):
    text = (
        "$CATEGORY: $course$/top/Week 1\n"
        "::q1::Which service hosts foundation models? {\n=Amazon Bedrock\n\n~Amazon S3\n~AWS Lambda\n}\n\n"
        "::q2::Which two? {=a =b ~c}\n\n"
        "::q3 Unclosed name {=a ~b ~c}\n\n"
        "::q4::No right answer {~a ~b ~c}\n\n"
        "::q5::Stem {=a ~b ~c\n\n"
        "::q6::Fine {=a ~b ~c}\n"
    )
    imported = import_gift(text, "week.gift", "week", concepts)
    found = [(problem.line, problem.message.split(":")[0]) for problem in imported.problems]
    assert found == [
        (2, "no blank line after the $CATEGORY line"),
        (4, "a blank line inside the answers of the question that starts at line 2"),
        (9, "question 'q2'"),
        (11, "the question name has no closing '"),
        (13, "question 'q4'"),
        (15, "'{' has no closing '}'"),
    ]
    assert [question.id for question in imported.questions] == ["q1", "q6"]


def test_a_blank_line_inside_the_answers_is_named_not_a_brace_left_open(concepts):
    text = "::q::Which service hosts foundation models? {\n=Amazon Bedrock\n\n~Amazon S3\n~AWS Lambda\n}\n"
    (problem,) = import_gift(text, "b.gift", "b", concepts).problems
    assert problem.format() == (
        "b.gift:3: a blank line inside the answers of the question that starts at line 1: "
        "GIFT ends a question at a blank line — remove the blank line"
    )


def test_two_questions_without_a_blank_line_between_them_are_named_as_such(concepts):
    text = "::t1::RAG needs a knowledge source.{T}\n::t2::RAG retrains the model.{F}\n\n::t3::Fine.{T}\n"
    imported = import_gift(text, "run-on.gift", "run-on", concepts)
    (problem,) = imported.problems
    assert problem.format() == (
        "run-on.gift:2: another question starts without a blank line before it: Moodle reads both as one "
        "question — put a blank line between two questions"
    )
    assert [question.id for question in imported.questions] == ["t3"]


def test_partial_credit_stays_single_choice_and_is_reported(concepts):
    text = "::q::A partly right answer.{~wrong answer ~%50%half-right answer =fully right answer}"
    imported = import_gift(text, "p.gift", "p", concepts)
    (question,) = imported.questions
    assert question.kind.value == "single" and question.correct_indexes == (2,)
    assert imported.problems == ()
    assert any(
        note.startswith("line 1: partial credit is not kept ('half-right answer' 50 %)")
        for note in imported.notes
    )


def test_a_several_answer_question_with_one_right_answer_becomes_single_choice_with_a_note(concepts):
    imported = import_gift("::q::Stem {~%100%a ~b ~c}", "o.gift", "o", concepts)
    assert imported.questions[0].kind.value == "single"
    assert any("one right answer became single choice" in note for note in imported.notes)


def test_a_several_answer_question_says_how_many_to_choose(concepts):
    imported = import_gift("::q::Which two? {~%50%a ~%50%b ~%-100%c ~%-100%d}", "m.gift", "m", concepts)
    (question,) = imported.questions
    assert question.kind.value == "multiple" and question.stem == "Which two? (Choose two.)"
    assert imported.problems == ()


def test_a_file_with_nothing_usable_is_a_problem(concepts):
    (problem,) = import_gift("::e::Write an essay.{}\n", "essay.gift", "essay", concepts).problems
    assert "no question studykit can use" in problem.message


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


def _constructs(concepts):
    return import_gift(CONSTRUCTS.read_text(encoding="utf-8"), str(CONSTRUCTS), "constructs", concepts)


def test_moodles_example_constructs_import_with_warnings_only(concepts, tmp_path):
    imported = _constructs(concepts)
    assert imported.problems == ()
    kinds = Counter(question.kind.value for question in imported.questions)
    assert kinds == {"single": 12, "true_false": 2, "matching": 3, "multiple": 1}
    skipped = [note for note in imported.notes if note.endswith("question was skipped")]
    assert len(skipped) == 16 and any("missing-word short-answer" in note for note in skipped)
    assert sum("was left out" in note for note in imported.notes) == 9
    target = tmp_path / "constructs.yaml"
    target.write_text(imported.yaml, encoding="utf-8")
    report = lint_paths([target], concepts)
    assert report.errors == 0 and report.questions == 18
    assert {"missing-why", "no-concept"} <= {finding.rule for finding in report.findings}
    assert imported.to_finish[0].endswith("question(s) without an explanation (missing-why)")


def test_moodles_example_constructs_read_as_moodle_reads_them(concepts):
    by_line = {question.origin.line: question for question in _constructs(concepts).questions}
    missing_word = by_line[29]
    assert missing_word.stem == (
        "A custom model on Bedrock is served after you buy _____ for it, for most base models."
    )
    feedback_copy = by_line[183]  # the copy with feedback is kept, not the bare ones before it
    assert [option.why for option in feedback_copy.options][1] == "Right: a copy of the model is trained."
    escaped = by_line[149]
    assert [option.text for option in escaped.options] == ["~", "=", "#", "{", "}", "\\"]
    assert escaped.options[5].why.startswith("Right: \\ only escapes the others,\n")
    assert by_line[144].options[1].text == "temperature = 0.2"
    assert by_line[108].stem == "Which method keeps the **weights** unchanged?"
    truth = by_line[114]
    assert truth.correct_indexes == (1,) and truth.options[0].why.startswith("A prompt is only input")
    assert truth.options[1].why == ""
    assert [pair.match for pair in by_line[177].pairs] == [
        "Anthropic Claude",
        "Any chat model",
        "Older text models",
    ]


def test_moodles_example_constructs_round_trip_through_gift(concepts):
    imported = _constructs(concepts)
    bank = Bank("constructs", imported.title, "constructs.yaml", imported.questions)
    again = import_gift(banks_to_gift([bank]), "again.gift", "constructs", concepts)
    assert again.problems == ()
    assert [dataclasses.replace(q, origin=Origin()) for q in again.questions] == [
        dataclasses.replace(q, origin=Origin()) for q in imported.questions
    ]

"""Moodle XML export, checked against the rules Moodle's XML import applies, and read back."""

from __future__ import annotations

import dataclasses
import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from gift_strategies import banks
from hypothesis import HealthCheck, given, settings

from studykit.concepts import load_concepts
from studykit.errors import StudykitError
from studykit.export import export_banks
from studykit.export.foreign_import import import_foreign
from studykit.export.importing import import_file
from studykit.export.moodle_xml import banks_to_moodle_xml
from studykit.export.moodle_xml_reader import read_moodle_xml
from studykit.questions.bank import Bank, load_shipped_banks
from studykit.questions.model import CaseStudy, Origin

# question_bank::fraction_options_full() in Moodle's question/engine/bank.php: the grades an
# answer may have; the import matches a grade to one of them within 0.00001 or fails.
MOODLE_FRACTIONS = [1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25]
MOODLE_FRACTIONS += [0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0]
MOODLE_FRACTIONS += [-fraction for fraction in MOODLE_FRACTIONS]
TAG = re.compile(r"<[^>]*>")


def _allowed(percent: str) -> bool:
    return any(abs(float(percent) / 100 - allowed) < 0.00001 for allowed in MOODLE_FRACTIONS)


def _shown(element: ET.Element | None) -> str:
    """What Moodle shows for an html text element, as plain text."""
    assert element is not None
    text = element.findtext("text") or ""
    if element.get("format") == "html":
        text = html.unescape(TAG.sub("", text.replace("<br>", "\n")))
    return text


def _check_moodle_rules(xml_text: str) -> list[ET.Element]:
    """Assert what Moodle's XML import requires; return the questions (not categories)."""
    quiz = ET.fromstring(xml_text)
    assert quiz.tag == "quiz"
    questions = []
    for question in quiz.findall("question"):
        qtype = question.get("type")
        if qtype == "category":
            assert (question.findtext("category/text") or "").startswith("$course$/top/studykit/")
            continue
        questions.append(question)
        assert qtype in {"multichoice", "truefalse", "matching", "ordering"}
        assert question.findtext("name/text"), "Moodle needs a name"
        assert question.find("questiontext") is not None
        idnumber = question.findtext("idnumber")
        assert idnumber is None or len(idnumber) <= 100
        fractions = [answer.get("fraction", "") for answer in question.findall("answer")]
        if qtype == "multichoice":
            assert len(fractions) >= 2 and all(_allowed(fraction) for fraction in fractions)
            positive = [float(fraction) for fraction in fractions if float(fraction) > 0]
            if question.findtext("single") == "true":
                assert positive == [100.0]  # one answer earns full marks
            else:
                assert len(positive) >= 2 and abs(sum(positive) - 100) < 0.001  # Moodle: they add up to 100 %
                assert min(float(fraction) for fraction in fractions) == -100
        elif qtype == "truefalse":
            texts = sorted(
                (answer.findtext("text"), answer.get("fraction")) for answer in question.findall("answer")
            )
            assert [text for text, _ in texts] == ["false", "true"]
            assert sorted(fraction for _, fraction in texts) == ["0", "100"]
        elif qtype == "matching":
            assert len(question.findall("subquestion")) >= 3  # Moodle: at least 2 questions and 3 answers
        else:
            assert fractions == [str(number) for number in range(1, len(fractions) + 1)]
            assert question.findtext("gradingtype") == "ALL_OR_NOTHING"
    return questions


def test_the_shipped_banks_export_as_moodle_can_import_them():
    shipped = load_shipped_banks()
    questions = _check_moodle_rules(banks_to_moodle_xml(shipped, load_concepts()))
    assert len(questions) == sum(len(bank.questions) for bank in shipped)
    assert {question.get("type") for question in questions} == {
        "multichoice",
        "truefalse",
        "matching",
        "ordering",
    }


def test_one_category_per_bank_and_concept(tricky, concepts):
    quiz = ET.fromstring(banks_to_moodle_xml([tricky], concepts))
    categories = {
        element.text for element in quiz.iter("text") if element.text and "$course$" in element.text
    }
    root = "$course$/top/studykit/Tricky text: {braces} // slashes"
    expected = {f"{root}/{concepts[question.concept].title}" for question in tricky.questions}
    assert categories == expected


def test_text_is_escaped_html_inside_cdata_and_reads_back_exactly(tricky, concepts):
    single = tricky.questions[0]
    stem = single.stem + " ]]> & <b>x</b>\x01"
    bank = dataclasses.replace(
        tricky, title="Week ]]> one", questions=(dataclasses.replace(single, stem=stem),)
    )
    text = banks_to_moodle_xml([bank], concepts)
    assert "<![CDATA[$course$/top/studykit/Week ]]]]><![CDATA[> one/" in text
    (question,) = _check_moodle_rules(text)
    assert _shown(question.find("questiontext")) == single.stem + " ]]> & <b>x</b>\\x01"
    quiz = ET.fromstring(text)
    assert quiz.findtext("question/category/text", "").startswith("$course$/top/studykit/Week ]]> one/")


def test_a_case_study_part_carries_its_scenario(tricky, concepts):
    case = CaseStudy(
        "bank-rollout",
        "A bank's assistant",
        "A retail bank wants answers in its own tone.\nIt has 5,000 chats.",
    )
    part = dataclasses.replace(tricky.questions[0], case=case)
    (question,) = _check_moodle_rules(
        banks_to_moodle_xml([dataclasses.replace(tricky, questions=(part,))], concepts)
    )
    shown = _shown(question.find("questiontext"))
    assert shown.index("A bank's assistant") < shown.index("5,000 chats") < shown.index(part.stem)
    found = read_moodle_xml(
        banks_to_moodle_xml([dataclasses.replace(tricky, questions=(part,))], concepts), "x.xml"
    )
    (read,) = found.questions
    assert read.stem == part.stem
    assert read.meta["case"] == {"id": case.id, "title": case.title, "scenario": case.scenario}


def test_a_matching_question_moodle_would_refuse_is_an_error(tricky, concepts):
    matching = next(question for question in tricky.questions if question.pairs)
    short = dataclasses.replace(matching, pairs=matching.pairs[:2])
    with pytest.raises(StudykitError, match="Moodle needs at least 3 pairs"):
        banks_to_moodle_xml([dataclasses.replace(tricky, questions=(short,))], concepts)


def _xml_round_trip(bank: Bank, concepts):
    return import_foreign(
        read_moodle_xml(banks_to_moodle_xml([bank], concepts), "b.xml"), "b.xml", bank.name, concepts
    )


def test_the_tricky_bank_survives_moodle_xml_export_and_import(tricky, concepts):
    imported = _xml_round_trip(tricky, concepts)
    assert imported.problems == ()
    assert imported.questions == tricky.questions
    assert imported.title == tricky.title


@given(bank=banks())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_bank_survives_moodle_xml_export_and_import(bank, concepts):
    matching_ok = all(len(question.pairs) >= 3 for question in bank.questions if question.pairs)
    if not matching_ok:
        return
    imported = _xml_round_trip(bank, concepts)
    assert imported.questions == bank.questions


def test_every_shipped_bank_survives_moodle_xml_export_and_import():
    concepts = load_concepts()
    for bank in load_shipped_banks():
        imported = _xml_round_trip(bank, concepts)
        assert imported.questions == bank.questions, bank.name
        assert (imported.problems, imported.to_finish) == ((), ()), bank.name


def test_export_through_the_library_entry_point(tricky, concepts):
    assert export_banks([tricky], "moodle-xml", concepts) == banks_to_moodle_xml([tricky], concepts)


MOODLE_STYLE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/Default for AIF/Fine-tuning a foundation model</text></category>
  </question>
<!-- question: 12  -->
  <question type="multichoice">
    <name><text>Partly right</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Which service stores <b>training</b> data?</p>]]></text>
    </questiontext>
    <generalfeedback format="html"><text></text></generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text>&lt;p&gt;Amazon S3&lt;/p&gt;</text>
      <feedback format="html"><text>Right.</text></feedback></answer>
    <answer fraction="50" format="html"><text>Object storage</text></answer>
    <answer fraction="0" format="html"><text>A laptop</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>Typed</text></name>
    <questiontext format="html"><text>Name the service.</text></questiontext>
    <answer fraction="100"><text>Bedrock</text></answer>
  </question>
  <question type="ordering">
    <name><text>Steps</text></name>
    <questiontext format="html"><text>Put the steps in order.</text></questiontext>
    <answer fraction="1" format="moodle_auto_format"><text>Prepare data</text></answer>
    <answer fraction="2" format="moodle_auto_format"><text>Upload to S3</text></answer>
    <answer fraction="3" format="moodle_auto_format"><text>Start the job</text></answer>
  </question>
  <question type="truefalse">
    <name><text>Weights</text></name>
    <questiontext format="html"><text>Prompts change weights.</text></questiontext>
    <answer fraction="0" format="moodle_auto_format"><text>true</text></answer>
    <answer fraction="100" format="moodle_auto_format"><text>false</text>
      <feedback format="html"><text>Prompts are input only.</text></feedback></answer>
  </question>
</quiz>
"""


def test_a_moodle_export_imports_with_warnings_and_notes(concepts, tmp_path):
    source = tmp_path / "week.xml"
    source.write_text(MOODLE_STYLE, encoding="utf-8")
    imported = import_file(source, "week", concepts)
    assert imported.problems == ()
    kinds = [(question.id, question.kind.value, question.concepts) for question in imported.questions]
    assert kinds == [
        ("partly-right", "single", ("fine-tuning",)),
        ("steps", "ordering", ("fine-tuning",)),
        ("weights", "true_false", ("fine-tuning",)),
    ]
    first = imported.questions[0]
    assert first.stem == "Which service stores training data?"
    assert [option.text for option in first.options] == ["Amazon S3", "Object storage", "A laptop"]
    assert imported.questions[2].options[1].why == "Prompts are input only."
    assert any("line 8: partial credit is not kept" in note for note in imported.notes)
    assert any("line 20: a shortanswer question was skipped" in note for note in imported.notes)
    assert imported.to_finish


def test_the_note_on_a_skipped_type_reads_as_english():
    source = (
        '<quiz><question type="essay"><name><text>e</text></name></question>'
        '<question type="numerical"><name><text>n</text></name></question></quiz>'
    )
    notes = read_moodle_xml(source, "types.xml").notes
    assert [note.split(": ", 1)[1] for note in notes] == [
        "an essay question was skipped",
        "a numerical question was skipped",
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaa">]>\n<quiz/>',
            2,
            "declares a document type",
        ),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE quiz SYSTEM "file:///etc/passwd">\n<quiz>&x;</quiz>',
            2,
            "declares a document type",
        ),
        ("<quiz>\n<question type='multichoice'>\n</quiz>", 3, "not well-formed XML"),
        ("<questions/>", 1, "the XML's root is <questions>, not <quiz>"),
    ],
)
def test_hostile_or_broken_xml_is_one_located_error(text, line, message, concepts, tmp_path):
    source = tmp_path / "bad.xml"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(StudykitError) as caught:
        import_file(source, "bad", concepts)
    assert caught.value.line == line and message in caught.value.message and caught.value.hint


def test_the_written_xml_is_what_moodle_round_trips_through_origin_free_questions(tricky, concepts):
    imported = _xml_round_trip(tricky, concepts)
    assert all(question.origin.path == "b.xml" for question in imported.questions)
    assert [dataclasses.replace(q, origin=Origin()) for q in imported.questions] == [
        dataclasses.replace(q, origin=Origin()) for q in tricky.questions
    ]


def test_moodles_example_constructs_round_trip_through_moodle_xml(concepts):
    from studykit.export.gift_import import import_gift

    source = Path(__file__).resolve().parent.parent / "data" / "export" / "moodle-constructs.gift"
    imported = import_gift(source.read_text(encoding="utf-8"), str(source), "constructs", concepts)
    bank = Bank("constructs", imported.title, "constructs.yaml", imported.questions)
    again = _xml_round_trip(bank, concepts)
    assert again.problems == ()
    assert [dataclasses.replace(q, origin=Origin()) for q in again.questions] == [
        dataclasses.replace(q, origin=Origin()) for q in imported.questions
    ]

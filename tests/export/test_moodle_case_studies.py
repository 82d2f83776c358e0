"""Case studies through Moodle XML: each part carries the scenario and a case tag, and import puts
the case study back together, as GIFT import does."""

from __future__ import annotations

import dataclasses

from studykit.export.foreign_import import import_foreign
from studykit.export.moodle_xml import banks_to_moodle_xml
from studykit.export.moodle_xml_reader import read_moodle_xml

CASE_ID = "cs-support-assistant"
TITLE_HTML = "<p><strong>A support assistant for an insurer</strong></p>"


def _import(xml: str, bank, concepts):
    return import_foreign(read_moodle_xml(xml, "cases.xml"), "cases.xml", bank.name, concepts)


def test_every_question_of_a_case_study_is_tagged_with_its_case(cases, concepts):
    xml = banks_to_moodle_xml([cases], concepts)
    assert xml.count(f"case:{CASE_ID}") == 3
    assert xml.count(TITLE_HTML) == 3


def test_a_case_study_survives_export_to_moodle_xml_and_import_back(cases, concepts):
    imported = _import(banks_to_moodle_xml([cases], concepts), cases, concepts)
    assert imported.problems == ()
    assert imported.questions == cases.questions


def test_a_case_study_with_lint_ignore_keeps_it_through_moodle_xml(cases, concepts):
    case = dataclasses.replace(cases.questions[1].case, lint_ignore=("long-correct",))
    questions = tuple(
        dataclasses.replace(question, case=case) if question.case is not None else question
        for question in cases.questions
    )
    bank = dataclasses.replace(cases, questions=questions)
    imported = _import(banks_to_moodle_xml([bank], concepts), bank, concepts)
    assert imported.problems == ()
    assert [question.case for question in imported.questions] == [question.case for question in questions]


def test_moodle_import_names_a_case_question_whose_text_lost_its_scenario(cases, concepts):
    xml = banks_to_moodle_xml([cases], concepts).replace(TITLE_HTML, "", 1)
    imported = _import(xml, cases, concepts)
    (problem,) = imported.problems
    assert problem.path == "cases.xml"
    assert f"tagged case:{CASE_ID}" in problem.message

"""Case studies through every export: JSON and Markdown hold them natively; GIFT and Anki carry
the scenario with each question, and GIFT import puts the case study back together."""

from __future__ import annotations

import dataclasses
import io
import json
import sqlite3
import zipfile

import jsonschema
import yaml
from gift_strategies import TEXT, questions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studykit.export.anki import banks_to_apkg
from studykit.export.gift import banks_to_gift, case_text, split_case_text
from studykit.export.gift_import import import_gift
from studykit.export.json_banks import banks_to_json
from studykit.export.markdown import banks_to_markdown
from studykit.questions.bank import Bank, load_bank
from studykit.questions.bank_writer import bank_yaml
from studykit.questions.model import CaseStudy
from studykit.questions.schema import bank_schema

CASE_ID = "cs-support-assistant"
PARTS = ("cs-support-assistant-method", "cs-support-assistant-hosting", "cs-support-assistant-order")
SCENARIO_START = "An insurer has 80,000 past support chats"


def test_the_bank_yaml_writes_a_case_study_entry_that_loads_back_unchanged(cases, concepts, tmp_path):
    text = bank_yaml(cases.name, cases.title, cases.questions, concepts)
    entries = yaml.safe_load(text)["questions"]
    assert [entry["id"] for entry in entries] == ["before-the-case", CASE_ID, "after-the-case"]
    case = entries[1]
    assert (case["kind"], case["title"]) == ("case_study", "A support assistant for an insurer")
    assert [part["id"] for part in case["questions"]] == list(PARTS)
    target = tmp_path / "assistant.yaml"
    target.write_text(text, encoding="utf-8")
    assert load_bank(target, concepts).questions == cases.questions


def test_concepts_and_difficulty_shared_by_every_question_are_written_once_on_the_case(cases, concepts):
    same = [dataclasses.replace(q, difficulty="hard") if q.case else q for q in cases.questions]
    case = yaml.safe_load(bank_yaml(cases.name, cases.title, same, concepts))["questions"][1]
    assert case["difficulty"] == "hard" and "concepts" not in case
    assert all("difficulty" not in part and "concepts" in part for part in case["questions"])


def test_json_export_holds_the_case_study_natively_and_validates(cases, concepts, tmp_path):
    (entry,) = json.loads(banks_to_json([cases], concepts))["banks"]
    assert list(jsonschema.Draft7Validator(bank_schema()).iter_errors(entry)) == []
    case = entry["questions"][1]
    assert case["kind"] == "case_study" and case["scenario"].startswith(SCENARIO_START)
    target = tmp_path / "assistant.yaml"
    target.write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    assert load_bank(target, concepts).questions == cases.questions


def test_markdown_prints_the_scenario_once_above_the_case_and_numbers_its_questions(cases):
    text = banks_to_markdown([cases])
    assert text.count(SCENARIO_START) == 1
    quote = text.index("> **Case study: A support assistant for an insurer**")
    assert text.index("**1.**") < quote < text.index(SCENARIO_START) < text.index("**2.**")
    assert "> *Questions 2–4 are about this case study.*" in text
    assert "(single choice, medium, case study question 1 of 3)" in text
    assert "(ordering, medium, case study question 3 of 3)" in text
    assert "case study question" not in text[text.index("**5.**") :].split("# Answer key")[0]


def test_gift_carries_the_scenario_and_the_case_with_every_question(cases):
    text = banks_to_gift([cases])
    assert text.count(SCENARIO_START) == 3
    comments = [
        json.loads(line.split(": ", 1)[1]) for line in text.splitlines() if line.startswith("// studykit: ")
    ]
    assert [comment.get("case", {}).get("id") for comment in comments] == [
        None,
        CASE_ID,
        CASE_ID,
        CASE_ID,
        None,
    ]
    assert "Question 2 of 3 of this case\\: The fine-tuned assistant" in text


def test_case_text_splits_back_into_scenario_and_stem(cases):
    hosting = cases.questions[2]
    written = case_text(hosting)
    assert written.startswith("Case study: A support assistant for an insurer\n\n")
    assert split_case_text(written, hosting.case.title) == (hosting.case.scenario, hosting.stem)
    assert split_case_text(hosting.stem, hosting.case.title) is None
    assert split_case_text(written, "Another title") is None


def test_a_case_study_survives_export_to_gift_and_import_back(cases, concepts, tmp_path):
    imported = import_gift(banks_to_gift([cases]), "cases.gift", cases.name, concepts)
    assert imported.problems == ()
    assert imported.questions == cases.questions
    target = tmp_path / "assistant.yaml"
    target.write_text(imported.yaml, encoding="utf-8")
    assert load_bank(target, concepts).questions == cases.questions


def test_gift_import_names_a_case_question_whose_text_lost_its_scenario(cases, concepts):
    text = banks_to_gift([cases]).replace("Case study\\: A support", "A support", 1)
    imported = import_gift(text, "cases.gift", cases.name, concepts)
    (problem,) = imported.problems
    assert problem.path == "cases.gift" and problem.line == 10
    assert "names a case study" in problem.message


def test_gift_import_rejects_one_case_study_with_two_scenarios(cases, concepts):
    gift = banks_to_gift([cases])
    last = gift.rindex(SCENARIO_START)
    text = gift[:last] + "A bank has" + gift[last + len(SCENARIO_START) :]
    problems = import_gift(text, "cases.gift", cases.name, concepts).problems
    assert any("has another title or scenario than at line 10" in problem.message for problem in problems)


def test_anki_cards_of_a_case_study_show_the_scenario_and_carry_a_case_tag(cases, tmp_path):
    with zipfile.ZipFile(io.BytesIO(banks_to_apkg([cases], 1_700_000_000))) as archive:
        (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    rows = sqlite3.connect(tmp_path / "collection.anki2").execute("select flds, tags from notes").fetchall()
    notes = {fields.split("\x1f")[4]: (fields.split("\x1f")[0], tags) for fields, tags in rows}
    for number, part in enumerate(PARTS, start=1):
        front, tags = notes[part]
        assert f"question {number} of 3 of this case" in front
        assert front.index("Case study: A support assistant for an insurer") < front.index("80,000")
        assert f"case::{CASE_ID}" in tags.split()
    front, tags = notes["after-the-case"]
    assert "Case study" not in front and "case::" not in tags


@st.composite
def case_banks(draw: st.DrawFn) -> Bank:
    """A bank of generated questions, two to four of them one case study, between ordinary ones."""
    before = draw(st.integers(0, 2))
    parts = draw(st.integers(2, 4))
    found = [draw(questions(f"q-{number}")) for number in range(1, before + parts + 2)]
    case = CaseStudy(
        "cs-generated",
        draw(TEXT.filter(lambda title: "\n" not in title)),
        draw(TEXT),
        questions=tuple(question.id for question in found[before : before + parts]),
    )
    for index in range(before, before + parts):
        found[index] = dataclasses.replace(found[index], case=case)
    title = draw(TEXT.filter(lambda text: "\n" not in text))
    return Bank("generated", title, "generated.yaml", tuple(found))


@given(bank=case_banks())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_case_study_survives_gift_and_the_bank_writer(bank, concepts, tmp_path_factory):
    imported = import_gift(banks_to_gift([bank]), "bank.gift", bank.name, concepts)
    assert imported.questions == bank.questions
    target = tmp_path_factory.mktemp("written") / "generated.yaml"
    target.write_text(bank_yaml(bank.name, bank.title, bank.questions, concepts), encoding="utf-8")
    assert load_bank(target, concepts).questions == bank.questions

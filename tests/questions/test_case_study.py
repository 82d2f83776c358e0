"""Case studies in banks: one scenario, two to six questions on it, each an ordinary question."""

from __future__ import annotations

import os
import textwrap
import time
from pathlib import Path

import pytest

from studykit.concepts import ConceptSet
from studykit.errors import StudykitError
from studykit.parse_cache import cached
from studykit.questions.bank import load_bank, load_banks
from studykit.questions.lint import lint_paths
from studykit.questions.model import Kind, check_answer, correct_answer

DATA = Path(__file__).resolve().parent.parent / "data" / "questions"
CASES = DATA / "cases" / "assistant.yaml"


def test_case_study_questions_load_in_place_and_share_the_case(concepts):
    bank = load_bank(CASES, concepts)
    assert [question.id for question in bank.questions] == [
        "before-the-case",
        "cs-support-assistant-method",
        "cs-support-assistant-hosting",
        "cs-support-assistant-order",
        "after-the-case",
    ]
    before, method, hosting, order, after = bank.questions
    assert before.case is None and after.case is None
    assert method.case is hosting.case is order.case
    case = method.case
    assert case is not None
    assert (case.id, case.title, case.line) == (
        "cs-support-assistant",
        "A support assistant for an insurer",
        13,
    )
    assert case.scenario.startswith("An insurer has 80,000 past support chats")
    assert case.questions == tuple(question.id for question in (method, hosting, order))
    assert [case.part_number(question.id) for question in bank.questions] == [None, 1, 2, 3, None]
    assert [question.kind for question in (method, hosting, order)] == [
        Kind.SINGLE,
        Kind.TRUE_FALSE,
        Kind.ORDERING,
    ]
    assert method.origin.line == 23 and method.bank == "assistant"
    for question in bank.questions:
        assert check_answer(question, correct_answer(question))


def test_questions_take_the_case_defaults_unless_they_give_their_own(concepts):
    _before, method, hosting, order, _after = load_bank(CASES, concepts).questions
    assert (method.concepts, method.domain, method.difficulty) == (("instruction-fine-tuning",), 3, "medium")
    assert (hosting.concepts, hosting.domain, hosting.difficulty) == (("provisioned-throughput",), 3, "hard")
    assert (order.concepts, order.domain, order.difficulty) == (("instruction-fine-tuning",), 2, "medium")


def test_without_a_case_domain_a_question_takes_its_first_concepts_domain(tmp_path, concepts):
    text = CASES.read_text(encoding="utf-8").replace("    domain: 3\n", "")
    hosting = _write_and_load(tmp_path, text, concepts).questions[2]
    assert hosting.domain == concepts["provisioned-throughput"].domain == 2


def _write_and_load(tmp_path: Path, text: str, concepts: ConceptSet):
    path = tmp_path / "assistant.yaml"
    path.write_text(text, encoding="utf-8")
    return load_bank(path, concepts)


def _error(tmp_path: Path, text: str, concepts: ConceptSet) -> StudykitError:
    with pytest.raises(StudykitError) as caught:
        _write_and_load(tmp_path, text, concepts)
    assert caught.value.exit_code == 2
    assert caught.value.path.endswith("assistant.yaml")
    return caught.value


def _case(parts: int, **extra: str) -> str:
    """A bank holding one case study of ``parts`` true/false questions; ``extra`` replaces case keys."""
    keys = {
        "id": "cs-case",
        "kind": "case_study",
        "title": "A case",
        "concepts": "[fine-tuning]",
        "difficulty": "easy",
        "scenario": "A company has labeled data.",
        **extra,
    }
    head = "".join(f"    {key}: {value}\n" for key, value in keys.items() if value != "-")
    body = "".join(
        textwrap.indent(
            f"- id: cs-case-part-{index}\n  kind: true_false\n  stem: Statement {index}.\n  answer: true\n"
            "  why_true: Right.\n  why_false: Wrong.\n  explanation: Because.\n",
            "      ",
        )
        for index in range(parts)
    )
    return f"bank: assistant\ntitle: T\nquestions:\n  - {head.lstrip()}    questions:\n{body}"


def test_the_helper_bank_loads(tmp_path, concepts):
    assert len(_write_and_load(tmp_path, _case(2), concepts).questions) == 2
    assert len(_write_and_load(tmp_path, _case(6), concepts).questions) == 6


@pytest.mark.parametrize(
    ("parts", "message", "hint"),
    [(1, "a case study needs 2 to 6 questions, has 1", "write more"), (7, "has 7", "split it")],
)
def test_a_case_study_holds_two_to_six_questions(tmp_path, concepts, parts, message, hint):
    error = _error(tmp_path, _case(parts), concepts)
    assert message in error.message and hint in error.hint
    assert error.line == 10  # the case's 'questions:' line


def test_a_case_study_without_a_scenario_is_rejected_at_its_line(tmp_path, concepts):
    error = _error(tmp_path, _case(2, scenario="-"), concepts)
    assert (error.line, error.message) == (4, "questions[0] is missing 'scenario'")


def test_an_empty_scenario_is_rejected(tmp_path, concepts):
    error = _error(tmp_path, _case(2, scenario="''"), concepts)
    assert error.line == 9 and "scenario is empty" in error.message


def test_a_case_study_inside_a_case_study_is_rejected(tmp_path, concepts):
    text = _case(2).replace("kind: true_false", "kind: case_study", 1)
    error = _error(tmp_path, text, concepts)
    assert error.message == "a case study cannot be a question of another case study"
    assert error.line == 12


def test_a_question_id_repeated_inside_a_case_is_rejected(tmp_path, concepts):
    error = _error(tmp_path, _case(3).replace("cs-case-part-2", "cs-case-part-0"), concepts)
    assert "question id 'cs-case-part-0' is already used at" in error.message
    assert error.line == 25


def test_a_question_may_not_reuse_its_case_studys_id(tmp_path, concepts):
    error = _error(tmp_path, _case(2).replace("cs-case-part-1", "cs-case"), concepts)
    assert "question id 'cs-case' is already used at" in error.message
    assert "assistant.yaml:4" in error.message


def test_two_case_studies_with_one_id_across_banks_are_rejected(tmp_path, concepts):
    first = tmp_path / "first"
    second = tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "assistant.yaml").write_text(_case(2), encoding="utf-8")
    other = _case(2).replace("bank: assistant", "bank: other").replace("cs-case-part", "other-part")
    (second / "other.yaml").write_text(other, encoding="utf-8")
    with pytest.raises(StudykitError) as caught:
        load_banks([first, second], concepts)
    assert caught.value.path.endswith("other.yaml") and caught.value.line == 4
    assert "case study id 'cs-case' is already used at" in caught.value.message


def test_without_concepts_on_the_case_or_itself_a_question_is_unassigned(tmp_path, concepts):
    first, second = _write_and_load(tmp_path, _case(2, concepts="-"), concepts).questions
    assert (first.concepts, first.domain) == ((), 0)
    assert (second.case, second.difficulty) == (first.case, "easy")


def test_a_question_without_a_difficulty_in_a_case_without_one_is_rejected(tmp_path, concepts):
    error = _error(tmp_path, _case(2, difficulty="-"), concepts)
    assert error.message == "questions[0].questions[0] is missing 'difficulty'"
    assert error.line == 10


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        ({"concepts": "[fine-tunin]"}, 7, "unknown concept 'fine-tunin'"),
        ({"difficulty": "simple"}, 8, "difficulty has unknown value 'simple'"),
        ({"domain": "7"}, 10, "domain must be between 1 and 5, not 7"),
        ({"id": "CS_Case"}, 4, "case study id 'CS_Case' is not lower-case"),
        ({"stem": "Why?"}, 10, "unknown key 'stem'"),
        ({"title": "''"}, 6, "title is empty"),
    ],
)
def test_case_study_keys_are_checked_where_they_are_written(tmp_path, concepts, extra, line, message):
    error = _error(tmp_path, _case(2, **extra), concepts)
    assert message in error.message
    assert error.line == line


def test_lint_reads_case_studies_and_places_a_broken_one_at_its_line(tmp_path, concepts):
    report = lint_paths([CASES], concepts)
    assert [finding for finding in report.findings if finding.severity == "error"] == []
    assert report.questions == 5
    broken = tmp_path / "assistant.yaml"
    broken.write_text(_case(1), encoding="utf-8")
    (finding,) = [f for f in lint_paths([broken], concepts).findings if f.severity == "error"]
    assert (finding.line, finding.rule, finding.question) == (10, "schema", "cs-case")


def test_lint_places_findings_on_questions_inside_a_case(tmp_path, concepts):
    text = CASES.read_text(encoding="utf-8").replace(
        "Which customization method fits the chats", "Which customization method does NOT fit the chats"
    )
    path = tmp_path / "assistant.yaml"
    path.write_text(text.replace("does NOT", "does not"), encoding="utf-8")
    hits = [f for f in lint_paths([path], concepts).findings if f.rule == "negative-stem"]
    assert [(hit.line, hit.question) for hit in hits] == [(25, "cs-support-assistant-method")]


def test_case_studies_survive_the_parse_cache(tmp_path, concepts, monkeypatch):
    monkeypatch.delenv("STUDYKIT_NO_CACHE", raising=False)
    monkeypatch.setenv("STUDYKIT_HOME", str(tmp_path))
    path = tmp_path / "assistant.yaml"
    path.write_text(CASES.read_text(encoding="utf-8"), encoding="utf-8")
    old = time.time() - 3600
    os.utime(path, (old, old))
    built = cached("cases", [path], lambda: load_banks([path], concepts))
    again = cached("cases", [path], lambda: pytest.fail("the entry was rebuilt"))
    assert again == built
    assert again[0].questions[1].case == built[0].questions[1].case is not None


def test_lint_names_the_case_study_for_case_wide_findings(tmp_path, concepts):
    report = lint_paths([CASES], concepts)
    (finding,) = [f for f in report.findings if f.rule == "case-domains"]
    assert (finding.question, finding.line) == ("cs-support-assistant", 23)


def test_lint_ignore_on_the_case_study_switches_a_rule_off_for_its_questions(tmp_path, concepts):
    text = CASES.read_text(encoding="utf-8").replace(
        "    domain: 3\n    difficulty: medium\n",
        "    domain: 3\n    difficulty: medium\n    lint_ignore: [case-domains]\n",
    )
    path = tmp_path / "assistant.yaml"
    path.write_text(text, encoding="utf-8")
    assert "case-domains" not in {finding.rule for finding in lint_paths([path], concepts).findings}
    path.write_text(text.replace("[case-domains]", "[case-domain]"), encoding="utf-8")
    (unknown,) = [f for f in lint_paths([path], concepts).findings if f.rule == "unknown-rule"]
    assert (unknown.line, unknown.question) == (19, "cs-support-assistant")


def test_lint_finds_one_case_study_id_in_two_banks(tmp_path, concepts):
    (tmp_path / "assistant.yaml").write_text(_case(2), encoding="utf-8")
    other = _case(2).replace("bank: assistant", "bank: other").replace("cs-case-part", "other-part")
    (tmp_path / "other.yaml").write_text(other, encoding="utf-8")
    (finding,) = [f for f in lint_paths([tmp_path], concepts).findings if f.rule == "duplicate-case"]
    assert finding.path.endswith("other.yaml") and finding.line == 4
    assert "case study id 'cs-case' is already used at" in finding.message

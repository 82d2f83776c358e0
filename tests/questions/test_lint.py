from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.errors import StudykitError
from studykit.questions.lint import lint_paths
from studykit.questions.lint_rules import RULES, RULES_BY_ID, loader_rule
from studykit.resources import quizzes_dir

DATA = Path(__file__).resolve().parent.parent / "data" / "bank_tools"
LINT = DATA / "lint"


def test_every_rule_has_a_triggering_and_a_clean_fixture():
    assert sorted(folder.name for folder in LINT.iterdir()) == sorted(rule.id for rule in RULES)


@pytest.mark.parametrize("rule", [rule.id for rule in RULES])
def test_rule_triggers_on_its_fixture(rule, concepts):
    report = lint_paths([LINT / rule / "triggers.yaml"], concepts)
    found = [finding for finding in report.findings if finding.rule == rule]
    assert found, [finding.rule for finding in report.findings]
    assert all(finding.severity == RULES_BY_ID[rule].severity for finding in found)
    assert all(finding.line > 1 for finding in found)


@pytest.mark.parametrize("rule", [rule.id for rule in RULES])
def test_rule_stays_quiet_on_the_clean_twin(rule, concepts):
    report = lint_paths([LINT / rule / "clean.yaml"], concepts)
    assert report.findings == ()
    assert report.questions >= 5


@pytest.mark.parametrize(
    "rule",
    [rule.id for rule in RULES if rule.check is not None and rule.id != "position-bias"],
)
def test_lint_ignore_switches_a_quality_rule_off_for_that_question(rule, concepts, tmp_path):
    report = lint_paths([LINT / rule / "triggers.yaml"], concepts)
    flagged = {finding.question for finding in report.findings if finding.rule == rule}
    text = (LINT / rule / "triggers.yaml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    out = []
    for line in lines:
        out.append(line)
        entry = line.lstrip(" ")
        if entry.startswith("- id: ") and entry.split(": ", 1)[1].strip() in flagged:  # case studies nest
            out.append(" " * (len(line) - len(entry) + 2) + f"lint_ignore: [{rule}]\n")
    target = tmp_path / "triggers.yaml"
    target.write_text("".join(out).replace("    lint_ignore: [long-answer]\n", ""), encoding="utf-8")
    assert rule not in {finding.rule for finding in lint_paths([target], concepts).findings}


def test_findings_point_at_the_offending_line_and_column(concepts):
    report = lint_paths([LINT / "all-none-above" / "triggers.yaml"], concepts)
    (finding,) = report.findings
    lines = (LINT / "all-none-above" / "triggers.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[finding.line - 1][finding.column - 1 :] == "None of the above"
    assert finding.question == "q-single"


def test_lint_reports_every_broken_question_and_still_checks_the_others(concepts):
    report = lint_paths([DATA / "many" / "schema-errors.yaml"], concepts)
    rules = [(finding.rule, finding.line) for finding in report.findings]
    assert ("unknown-concept", 43) in rules
    assert ("schema", 54) in rules
    assert ("negative-stem", 8) in rules  # a question that loads is still checked
    assert report.questions == 3
    schema = next(finding for finding in report.findings if finding.rule == "schema")
    assert "did you mean 'easy'" in schema.message or "use one of" in schema.message


def test_loader_messages_map_to_their_rules():
    assert loader_rule("unknown concept 'x'").id == "unknown-concept"
    assert loader_rule("questions[0].options[1].why is empty").id == "schema"
    assert loader_rule("questions[0] is missing 'stem'").id == "schema"


def test_duplicate_ids_are_found_across_files(concepts):
    report = lint_paths([LINT / "choose-count" / "clean.yaml", LINT / "thin-why" / "clean.yaml"], concepts)
    assert {finding.rule for finding in report.findings} == {"duplicate-id", "duplicate-stem"}


def test_an_unreadable_file_is_a_finding_and_the_other_files_are_still_checked(concepts):
    report = lint_paths(
        [DATA / "unreadable" / "binary.yaml", LINT / "duplicate-id" / "triggers.yaml"], concepts
    )
    assert report.unreadable == (str(DATA / "unreadable" / "binary.yaml"),)
    unreadable = next(finding for finding in report.findings if finding.rule == "unreadable")
    assert unreadable.severity == "error" and "binary" in unreadable.message
    assert "duplicate-id" in {finding.rule for finding in report.findings}
    assert report.files == (str(LINT / "duplicate-id" / "triggers.yaml"),)


def test_ignoring_an_unknown_rule_is_refused(concepts):
    with pytest.raises(StudykitError, match="unknown lint rule 'no-such-rule'"):
        lint_paths([LINT / "yaml" / "clean.yaml"], concepts, ignore=["no-such-rule"])


def test_every_shipped_bank_lints_clean():
    report = lint_paths([quizzes_dir()])
    assert [f"{f.path}:{f.line}: {f.rule} {f.message}" for f in report.findings] == []
    assert report.questions > 100


@pytest.mark.parametrize(
    "rule",
    [rule.id for rule in RULES if rule.check is not None and rule.id != "position-bias"],
)
def test_lint_ignore_comment_inside_the_question_switches_the_rule_off(rule, concepts, tmp_path):
    report = lint_paths([LINT / rule / "triggers.yaml"], concepts)
    flagged = {finding.question for finding in report.findings if finding.rule == rule}
    out = []
    for line in (LINT / rule / "triggers.yaml").read_text(encoding="utf-8").splitlines(keepends=True):
        entry = line.lstrip(" ")
        if entry.startswith("- id: ") and entry.split(": ", 1)[1].strip() in flagged:  # case studies nest
            line = line.rstrip("\n") + f"  # lint: ignore {rule}\n"
        out.append(line)
    target = tmp_path / "triggers.yaml"
    target.write_text("".join(out), encoding="utf-8")
    assert rule not in {finding.rule for finding in lint_paths([target], concepts).findings}


def _two_negative_questions(tmp_path: Path, between: str) -> Path:
    question = (
        "  - id: {id}\n    kind: single\n    concepts: [fine-tuning]\n    difficulty: easy\n"
        "    stem: Which of these does not train the model{mark}?\n    options:\n"
        "      - text: Prompt engineering\n        correct: true\n"
        "        why: It only shapes the input text.\n"
        "      - text: Fine-tuning\n        why: It trains a copy of the model on examples.\n"
        "      - text: Continued pre-training\n        why: It trains the model on unlabeled text.\n"
        "    explanation: Only the prompt route leaves the weights alone.\n"
    )
    text = (
        "bank: comments\ntitle: Comments\nquestions:\n"
        + question.format(id="q-first", mark="")
        + between
        + question.format(id="q-second", mark=" at all")
    )
    target = tmp_path / "comments.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def test_a_comment_line_just_above_a_question_belongs_to_that_question_only(concepts, tmp_path):
    target = _two_negative_questions(tmp_path, "\n  # lint: ignore negative-stem\n")
    flagged = [f.question for f in lint_paths([target], concepts).findings if f.rule == "negative-stem"]
    assert flagged == ["q-first"]


def test_a_comment_naming_an_unknown_rule_is_reported_on_its_line(concepts, tmp_path):
    target = _two_negative_questions(tmp_path, "  # lint: ignore [negative-stems, negative-stem]\n")
    report = lint_paths([target], concepts)
    unknown = [finding for finding in report.findings if finding.rule == "unknown-rule"]
    assert [(f.line, f.question) for f in unknown] == [(18, "q-second")]
    assert "'negative-stems'" in unknown[0].message
    assert [f.question for f in report.findings if f.rule == "negative-stem"] == ["q-first"]


def _similar_pairs_brute_force(questions):
    """The similar-stem rule as a plain comparison of every pair, to check the indexed one against."""
    import difflib

    from studykit.questions.lint_rules import normalise_stem

    found = []
    for later, question in enumerate(questions):
        for earlier in range(later):
            other = questions[earlier]
            a, b = normalise_stem(question.stem), normalise_stem(other.stem)
            if a == b or question.kind is not other.kind:
                continue
            words_a, words_b = set(a.split()), set(b.split())
            if len(words_a & words_b) / max(len(words_a | words_b), 1) < 0.6:
                continue
            if difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9:
                found.append((question.id, other.id))
                break
    return found


@given(
    st.lists(
        st.lists(
            st.sampled_from(["model", "data", "tune", "bedrock", "prompt", "job", "s3", "fit"]), max_size=9
        ),
        min_size=2,
        max_size=25,
    )
)
@settings(max_examples=60, deadline=None)
def test_the_similar_stem_index_finds_what_comparing_every_pair_finds(stems):
    from studykit.questions.lint_rules import check_similar_stems
    from studykit.questions.model import Kind, Question

    questions = [
        Question(f"q{n}", Kind.TRUE_FALSE, (), 0, "easy", " ".join(words) + "?", "")
        for n, words in enumerate(stems)
    ]
    found = [
        (hit.question.id, hit.message.split(" the same as ")[1].split(" ")[0])
        for hit in check_similar_stems(questions)
    ]
    assert found == _similar_pairs_brute_force(questions)

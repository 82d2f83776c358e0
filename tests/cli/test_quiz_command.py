from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import cli
from studykit.cli.quiz_session import QuizRequest, prepare_session

DATA = Path(__file__).resolve().parent.parent / "data" / "questions"
BASE = ["quiz", "--content", str(DATA / "content"), "--bank", str(DATA / "good"), "--seed", "4"]


def run(args, answers: str = ""):
    return CliRunner().invoke(cli, [*BASE, *args], input=answers)


def session(*kinds: str, count: int = 1, generated: bool = False):
    request = QuizRequest(
        kinds=kinds,
        count=count,
        seed=4,
        banks=(DATA / "good",),
        generated=generated,
        content=DATA / "content",
    )
    items, _, _ = prepare_session(request)
    return items


def wrong_answer(item) -> str:
    for candidate in (
        "A",
        "B",
        "A,B",
        "A,C",
        "B,C",
        "B A C D",
        "A B C D",
        "1a 2b 3c",
        "1b 2c 3a",
        "1c 2a 3b",
    ):
        from studykit.engine.answer_text import InvalidAnswer, parse_answer
        from studykit.questions.model import check_answer

        try:
            if not check_answer(item.question, parse_answer(item, candidate)):
                return candidate
        except InvalidAnswer:
            continue
    raise AssertionError("no wrong answer found")


@pytest.mark.parametrize("kind", ["single", "multiple", "true_false", "ordering", "matching"])
def test_right_answer_of_each_kind_scores_one(kind):
    (item,) = session(kind)
    result = run(["--kind", kind, "--count", "1", "--no-generated"], item.correct_typed + "\n")
    assert result.exit_code == 0, result.output
    assert "Right." in result.output
    assert "Score: 1 of 1 (100%)" in result.output
    assert item.question.explanation.split()[0] in result.output


@pytest.mark.parametrize("kind", ["single", "multiple", "true_false", "ordering", "matching"])
def test_wrong_answer_shows_the_correct_one_and_what_to_study(kind):
    (item,) = session(kind)
    result = run(["--kind", kind, "--count", "1", "--no-generated"], wrong_answer(item) + "\n")
    assert result.exit_code == 0, result.output
    assert f"the answer is {item.correct_typed}." in result.output
    assert "Score: 0 of 1 (0%)" in result.output
    assert f"studykit learn {item.question.concepts[0]}" in result.output


def test_invalid_answer_reprompts_with_a_hint_then_accepts_a_valid_one():
    (item,) = session("single")
    result = run(["--kind", "single", "--count", "1", "--no-generated"], f"Z\n{item.correct_typed}\n")
    assert "Not an answer: 'Z' is not one of the letters" in result.output
    assert "Score: 1 of 1" in result.output


def test_q_ends_early_with_a_summary_of_what_was_answered():
    items = session(count=3)
    result = run(["--count", "3", "--no-generated"], f"{items[0].correct_typed}\nq\n")
    assert result.exit_code == 0
    assert "Score: 1 of 1 (100%) — paused; 1 of 3 questions answered" in result.output
    assert "Quiz paused; continue it with 'studykit quiz --resume'." in result.output
    assert "Question 3 of 3" not in result.output


def test_end_of_input_ends_cleanly():
    result = run(["--count", "3", "--no-generated"], "")
    assert result.exit_code == 0
    assert "Score: 0 of 0" in result.output and "Traceback" not in result.output


def test_same_seed_gives_the_same_quiz():
    first = run(["--count", "4"], "")
    assert first.output == run(["--count", "4"], "").output
    assert "Seed 4" in first.output


def test_markup_and_escape_codes_print_literally():
    args = ["quiz", "--content", str(DATA / "content"), "--bank", str(DATA / "markup"), "--no-generated"]
    result = CliRunner().invoke(cli, args, input="A\n")
    assert "[bold red]this[/bold red]" in result.output
    assert "\\x1b[31mred\\x1b[0m" in result.output and "\x1b" not in result.output
    assert "[link=http://x]Yes[/link]" in result.output
    assert "[b]Literal[/b] output." in result.output


def test_json_output_is_one_event_per_line():
    items = session(count=2)
    result = run(["--count", "2", "--no-generated", "--json"], f"nonsense\n{items[0].correct_typed}\nq\n")
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [event["event"] for event in events] == ["question", "invalid", "feedback", "question", "summary"]
    assert events[0]["id"] == items[0].question.id and events[0]["expected"]
    assert events[2]["correct"] is True and events[2]["correct_answer"] == items[0].correct_typed
    summary = events[-1]
    assert summary["ended"] == "paused" and summary["right"] == 1 and summary["seed"] == 4


@pytest.mark.parametrize(
    ("bank", "where", "message"),
    [
        ("schema-error.yaml", ":9:5: unknown key 'optoins'", "did you mean 'options'?"),
        ("unknown-concept.yaml", ":6:", "did you mean 'continued-pre-training'?"),
        ("duplicate-ids.yaml", ":13", "already used"),
        ("two-correct.yaml", ":10:", "exactly one correct option, has 2"),
    ],
)
def test_bad_banks_are_rejected_with_file_and_line(bank, where, message):
    args = ["quiz", "--content", str(DATA / "content"), "--bank", str(DATA / "bad" / bank)]
    result = CliRunner().invoke(cli, args, input="")
    assert result.exit_code == 2
    assert f"{bank}{where}" in result.output and message in result.output
    assert "Traceback" not in result.output


def test_unknown_topic_suggests_a_concept():
    result = run(["--topic", "continued-pretraining"], "")
    assert result.exit_code == 2 and "did you mean 'continued-pre-training'?" in result.output


def test_filters_with_no_questions_explain_themselves():
    result = run(["--domain", "5"], "")
    assert result.exit_code == 2 and "no questions match" in result.output


def test_a_source_cited_in_an_explanation_reads_as_its_title(tmp_path):
    url = "https://docs.aws.amazon.com/bedrock/latest/userguide/prov-throughput.html"
    bank = (DATA / "good" / "serving.yaml").read_text(encoding="utf-8")
    bank = bank.replace(
        "explanation: Provisioned Throughput is capacity for inference.",
        f"explanation: 'Provisioned Throughput is capacity for inference. Source: {url}'",
        1,
    )
    (tmp_path / "serving.yaml").write_text(bank, encoding="utf-8")
    args = ["quiz", "--content", str(DATA / "content"), "--bank", str(tmp_path), "--no-generated"]
    result = CliRunner().invoke(
        cli, [*args, "--count", "1", "--topic", "provisioned-throughput"], input="A\n"
    )
    title = "Increase model invocation capacity with Provisioned Throughput in Amazon Bedrock"
    assert result.exit_code == 0, result.output
    assert f"Source: {title} ({url})" in " ".join(result.output.split())

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import cli
from studykit.cli.environment import Environment
from studykit.engine.review import new_card
from studykit.store import (
    AnswerRecord,
    all_answers,
    default_store_path,
    open_store,
    record_answer,
    record_exam,
    save_card,
    start_session,
)

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
ENV = Environment(now=lambda: NOW)


def _run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), obj=ENV, input=input)


@pytest.fixture
def history() -> None:
    """Three quizzes of ten answers, getting better, and one exam."""
    with open_store() as store:
        for number in range(3):
            started = NOW - timedelta(days=3 - number)
            ids = [f"s{number}-{i}" for i in range(10)]
            session = start_session(store, "quiz", ids, started)
            for i, qid in enumerate(ids):
                concept = ("fine-tuning", "provisioned-throughput")[i % 2]
                right = i < 4 + 2 * number
                record_answer(
                    store, session.id, AnswerRecord(qid, '{"chosen": [0]}', right, 20, 3, (concept,)), started
                )
        exam = start_session(store, "exam", ["e1"], NOW - timedelta(hours=2))
        record_exam(store, exam.id, correct=47, total=65, scaled_score=725, passed=True, domains=[], now=NOW)
        save_card(store, new_card("s0-1", NOW - timedelta(days=1), 3, ("provisioned-throughput",)), NOW)


def test_empty_progress_says_how_to_start() -> None:
    result = _run("progress")
    assert result.exit_code == 0
    assert "No answers yet" in result.output


def test_page_shows_domains_trend_exams_reviews_weakest_and_readiness(history) -> None:
    result = _run("progress")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Progress: 30 answers, 60 % right" in out
    assert "3 Applications of Foundation Models" in out
    assert "Fine-tuning a foundation model" in out  # concept titles from the shipped content
    trend = [line.split()[2] for line in out.splitlines() if re.match(r"^  \d\d-\d\d \d\d:\d\d ", line)]
    assert trend == ["quiz", "quiz", "quiz", "exam"] and "scaled 725" in out
    assert ["2026-11-20", "725", "PASS", "47/65"] in [line.split() for line in out.splitlines()]
    assert "1 due now" in out and "studykit review" in out
    lines = out.splitlines()
    assert "     studykit learn fine-tuning" in lines  # each command whole on its own line
    assert "     studykit quiz --topic fine-tuning" in lines
    assert "Predicted scaled score" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_json_is_the_report_as_data(history) -> None:
    result = _run("progress", "--json")
    data = json.loads(result.output)
    assert data["answered"] == 30
    assert [d["domain"] for d in data["domains"]] == [3]
    assert data["exams"][0]["scaled_score"] == 725
    assert data["due_reviews"]["now"] == 1
    assert data["readiness"]["range_90"][0] <= data["readiness"]["predicted_scaled_score"]


def test_export_json_and_csv_never_clobber_without_force(history, tmp_path: Path) -> None:
    target = tmp_path / "progress.json"
    assert _run("progress", "--export", str(target)).exit_code == 0
    assert len(json.loads(target.read_text())["answers"]) == 30
    again = _run("progress", "--export", str(target))
    assert again.exit_code == 2 and "already exists" in again.output
    sheet = tmp_path / "answers.csv"
    assert _run("progress", "--export", str(sheet)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(sheet.read_text())))
    assert len(rows) == 30 and rows[0]["kind"] == "quiz"
    sheet.write_text("old")
    assert _run("progress", "--export", str(sheet), "--force").exit_code == 0
    assert sheet.read_text().startswith("answered_at,")


def test_export_format_comes_from_the_name_or_format_and_unknown_names_are_refused(
    history, tmp_path: Path
) -> None:
    unknown = tmp_path / "progress.xlsx"
    refused = _run("progress", "--export", str(unknown))
    assert refused.exit_code == 2 and not unknown.exists()
    assert "cannot tell the export format from the file name" in refused.output
    assert "--format csv" in refused.output
    assert _run("progress", "--export", str(unknown), "--format", "csv").exit_code == 0
    assert unknown.read_text().startswith("answered_at,")
    piped = _run("progress", "--export", "-", "--format", "csv")
    assert piped.exit_code == 0 and len(piped.stdout.splitlines()) == 31
    assert json.loads(_run("progress", "--export", "-").stdout)["answered"] == 30


def test_reset_asks_first_and_keeps_everything_on_no(history) -> None:
    refused = _run("progress", "--reset", input="n\n")
    assert refused.exit_code == 1
    assert "This deletes all your progress: 30 answers, 1 exam and 1 review card." in refused.output
    prompt = next(line for line in refused.output.splitlines() if line.startswith("Delete it all?"))
    assert str(default_store_path()) not in prompt and not any(char.isdigit() for char in prompt)
    assert "Nothing was deleted." in refused.output
    ended = _run("progress", "--reset", input="")
    assert ended.exit_code == 1 and "Nothing was deleted." in ended.output
    with open_store() as store:
        assert len(all_answers(store)) == 30
    accepted = _run("progress", "--reset", input="y\n")
    assert accepted.exit_code == 0 and "Deleted 30 answers" in accepted.output
    with open_store() as store:
        assert all_answers(store) == []


def test_reset_question_wraps_between_words_on_a_narrow_terminal(history) -> None:
    narrow = CliRunner().invoke(cli, ["progress", "--reset"], obj=ENV, input="n\n", env={"COLUMNS": "24"})
    message = "This deletes all your progress: 30 answers, 1 exam and 1 review card."
    lines = narrow.output.split("Progress file:")[0].splitlines()
    assert all(len(line) <= 24 for line in lines)
    assert " ".join(lines) == message  # every number and word whole on its line


def test_reset_with_yes_does_not_ask(history) -> None:
    result = _run("progress", "--reset", "--yes")
    assert result.exit_code == 0 and "Delete it all?" not in result.output


def test_damaged_progress_file_is_reported_and_moved_aside() -> None:
    path = default_store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00\x01garbage" * 100)
    result = CliRunner().invoke(cli, ["progress"], obj=ENV)
    assert result.exit_code == 0
    assert "is not a studykit progress file; moved it to progress.sqlite3.foreign-" in result.stderr
    assert any(p.name.startswith("progress.sqlite3.foreign-") for p in path.parent.iterdir())

"""``studykit bank analyze`` on exports that learners made with ``studykit progress --export``."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data" / "questions"
CONTENT = str(DATA / "content")
OPTIONS = [
    "Continued pre-training",
    "Instruction-based fine-tuning",
    "Prompt engineering",
    "Provisioned Throughput",
]


def _one_question_bank(folder: Path) -> Path:
    lines = (DATA / "good" / "customization.yaml").read_text(encoding="utf-8").splitlines()[:21]
    bank = folder / "one.yaml"
    bank.write_text("\n".join(["bank: one", *lines[1:]]) + "\n", encoding="utf-8")
    return bank


def _learner(folder: Path, bank: Path, seed: int, pick: str) -> Path:
    """A learner who answers the one question by picking the option with text ``pick``; their export."""
    args = [
        "quiz",
        "--count",
        "1",
        "--seed",
        str(seed),
        "--no-generated",
        "--bank",
        str(bank),
        "--content",
        CONTENT,
    ]
    preview = CliRunner(env={"STUDYKIT_HOME": str(folder / f"preview-{seed}")}).invoke(cli, args, input="q\n")
    letters = dict(re.findall(r"^  ([A-D])\. (.+)$", preview.output, re.MULTILINE))
    letter = next(key for key, text in letters.items() if text == pick)
    runner = CliRunner(env={"STUDYKIT_HOME": str(folder / f"home-{seed}")})
    answered = runner.invoke(cli, args, input=f"{letter}\n")
    assert answered.exit_code == 0, answered.output
    export = folder / f"learner-{seed}.json"
    result = runner.invoke(cli, ["progress", "--export", str(export)])
    assert result.exit_code == 0, result.output
    return export


def test_the_export_records_the_option_in_the_banks_own_order_whatever_was_shown(tmp_path):
    bank = _one_question_bank(tmp_path)
    for seed in (1, 2, 6):  # three different display orders
        export = _learner(tmp_path, bank, seed, "Provisioned Throughput")
        data = json.loads(export.read_text(encoding="utf-8"))
        (answer,) = data["answers"]
        assert answer["answer"] == {"chosen": [OPTIONS.index("Provisioned Throughput")]}
        assert re.fullmatch(r"[0-9a-f]{16}", data["learner"])


def test_analyze_counts_several_learners_once_each_and_names_none(tmp_path):
    bank = _one_question_bank(tmp_path)
    picks = [
        "Continued pre-training",
        "Continued pre-training",
        "Provisioned Throughput",
        "Prompt engineering",
    ]
    exports = [_learner(tmp_path, bank, seed, pick) for seed, pick in zip((1, 2, 6, 7), picks, strict=True)]
    args = ["bank", "analyze", "--bank", str(bank), "--no-generated", "--content", CONTENT]
    result = CliRunner().invoke(cli, [*args, *map(str, exports), str(exports[0])])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "Item analysis: 4 learner(s), 4 first answer(s) to 1 question(s); 1 repeated export(s) counted once."
    )
    row = next(line for line in lines if line.startswith("cpt-unlabeled-wikis"))
    assert row.split()[1:3] == ["4", "50%"]
    assert "    A 2*  B 0  C 1  D 1" in lines
    for export in exports:
        learner = json.loads(export.read_text(encoding="utf-8"))["learner"]
        assert learner not in result.output


def test_json_and_github_formats(tmp_path):
    bank = _one_question_bank(tmp_path)
    exports = [_learner(tmp_path, bank, seed, OPTIONS[1]) for seed in (1, 2, 6, 7, 8)]
    args = [
        "bank",
        "analyze",
        "--bank",
        str(bank),
        "--no-generated",
        "--content",
        CONTENT,
        *map(str, exports),
    ]
    data = json.loads(CliRunner().invoke(cli, [*args, "--json"]).output)
    (question,) = data["questions"]
    assert (question["answered"], question["right"], question["choices"]) == (5, 0, [0, 5, 0, 0])
    assert question["flags"] == ["too-hard", "unused-distractor"]
    assert data["learners"] == 5 and data["domains"][0]["domain"] == "3"
    github = CliRunner().invoke(cli, [*args, "--format", "github"]).output.splitlines()
    assert github[0].startswith(f"::notice file={bank},line=4,title=too-hard::cpt-unlabeled-wikis: facility")
    assert len(github) == 2


def test_a_file_that_is_not_an_export_is_one_line_exit_two(tmp_path):
    bogus = tmp_path / "notes.json"
    bogus.write_text('{"title": "my notes"}', encoding="utf-8")
    result = CliRunner().invoke(cli, ["bank", "analyze", str(bogus)])
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {bogus}: no 'answers' list: not a progress export — ")

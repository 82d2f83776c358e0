"""``studykit bank import`` through the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli
from studykit.concepts import load_concepts
from studykit.questions.bank import load_bank

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"
CONTENT = str(DATA / "questions" / "content")
MOODLE = str(DATA / "export" / "moodle.gift")


def _run(*args: str):
    return CliRunner().invoke(cli, ["bank", *args])


def test_export_then_import_gives_back_a_bank_that_lints_clean(tmp_path):
    gift = tmp_path / "tricky.gift"
    tricky = str(DATA / "export" / "tricky.yaml")
    assert _run("export", "--to", "gift", "--out", str(gift), "--content", CONTENT, tricky).exit_code == 0
    target = tmp_path / "tricky.yaml"
    result = _run("import", str(gift), "--out", str(target), "--content", CONTENT)
    assert result.exit_code == 0, result.output
    assert f"Wrote 5 question(s) to {target}. Check it with: studykit bank lint {target}" in result.stderr
    concepts = load_concepts(Path(CONTENT))
    assert load_bank(target, concepts).questions == load_bank(tricky, concepts).questions
    lint = _run("lint", "--content", CONTENT, str(target))
    assert lint.exit_code == 0, lint.output


def test_import_prints_yaml_and_notes_apart(tmp_path):
    result = _run("import", MOODLE, "--content", CONTENT)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# yaml-language-server: $schema=")
    assert "bank: moodle\n" in result.stdout
    assert "Note: line 14: an essay question was skipped" in result.stderr
    assert "Note:" not in result.stdout


def test_import_refuses_to_replace_a_bank_without_force(tmp_path):
    target = tmp_path / "week.yaml"
    target.write_text("mine", encoding="utf-8")
    result = _run("import", MOODLE, "--out", str(target), "--content", CONTENT)
    assert result.exit_code == 2
    assert "already exists — use --force" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    forced = _run("import", MOODLE, "--out", str(target), "--force", "--content", CONTENT)
    assert forced.exit_code == 0
    assert "bank: week\n" in target.read_text(encoding="utf-8")


def test_malformed_gift_is_one_line_with_file_line_and_fix(tmp_path):
    broken = tmp_path / "broken.gift"
    broken.write_text("::q::Which one?{\n=a#x\n~b\n", encoding="utf-8")
    result = _run("import", str(broken), "--content", CONTENT, "--concept", "fine-tuning")
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"Error: {broken}:1: '{{' has no closing '}}' — close the answers with '}}' ('\\{{' is a brace)\n"
    )


def test_concept_option_fills_questions_without_one(tmp_path):
    gift = tmp_path / "plain.gift"
    gift.write_text(
        "::q::Which method trains on raw text?{=Continued pre-training#It reads raw text."
        "~Prompt engineering#It trains nothing.~Distillation#It copies a teacher.####Raw text.}\n",
        encoding="utf-8",
    )
    without = _run("import", str(gift), "--content", CONTENT)
    assert without.exit_code == 0
    assert "1 question(s) without a concept (no-concept)" in without.stderr
    assert "concepts:" not in without.stdout
    result = _run("import", str(gift), "--content", CONTENT, "--concept", "continued-pre-training")
    assert result.exit_code == 0, result.output
    assert "concepts: [continued-pre-training]" in result.stdout


def test_a_binary_file_is_refused_with_its_name(tmp_path):
    binary = tmp_path / "deck.gift"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04")
    result = _run("import", str(binary), "--content", CONTENT)
    assert result.exit_code == 2
    assert str(binary) in result.stderr
    assert "Traceback" not in result.output


def test_title_option_names_the_bank():
    result = _run("import", MOODLE, "--content", CONTENT, "--title", "Week 3: customization")
    assert result.exit_code == 0, result.output
    assert "title: 'Week 3: customization'\n" in result.stdout


def test_moodles_example_constructs_import_and_lint_with_warnings_only(tmp_path):
    target = tmp_path / "constructs.yaml"
    source = str(DATA / "export" / "moodle-constructs.gift")
    result = _run("import", source, "--out", str(target), "--content", CONTENT)
    assert result.exit_code == 0, result.output
    assert f"To finish (studykit bank lint {target} shows where):" in result.stderr
    assert "question(s) without an explanation (missing-why)" in result.stderr
    lint = _run("lint", "--content", CONTENT, str(target))
    assert lint.exit_code == 0, lint.output
    assert lint.output.splitlines()[-1].startswith("0 errors, ")
    assert _run("lint", "--strict", "--content", CONTENT, str(target)).exit_code == 1


def test_every_problem_is_one_line_and_nothing_is_written(tmp_path):
    broken = tmp_path / "broken.gift"
    broken.write_text("::a::One {=x ~y ~z\n\n::b::Two {~x ~y ~z}\n\n::c::Fine {=x ~y ~z}\n", encoding="utf-8")
    target = tmp_path / "broken.yaml"
    result = _run("import", str(broken), "--out", str(target), "--content", CONTENT)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {broken}:1: '{{' has no closing '}}' — close the answers with '}}' ('\\{{' is a brace)",
        f"Error: {broken}:3: question 'b': no answer earns marks — mark the right answer with '=', "
        "or give each right answer a share such as '~%50%'",
        f"2 problems in {broken}; nothing was written. Fix them and import again.",
    ]
    assert not target.exists()

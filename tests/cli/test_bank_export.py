"""``studykit bank export`` through the command line."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli
from tests.cli.usage_error import assert_usage_error

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT / "tests" / "data"
CONTENT = str(DATA / "questions" / "content")
TRICKY = str(DATA / "export" / "tricky.yaml")


def _run(*args: str):
    return CliRunner().invoke(cli, ["bank", "export", *args])


def test_gift_goes_to_standard_output_by_default():
    result = _run("--to", "gift", "--content", CONTENT, TRICKY)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("// studykit bank: ")
    assert result.stdout.count("::tricky-") == 5


def test_export_writes_the_file_and_refuses_to_replace_it_without_force(tmp_path):
    target = tmp_path / "bank.md"
    first = _run("--to", "markdown", "--out", str(target), "--content", CONTENT, TRICKY)
    assert first.exit_code == 0, first.output
    assert "Wrote 5 question(s) from 1 bank(s)" in first.stderr
    target.write_text("edited by hand", encoding="utf-8")
    second = _run("--to", "markdown", "--out", str(target), "--content", CONTENT, TRICKY)
    assert second.exit_code == 2
    assert "already exists — use --force" in second.stderr
    assert target.read_text(encoding="utf-8") == "edited by hand"
    third = _run("--to", "markdown", "--out", str(target), "--force", "--content", CONTENT, TRICKY)
    assert third.exit_code == 0
    assert "# Answer key" in target.read_text(encoding="utf-8")


def test_anki_export_of_the_shipped_banks_is_a_deck_package(tmp_path):
    target = tmp_path / "studykit.apkg"
    result = _run("--to", "anki", "--out", str(target))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as archive:
        assert "collection.anki2" in archive.namelist()


def test_json_export_lists_every_bank(tmp_path):
    result = _run("--to", "json", "--content", CONTENT, TRICKY, str(DATA / "questions" / "good"))
    assert result.exit_code == 0, result.output
    assert [bank["bank"] for bank in json.loads(result.stdout)["banks"]] == [
        "tricky",
        "customization",
        "serving",
    ]


def test_a_broken_bank_stops_the_export_with_its_location(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("bank: broken\ntitle: Broken\nquestions: []\n", encoding="utf-8")
    result = _run("--to", "gift", "--out", str(tmp_path / "out.gift"), str(broken))
    assert result.exit_code == 2
    assert "broken.yaml:3" in result.stderr
    assert not (tmp_path / "out.gift").exists()


def test_an_unknown_format_is_a_usage_error():
    assert_usage_error(_run("--to", "pdf"), "--to", "'pdf'")


def test_a_suffix_that_does_not_fit_the_format_gets_a_note(tmp_path):
    result = _run("--to", "gift", "--out", str(tmp_path / "bank.txt"), "--content", CONTENT, TRICKY)
    assert result.exit_code == 0
    assert "gift files usually end in .gift" in result.stderr


def test_anki_deck_can_be_piped_to_another_program():
    result = _run("--to", "anki", "--content", CONTENT, TRICKY)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(io.BytesIO(result.stdout_bytes)) as archive:
        assert "collection.anki2" in archive.namelist()


def test_moodle_xml_export_imports_back_through_the_command_line(tmp_path):
    from studykit.concepts import load_concepts
    from studykit.questions.bank import load_bank

    tricky = Path(__file__).resolve().parent.parent / "data" / "export" / "tricky.yaml"
    content = str(Path(__file__).resolve().parent.parent / "data" / "questions" / "content")
    xml = tmp_path / "tricky.xml"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["bank", "export", "--to", "moodle-xml", "--out", str(xml), "--content", content, str(tricky)]
    )
    assert result.exit_code == 0, result.output
    assert xml.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    target = tmp_path / "tricky.yaml"
    back = runner.invoke(cli, ["bank", "import", str(xml), "--out", str(target), "--content", content])
    assert back.exit_code == 0, back.output
    concepts = load_concepts(Path(content))
    assert load_bank(target, concepts).questions == load_bank(tricky, concepts).questions

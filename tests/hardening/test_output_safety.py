"""Every command that writes a file: no overwrite without --force, ``-`` is stdout, ``| head`` is quiet.

The broken-pipe cases run as real processes whose stdout pipe is closed before they
write a byte, which is what ``studykit … | head -1`` does to a long output.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from studykit.cli import cli
from tests.hardening.process import ROOT, studykit_env

BANK = ROOT / "tests" / "data" / "exam"
GIFT = ROOT / "tests" / "data" / "export" / "moodle.gift"
PRECIOUS = "precious: not to be lost\n"

# name -> arguments, with OUT where the output file goes.
WRITERS = {
    "bank new": ["bank", "new", "OUT"],
    "bank schema": ["bank", "schema", "--out", "OUT"],
    "bank export json": ["bank", "export", str(BANK), "--to", "json", "--out", "OUT"],
    "bank export anki": ["bank", "export", str(BANK), "--to", "anki", "--out", "OUT"],
    "bank import": ["bank", "import", str(GIFT), "--concept", "fine-tuning", "--out", "OUT"],
    "dataset generate": ["dataset", "generate", "prompt-completion", "--count", "5", "--out", "OUT"],
    "dataset convert": ["dataset", "convert", "IN", "--to", "openai-chat", "--out", "OUT"],
    "progress export json": ["progress", "--export", "OUT"],
    "progress export csv": ["progress", "--export", "OUT"],
}
SUFFIX = {
    "bank new": ".yaml",
    "bank import": ".yaml",
    "bank export anki": ".apkg",
    "progress export csv": ".csv",
}
RECORD = '{"prompt": "What is Amazon Bedrock?", "completion": "A managed service for foundation models."}\n'


def arguments(name: str, folder: Path, out: str) -> list[str]:
    source = folder / "in.jsonl"
    source.write_text(RECORD * 3)
    return [out if arg == "OUT" else str(source) if arg == "IN" else arg for arg in WRITERS[name]]


def invoke(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def target(name: str, folder: Path) -> Path:
    return folder / f"out{SUFFIX.get(name, '.json')}"


@pytest.mark.parametrize("name", list(WRITERS))
def test_an_existing_file_is_kept_without_force(name: str, tmp_path: Path) -> None:
    out = target(name, tmp_path)
    out.write_text(PRECIOUS)
    result = invoke(arguments(name, tmp_path, str(out)))
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {out}: already exists — use --force to replace it\n"
    assert out.read_text() == PRECIOUS
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.jsonl", out.name]


@pytest.mark.parametrize("name", list(WRITERS))
def test_force_replaces_the_file_whole(name: str, tmp_path: Path) -> None:
    out = target(name, tmp_path)
    out.write_text(PRECIOUS)
    result = invoke([*arguments(name, tmp_path, str(out)), "--force"])
    assert result.exit_code == 0, result.output
    assert PRECIOUS.encode() not in out.read_bytes() and out.stat().st_size > 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.jsonl", out.name]


@pytest.mark.parametrize("name", list(WRITERS))
def test_dash_writes_to_stdout_and_no_file(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(arguments(name, tmp_path, "-"))
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.jsonl"]


def test_generate_with_an_existing_twin_writes_neither_file(tmp_path: Path) -> None:
    out, twin = tmp_path / "train.jsonl", tmp_path / "train.validation.jsonl"
    twin.write_text(PRECIOUS)
    args = ["dataset", "generate", "prompt-completion", "--count", "10", "--validation-split", "0.2"]
    result = invoke([*args, "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {twin}: already exists — use --force to replace it\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == [twin.name]
    assert twin.read_text() == PRECIOUS


PIPED = {
    "topics": ["topics"],
    "learn": ["learn", "continued-pre-training"],
    "compare": ["compare", "--preset", "fine-tuning-types"],
    "bank lint": ["bank", "lint", "--list-rules"],
    "bank coverage": ["bank", "coverage"],
    "bank schema": ["bank", "schema"],
    "bank export": ["bank", "export", str(BANK), "--to", "markdown"],
    "bank import": ["bank", "import", str(GIFT), "--concept", "fine-tuning"],
    "dataset formats": ["dataset", "formats"],
    "dataset generate": [
        "dataset",
        "generate",
        "prompt-completion",
        "--count",
        "20000",
        "--allow-duplicates",
        "--out",
        "-",
    ],
    "dataset convert": ["dataset", "convert", "IN", "--to", "openai-chat", "--out", "-"],
    "dataset validate": ["dataset", "validate", "IN"],
    "dataset stats": ["dataset", "stats", "IN"],
    "progress": ["progress", "--export", "-"],
}


@pytest.fixture(scope="module")
def piped(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str]]:
    """Run every command at once, each with its stdout pipe closed before it starts."""
    folder = tmp_path_factory.mktemp("piped")
    source = folder / "in.jsonl"
    source.write_text((RECORD + '{"prompt": NaN}\n') * 2000)  # findings for validate, records for the rest
    env = studykit_env(folder / "home")
    running = {}
    for name, args in PIPED.items():
        command = [sys.executable, "-m", "studykit", *[str(source) if arg == "IN" else arg for arg in args]]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        process.stdout.close()  # type: ignore[union-attr]
        running[name] = process
    results = {}
    for name, process in running.items():
        _, stderr = process.communicate(timeout=120)
        results[name] = (process.returncode, stderr.decode("utf-8", "replace"))
    return results


@pytest.mark.parametrize("name", list(PIPED))
def test_a_closed_pipe_ends_the_command_quietly(name: str, piped: dict[str, tuple[int, str]]) -> None:
    code, stderr = piped[name]
    assert code == 0, stderr
    for noise in ("Traceback", "Exception ignored", "BrokenPipe", "Broken pipe", "Errno 32"):
        assert noise not in stderr

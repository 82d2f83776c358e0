"""Shell completion for bash, zsh and fish: commands, options, concept ids, presets and bank paths."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete
from click.testing import CliRunner

from studykit.cli import cli

REPO = Path(__file__).resolve().parents[2]


def complete(args: list[str], incomplete: str) -> list[tuple[str, str]]:
    completer = ShellComplete(cli, {}, "studykit", "_STUDYKIT_COMPLETE")
    return [(item.type, item.value) for item in completer.get_completions(args, incomplete)]


def values(args: list[str], incomplete: str) -> list[str]:
    return [value for _, value in complete(args, incomplete)]


def test_commands_and_subcommands_complete() -> None:
    assert values([], "st") == ["study"]
    assert {"exam", "learn", "quiz", "review", "progress", "completion"} <= set(values([], ""))
    assert values(["exam"], "s") == ["show"]
    assert values(["bank"], "li") == ["lint"]


def test_options_complete() -> None:
    assert values(["quiz"], "--fl") == ["--flagged"]
    assert set(values(["exam"], "--h")) == {"--history", "--help"}
    assert "--no-pager" in values(["learn"], "--no")


def test_concept_ids_and_presets_complete() -> None:
    assert "fine-tuning" in values(["learn"], "fine-")
    assert values(["quiz", "--topic"], "distil") == ["distillation"]
    assert values(["review", "--topic"], "distil") == ["distillation"]
    assert "continued-pre-training" in values(["compare", "fine-tuning"], "continued")
    assert values(["compare", "--preset"], "transfer") == ["transfer-vs-fine-tuning"]


def test_concept_ids_come_from_content_when_given() -> None:
    content = REPO / "tests" / "data" / "concepts" / "valid"
    ids = values(["learn", "--content", str(content)], "")
    assert ids and set(ids) < set(values(["learn"], ""))


def test_bank_paths_are_completed_by_the_shell_as_files() -> None:
    assert complete(["quiz", "--bank"], "tests/da") == [("file", "tests/da")]
    assert complete(["exam", "show", "--bank"], "") == [("file", "")]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_each_shells_script(shell: str) -> None:
    result = CliRunner().invoke(cli, ["completion", shell])
    assert result.exit_code == 0
    assert "_STUDYKIT_COMPLETE" in result.output and "studykit" in result.output


def test_an_unknown_shell_is_a_usage_error() -> None:
    assert CliRunner().invoke(cli, ["completion", "tcsh"]).exit_code == 2


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.skipif(
    shutil.which("studykit", path=str(Path(sys.executable).parent)) is None,
    reason="the studykit command is not installed beside this Python",
)
def test_bash_completes_through_the_installed_command() -> None:
    script = 'eval "$(studykit completion bash)"\n' + "".join(
        f"COMP_WORDS=({words}); COMP_CWORD={cword}; COMPREPLY=(); _studykit_completion studykit;"
        f' echo "${{COMPREPLY[*]}}"\n'
        for words, cword in (("studykit st", 1), ("studykit learn distil", 2), ("studykit quiz --to", 2))
    )
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["study", "distillation", "--topic"]

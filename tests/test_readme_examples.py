"""The README's dataset examples are real output: each is run again and must print what it shows.

The dataset workbench needs no answers and no clock (``--seed`` where it draws) and lays out its
own text (the standard library's textwrap, not Rich's layout, which is a dependency's to change),
so its transcripts in the README are checked line by line; a ``[…]`` line stands for any lines
left out. When the content grows, the figures change and this test lists the examples to update.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
ELISION = "[…]"
CHECKED = "studykit dataset "
"""Commands whose output depends only on their arguments, the shipped content and studykit."""
SHELL = re.compile(r"[|<>;&$`]")


def checked_transcripts() -> list[list[tuple[str, list[str]]]]:
    """Each README block made only of :data:`CHECKED` commands, as (command, output lines)."""
    transcripts = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", README, flags=re.DOTALL):
        steps: list[tuple[str, list[str]]] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
        if steps and all(command.startswith(CHECKED) and not SHELL.search(command) for command, _ in steps):
            transcripts.append(steps)
    return transcripts


def shown_matches(shown: list[str], printed: list[str]) -> bool:
    """True when ``printed`` is ``shown`` with each ``[…]`` line standing for zero or more lines."""
    if not shown:
        return not printed
    if shown[0] == ELISION:
        return any(shown_matches(shown[1:], printed[start:]) for start in range(len(printed) + 1))
    return bool(printed) and printed[0] == shown[0] and shown_matches(shown[1:], printed[1:])


def test_the_readme_has_transcripts_of_each_kind_to_check():
    commands = [command for steps in checked_transcripts() for command, _ in steps]
    for kind in ("formats", "generate", "validate", "stats", "cost"):
        assert any(command.startswith(f"studykit dataset {kind}") for command in commands), kind


def test_every_checked_transcript_in_the_readme_is_what_the_command_prints(tmp_path, monkeypatch):
    # One folder for all the blocks, in order: later examples read the files earlier ones wrote.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    runner = CliRunner(env={"COLUMNS": "80"})
    stale = []
    for steps in checked_transcripts():
        for command, shown in steps:
            result = runner.invoke(cli, shlex.split(command)[1:])
            printed = result.output.rstrip("\n").splitlines()
            if not shown_matches([line.rstrip() for line in shown], [line.rstrip() for line in printed]):
                stale.append(f"$ {command}\n" + "\n".join(printed))
    if stale:
        pytest.fail("README examples that no longer match; they now print:\n\n" + "\n\n".join(stale))

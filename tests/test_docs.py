"""The README keeps up with the code: every command is documented, and the test command is CI's."""

import importlib
import re
from pathlib import Path

import click
import pytest

from studykit.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def registered_commands():
    """'learn', 'dataset validate', …: every command and every subcommand of a group."""
    names = []
    for name, target in COMMANDS.items():
        module_name, attribute = target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        names.append(name)
        if isinstance(command, click.Group):
            context = click.Context(command, info_name=name, parent=click.Context(cli, info_name="studykit"))
            names += [f"{name} {sub}" for sub in command.list_commands(context)]
    return names


def setup_section():
    start = README.index("## Set-up")
    end = README.index("\n## ", start + 1)
    return README[start:end]


def code_blocks(text):
    return [block.strip() for block in re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.DOTALL)]


@pytest.mark.parametrize("command", registered_commands())
def test_every_registered_command_is_shown_in_the_readme(command):
    assert f"studykit {command}" in README, f"README.md does not mention 'studykit {command}'"


def test_setup_is_exactly_two_commands_install_and_start_then_tests():
    blocks = code_blocks(setup_section())
    assert len(blocks) == 2
    assert all("\n" not in block for block in blocks)
    install, tests = blocks
    assert install.startswith("python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/studykit ")
    script = (ROOT / tests.removeprefix("bash ")).read_text(encoding="utf-8")
    assert "/bin/pytest" in script and "/bin/ruff" in script and "--resolution lowest-direct" in script


def test_readme_test_command_is_the_one_ci_runs():
    ci_commands = [line for line in CI_RUN.splitlines() if line and not line.startswith(("#", "set ", "cd "))]
    assert len(ci_commands) == 1, ".ci/run should run one test command line"
    assert code_blocks(setup_section())[1] == ci_commands[0]


def lower_bounds():
    """{'click': '8.2', …}: every dependency and extra in pyproject.toml with its lowest version."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    project = text[text.index("[project]") : text.index("[project.scripts]")]
    return dict(re.findall(r'^\s*"([A-Za-z0-9_.-]+)>=([0-9.]+)",?$', project, flags=re.MULTILINE))


def test_readme_names_the_lowest_checked_version_of_every_dependency():
    bounds = lower_bounds()
    assert {"click", "fsrs", "pyyaml", "rich", "pytest", "ruff"} <= bounds.keys()
    rows = dict(re.findall(r"^\| ([a-z]+)(?: \([a-z]+\))? \| ([0-9.]+) \|", README, flags=re.MULTILINE))
    assert rows == bounds


def readme_examples():
    """Each ``$ studykit …`` line of the README's examples, up to a pipe, redirection or comment."""
    lines = re.findall(r"^\$ studykit (.*)$", README, flags=re.MULTILINE)
    return [re.split(r"\s[|>;#]", line)[0].split() for line in lines]


def _command_of(words):
    """The command an example runs (walking into groups) and the words given to it."""
    command, context = cli, click.Context(cli, info_name="studykit")
    while isinstance(command, click.Group) and words and not words[0].startswith("-"):
        name, command, words = command.resolve_command(context, words)
        context = click.Context(command, info_name=name, parent=context)
    return command, words


@pytest.mark.parametrize("words", readme_examples(), ids=" ".join)
def test_every_option_in_a_readme_example_exists(words):
    command, given = _command_of(words)
    known = {"--help", "-h"}
    for param in command.params:
        known.update(getattr(param, "opts", ()), getattr(param, "secondary_opts", ()))
    options = [word.split("=")[0] for word in given if word.startswith("-") and word != "-"]
    unknown = [option for option in options if option not in known]
    assert not unknown, f"README example 'studykit {' '.join(words)}' uses {unknown}, which the command lacks"

"""``studykit completion bash|zsh|fish``: the script that makes a shell complete studykit's
commands, options, concept ids, preset names and bank paths.

The script is click's: it calls ``studykit`` back with ``_STUDYKIT_COMPLETE`` set, so completions
always match the installed version. The README says where to put it for each shell.
"""

from __future__ import annotations

import click

SHELLS = ("bash", "zsh", "fish")
INSTALL = {
    "bash": 'eval "$(studykit completion bash)"   # in ~/.bashrc',
    "zsh": 'eval "$(studykit completion zsh)"    # in ~/.zshrc',
    "fish": "studykit completion fish > ~/.config/fish/completions/studykit.fish",
}


@click.command()
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the shell completion script for SHELL (bash, zsh or fish).

    \b
    bash:  eval "$(studykit completion bash)"   in ~/.bashrc
    zsh:   eval "$(studykit completion zsh)"    in ~/.zshrc
    fish:  studykit completion fish > ~/.config/fish/completions/studykit.fish
    """
    click.echo(completion_script(shell), nl=False)


def completion_script(shell: str) -> str:
    """The completion script for ``shell``, for the ``studykit`` command."""
    from click.shell_completion import get_completion_class

    from studykit.cli import cli

    complete = get_completion_class(shell)
    if complete is None:  # pragma: no cover - click knows all three
        raise click.UsageError(f"no completion for {shell}")
    script = complete(cli, {}, "studykit", "_STUDYKIT_COMPLETE").source()
    return script if script.endswith("\n") else script + "\n"

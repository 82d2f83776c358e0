"""The ``studykit`` command: a root group whose subcommands are imported only when used.

Start-up stays fast because ``studykit --help`` imports click alone; each command
module is loaded when it runs. Library errors become one line and an exit code here.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import IO

import click

from studykit import __version__
from studykit.errors import StudykitError

# name -> "module:attribute"; keep in alphabetical order.
COMMANDS: dict[str, str] = {
    "bank": "studykit.cli.bank:bank",
    "compare": "studykit.cli.learn:compare",
    "completion": "studykit.cli.completion:completion",
    "dataset": "studykit.cli.dataset:dataset",
    "exam": "studykit.cli.exam:exam",
    "learn": "studykit.cli.learn:learn",
    "progress": "studykit.cli.progress:progress",
    "quiz": "studykit.cli.quiz:quiz",
    "review": "studykit.cli.review:review",
    "study": "studykit.cli.study:study",
    "topics": "studykit.cli.learn:topics",
}

SHORT_HELP: dict[str, str] = {
    "bank": "Lint, measure, export and import question banks.",
    "compare": "Compare concepts side by side.",
    "completion": "Print the shell completion script for bash, zsh or fish.",
    "dataset": "Generate, validate, measure and convert Bedrock training data.",
    "exam": "Sit a timed practice exam shaped like AIF-C01.",
    "learn": "Read the note on one concept.",
    "progress": "Your accuracy, trend, exams, due reviews and readiness.",
    "quiz": "Practise with exam-style questions.",
    "review": "Review the questions that are due (spaced repetition).",
    "study": "Today's session: due reviews, then new questions, sized to your time.",
    "topics": "List the concepts, grouped by exam domain.",
}


class UserFacingError(click.ClickException):
    """A :class:`StudykitError` on its way to the terminal."""

    def __init__(self, error: StudykitError) -> None:
        super().__init__(error.format())
        self.exit_code = error.exit_code

    def show(self, file: IO[str] | None = None) -> None:
        """One line in studykit's own words; click's "Error: " prefix is translatable, this one is not."""
        click.echo(f"Error: {self.format_message()}", file=file, err=file is None)


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when that subcommand runs."""

    def __init__(self, *args: object, lazy: dict[str, str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module_name, attribute = self.lazy[cmd_name].split(":")
            return getattr(importlib.import_module(module_name), attribute)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SHORT_HELP.get(name, "")) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except StudykitError as error:
            raise UserFacingError(error) from None
        except BrokenPipeError:
            _quiet_broken_pipe()
        except click.Abort as abort:
            if not isinstance(abort.__context__, KeyboardInterrupt):
                raise
            _interrupted(ctx, abort.__context__)
        except KeyboardInterrupt as interrupt:
            _interrupted(ctx, interrupt)
        except Exception as error:
            failure = _outside_failure(error)
            if failure is None:
                raise
            raise UserFacingError(failure) from None
        return None


def _outside_failure(error: Exception) -> StudykitError | None:
    """An error from the world around the data (disk, streams, progress file) as one line; else None."""
    if isinstance(error, OSError):
        from studykit.io_errors import io_failure

        where = error.filename if isinstance(error.filename, str) else None
        return io_failure(where or "", error, "cannot read or write")
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(error, sqlite3.Error):
        from studykit.store import default_store_path
        from studykit.store.failures import Failure, failure_of, unavailable

        if failure_of(error) is not Failure.OTHER:
            return unavailable(default_store_path(), error, "cannot use the progress file")
    return None


STOP_SIGNALS = {"SIGTERM": "terminated", "SIGHUP": "hangup", "SIGQUIT": "quit"}
"""Signals that end studykit the way Ctrl-C does, and the word its last line uses for each."""


def _interrupted(ctx: click.Context, interrupt: KeyboardInterrupt) -> None:
    """Ctrl-C: "Interrupted.", exit 130; another stop signal: exit 128 + its number. Clean-up has run."""
    import contextlib

    if isinstance(interrupt, Terminated):
        with contextlib.suppress(Exception):  # after SIGHUP the terminal may be gone
            click.echo(f"\nStopped ({interrupt.word}).", err=True)
        ctx.exit(128 + interrupt.signum)
    with contextlib.suppress(Exception):
        click.echo("\nInterrupted.", err=True)
    ctx.exit(130)


class Terminated(KeyboardInterrupt):
    """SIGTERM, SIGHUP or SIGQUIT, raised where the program is, so it leaves the way Ctrl-C does.

    Python's default for these ends the process on the spot: no ``finally`` runs, so a
    half-written output file would stay behind. Raised as an exception, it unwinds through
    the same clean-up as Ctrl-C (temporary files removed, the session saved for --resume).
    """

    def __init__(self, signum: int = 15, word: str = "terminated") -> None:
        super().__init__(signum)
        self.signum = signum
        self.word = word


def _terminate(signum: int, frame: object) -> None:
    import signal

    signal.signal(signum, signal.SIG_DFL)  # the same signal again ends it at once
    name = signal.Signals(signum).name
    raise Terminated(signum, STOP_SIGNALS.get(name, name))


def _quiet_broken_pipe() -> None:
    """``studykit … | head`` ends quietly: point stdout at /dev/null and exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(0)


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="studykit")
def cli() -> None:
    """Learn, practise and build training data for model customization on Amazon Bedrock."""


def main() -> None:
    """Console-script entry point: stop signals, safe standard streams, then the command."""
    import signal

    from studykit.cli.standard_streams import finish_standard_output, prepare_standard_streams

    for name in STOP_SIGNALS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)
    prepare_standard_streams()
    try:
        cli(prog_name="studykit")
    except StudykitError as error:  # output failed outside a command (--help, --version)
        UserFacingError(error).show()
        sys.exit(error.exit_code)
    finally:
        failed = finish_standard_output()
        if failed is not None:
            sys.exit(failed)

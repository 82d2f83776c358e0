"""What commands take from the world (clocks, the progress file), replaceable by tests.

A test passes ``obj=Environment(...)`` to ``CliRunner.invoke`` to control time
without sleeping; real runs use the system clocks and the default progress file.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from studykit.store import Store


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Environment:
    """``clock`` counts seconds for timers; ``now`` gives the wall-clock moment stored with answers."""

    clock: Callable[[], float] = time.monotonic
    now: Callable[[], datetime] = field(default=_utc_now)
    store_path: Path | None = None
    store_wait_seconds: float | None = None
    """How long a save waits for another program's lock on the progress file (None: the store's default)."""


def environment(ctx: click.Context | None = None) -> Environment:
    """The environment given to the root command, or the real one."""
    ctx = ctx or click.get_current_context()
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Environment) else Environment()


def open_progress(env: Environment, *, read_only_ok: bool = False) -> Store:
    """Open the progress file, telling the learner on stderr if a bad one had to be moved aside.

    ``read_only_ok``: the command only reads, so a file that cannot be written is read
    as it is (with a warning saying why) instead of being an error. A write that has to
    wait for another program's lock says so on stderr.
    """
    from studykit.store import open_store

    store = open_store(
        env.store_path, read_only_ok=read_only_ok, notify=_note, wait_seconds=env.store_wait_seconds
    )
    for notice in store.notices:
        click.echo(f"Warning: {notice}", err=True)
    _save_kept_answers(store)
    return store


def _save_kept_answers(store: Store) -> None:
    """Commit answers an earlier run could not save and kept beside the progress file."""
    from studykit.engine.kept_saves import kept_folder, replay_kept

    if store.read_only is not None or not kept_folder(store.path).is_dir():
        return
    saved, problems = replay_kept(store)
    if saved:
        answers = f"{saved} answer{'' if saved == 1 else 's'}"
        click.echo(f"Note: saved {answers} kept from an earlier session.", err=True)
    for problem in problems:
        click.echo(f"Warning: {problem}", err=True)


def _note(message: str) -> None:
    click.echo(f"Note: {message}", err=True)

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


def environment(ctx: click.Context | None = None) -> Environment:
    """The environment given to the root command, or the real one."""
    ctx = ctx or click.get_current_context()
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Environment) else Environment()


def open_progress(env: Environment) -> Store:
    """Open the progress file, telling the learner on stderr if a bad one had to be moved aside."""
    from studykit.store import open_store

    store = open_store(env.store_path)
    for notice in store.notices:
        click.echo(f"Warning: {notice}", err=True)
    return store

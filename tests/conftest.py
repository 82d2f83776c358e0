"""Fixtures for every test: learner data always goes to a temporary folder."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import settings

from studykit.store import open_store

# Property tests check behaviour, never speed (timings belong in bench/): a slow example on a
# busy machine must not fail the suite, so hypothesis's per-example deadline is off everywhere.
settings.register_profile("studykit", deadline=None)
settings.load_profile("studykit")

for _setting in ("STUDYKIT_NO_CACHE", "STUDYKIT_CONTENT", "NO_COLOR"):
    # The learner's own settings must not change what the tests see.
    os.environ.pop(_setting, None)


@pytest.fixture(autouse=True)
def studykit_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point STUDYKIT_HOME at a fresh folder so no test reads or writes the real progress file."""
    home = tmp_path_factory.mktemp("studykit-home")
    monkeypatch.setenv("STUDYKIT_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def utc_clock_face(monkeypatch: pytest.MonkeyPatch):
    """Show local times as UTC, so expected output does not depend on the machine's time zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


@pytest.fixture
def store(tmp_path: Path):
    """An empty progress file, open (test modules may override it with a filled one)."""
    with open_store(tmp_path / "progress.sqlite3") as opened:
        yield opened

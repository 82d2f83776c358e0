"""Fixtures for every test: learner data always goes to a temporary folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def studykit_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point STUDYKIT_HOME at a fresh folder so no test reads or writes the real progress file."""
    home = tmp_path_factory.mktemp("studykit-home")
    monkeypatch.setenv("STUDYKIT_HOME", str(home))
    return home

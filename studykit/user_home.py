"""Reading ``STUDYKIT_HOME``: the folder for learner data and the parse cache, chosen by the user."""

from __future__ import annotations

from pathlib import Path

from studykit.errors import StudykitError


def home_folder(setting: str) -> Path:
    """``STUDYKIT_HOME`` as a folder, ``~`` and ``~user`` expanded; an unknown user is one error line."""
    try:
        return Path(setting).expanduser()
    except RuntimeError:  # "~nosuchuser/…": no such user, so no home folder to expand
        user = setting.split("/", 1)[0]
        raise StudykitError(
            f"STUDYKIT_HOME starts with {user!r}, but there is no such user to take the home folder of",
            hint="give a full path, or ~/ for your own home folder",
        ) from None

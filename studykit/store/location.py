"""Where the learner's progress file lives.

One SQLite file in the per-user data folder (platformdirs), so every terminal and
every project folder sees the same history. ``STUDYKIT_HOME`` points it elsewhere:
tests and people who keep several study profiles use that.
"""

from __future__ import annotations

import os
from pathlib import Path

from studykit.user_home import home_folder

STORE_FILE_NAME = "progress.sqlite3"


def data_dir() -> Path:
    """The folder that holds studykit's learner data (not created here)."""
    override = os.environ.get("STUDYKIT_HOME")
    if override:
        return home_folder(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("studykit", appauthor=False))


def default_store_path() -> Path:
    """The progress file used when a command is not given another one."""
    return data_dir() / STORE_FILE_NAME

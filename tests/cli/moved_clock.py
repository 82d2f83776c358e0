"""Run studykit with a clock a test can move: ``python moved_clock.py OFFSET_FILE ARGS...``.

The clock is the monotonic clock plus the seconds written in OFFSET_FILE (0 while it
is empty or absent), so a test drives a real terminal session and makes time jump
without sleeping.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from studykit.cli import cli
from studykit.cli.environment import Environment


def main() -> None:
    offset_file = Path(sys.argv[1])

    def clock() -> float:
        try:
            offset = float(offset_file.read_text() or 0)
        except (OSError, ValueError):
            offset = 0.0
        return time.monotonic() + offset

    cli.main(sys.argv[2:], prog_name="studykit", obj=Environment(clock=clock))


if __name__ == "__main__":
    main()

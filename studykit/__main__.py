"""Allow ``python -m studykit``."""

from __future__ import annotations

from studykit.cli import main

if __name__ == "__main__":
    main()

"""Long pages go through $PAGER on a terminal; piped output, short pages and --no-pager print directly."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pexpect
from rich.text import Text

from studykit.ui.console import make_console
from studykit.ui.pager import pager_command, show_paged

REPO = Path(__file__).resolve().parents[2]
LONG = Text("\n".join(f"line {n}" for n in range(200)))


def terminal(height: int = 24):
    stream = io.StringIO()
    console = make_console(stream, terminal=True, width=80, environ={"NO_COLOR": "1"})
    console.height = height  # type: ignore[misc]
    return console, stream


def test_a_long_page_on_a_terminal_goes_to_the_pager() -> None:
    console, stream = terminal()
    paged = []
    show_paged(
        console,
        LONG,
        environ={"PAGER": "less -R"},
        run=lambda cmd, text, env: paged.append((cmd, text)) or True,
    )
    assert paged and paged[0][0] == ["less", "-R"] and "line 199" in paged[0][1]
    assert stream.getvalue() == ""


def test_short_pages_no_pager_piped_output_and_a_missing_pager_print_directly() -> None:
    def refuse(cmd, text, env):
        raise AssertionError("the pager should not run")

    console, stream = terminal()
    show_paged(console, Text("one line"), run=refuse)
    assert "one line" in stream.getvalue()
    console, stream = terminal()
    show_paged(console, LONG, pager=False, run=refuse)
    assert "line 199" in stream.getvalue()
    piped = io.StringIO()
    show_paged(make_console(piped, terminal=False), LONG, run=refuse)
    assert "line 199" in piped.getvalue()
    console, stream = terminal()
    show_paged(console, LONG, run=lambda cmd, text, env: False)  # the pager could not start
    assert "line 199" in stream.getvalue()


def test_the_pager_is_the_learners_pager_or_less() -> None:
    assert pager_command({}) == ["less", "-R"]
    assert pager_command({"PAGER": "most -s"}) == ["most", "-s"]
    assert pager_command({"PAGER": "'unclosed"}) == ["less", "-R"]


def _spawn(*args: str) -> pexpect.spawn:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "TERM": "xterm",
        "NO_COLOR": "1",
        "PAGER": "sed s/^/PAGED:/",
    }
    return pexpect.spawn(
        sys.executable, ["-m", "studykit", *args], env=env, encoding="utf-8", timeout=30, dimensions=(24, 80)
    )


def test_learn_in_a_terminal_is_paged_unless_no_pager() -> None:
    child = _spawn("learn", "fine-tuning")
    child.expect("PAGED:Fine-tuning a foundation model")
    child.expect(pexpect.EOF)
    direct = _spawn("learn", "fine-tuning", "--no-pager")
    direct.expect("Fine-tuning a foundation model")
    direct.expect(pexpect.EOF)
    assert "PAGED:" not in direct.before

"""Reading answers: piped lines echoed after the prompt, and timed terminal reads that give up."""

from __future__ import annotations

import io
import os

from rich.text import Text

from studykit.ui.console import make_console
from studykit.ui.line_input import LineInput


def test_piped_lines_are_echoed_after_the_prompt_and_end_with_none() -> None:
    out = io.StringIO()
    reader = LineInput(make_console(out), io.StringIO("B\n"), interactive=False)
    assert reader.read(Text("Answer: ")) == "B"
    assert reader.read(Text("Answer: ")) is None
    assert out.getvalue().splitlines()[0] == "Answer: B"


def test_a_timed_read_returns_the_line_typed_in_time() -> None:
    read_end, write_end = os.pipe()
    with os.fdopen(read_end) as stream:
        os.write(write_end, b"A,C\n")
        reader = LineInput(make_console(io.StringIO()), stream, interactive=True)
        assert reader.read(Text("Answer: "), time_left=lambda: 60.0) == "A,C"
    os.close(write_end)


def test_a_timed_read_gives_up_when_the_injected_clock_says_time_is_up() -> None:
    read_end, write_end = os.pipe()
    asked: list[float] = []

    def time_left() -> float:
        # Plenty of time at first (far more than the test could wait), then none.
        asked.append(0.0 if asked else 5400.0)
        return asked[-1]

    with os.fdopen(read_end) as stream:
        reader = LineInput(make_console(io.StringIO()), stream, interactive=True)
        assert reader.read(Text("Answer: "), time_left=time_left) == ""
    os.close(write_end)
    assert len(asked) == 2


def test_end_of_input_on_a_timed_read_is_none() -> None:
    read_end, write_end = os.pipe()
    os.close(write_end)
    with os.fdopen(read_end) as stream:
        reader = LineInput(make_console(io.StringIO()), stream, interactive=True)
        assert reader.read(Text("Answer: "), time_left=lambda: 60.0) is None

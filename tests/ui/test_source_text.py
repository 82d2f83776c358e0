import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.table import Table

from studykit.ui.console import make_console
from studykit.ui.source_text import SourceText, break_url

URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-prepare.html"


def render(renderable, *, terminal=False, width=40):
    out = io.StringIO()
    make_console(out, terminal=terminal, width=width, environ={}).print(renderable)
    return out.getvalue()


def test_a_long_url_breaks_after_a_slash_not_mid_word():
    assert break_url(URL, 60) == [
        "https://docs.aws.amazon.com/bedrock/latest/userguide/",
        "model-customization-prepare.html",
    ]
    assert break_url(URL, 200) == [URL]


def test_a_segment_longer_than_the_width_is_cut_at_the_width():
    assert break_url("https://x.io/abcdefghijklm", 12) == ["https://", "x.io/abcdefg", "hijklm"]


@settings(max_examples=200)
@given(st.text(alphabet="ab/-._:", max_size=120), st.integers(min_value=1, max_value=90))
def test_breaking_loses_nothing_and_keeps_every_line_within_the_width(url, width):
    lines = break_url(url, width)
    assert "".join(lines) == url
    assert all(len(line) <= width for line in lines)


def test_a_seed_note_is_named_as_one_and_a_url_is_a_link_only_on_a_terminal():
    assert render(SourceText("seed:000_f5aa79604e4dc717.txt")) == "seed note 000_f5aa79604e4dc717.txt\n"
    assert "\x1b]8;" not in render(SourceText(URL, link=False), terminal=True)
    assert "\x1b]8;" in render(SourceText(URL, link=True), terminal=True)


def test_escape_codes_in_a_source_are_shown_not_obeyed():
    shown = render(SourceText("seed:\x1b[31mred.txt"), width=80)
    assert "\x1b" not in shown and "\\x1b[31mred.txt" in shown


def test_in_a_table_column_the_url_wraps_at_the_column_width():
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row("[1]", SourceText(URL))
    lines = render(grid, width=60).splitlines()
    assert [line.rstrip() for line in lines] == [
        "[1] https://docs.aws.amazon.com/bedrock/latest/userguide/",
        "    model-customization-prepare.html",
    ]

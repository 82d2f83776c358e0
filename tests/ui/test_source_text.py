import io
import re

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


TITLE = "Prepare data for fine-tuning your models"


def test_a_titled_url_is_its_title_linked_on_a_terminal_and_title_then_url_when_piped():
    terminal = render(SourceText(URL, link=True, title=TITLE), terminal=True, width=80)
    assert "\x1b]8;id=" in terminal and f";{URL}\x1b\\{TITLE}\x1b]8;;" in terminal  # the title links the URL
    assert re.sub(r"\x1b\]8;[^\x1b]*\x1b\\", "", terminal) == f"{TITLE}\n"  # and only the title shows
    piped = render(SourceText(URL, title=TITLE), width=120)
    assert piped == f"{TITLE}\n{URL}\n"


def test_a_titled_seed_note_shows_its_title_alone():
    shown = render(SourceText("seed:000_f5aa79604e4dc717.txt", title="Course notes: Fine-tuning"), width=80)
    assert shown == "Course notes: Fine-tuning\n"


def test_sources_cited_in_prose_read_as_titles():
    from studykit.concepts.sources import SourceTitles
    from studykit.ui.source_text import cited_text

    titles = SourceTitles({URL: TITLE})
    prose = f"Records are JSON Lines. Source: {URL}. See also https://aws.amazon.com/untitled/"
    plain = cited_text(prose, titles, plain=True).plain
    assert (
        plain == f"Records are JSON Lines. Source: {TITLE} ({URL}). See also https://aws.amazon.com/untitled/"
    )
    linked = cited_text(prose, titles, plain=False)
    assert (
        linked.plain == f"Records are JSON Lines. Source: {TITLE}. See also https://aws.amazon.com/untitled/"
    )
    assert any(f"link {URL}" in str(span.style) for span in linked.spans)

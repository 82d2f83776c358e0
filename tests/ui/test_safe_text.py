import io

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.ui.console import make_console
from studykit.ui.text import first_sentence, literal, one_line, shorten, visible


def test_escape_codes_become_visible_characters():
    assert visible("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m"


def test_bidirectional_controls_are_shown_so_text_cannot_read_backwards():
    assert visible("admin\u202euser\u2066x\u2069") == "admin\\u202euser\\u2066x\\u2069"


def test_newlines_are_kept_and_tabs_become_spaces():
    assert visible("a\tb\nc") == "a b\nc"


def test_one_line_folds_whitespace_and_shows_control_characters():
    assert one_line("a\n  b\x07") == "a b\\x07"


def test_first_sentence_does_not_stop_at_abbreviations():
    assert first_sentence("Pick a method, e.g. RAG. Then more.") == "Pick a method, e.g. RAG."
    assert first_sentence("No full stop") == "No full stop"


@settings(max_examples=200)
@given(st.text())
def test_visible_text_has_no_control_characters_but_newlines(text):
    shown = visible(text)
    assert all(char == "\n" or (ord(char) >= 0x20 and not 0x7F <= ord(char) < 0xA0) for char in shown)


@settings(max_examples=100)
@given(st.text(alphabet=st.sampled_from(list("[]/=:bold red link\x1b\x07\x9b\n ab"))))
def test_literal_text_prints_exactly_as_written_on_a_terminal(text):
    out = io.StringIO()
    console = make_console(out, terminal=True, width=200, environ={"NO_COLOR": "1"})
    console.print(literal(text), end="")
    printed = out.getvalue()
    assert "\x1b" not in printed and "\x07" not in printed and "\x9b" not in printed
    assert [line.rstrip() for line in printed.split("\n")] == [
        line.rstrip() for line in visible(text).split("\n")
    ]


def test_shorten_cuts_at_a_word_boundary_and_marks_the_cut():
    sentence = "Provisioned Throughput reserves model capacity in model units (MUs), billed hourly."
    assert shorten(sentence, 100) == sentence
    assert shorten(sentence, 70) == "Provisioned Throughput reserves model capacity in model units (MUs)…"
    assert shorten(sentence, 40) == "Provisioned Throughput reserves model…"
    assert shorten("Supercalifragilisticexpialidocious words", 12) == "Supercalifr…"


@settings(max_examples=200)
@given(st.text(alphabet="ab ,(", max_size=60), st.integers(min_value=1, max_value=70))
def test_shorten_never_exceeds_the_width_and_keeps_a_prefix(text, width):
    short = shorten(text, width)
    assert len(short) <= width
    assert short == text or (short.endswith("…") and text.startswith(short[:-1]))

import io

from rich.table import Table
from rich.text import Text

from studykit.ui.console import PLAIN_WIDTH, is_plain, make_console, show


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_piped_output_is_plain_80_columns_without_colour():
    out = io.StringIO()
    console = make_console(out)
    assert is_plain(console)
    assert console.width == PLAIN_WIDTH
    console.print(Text("hello", style="bold red"))
    assert out.getvalue() == "hello\n"


def test_a_terminal_gets_colour():
    out = FakeTerminal()
    console = make_console(out, environ={})
    console.print(Text("hello", style="bold red"))
    assert not is_plain(console)
    assert "\x1b[" in out.getvalue()


def test_no_color_turns_colour_off_on_a_terminal():
    out = FakeTerminal()
    console = make_console(out, environ={"NO_COLOR": "1"})
    console.print(Text("hello", style="bold red"))
    assert out.getvalue() == "hello\n"


def test_strings_that_slip_through_are_not_parsed_as_markup():
    out = io.StringIO()
    make_console(out).print("[bold]x[/bold] :smile:")
    assert out.getvalue() == "[bold]x[/bold] :smile:\n"


def test_show_drops_padding_at_line_ends_when_piped():
    out = io.StringIO()
    grid = Table.grid(expand=True)
    grid.add_column()
    grid.add_row("short")
    show(make_console(out), grid)
    assert out.getvalue() == "short\n"

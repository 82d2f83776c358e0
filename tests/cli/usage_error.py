"""What a test may assert about a usage error that click reports (an unknown choice, a value out of range)."""

from __future__ import annotations

from click.testing import Result


def assert_usage_error(result: Result, *named: str) -> None:
    """Exit code 2, nothing on stdout, no traceback, and stderr names what the user typed wrong.

    The sentence around the option and value is click's and may change in any release: not asserted.
    """
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    for text in named:
        assert text in result.stderr, (text, result.stderr)

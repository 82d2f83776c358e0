"""Reading a JSONL file in chunks yields the same lines as splitting it whole would."""

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.datasets.lines import BOM, CR_INSIDE, CRLF, HAD_BOM, NO_NEWLINE, TOO_LONG, read_lines


def expected_lines(data: bytes, max_line: int) -> list[tuple[int, bytes, int]]:
    """The rules, stated on the whole file at once."""
    *ended, last = data.split(b"\n")
    result = []
    for number, raw in enumerate(ended, 1):
        if len(raw) >= max_line:
            result.append((number, b"", TOO_LONG))
            continue
        flags = 0
        if raw.endswith(b"\r"):
            raw, flags = raw[:-1], CRLF
        if b"\r" in raw:
            flags |= CR_INSIDE
        if number == 1 and raw.startswith(BOM):
            raw, flags = raw[3:], flags | HAD_BOM
        result.append((number, raw, flags))
    if last:
        number = len(ended) + 1
        if len(last) >= max_line:
            result.append((number, b"", TOO_LONG))
        elif number == 1 and last.startswith(BOM):
            result.append((number, last[3:], NO_NEWLINE | HAD_BOM | (CR_INSIDE if b"\r" in last else 0)))
        else:
            result.append((number, last, NO_NEWLINE | (CR_INSIDE if b"\r" in last else 0)))
    return result


PIECES = st.sampled_from([b"\n", b"\r\n", b"\r", BOM, b"{}", b"x", b"abcdefgh", b"\xff", b" "])


@settings(max_examples=500, deadline=None)
@given(
    data=st.lists(PIECES, max_size=40).map(b"".join),
    max_line=st.integers(1, 24),
    chunk=st.integers(1, 32),
)
def test_chunked_reading_matches_the_line_rules(data: bytes, max_line: int, chunk: int) -> None:
    assert list(read_lines(io.BytesIO(data), max_line, chunk)) == expected_lines(data, max_line)


def test_a_crlf_split_between_two_chunks_is_still_one_line_ending() -> None:
    data = b'{"a": 1}\r\n{"b": 2}\r\n'
    assert list(read_lines(io.BytesIO(data), chunk=9)) == [(1, b'{"a": 1}', CRLF), (2, b'{"b": 2}', CRLF)]


def test_a_line_longer_than_the_cap_is_reported_and_the_next_one_still_read() -> None:
    data = b"x" * 100 + b"\n{}\n"
    assert list(read_lines(io.BytesIO(data), max_line=10, chunk=7)) == [(1, b"", TOO_LONG), (2, b"{}", 0)]

"""Duplicate tracking gives the same answers whether fingerprints sit in the dict or the compact table."""

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.datasets.dedupe import DuplicateTracker

RECORDS = st.lists(st.sampled_from([b"{}", b'{"a": 1}', b'{"a": 2}', b"x", b"", b"y" * 40]), max_size=60)


def first_lines(records: list[bytes], tracker: DuplicateTracker) -> list[int | None]:
    return [tracker.first_line(record, line) for line, record in enumerate(records, 1)]


def expected_first_lines(records: list[bytes]) -> list[int | None]:
    seen: dict[bytes, int] = {}
    out: list[int | None] = []
    for line, record in enumerate(records, 1):
        out.append(seen.get(record))
        seen.setdefault(record, line)
    return out


@settings(max_examples=200, deadline=None)
@given(records=RECORDS, dict_records=st.integers(0, 8))
def test_a_repeated_record_names_its_first_line_before_and_after_the_table_takes_over(records, dict_records):
    tracker = DuplicateTracker(slots=4, dict_records=dict_records)
    assert first_lines(records, tracker) == expected_first_lines(records)
    assert tracker.duplicates == sum(line is not None for line in expected_first_lines(records))
    assert tracker.complete


def test_a_full_table_stops_remembering_and_says_the_check_is_incomplete():
    tracker = DuplicateTracker(slots=4, max_slots=8, dict_records=2)
    records = [b"r%d" % number for number in range(20)]
    first_lines(records, tracker)
    assert not tracker.complete
    assert tracker.first_line(b"r0", 21) == 1  # what was remembered before it filled is still found

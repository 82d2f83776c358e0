"""Generate and validate hold a bounded amount of memory, whatever the number of records."""

import io
import tracemalloc

from studykit.datasets.formats import get_format
from studykit.datasets.generate import write_lines, write_records
from studykit.datasets.limits import get_model
from studykit.datasets.validate import validate_stream
from tests.datasets.samples import catalogue

FORMAT, MODEL = get_format("multi-turn"), get_model("nova-lite")
CATALOGUE = catalogue(FORMAT.id, MODEL.id)


class Sink(io.TextIOBase):
    """A text stream that counts what it is given and keeps none of it."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, text: str) -> int:
        self.size += len(text)
        return len(text)


def _peak(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_generate_memory_does_not_grow_with_the_record_count():
    small = _peak(lambda: write_records(CATALOGUE.stream(100, 1), Sink()))
    large = _peak(lambda: write_records(CATALOGUE.stream(1_000, 1), Sink()))
    assert large < small + 32 * 1024


def test_generate_memory_as_the_command_writes_does_not_grow_with_the_record_count():
    small = _peak(lambda: write_lines(CATALOGUE.lines(100, 1), Sink()))
    large = _peak(lambda: write_lines(CATALOGUE.lines(1_000, 1), Sink()))
    assert large < small + 32 * 1024


def test_validate_memory_does_not_grow_with_the_file_size():
    out = io.StringIO()
    write_records(CATALOGUE.stream(100, 2), out)
    chunk = out.getvalue().encode()
    small = _peak(lambda: validate_stream(io.BytesIO(chunk), "a", FORMAT, MODEL, max_findings=5))
    big = chunk * 10
    large = _peak(lambda: validate_stream(io.BytesIO(big), "a", FORMAT, MODEL, max_findings=5))
    assert large < small + 32 * 1024

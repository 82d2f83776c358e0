"""Dataset workbench figures, each against bare JSON work on the same data in the same run.

1. ``validate`` throughput (MB/s) against a bare per-line ``json.loads`` loop over the file
   (a bare loop of msgspec, the parser of validate's clean-record test, is shown beside it).
2. Peak RSS of validating a file 10x larger, each validation in a fresh interpreter.
3. ``generate`` throughput (records/s, the study material loaded and the record catalogue
   built included) against bare ``json.dumps`` of the same records to a file.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path

from bench.measure import Figure, best_of, child_environment, peak_rss_mb, ratio_figure
from studykit.datasets.catalogue import Catalogue
from studykit.datasets.formats import get_format
from studykit.datasets.generate import DEFAULT_IMAGE_PREFIX, build_catalogue, write_lines, write_records
from studykit.datasets.limits import get_model
from studykit.datasets.material import load_material
from studykit.datasets.validate import validate_path

FORMAT, MODEL = "multi-turn", "nova-lite"
VALIDATE_GOAL = 0.5
RSS_GOAL_MB = 20.0
GENERATE_GOAL = 0.5
RSS_CHILD = """
from studykit.datasets.validate import validate_path
report = validate_path({path!r}, {fmt!r}, {model!r})
print(report.records)
"""


def _catalogue() -> Catalogue:
    return build_catalogue(get_format(FORMAT), get_model(MODEL), load_material(), DEFAULT_IMAGE_PREFIX)


def distinct(catalogue: Catalogue, count: int) -> Iterator[dict]:
    """Generated records, each marked with its number (the marker keeps the 10x copies distinct)."""
    for number, record in enumerate(catalogue.stream(count, 1)):
        record = copy.deepcopy(record)
        record["messages"][-1]["content"][0]["text"] += f" (record {number})"
        yield record


def make_files(folder: Path, catalogue: Catalogue, count: int) -> tuple[Path, Path]:
    """A file of ``count`` distinct records and one ten times larger, still all distinct."""
    small, large = folder / "1x.jsonl", folder / "10x.jsonl"
    with open(small, "w", encoding="utf-8") as stream:
        write_records(distinct(catalogue, count), stream)
    lines = small.read_bytes().splitlines(keepends=True)
    with open(large, "wb") as stream:
        for copy_number in range(10):
            marker = b"(record %d-" % copy_number
            stream.writelines(line.replace(b"(record ", marker, 1) for line in lines)
    return small, large


def bare_parse(path: Path) -> None:
    with open(path, "rb") as stream:
        for line in stream:
            json.loads(line)


def bare_msgspec(path: Path) -> None:
    """The parser validate's clean-record test uses, alone: shown beside the figure, not a goal."""
    import msgspec

    decode = msgspec.json.decode
    with open(path, "rb") as stream:
        for line in stream:
            decode(line)


def validate_figure(path: Path, repeats: int, count: int) -> Figure:
    report = validate_path(str(path), FORMAT, MODEL)
    if not report.valid or report.records != count:
        raise RuntimeError(f"the benchmark file should be valid: {report.findings[:3]}")
    bare, ours, fast_bare = best_of(
        [
            lambda: bare_parse(path),
            lambda: validate_path(str(path), FORMAT, MODEL),
            lambda: bare_msgspec(path),
        ],
        repeats,
    )
    megabytes = path.stat().st_size / 1e6
    return ratio_figure(
        "validate",
        "dataset validate throughput",
        megabytes / ours,
        megabytes / bare,
        "MB/s",
        "bare json.loads per line",
        VALIDATE_GOAL,
        higher_is_better=True,
        detail=f"{count:,} {FORMAT} records, {megabytes:.1f} MB, model {MODEL}; "
        f"bare msgspec loop {megabytes / fast_bare:.1f} MB/s",
    )


def rss_figure(small: Path, large: Path, env: dict[str, str], count: int) -> Figure:
    peaks = []
    peak_rss_mb(RSS_CHILD.format(path=str(small), fmt=FORMAT, model=MODEL), env)  # compiles bytecode
    for path, records in ((small, count), (large, count * 10)):
        peak, printed = peak_rss_mb(RSS_CHILD.format(path=str(path), fmt=FORMAT, model=MODEL), env)
        if int(printed) != records:
            raise RuntimeError(f"validated {printed} records of {path}, expected {records}")
        peaks.append(peak)
    return Figure(
        "validate_rss",
        "validate peak RSS, 10x larger file",
        peaks[1],
        peaks[0],
        "MB",
        "peak RSS on the 1x file",
        f"<= +{RSS_GOAL_MB:g} MB",
        peaks[1] - peaks[0] <= RSS_GOAL_MB,
        detail=f"{peaks[1] - peaks[0]:+.1f} MB for a {large.stat().st_size / 1e6:.0f} MB file",
    )


def generate_figure(folder: Path, repeats: int, count: int) -> Figure:
    records = list(_catalogue().stream(count, 1))
    out = folder / "generated.jsonl"

    def bare_dumps() -> None:
        with open(out, "w", encoding="utf-8") as stream:
            for record in records:
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    def ours() -> None:  # what ``dataset generate`` does
        with open(out, "w", encoding="utf-8") as stream:
            write_lines(_catalogue().lines(count, 1), stream)

    bare, generate = best_of([bare_dumps, ours], repeats)
    return ratio_figure(
        "generate",
        "dataset generate throughput",
        count / generate,
        count / bare,
        "records/s",
        "bare json.dumps, same records",
        GENERATE_GOAL,
        higher_is_better=True,
        detail=f"{count:,} {FORMAT} records for {MODEL}, material loaded and catalogue built included",
    )


def dataset_figures(folder: Path, repeats: int, count: int) -> list[Figure]:
    small, large = make_files(folder, _catalogue(), count)
    env = child_environment(folder / "pycache", folder / "home")
    figures = [validate_figure(small, repeats, count), rss_figure(small, large, env, count)]
    large.unlink()
    figures.append(generate_figure(folder, repeats, count))
    return figures

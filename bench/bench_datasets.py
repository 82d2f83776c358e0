"""Benchmark the dataset workbench against bare JSON work on the same data, in one run.

    python bench/bench_datasets.py [--records N]

Prints three comparisons:
1. validate throughput (MB/s) vs a bare per-line ``json.loads`` loop over the same file
   (goal: at least 0.5x);
2. peak RSS of validating a file 10x larger, each run in its own subprocess
   (goal: within +20 MB of the 1x file);
3. generate throughput vs bare ``json.dumps`` of the same records to a file.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studykit.concepts import load_concepts  # noqa: E402
from studykit.datasets.formats import get_format  # noqa: E402
from studykit.datasets.generate import DEFAULT_IMAGE_PREFIX, build_pool, stream_records, write_records  # noqa: E402
from studykit.datasets.limits import get_model  # noqa: E402
from studykit.datasets.material import build_material  # noqa: E402
from studykit.datasets.validate import validate_path  # noqa: E402

FORMAT, MODEL = "multi-turn", "nova-lite"
RSS_CHILD = """
import resource, sys
sys.path.insert(0, {root!r})
from studykit.datasets.validate import validate_path
report = validate_path({path!r}, {fmt!r}, {model!r})
print(report.records, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def best_of(runs: int, work) -> float:
    """The fastest of ``runs`` timings, in seconds (least disturbed by other load)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def bare_parse(path: Path) -> None:
    with open(path, "rb") as stream:
        for line in stream:
            json.loads(line)


def distinct(pool: list, count: int) -> Iterator[dict]:
    """Generated records, each made unique (so the duplicate table grows as in real data)."""
    for number, record in enumerate(stream_records(pool, count, 1)):
        record = copy.deepcopy(record)
        record["messages"][-1]["content"][0]["text"] += f" (record {number})"
        yield record


def make_file(path: Path, pool: list, count: int) -> None:
    with open(path, "w", encoding="utf-8") as stream:
        write_records(distinct(pool, count), stream)


def peak_rss_kb(path: Path) -> tuple[int, int]:
    code = RSS_CHILD.format(root=str(ROOT), path=str(path), fmt=FORMAT, model=MODEL)
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    records, rss = output.split()
    return int(records), int(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000, help="records in the 1x file")
    count = parser.parse_args().records
    pool = build_pool(
        get_format(FORMAT), get_model(MODEL), build_material(load_concepts()), DEFAULT_IMAGE_PREFIX
    )
    with tempfile.TemporaryDirectory() as folder:
        small, large = Path(folder, "1x.jsonl"), Path(folder, "10x.jsonl")
        make_file(small, pool, count)
        make_file(large, pool, count * 10)
        megabytes = small.stat().st_size / 1e6

        bare = best_of(3, lambda: bare_parse(small))
        ours = best_of(3, lambda: validate_path(str(small), FORMAT, MODEL))
        report = validate_path(str(small), FORMAT, MODEL)
        ratio = bare / ours
        print(f"validate   {count:,} {FORMAT} records, {megabytes:.1f} MB, valid={report.valid}")
        print(f"  bare json.loads loop  {megabytes / bare:8.1f} MB/s")
        print(f"  studykit validate     {megabytes / ours:8.1f} MB/s   ratio {ratio:.2f}x (goal >= 0.5x)")

        records_small, rss_small = peak_rss_kb(small)
        records_large, rss_large = peak_rss_kb(large)
        growth = (rss_large - rss_small) / 1024
        print(f"peak RSS   validate in a subprocess ({os.uname().sysname} ru_maxrss)")
        print(f"  1x  {records_small:>9,} records  {rss_small / 1024:7.1f} MB")
        print(
            f"  10x {records_large:>9,} records  {rss_large / 1024:7.1f} MB   "
            f"+{growth:.1f} MB (goal <= +20 MB)"
        )

        records = list(stream_records(pool, count, 1))
        dumps_path = Path(folder, "dumps.jsonl")

        def bare_dumps() -> None:
            with open(dumps_path, "w", encoding="utf-8") as stream:
                for record in records:
                    stream.write(json.dumps(record, ensure_ascii=False) + "\n")

        def ours_generate() -> None:
            with open(dumps_path, "w", encoding="utf-8") as stream:
                write_records(stream_records(pool, count, 1), stream)

        bare = best_of(3, bare_dumps)
        ours = best_of(3, ours_generate)
        print(f"generate   {count:,} records (pool of {len(pool):,} distinct, checked against {MODEL})")
        print(f"  bare json.dumps       {count / bare:10,.0f} records/s")
        print(f"  studykit generate     {count / ours:10,.0f} records/s   ratio {bare / ours:.2f}x")


if __name__ == "__main__":
    main()

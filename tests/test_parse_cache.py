"""The parse cache: reused only while nothing changed, never trusted when damaged or planted."""

from __future__ import annotations

import os
import pickle
import shutil
import threading
import time
from pathlib import Path

import pytest

from studykit import parse_cache
from studykit.concepts.loader import load_concepts
from studykit.parse_cache import cache_dir, cached
from studykit.resources import content_dir

OLD = time.time() - 3600


class Counter:
    def __init__(self, value: object = ("built",)) -> None:
        self.calls = 0
        self.value = value

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def source(tmp_path: Path, text: str = "a: 1\n", name: str = "a.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    os.utime(path, (OLD, OLD))
    return path


def test_an_unchanged_source_is_built_once_then_read_back(tmp_path):
    path, build = source(tmp_path), Counter()
    assert cached("thing", [path], build) == ("built",)
    assert cached("thing", [path], build) == ("built",)
    assert build.calls == 1
    assert (cache_dir() / "thing.pickle").is_file()


def test_any_change_to_a_source_rebuilds(tmp_path):
    path, build = source(tmp_path), Counter()
    cached("thing", [path], build)
    path.write_text("a: 2\n")
    os.utime(path, (OLD, OLD))  # same mtime as before: size and change time still differ
    cached("thing", [path], build)
    assert build.calls == 2


def test_a_new_source_file_rebuilds(tmp_path):
    first, build = source(tmp_path), Counter()
    cached("thing", [first], build)
    cached("thing", [first, source(tmp_path, name="b.yaml")], build)
    assert build.calls == 2


def test_a_source_changed_in_the_last_seconds_is_not_cached(tmp_path):
    path = tmp_path / "fresh.yaml"
    path.write_text("a: 1\n")
    build = Counter()
    cached("thing", [path], build)
    cached("thing", [path], build)
    assert build.calls == 2


def test_a_corrupt_or_truncated_entry_is_rebuilt(tmp_path):
    path, build = source(tmp_path), Counter()
    cached("thing", [path], build)
    entry = cache_dir() / "thing.pickle"
    data = bytearray(entry.read_bytes())
    data[-5] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert cached("thing", [path], build) == ("built",)
    entry.write_bytes(entry.read_bytes()[:40])
    assert cached("thing", [path], build) == ("built",)
    entry.write_bytes(b"")
    assert cached("thing", [path], build) == ("built",)
    assert build.calls == 4


class Planted:
    def __reduce__(self):
        return (os.system, ("echo planted > planted.txt",))


def test_a_planted_entry_with_a_valid_checksum_is_never_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path, build = source(tmp_path), Counter()
    key, _ = parse_cache._key("thing", [path])
    payload = pickle.dumps(Planted())
    entry = cache_dir() / "thing.pickle"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(parse_cache._entry(key, payload))
    assert cached("thing", [path], build) == ("built",)
    assert build.calls == 1 and not (tmp_path / "planted.txt").exists()


def test_build_errors_pass_through_and_store_nothing(tmp_path):
    path = source(tmp_path)

    def failing() -> object:
        raise ValueError("bad content")

    with pytest.raises(ValueError, match="bad content"):
        cached("thing", [path], failing)
    assert not (cache_dir() / "thing.pickle").exists()


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYKIT_NO_CACHE", "1")
    path, build = source(tmp_path), Counter()
    cached("thing", [path], build)
    cached("thing", [path], build)
    assert build.calls == 2 and not cache_dir().exists()


def test_concurrent_writers_leave_one_whole_entry_and_no_temporary_files(tmp_path):
    path = source(tmp_path)
    values = [Counter(("value", number)) for number in range(8)]
    threads = [threading.Thread(target=cached, args=("thing", [path], value)) for value in values]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    check = Counter()
    assert cached("thing", [path], check) in [value.value for value in values]
    assert check.calls == 0
    assert [item.name for item in cache_dir().iterdir()] == ["thing.pickle"]


def test_an_unwritable_cache_folder_only_costs_a_rebuild(tmp_path, monkeypatch):
    blocker = tmp_path / "home"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("STUDYKIT_HOME", str(blocker))
    path, build = source(tmp_path), Counter()
    assert cached("thing", [path], build) == ("built",)
    assert cached("thing", [path], build) == ("built",)
    assert build.calls == 2


def test_editing_a_concept_file_shows_in_the_next_load(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(content_dir(), folder)
    for item in folder.iterdir():
        os.utime(item, (OLD, OLD))
    first = load_concepts.__wrapped__(folder)
    assert load_concepts.__wrapped__(folder).ids == first.ids  # read back from the cache
    concept = folder / f"{first.ids[0]}.yaml"
    text = concept.read_text()
    title = first[first.ids[0]].title
    concept.write_text(text.replace(f"title: {title}", "title: A new title", 1))
    assert load_concepts.__wrapped__(folder)[first.ids[0]].title == "A new title"


def test_an_instructors_banks_are_read_back_from_the_cache_until_one_changes(tmp_path, monkeypatch):
    from studykit.questions import bank as bank_module

    data = Path(__file__).resolve().parent / "data" / "questions"
    folder = tmp_path / "banks"
    shutil.copytree(data / "good", folder)
    for path in folder.iterdir():
        os.utime(path, (OLD, OLD))
    content = data / "content"
    built = bank_module.load_banks_cached([folder], content)
    calls = []
    real = bank_module.load_banks
    monkeypatch.setattr(bank_module, "load_banks", lambda *args: calls.append(args) or real(*args))
    again = bank_module.load_banks_cached([folder], content)
    assert again == built and calls == []
    assert again[0].questions[0].origin.path.startswith(str(folder))
    target = folder / "serving.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("title:", "title: Renamed -", 1), encoding="utf-8"
    )
    os.utime(target, (OLD, OLD))
    assert bank_module.load_banks_cached([folder], content) != built and len(calls) == 1


def test_cached_questions_come_back_equal_field_by_field():
    from studykit.questions.bank import load_shipped_banks

    banks = load_shipped_banks.__wrapped__()
    copy = pickle.loads(pickle.dumps(banks))
    assert copy == banks
    first, again = banks[0].questions[0], copy[0].questions[0]
    assert (again.origin, again.options[0].line, again.case) == (
        first.origin,
        first.options[0].line,
        first.case,
    )

from __future__ import annotations

from pathlib import Path

import pytest

from studykit.atomic_write import write_output
from studykit.errors import StudykitError


def test_writes_the_whole_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_output(target, '{"a": 1}\n')
    assert target.read_text() == '{"a": 1}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("precious")
    with pytest.raises(StudykitError, match=r"already exists.*--force"):
        write_output(target, "new")
    assert target.read_text() == "precious"
    write_output(target, "new", force=True)
    assert target.read_text() == "new"


def test_dash_means_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    write_output("-", "hello\n")
    assert capsys.readouterr().out == "hello\n"


def test_missing_folder_or_a_folder_as_target_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StudykitError, match="does not exist"):
        write_output(tmp_path / "nope" / "out.json", "x")
    with pytest.raises(StudykitError, match="is a folder"):
        write_output(tmp_path, "x")


def test_binary_data_is_written_as_is(tmp_path: Path) -> None:
    target = tmp_path / "deck.apkg"
    write_output(target, b"PK\x03\x04\x00\xff")
    assert target.read_bytes() == b"PK\x03\x04\x00\xff"


def test_a_new_file_gets_the_usual_permissions_not_private_ones(tmp_path: Path) -> None:
    import os

    target = tmp_path / "shared.txt"
    umask = os.umask(0o022)
    try:
        write_output(target, "for everyone\n")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644

"""--out on devices, pipes and descriptors; write errors; long names; validation pairs (cases 5, 6, 10, 12).

Device nodes are the test's own (made with mknod in a temporary folder), never the
system's /dev/null or /dev/full; where mknod is not allowed those tests skip.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from studykit.cli import cli
from studykit.errors import EXIT_INPUT, EXIT_IO, StudykitError
from studykit.output_target import classify
from tests.hardening.faults import BANK, fill, limit_file_size, only_line, small_tmpfs, studykit
from tests.hardening.process import ROOT

WRITERS = {
    "bank schema": ["bank", "schema", "--out", "OUT"],
    "bank export": ["bank", "export", str(BANK), "--to", "json", "--out", "OUT"],
    "dataset generate": ["dataset", "generate", "prompt-completion", "--count", "20", "--out", "OUT"],
}


def invoke(name: str, out: Path | str, *extra: str) -> Result:
    args = [str(out) if arg == "OUT" else arg for arg in WRITERS[name]]
    return CliRunner().invoke(cli, [*args, *extra], catch_exceptions=False)


def device(folder: Path, name: str, major: int, minor: int) -> Path:
    """A character device node of our own, or skip where this may not make one."""
    path = folder / name
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
    except (OSError, AttributeError) as error:
        pytest.skip(f"cannot make a device node here: {error}")
    return path


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_null_device_is_written_into_and_stays_a_device(name: str, tmp_path: Path) -> None:
    null = device(tmp_path, "null", 1, 3)
    for extra in ([], ["--force"]):
        result = invoke(name, null, *extra)
        assert result.exit_code == 0, result.output
        assert stat.S_ISCHR(null.stat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["null"]


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_full_device_is_one_line_and_stays_a_device(name: str, tmp_path: Path) -> None:
    full = device(tmp_path, "full", 1, 7)
    result = invoke(name, full, "--force")
    assert result.exit_code == EXIT_IO
    assert only_line(result.stderr) == (
        f"Error: {full}: cannot write: the disk is full — free some space and try again"
    )
    assert stat.S_ISCHR(full.stat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["full"]


def test_a_named_pipe_is_written_into_and_stays_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    result = invoke("dataset generate", pipe, "--force")
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert received and received[0].count(b"\n") == 20
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pipe"]


def test_a_link_to_standard_output_is_written_into(tmp_path: Path) -> None:
    """Like --out /dev/stdout, with a link of our own so nothing of the system's is at stake."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    if not Path("/proc/self/fd/1").exists():
        pytest.skip("no /proc/self/fd here")
    captured = tmp_path / "captured.json"
    with captured.open("w") as stream:
        done = subprocess.run(
            [sys.executable, "-m", "studykit", "bank", "schema", "--out", str(link), "--force"],
            stdout=stream,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    assert done.returncode == 0, done.stderr
    assert captured.read_text().startswith("{")
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_a_socket_or_a_block_device_is_refused(tmp_path: Path) -> None:
    import socket

    address = tmp_path / "socket"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(address))
        result = invoke("bank schema", address, "--force")
    finally:
        server.close()
    assert result.exit_code == EXIT_INPUT
    assert "is a socket; studykit writes only to files, pipes and character devices" in only_line(
        result.stderr
    )
    disk = tmp_path / "disk"
    try:
        os.mknod(disk, 0o600 | stat.S_IFBLK, os.makedev(7, 200))
    except (OSError, AttributeError) as error:
        pytest.skip(f"cannot make a device node here: {error}")
    with pytest.raises(StudykitError, match="is a block device"):
        classify(disk)  # only looked at: nothing is ever written to a disk in a test


def test_a_full_disk_while_writing_leaves_nothing_behind(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path, 1024) as disk:
        generate = studykit(
            [
                "dataset",
                "generate",
                "prompt-completion",
                "--count",
                "20000",
                "--allow-duplicates",
                "--out",
                str(disk / "d.jsonl"),
            ],
            tmp_path,
        )
        assert generate.returncode == EXIT_IO
        assert "cannot write: the disk is full" in only_line(generate.stderr)
        assert list(disk.iterdir()) == []
        filler = fill(disk)
        export = studykit(
            ["bank", "export", str(BANK), "--to", "anki", "--out", str(disk / "b.apkg")], tmp_path
        )
        assert export.returncode == EXIT_IO and "the disk is full" in only_line(export.stderr)
        assert sorted(path.name for path in disk.iterdir()) == [filler.name]


@pytest.mark.parametrize("out", ["file", "stdout"])
def test_a_file_size_limit_while_writing_is_one_line(out: str, tmp_path: Path) -> None:
    limited = limit_file_size(64 * 1024)
    args = ["dataset", "generate", "prompt-completion", "--count", "20000", "--allow-duplicates", "--out"]
    if out == "file":
        result = studykit([*args, str(tmp_path / "d.jsonl")], tmp_path, preexec_fn=limited)
        where = f"{tmp_path / 'd.jsonl'}"
    else:
        with (tmp_path / "piped.jsonl").open("w") as stdout:
            result = subprocess.run(
                [sys.executable, "-m", "studykit", *args, "-"],
                stdout=stdout,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                preexec_fn=limited,
            )
        where = "standard output"
    assert result.returncode == EXIT_IO
    assert only_line(result.stderr) == (
        f"Error: {where}: cannot write: the file size limit (ulimit -f) was reached"
        " — raise the limit ('ulimit -f unlimited') or write less"
    )
    assert not any(path.name.endswith(".tmp") for path in tmp_path.iterdir())


def test_names_longer_than_the_system_allows_are_one_line(tmp_path: Path) -> None:
    long_name = tmp_path / ("n" * 256)
    result = invoke("bank schema", long_name)
    assert result.exit_code == EXIT_INPUT
    assert "a name in the path is 256 bytes long, more than the 255 allowed" in only_line(result.stderr)
    too_deep = tmp_path.joinpath(*["p" * 200] * 22)
    result = invoke("bank schema", too_deep)
    assert result.exit_code == EXIT_INPUT
    assert "bytes long, more than the system allows" in only_line(result.stderr)


def test_a_long_output_name_still_gets_a_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / ("x" * 250 + ".json")
    assert invoke("bank schema", out).exit_code == 0
    assert out.read_text().startswith("{")


KILLED_MID_COMMIT = textwrap.dedent(
    """
    import os, sys
    from studykit.atomic_write import open_outputs
    real_replace = os.replace
    def replace(source, target):
        real_replace(source, target)
        if not os.path.basename(target).startswith("."):
            os._exit(9)  # killed between the two renames onto the outputs
    os.replace = replace
    with open_outputs([sys.argv[1], sys.argv[2]]) as (train, validation):
        train.write("train\\n")
        validation.write("validation\\n")
    """
)


def test_a_validation_pair_cut_short_is_finished_by_the_next_run(tmp_path: Path) -> None:
    train, twin = tmp_path / "d.jsonl", tmp_path / "d.validation.jsonl"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_MID_COMMIT, str(train), str(twin)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert killed.returncode == 9
    assert train.exists() and not twin.exists()  # what a kill -9 between the renames leaves
    again = invoke("dataset generate", train, "--validation-split", "0.2")
    assert again.exit_code == EXIT_INPUT  # the pair is whole again, so it is not replaced without --force
    assert only_line(again.stderr) == f"Error: {train}: already exists — use --force to replace it"
    assert train.read_text() == "train\n" and twin.read_text() == "validation\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["d.jsonl", "d.validation.jsonl"]


def test_a_killed_runs_temporary_files_are_removed_by_the_next_run(tmp_path: Path) -> None:
    stale = [tmp_path / ".d.jsonl.abcd1234.tmp", tmp_path / ".d.validation.jsonl.wxyz_987.tmp"]
    for path in stale:
        path.write_text("half a file\n")
    unrelated = tmp_path / ".d.jsonl.notes"
    unrelated.write_text("mine\n")
    result = invoke("dataset generate", tmp_path / "d.jsonl", "--validation-split", "0.2")
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".d.jsonl.notes",
        "d.jsonl",
        "d.validation.jsonl",
    ]


def test_a_temporary_file_still_being_written_is_left_alone(tmp_path: Path) -> None:
    from studykit import temp_files

    target = tmp_path / "d.jsonl"
    handle, live = temp_files.create(target)  # held, as a running writer holds it
    try:
        temp_files.remove_stale(target)
        assert live.exists()
    finally:
        os.close(handle)
    temp_files.remove_stale(target)
    assert not live.exists()

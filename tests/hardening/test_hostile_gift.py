"""Hostile GIFT files given to ``studykit bank import``.

Unusable files stop with one line naming the file (and the GIFT line when there is
one) and what to do, exit 2; BOM and CRLF import like the plain file; questions
studykit cannot hold (numerical, NaN or not) are skipped with a note naming the line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from studykit.cli import cli
from tests.hardening import hostile
from tests.hardening.process import run_studykit, studykit_env

VALID = b"""$CATEGORY: $course$/top/AIF-C01/fine-tuning

::Q1 wikis:: Which method fits 40 GB of unlabeled wikis? {
  =Continued pre-training#It trains on unlabeled text.
  ~Instruction-based fine-tuning#It needs labeled pairs.
  ~Provisioned Throughput#It serves a model.
  ####Unlabeled text points to continued pre-training.
}
"""

CASES = {
    "binary": hostile._binary,
    "non-utf8": lambda valid: valid + b"// caf\xe9\n",
    "bom": hostile._bom,
    "crlf": hostile._crlf,
    "long-line": lambda valid: valid + b"// " + b"a" * (10 * hostile.MB) + b"\n",
    "truncated": lambda valid: valid[: len(valid) - 30],
    "empty": hostile._empty,
    "duplicate-name": lambda valid: valid + valid.split(b"\n", 1)[1],
    "nan": lambda valid: valid + b"\n::Count:: How many? {#NaN}\n",
    "infinity": lambda valid: valid + b"\n::Count:: How many? {#Infinity:1e308}\n",
    "deep-nesting": lambda valid: valid + b"\n::Deep:: x " + b"{" * 100_000 + b"}" * 100_000 + b"\n",
    "markup": lambda valid: valid.replace(b"Which method", f"{hostile.MARKUP}{hostile.ESCAPES}".encode()),
}
REFUSED = ["binary", "non-utf8", "long-line", "truncated", "empty", "deep-nesting"]
REFUSED += ["folder", "unreadable", "100mb"]


def plant(case: str, path: Path) -> Path:
    if case == "folder":
        hostile.plant_folder(path)
    elif case == "unreadable":
        hostile.plant_unreadable(path, VALID)
    elif case == "100mb":
        hostile.write_sparse(path, 100 * hostile.MB)
    else:
        path.write_bytes(CASES[case](VALID))
    return path


def import_gift(path: Path) -> Result:
    return CliRunner().invoke(cli, ["bank", "import", str(path), "--out", "-"], catch_exceptions=False)


@pytest.mark.parametrize("case", [*CASES, "folder", "unreadable", "100mb"])
def test_hostile_gift_file(case: str, tmp_path: Path) -> None:
    source = plant(case, tmp_path / "bank.gift")
    result = import_gift(source)
    assert "\x1b" not in result.output
    if case in REFUSED:
        lines = result.stderr.splitlines()
        assert result.exit_code == 2, result.output
        assert len(lines) == 1 and lines[0].startswith(f"Error: {source}") and " — " in lines[0], lines
        assert result.stdout == ""
        return
    assert result.exit_code == 0, result.output
    valid_source = _valid(tmp_path)
    expected = import_gift(valid_source).stdout.replace(str(valid_source), str(source))
    if case in ("bom", "crlf"):
        assert result.stdout == expected
    elif case == "duplicate-name":  # the same question twice: kept once, with a note
        assert result.stdout.count("  - id: q1-wikis") == 1
        assert "the same question as line 3 was left out" in result.stderr
    elif case in ("nan", "infinity"):
        assert "Note: line 10: a numerical question was skipped" in result.stderr
        assert result.stdout == expected
    else:  # markup stays literal text in the bank
        assert "[bold red]LOUD[/bold red]" in result.stdout


def _valid(tmp_path: Path) -> Path:
    folder = tmp_path / "valid"
    folder.mkdir()
    path = folder / "bank.gift"
    path.write_bytes(VALID)
    return path


def test_a_huge_gift_file_is_refused_in_bounded_memory_in_a_real_process(tmp_path: Path) -> None:
    source = plant("100mb", tmp_path / "bank.gift")
    outcome = run_studykit(["bank", "import", str(source)], env=studykit_env(tmp_path / "home"))
    assert outcome.code == 2 and outcome.stderr.startswith(f"Error: {source}: GIFT file is larger")
    assert outcome.peak_rss_mb < 120

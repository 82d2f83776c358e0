import json

from click.testing import CliRunner

from studykit.cli import cli


def invoke(*args: str):
    return CliRunner().invoke(cli, ["dataset", *args])


def test_generate_writes_a_file_that_validates_for_the_model(tmp_path):
    out = tmp_path / "train.jsonl"
    result = invoke("generate", "single-turn", "--count", "20", "--model", "nova-micro", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert "Wrote 20 single-turn records" in result.stderr
    check = invoke("validate", str(out), "--model", "nova-micro")
    assert check.exit_code == 0, check.stdout


def test_generate_to_stdout_prints_only_records(tmp_path):
    result = invoke("generate", "prompt-completion", "--count", "5", "--out", "-")
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) == 5
    assert all(set(json.loads(line)) == {"prompt", "completion"} for line in lines)


def test_generate_never_overwrites_without_force(tmp_path):
    out = tmp_path / "train.jsonl"
    out.write_text("keep me\n")
    refused = invoke("generate", "prompt-completion", "--count", "3", "--out", str(out))
    assert refused.exit_code == 2 and "already exists" in refused.stderr
    assert out.read_text() == "keep me\n"
    forced = invoke("generate", "prompt-completion", "--count", "3", "--out", str(out), "--force")
    assert forced.exit_code == 0 and len(out.read_text().splitlines()) == 3


def test_generate_with_a_validation_split_writes_a_held_out_twin(tmp_path):
    out = tmp_path / "train.jsonl"
    result = invoke(
        "generate", "multi-turn", "--count", "40", "--validation-split", "0.25", "--out", str(out)
    )
    assert result.exit_code == 0, result.stderr
    train = out.read_text().splitlines()
    validation = (tmp_path / "train.validation.jsonl").read_text().splitlines()
    assert (len(train), len(validation)) == (30, 10)
    assert not set(train) & set(validation)


def test_generate_refuses_a_count_the_model_rejects(tmp_path):
    result = invoke(
        "generate", "multi-turn", "--count", "3", "--model", "nova-pro", "--out", str(tmp_path / "t")
    )
    assert result.exit_code == 2 and "at least 8" in result.stderr
    assert not (tmp_path / "t").exists()


def test_generate_refuses_a_format_the_model_does_not_take(tmp_path):
    result = invoke("generate", "prompt-completion", "--model", "nova-pro", "--out", str(tmp_path / "t"))
    assert result.exit_code == 2 and "nova-pro takes:" in result.stderr


def test_an_interrupted_generate_leaves_no_file_and_keeps_the_old_one(tmp_path, monkeypatch):
    from studykit.datasets.catalogue import Catalogue

    real = Catalogue.lines

    def interrupted(self, count, seed):
        for number, line in enumerate(real(self, count, seed)):
            if number == 50:
                raise KeyboardInterrupt
            yield line

    monkeypatch.setattr(Catalogue, "lines", interrupted)
    fresh = tmp_path / "fresh.jsonl"
    result = invoke("generate", "prompt-completion", "--count", "500", "--out", str(fresh))
    assert result.exit_code == 130 and "Interrupted." in result.stderr
    kept = tmp_path / "kept.jsonl"
    kept.write_text("old data\n")
    forced = invoke("generate", "prompt-completion", "--count", "500", "--out", str(kept), "--force")
    assert forced.exit_code == 130
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kept.jsonl"]
    assert kept.read_text() == "old data\n"


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    out = tmp_path / "train.jsonl"
    result = invoke(
        "generate", "prompt-completion", "--count", "3000", "--allow-duplicates", "--out", str(out)
    )
    assert result.exit_code == 0
    assert (
        result.stderr.splitlines()[0]
        == f"Wrote 3,000 prompt-completion records ({out.stat().st_size:,} bytes) to {out}"
    )
    assert "\x1b" not in result.stderr and "writing" not in result.stderr


def test_a_progress_bar_follows_the_records_on_a_terminal(monkeypatch):
    import io
    import sys

    from studykit.cli.dataset import _progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with _progress(5000, "train.jsonl") as advance:
        assert advance is not None
        advance(2500)
        advance(5000)
    assert "writing" in screen.getvalue() and "5000/5000" in screen.getvalue()
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with _progress(5000, "train.jsonl") as advance:
        assert advance is None


def test_generate_states_its_capacity_and_refuses_more_without_allow_duplicates(tmp_path):
    out = tmp_path / "train.jsonl"
    small = invoke("generate", "image-caption", "--count", "3", "--out", str(out))
    assert small.exit_code == 0
    capacity = int(small.stderr.split("capacity ")[1].split(" ")[0].replace(",", ""))
    refused = invoke("generate", "image-caption", "--count", str(capacity + 1), "--out", str(tmp_path / "b"))
    assert refused.exit_code == 2 and f"yields {capacity:,} distinct image-caption records" in refused.stderr
    assert "--allow-duplicates" in refused.stderr and not (tmp_path / "b").exists()
    full = invoke("generate", "image-caption", "--count", str(capacity), "--out", str(tmp_path / "c"))
    lines = (tmp_path / "c").read_text().splitlines()
    assert full.exit_code == 0 and len(lines) == len(set(lines)) == capacity
    check = invoke("validate", str(tmp_path / "c"))
    assert check.exit_code == 0 and "0 warning(s), 0 duplicate(s)" in check.stdout
    repeated = invoke(
        "generate",
        "image-caption",
        "--count",
        str(capacity + 1),
        "--allow-duplicates",
        "--out",
        str(tmp_path / "d"),
    )
    assert repeated.exit_code == 0 and "records repeat" in repeated.stderr


def test_one_record_written_is_said_in_the_singular(tmp_path):
    out = tmp_path / "one.jsonl"
    result = invoke("generate", "single-turn", "--count", "1", "--out", str(out))
    assert result.exit_code == 0 and "Wrote 1 single-turn record (" in result.stderr


def test_an_image_prefix_with_a_bucket_name_s3_refuses_is_named_as_the_problem(tmp_path):
    for prefix in ("s3://", "s3://Upper-Case/images", "s3://ab/images", "s3://my bucket/images"):
        result = invoke("generate", "image-caption", "--count", "5", "--image-prefix", prefix, "--out", "-")
        assert result.exit_code == 2, prefix
        assert f"--image-prefix {prefix!r}" in result.stderr and "content/" not in result.stderr


def test_an_image_prefix_for_records_without_images_is_refused(tmp_path):
    result = invoke(
        "generate", "single-turn", "--count", "5", "--image-prefix", "s3://my-bucket/images/", "--out", "-"
    )
    assert result.exit_code == 2 and "--image-prefix applies only to image-caption" in result.stderr

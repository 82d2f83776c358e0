"""Models that the sources no longer confirm as customizable are flagged, without changing any verdict."""

import pytest

from studykit.datasets import api
from studykit.datasets.cost import price_job
from studykit.datasets.cost_report import render_cost
from studykit.datasets.formats import get_format
from studykit.datasets.formats_doc import render_markdown
from studykit.datasets.limits import MODELS, get_model
from studykit.datasets.report import render_formats

FLAGGED = {
    "titan-text-express": "not in Bedrock's current fine-tuning table",
    "titan-text-lite": "not in Bedrock's current fine-tuning table",
    "titan-text-premier": "not in Bedrock's current fine-tuning table",
    "cohere-command": "fine-tuning deprecated by its provider",
}
CURRENT = ("nova-lite", "llama-3-1-8b", "claude-3-haiku", "nova-2-lite")


def pairs(count: int) -> list[dict[str, str]]:
    return [
        {"prompt": f"What is service number {n}?", "completion": "A managed AWS service."}
        for n in range(count)
    ]


def passages(count: int) -> list[dict[str, str]]:
    return [{"input": f"Passage {n}: Amazon S3 stores objects in buckets."} for n in range(count)]


def test_exactly_the_four_models_carry_a_dated_sourced_availability_record():
    assert {model.id for model in MODELS.values() if model.availability} == set(FLAGGED)
    for model_id, label in FLAGGED.items():
        found = get_model(model_id).availability
        assert found.label == label and found.as_of == "2026-12-05" and found.reason
        urls = [source.url for source in found.sources]
        assert "https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-fine-tuning.html" in urls
        assert all(source.as_of == "2026-12-05" for source in found.sources)
    cohere = get_model("cohere-command").availability
    assert "https://docs.cohere.com/docs/fine-tuning-cohere-models-on-amazon-bedrock" in [
        source.url for source in cohere.sources
    ]
    assert "2025-09-15" in cohere.reason


@pytest.mark.parametrize("model_id", FLAGGED)
def test_validating_for_a_flagged_model_adds_one_note_per_file_and_stays_valid(model_id):
    report = api.validate(pairs(300), "prompt-completion", model_id)
    assert report.valid and report.errors == 0
    assert report.notes == report.counts["model-availability"] == 1
    (note,) = [finding for finding in report.findings if finding.code == "model-availability"]
    assert note.severity == "note" and note.line is None
    assert note.message.startswith(f"{model_id}: {FLAGGED[model_id]} (as of 2026-12-05)")
    assert "before paying for a job" in note.hint


@pytest.mark.parametrize("model_id", ["titan-text-express", "titan-text-lite"])
def test_continued_pretraining_files_for_titan_are_noted_and_still_valid(model_id):
    report = api.validate(passages(50), None, model_id)
    assert report.valid and report.format_id == "continued-pretraining"
    assert report.counts["model-availability"] == 1


def test_an_invalid_file_stays_invalid_with_the_note_beside_its_errors():
    report = api.validate([{"prompt": "only a prompt"}], "prompt-completion", "cohere-command")
    assert not report.valid and report.counts["model-availability"] == 1


@pytest.mark.parametrize("model_id", ["llama-3-1-8b", "llama-3-1-70b"])
def test_current_models_get_no_availability_note(model_id):
    report = api.validate(pairs(300), "prompt-completion", model_id)
    assert report.valid and report.notes == 0 and "model-availability" not in report.counts


def test_without_a_model_no_availability_note_is_added():
    report = api.validate(passages(5))
    assert report.valid and report.notes == 0


def test_formats_listing_flags_the_models_and_a_format_whose_every_model_is_flagged():
    listing = "\n".join(render_formats(get_format("continued-pretraining")))
    assert "every model that takes this format may no longer be customizable" in listing
    assert "titan-text-express *" in listing and "titan-text-lite *" in listing
    everything = " ".join(" ".join(render_formats()).split())  # unwrapped
    for model_id in FLAGGED:
        assert f"{model_id} *" in everything  # marked in the limits table
    assert "cohere-command: fine-tuning deprecated by its provider (as of 2026-12-05)" in everything
    assert (
        "titan-text-express, titan-text-lite, titan-text-premier: not in Bedrock's current fine-tuning table"
        in everything
    )
    for model_id in CURRENT:
        assert f"{model_id} *" not in everything


def test_a_format_without_flagged_models_says_nothing_about_availability():
    listing = "\n".join(render_formats(get_format("single-turn")))
    assert "Availability" not in listing and " *" not in listing


def test_cost_estimates_carry_the_note_for_flagged_models_only():
    flagged = price_job(10_000, get_model("titan-text-premier"))
    assert "not in Bedrock's current fine-tuning table" in " ".join(render_cost(flagged))
    assert flagged.to_json()["model_availability"]["status"] == "not-in-fine-tuning-table"
    current = price_job(10_000, get_model("nova-lite"))
    assert "fine-tuning table" not in " ".join(render_cost(current))
    assert current.to_json()["model_availability"] is None


def test_the_formats_page_gives_each_flagged_model_its_availability_and_sources():
    page = render_markdown()
    for model_id in FLAGGED:
        section = page.split(f"(`{model_id}`)", 1)[1].split("**", 1)[0]
        assert f"- Availability: {FLAGGED[model_id]} (as of 2026-12-05)" in section
        assert "(as of 2026-12-05)" in section.split("- Availability:", 1)[1]
    for model_id in CURRENT:
        section = page.split(f"(`{model_id}`)", 1)[1].split("**", 1)[0]
        assert "Availability" not in section
    cpt = page.split("### `continued-pretraining`", 1)[1].split("###", 1)[0]
    assert "every model that takes this format may no longer be customizable" in cpt

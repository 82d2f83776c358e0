"""Formats once missing: Nova preference data (DPO), reinforcement prompts, Nova continued pre-training."""

import io
import json

from studykit.datasets.formats import get_format
from studykit.datasets.limits import get_model
from studykit.datasets.validate import validate_stream
from tests.datasets.samples import VALID, jsonl


def run(data: bytes, format_id: str | None = None, model_id: str | None = None):
    fmt = get_format(format_id) if format_id else None
    model = get_model(model_id) if model_id else None
    return validate_stream(io.BytesIO(data), "n.jsonl", fmt, model, max_findings=1000)


def copy(record: dict) -> dict:
    return json.loads(json.dumps(record))


def test_each_new_format_is_recognised_from_its_records():
    for format_id in ("preference", "reinforcement", "nova-continued-pretraining"):
        report = run(jsonl(VALID[format_id]))
        assert (report.valid, report.format_id) == (True, format_id)


def test_preference_candidates_follow_the_nova_dpo_rules():
    # https://docs.aws.amazon.com/nova/latest/userguide/nova-dpo.html: only the last turn holds
    # candidates, labeled preferred / non-preferred.
    same_labels = copy(VALID["preference"])
    for candidate in same_labels["messages"][-1]["candidates"]:
        candidate["preferenceLabel"] = "preferred"
    one_candidate = copy(VALID["preference"])
    one_candidate["messages"][-1]["candidates"].pop()
    image = copy(VALID["preference"])
    image["messages"][-1]["candidates"][0]["content"].append({"image": {"format": "png"}})
    no_candidates = copy(VALID["single-turn"])
    report = run(jsonl(same_labels, one_candidate, image, no_candidates), "preference")
    found = {(f.line, f.code) for f in report.findings}
    assert {(1, "candidates"), (2, "candidates"), (3, "candidates"), (4, "candidates")} <= found


def _media(kind: str, extension: str) -> dict:
    return {
        kind: {
            "format": extension,
            "source": {"s3Location": {"uri": f"s3://amzn-s3-demo-bucket/a.{extension}"}},
        }
    }


def test_a_preference_prompt_takes_no_video_and_at_most_one_document():
    # AWS's Nova dataset validator refuses video in DPO samples and more than one document per
    # sample (aws-samples/amazon-nova-samples, customization/bedrock-finetuning/understanding/
    # dataset_validation/nova_ft_dataset_validator.py, read 2026-12-04).
    video = copy(VALID["preference"])
    video["messages"][0]["content"].append(_media("video", "mp4"))
    documents = copy(VALID["preference"])
    documents["messages"][0]["content"] += [_media("document", "pdf"), _media("document", "pdf")]
    image = copy(VALID["preference"])
    image["messages"][0]["content"].append(_media("image", "png"))
    for model_id in (None, "nova-lite"):
        report = run(jsonl(video, documents, image), "preference", model_id)
        messages = {(f.line, f.code): f.message for f in report.findings}
        assert "video" in messages[(1, "media")] and "2 documents" in messages[(2, "media")]
        assert not [f for f in report.findings if f.line == 3 and f.is_error]


def test_preference_data_takes_nova_1_models_only():
    record = VALID["preference"]
    assert run(jsonl(*[record] * 8), "preference", "nova-micro").valid
    assert "preference" not in get_model("nova-2-lite").formats


def test_reinforcement_prompts_follow_the_rft_data_rules():
    # https://docs.aws.amazon.com/bedrock/latest/userguide/rft-prepare-data.html
    system_last = copy(VALID["reinforcement"])
    system_last["messages"].reverse()
    no_user = copy(VALID["reinforcement"])
    no_user["messages"] = no_user["messages"][:1]
    number_answer = {**copy(VALID["reinforcement"]), "reference_answer": 4}
    grader_fields = {**copy(VALID["reinforcement"]), "id": "q-1", "difficulty": "easy"}
    report = run(jsonl(system_last, no_user, number_answer, grader_fields), "reinforcement")
    found = {(f.line, f.code) for f in report.findings}
    assert {(1, "role-order"), (2, "missing-key"), (3, "wrong-type")} <= found
    assert not [f for f in report.findings if f.line == 4]


def test_reinforcement_record_bounds_differ_from_supervised_bounds_for_nova_2_lite():
    # RFT takes 100-20,000 records; SFT on Nova 2 Lite at least 200.
    records = [{**VALID["reinforcement"], "id": str(n)} for n in range(150)]
    assert run(jsonl(*records), model_id="nova-2-lite").valid
    conversations = [VALID["single-turn"]] * 150
    report = run(jsonl(*conversations), "single-turn", "nova-2-lite")
    assert "record-count" in report.counts


def test_nova_continued_pretraining_is_text_under_the_key_text():
    # https://docs.aws.amazon.com/nova/latest/nova2-userguide/nova-data-prep-cpt-2.html
    report = run(jsonl({"text": "Amazon S3 stores objects.", "input": "x"}), "nova-continued-pretraining")
    assert [(f.code, f.message) for f in report.findings] == [("unknown-key", "unexpected key 'input'")]

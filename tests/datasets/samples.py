"""One valid record per format, shared by the dataset tests."""

from __future__ import annotations

import functools
import json

CONVERSATION = {
    "schemaVersion": "bedrock-conversation-2024",
    "system": [{"text": "You are a patient tutor for the AI Practitioner exam."}],
    "messages": [
        {"role": "user", "content": [{"text": "What is continued pre-training?"}]},
        {"role": "assistant", "content": [{"text": "Further training on unlabeled domain text."}]},
    ],
}

VALID: dict[str, dict] = {
    "prompt-completion": {"prompt": "What is AWS?", "completion": "Amazon Web Services, a cloud platform."},
    "continued-pretraining": {"input": "Amazon S3 stores objects in buckets; each object has a key."},
    "single-turn": CONVERSATION,
    "multi-turn": {
        **CONVERSATION,
        "messages": [
            *CONVERSATION["messages"],
            {"role": "user", "content": [{"text": "Does it need labels?"}]},
            {"role": "assistant", "content": [{"text": "No: it learns from raw domain text."}]},
        ],
    },
    "distillation": {**CONVERSATION, "messages": CONVERSATION["messages"][:1]},
    "claude-messages": {
        "system": "You are a patient tutor.",
        "messages": [
            {"role": "user", "content": "What is retrieval-augmented generation?"},
            {"role": "assistant", "content": "Answering with documents fetched at query time."},
        ],
    },
    "nova-continued-pretraining": {"text": "Amazon S3 stores objects in buckets; each object has a key."},
    "preference": {
        "system": [{"text": "You are a patient tutor for the AI Practitioner exam."}],
        "messages": [
            {"role": "user", "content": [{"text": "Does continued pre-training need labeled data?"}]},
            {
                "role": "assistant",
                "candidates": [
                    {
                        "content": [{"text": "No: it learns from unlabeled domain text."}],
                        "preferenceLabel": "preferred",
                    },
                    {
                        "content": [{"text": "Yes: every passage needs an answer."}],
                        "preferenceLabel": "non-preferred",
                    },
                ],
            },
        ],
    },
    "reinforcement": {
        "messages": [
            {"role": "system", "content": "You are a patient tutor."},
            {"role": "user", "content": "Which customization method trains on unlabeled text?"},
        ],
        "reference_answer": "Continued pre-training",
    },
    "image-caption": {
        "image-ref": "s3://amzn-s3-demo-bucket/diagrams/rag.png",
        "caption": "A RAG pipeline diagram",
    },
}

MODEL_FOR = {
    "prompt-completion": "titan-text-express",
    "continued-pretraining": "titan-text-lite",
    "single-turn": "nova-micro",
    "multi-turn": "nova-lite",
    "distillation": "nova-pro",
    "claude-messages": "claude-3-haiku",
    "image-caption": "titan-image-generator",
    "nova-continued-pretraining": None,
    "preference": "nova-lite",
    "reinforcement": "gpt-oss-20b",
}


def jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(record).encode() + b"\n" for record in records)


@functools.cache
def shipped_material():
    """The material of the shipped concepts and question pool, built once for all tests."""
    from studykit.datasets.material import load_material

    return load_material()


@functools.cache
def catalogue(format_id: str, model_id: str | None = None):
    """The generator's catalogue of ``format_id`` records for ``model_id`` (or no model)."""
    from studykit.datasets.formats import get_format
    from studykit.datasets.generate import DEFAULT_IMAGE_PREFIX, build_catalogue
    from studykit.datasets.limits import get_model

    model = get_model(model_id) if model_id else None
    return build_catalogue(get_format(format_id), model, shipped_material(), DEFAULT_IMAGE_PREFIX)


@functools.cache
def generated(format_id: str, model_id: str | None = None, count: int = 300, seed: int = 0) -> tuple:
    """Up to ``count`` generated records (never more than the capacity)."""
    found = catalogue(format_id, model_id)
    return tuple(found.stream(min(count, found.capacity), seed))

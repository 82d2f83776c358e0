"""Tell a record's format from its keys, so ``--format auto`` works on any file."""

from __future__ import annotations

OPENAI_CHAT = "openai-chat"
"""OpenAI's chat fine-tuning layout: not a Bedrock format, but ``dataset convert`` reads it."""


def detect_format(record: object) -> str | None:
    """The format id that ``record`` looks like, or None when it matches none."""
    if not isinstance(record, dict):
        return None
    messages = record.get("messages")
    if isinstance(messages, list) and "reference_answer" in record:
        return "reinforcement"
    if isinstance(messages, list) and any(isinstance(m, dict) and "candidates" in m for m in messages):
        return "preference"
    if "schemaVersion" in record or _has_block_content(messages):
        last = messages[-1] if isinstance(messages, list) and messages else None
        if isinstance(last, dict) and last.get("role") == "user":
            return "distillation"
        return "multi-turn"
    if isinstance(messages, list):
        roles = [message.get("role") for message in messages if isinstance(message, dict)]
        # Without a system message the two layouts are the same; Claude's is the Bedrock one.
        return OPENAI_CHAT if "system" in roles else "claude-messages"
    if "prompt" in record or "completion" in record:
        return "prompt-completion"
    if "input" in record:
        return "continued-pretraining"
    if "image-ref" in record or "caption" in record:
        return "image-caption"
    if "text" in record:
        return "nova-continued-pretraining"
    return None


def _has_block_content(messages: object) -> bool:
    if not isinstance(messages, list):
        return False
    return any(isinstance(message, dict) and isinstance(message.get("content"), list) for message in messages)


def undetected_hint(record: object) -> str:
    """What to tell a user whose record matches no format."""
    return "pass --format; 'studykit dataset formats' lists them"

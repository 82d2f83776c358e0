"""Tell a record's format from its keys, so ``--format auto`` works on any file."""

from __future__ import annotations

OPENAI_CHAT = "openai-chat"
"""OpenAI's chat fine-tuning layout: not a Bedrock format, but ``dataset convert`` reads it."""


def detect_format(record: object) -> str | None:
    """The format id that ``record`` looks like, or None when it matches none."""
    if not isinstance(record, dict):
        return None
    messages = record.get("messages")
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
    return None


def _has_block_content(messages: object) -> bool:
    if not isinstance(messages, list):
        return False
    return any(isinstance(message, dict) and isinstance(message.get("content"), list) for message in messages)


def undetected_hint(record: object) -> str:
    """What to tell a user whose record matches no format."""
    if isinstance(record, dict) and set(record) == {"text"}:
        return (
            'a lone "text" key is Nova continued pre-training (SageMaker AI); Bedrock\'s Titan uses "input"'
        )
    return "pass --format; 'studykit dataset formats' lists them"


def settle_conversation(format_id: str | None, longest_conversation: int) -> str | None:
    """A detected conversation file whose every record is one exchange is single-turn data.

    Detection sees one record at a time and calls conversations multi-turn (the wider rule set, so a
    later longer record still validates); once the whole file is read, the narrower name tells the truth.
    """
    if format_id == "multi-turn" and 0 < longest_conversation <= 2:
        return "single-turn"
    return format_id

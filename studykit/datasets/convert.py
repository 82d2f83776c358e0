"""Convert between OpenAI chat JSONL, bedrock-conversation-2024, Claude 3 Haiku, prompt/completion,
reinforcement fine-tuning prompts and the two continued pre-training layouts.

Every conversation passes through one neutral form (a system text and a list of turns),
so each pair of formats is covered by one reader and one writer. Whatever a target
cannot hold is dropped and counted, never silently: OpenAI tool calls and names,
Bedrock image/video/document blocks, and (for prompt/completion) the system prompt;
dialogues longer than one exchange cannot become prompt/completion and are skipped.
A reinforcement record takes the conversation up to its last user turn as the prompt and
the last assistant turn as ``reference_answer`` (what the reward function scores against).
Unlabeled text converts only between Titan's ``{"input": …}`` and Nova's ``{"text": …}``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TextIO

from studykit.datasets import lines as rawlines
from studykit.datasets.detect import OPENAI_CHAT, detect_format
from studykit.datasets.formats import SCHEMA_VERSION
from studykit.datasets.strict_json import parse_record
from studykit.errors import StudykitError

BEDROCK = "multi-turn"
REINFORCEMENT = "reinforcement"
PASSAGE_KEYS = {"continued-pretraining": "input", "nova-continued-pretraining": "text"}
"""Unlabeled text for continued pre-training: Titan's key and Nova's."""
TARGETS = (
    OPENAI_CHAT,
    BEDROCK,
    "single-turn",
    "claude-messages",
    "prompt-completion",
    REINFORCEMENT,
    *PASSAGE_KEYS,
)
SOURCES = (
    OPENAI_CHAT,
    BEDROCK,
    "single-turn",
    "distillation",
    "claude-messages",
    "prompt-completion",
    *PASSAGE_KEYS,
)
_CHAT = (OPENAI_CHAT, "claude-messages")
_BEDROCK_FAMILY = (BEDROCK, "single-turn", "distillation")


@dataclass
class Conversation:
    """A record in neutral form."""

    system: str | None
    turns: list[tuple[str, str]]


@dataclass
class ConversionReport:
    """How many records were written, skipped, and what was dropped from them."""

    source: str
    target: str
    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)

    def to_json(self) -> dict[str, object]:
        return {
            "from": self.source,
            "to": self.target,
            "written": self.written,
            "skipped": dict(self.skipped),
            "dropped": dict(self.dropped),
        }


class Skip(Exception):
    """A record the target format cannot hold; the message says why."""


def convert_one(record: object, source: str, target: str, dropped: Counter[str]) -> dict[str, object]:
    """One record of ``source`` as a record of ``target`` (raises :class:`Skip` when it cannot be)."""
    if source in PASSAGE_KEYS or target in PASSAGE_KEYS:
        return _passage(record, source, target, dropped)
    return write_conversation(read_conversation(record, source, dropped), target, dropped)


def _passage(record: object, source: str, target: str, dropped: Counter[str]) -> dict[str, object]:
    if source not in PASSAGE_KEYS or target not in PASSAGE_KEYS:
        raise Skip(
            "unlabeled text converts only between continued-pretraining and nova-continued-pretraining"
        )
    if not isinstance(record, dict):
        raise Skip("not a JSON object")
    key = PASSAGE_KEYS[source]
    text = record.get(key)
    if not isinstance(text, str):
        raise Skip(f"{key} is not a string")
    for other in record:
        if other != key:
            dropped[f"record {other!s}"] += 1
    return {PASSAGE_KEYS[target]: text}


def read_conversation(record: object, source: str, dropped: Counter[str]) -> Conversation:
    """Any supported record → neutral form (raises :class:`Skip` for shapes it cannot read)."""
    if not isinstance(record, dict):
        raise Skip("not a JSON object")
    if source == "prompt-completion":
        prompt, completion = record.get("prompt"), record.get("completion")
        if not isinstance(prompt, str) or not isinstance(completion, str):
            raise Skip("prompt or completion is not a string")
        return Conversation(None, [("user", prompt), ("assistant", completion)])
    if source in _BEDROCK_FAMILY:
        return _read_bedrock(record, dropped)
    return _read_chat(record, dropped)


def _read_bedrock(record: dict, dropped: Counter[str]) -> Conversation:
    system = record.get("system")
    texts = (
        [block.get("text") for block in system if isinstance(block, dict)] if isinstance(system, list) else []
    )
    turns = []
    for message in _messages(record):
        content = message.get("content")
        if not isinstance(content, list):
            raise Skip("message content is not a list of blocks")
        parts = []
        for block in content:
            if isinstance(block, dict) and isinstance(block.get("text"), str):
                parts.append(block["text"])
            else:
                kind = next(iter(block), "block") if isinstance(block, dict) and block else "block"
                dropped[f"{kind} blocks"] += 1
        if len(parts) > 1:
            dropped["text blocks merged into one"] += len(parts) - 1
        turns.append((_role(message), "\n\n".join(parts)))
    strings = [text for text in texts if isinstance(text, str)]
    return Conversation("\n\n".join(strings) if strings else None, turns)


def _read_chat(record: dict, dropped: Counter[str]) -> Conversation:
    system = record.get("system") if isinstance(record.get("system"), str) else None
    turns: list[tuple[str, str]] = []
    for message in _messages(record):
        role = message.get("role")
        for key in message:
            if key not in ("role", "content"):
                dropped[f"message {key!s}"] += 1
        text = _chat_text(message.get("content"), dropped)
        if role == "system" and not turns:
            system = text if system is None else f"{system}\n\n{text}"
        elif role in ("user", "assistant"):
            turns.append((role, text))
        else:
            dropped[f"{role} messages"] += 1
    for key in record:
        if key not in ("messages", "system"):
            dropped[f"record {key!s}"] += 1
    return Conversation(system, turns)


def _chat_text(content: object, dropped: Counter[str]) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text") for p in content if isinstance(p, dict) and p.get("type") == "text"]
        dropped["non-text content parts"] += len(content) - len(parts)
        return "\n\n".join(part for part in parts if isinstance(part, str))
    raise Skip("message content is neither text nor a list of parts")


def _messages(record: dict) -> list[dict]:
    messages = record.get("messages")
    if not isinstance(messages, list) or not all(isinstance(m, dict) for m in messages):
        raise Skip("no list of message objects")
    return messages


def _role(message: dict) -> str:
    role = message.get("role")
    if role not in ("user", "assistant"):
        raise Skip(f"role {role!r} is not user or assistant")
    return role


def write_conversation(conversation: Conversation, target: str, dropped: Counter[str]) -> dict[str, object]:
    """Neutral form → a record of ``target`` (raises :class:`Skip` when it cannot hold it)."""
    system, turns = conversation.system, conversation.turns
    if not turns or turns[-1][0] != "assistant":
        raise Skip(
            "no assistant reply to train on"
            if target != REINFORCEMENT
            else "no assistant reply to score against"
        )
    if target == REINFORCEMENT:
        if "user" not in (role for role, _ in turns[:-1]):
            raise Skip("no user prompt before the reply")
        prompt = [{"role": role, "content": text} for role, text in turns[:-1]]
        system_message = [{"role": "system", "content": system}] if system is not None else []
        return {"messages": system_message + prompt, "reference_answer": turns[-1][1]}
    if target == "prompt-completion":
        if [role for role, _ in turns] != ["user", "assistant"]:
            raise Skip("prompt/completion holds exactly one user-assistant exchange")
        if system:
            dropped["system prompts"] += 1
        return {"prompt": turns[0][1], "completion": turns[1][1]}
    if target == "single-turn" and len(turns) != 2:
        raise Skip("single-turn holds exactly two messages")
    if target in (BEDROCK, "single-turn"):
        record: dict[str, object] = {"schemaVersion": SCHEMA_VERSION}
        if system is not None:
            record["system"] = [{"text": system}]
        record["messages"] = [{"role": role, "content": [{"text": text}]} for role, text in turns]
        return record
    messages = [{"role": role, "content": text} for role, text in turns]
    if target == "claude-messages":
        return {"system": system, "messages": messages} if system is not None else {"messages": messages}
    return {"messages": ([{"role": "system", "content": system}] if system is not None else []) + messages}


def convert_stream(source_path: str, source: str | None, target: str, out: TextIO) -> ConversionReport:
    """Convert the JSONL file at ``source_path`` line by line into ``out``.

    A line that is not JSON stops the conversion with its line number (exit 2): validate first.
    """
    if target not in TARGETS:
        raise StudykitError(f"cannot convert to {target!r}", hint=f"targets: {', '.join(TARGETS)}")
    if source is not None and source not in SOURCES:
        raise StudykitError(f"cannot convert from {source!r}", hint=f"sources: {', '.join(SOURCES)}")
    if source is not None and (source in PASSAGE_KEYS) != (target in PASSAGE_KEYS):
        raise StudykitError(
            f"cannot convert {source} to {target}",
            hint="unlabeled text converts only between continued-pretraining and nova-continued-pretraining",
        )
    report = ConversionReport(source or "auto", target)
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    seen = 0
    with rawlines.open_input(source_path) as stream:
        for number, record in _records(stream, source_path):
            seen += 1
            try:
                kind = source_kind(record, source, "pass --from")
            except StudykitError as error:
                error.path, error.line = source_path, number
                raise
            if report.source == "auto":
                report.source = kind
            try:
                converted = convert_one(record, kind, target, report.dropped)
            except Skip as reason:
                report.skipped[str(reason)] += 1
                continue
            out.write(dumps(converted) + "\n")
            report.written += 1
    if not seen:
        raise StudykitError("the file holds no records", source_path, hint="add one JSON object per line")
    if not report.written:
        # An empty output would pass for a converted file; nothing is written instead.
        reason, count = report.skipped.most_common(1)[0]
        check = f"'studykit dataset validate {source_path}' names the file's format"
        raise StudykitError(
            f"no record converts to {report.target}: {reason} ({count:,} of {seen:,} records)",
            source_path,
            hint=f"are these {source} records? {check}" if source else f"convert to another format; {check}",
        )
    return report


def source_kind(record: object, source: str | None, choose: str) -> str:
    """The format ``record`` converts from: ``source``, else the one it looks like.

    Raises :class:`StudykitError` (``choose`` as the hint) when it looks like no format, and
    names the format when it is one that ``convert`` does not read (preference, image-caption).
    """
    kind = source or detect_format(record)
    if kind is None:
        raise StudykitError("cannot tell which format this record is", hint=choose)
    if kind not in SOURCES:
        raise StudykitError(f"{kind} records do not convert", hint=f"convert reads: {', '.join(SOURCES)}")
    return kind


def _not_json(error: Exception) -> str:
    """Why a line is not a record, in a few words."""
    if isinstance(error, UnicodeDecodeError):
        reason = f"byte 0x{error.object[error.start]:02x} is not UTF-8"
    elif isinstance(error, json.JSONDecodeError):
        reason = f"{error.msg} at column {error.colno}"
    elif isinstance(error, RecursionError):
        reason = "nested too deeply"
    else:
        reason = str(error)
    return f"not a JSON record ({reason})"


def _records(stream: object, name: str) -> Iterator[tuple[int, object]]:
    for number, data, flags in rawlines.read_lines(stream):  # type: ignore[arg-type]
        if not data.strip() and not flags & rawlines.TOO_LONG:
            continue
        try:
            yield number, parse_record(data)
        except (ValueError, RecursionError) as error:
            raise StudykitError(
                "line too long" if flags & rawlines.TOO_LONG else _not_json(error),
                name,
                number,
                hint=f"run 'studykit dataset validate {name}' first",
            ) from None

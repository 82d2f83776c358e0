"""Rules for conversation records: bedrock-conversation-2024 and Claude 3 Haiku's layout.

Roles alternate user, assistant, …, starting with the user and ending as the format
says; system text lives outside ``messages``; media blocks follow the model's rules.
"""

from __future__ import annotations

from studykit.datasets.context import CheckContext, kind
from studykit.datasets.findings import WARNING, preview
from studykit.datasets.formats import SCHEMA_VERSION
from studykit.datasets.media import MEDIA_KINDS, MediaCount

ROLES = ("user", "assistant")
TOOL_BLOCKS = ("toolUse", "toolResult")
NOVA2_SFT = "https://docs.aws.amazon.com/bedrock/latest/userguide/nova-2-sft-data-prep.html"
_MESSAGE_KEYS = frozenset(("role", "content"))


def check_conversation(checker: CheckContext, record: dict) -> int:
    """bedrock-conversation-2024: system blocks, then messages of content blocks."""
    chars = 0
    version = record.get("schemaVersion")
    if "schemaVersion" in record and not isinstance(version, str):
        checker.error(
            "wrong-type", f"must be a string, not {kind(version)}", f"use {SCHEMA_VERSION!r}", "schemaVersion"
        )
    elif isinstance(version, str) and version != SCHEMA_VERSION:
        checker.error(
            "schema-version",
            f"schemaVersion is {preview(version)}",
            f"use {SCHEMA_VERSION!r}",
            "schemaVersion",
            WARNING,
        )
    if "toolConfig" in record:
        _tool_use(checker, "toolConfig")
    if "system" in record:
        chars += _system_blocks(checker, record["system"])
    messages = record.get("messages")
    if not _message_list(checker, messages, "messages" in record):
        return chars
    media = MediaCount(checker)
    for index, message in enumerate(messages):
        path = f"messages[{index}]"
        if not _message_shape(checker, message, path):
            continue
        content = message.get("content")
        if not isinstance(content, list):
            if "content" in message:
                checker.error(
                    "wrong-type",
                    f"must be a list of blocks, not {kind(content)}",
                    'write [{"text": "…"}]',
                    path + ".content",
                )
            continue
        if not content:
            checker.error("empty-text", "content is empty", 'add a {"text": "…"} block', path + ".content")
        for number, block in enumerate(content):
            chars += _block(checker, block, f"{path}.content[{number}]", message.get("role"), media)
        _reasoning_has_answer(checker, content, path)
        media.end_message(path)
    media.end_record()
    _roles(checker, messages)
    return chars


def check_claude(checker: CheckContext, record: dict) -> int:
    """Claude 3 Haiku: a system string and messages whose content is a string."""
    chars = checker.text(record["system"], "system") if "system" in record else 0
    messages = record.get("messages")
    if not _message_list(checker, messages, "messages" in record):
        return chars
    for index, message in enumerate(messages):
        path = f"messages[{index}]"
        if _message_shape(checker, message, path) and "content" in message:
            chars += checker.text(message["content"], path + ".content")
    _roles(checker, messages)
    return chars


def _system_blocks(checker: CheckContext, value: object) -> int:
    if not isinstance(value, list):
        checker.error(
            "wrong-type",
            f'must be a list of {{"text": …}} blocks, not {kind(value)}',
            'write "system": [{"text": "…"}]',
            "system",
        )
        return 0
    chars = 0
    for index, block in enumerate(value):
        path = f"system[{index}]"
        if isinstance(block, dict) and set(block) == {"text"}:
            chars += checker.text(block["text"], path + ".text")
        else:
            checker.error("wrong-type", 'a system block is {"text": …}', "system blocks hold text only", path)
    return chars


def _message_list(checker: CheckContext, messages: object, present: bool) -> bool:
    if not present:
        return False
    fmt = checker.fmt
    if not isinstance(messages, list):
        checker.error("wrong-type", f"must be a list of messages, not {kind(messages)}", "", "messages")
        return False
    if len(messages) < fmt.min_messages:
        checker.error(
            "too-few-messages",
            f"{len(messages)} message(s); {fmt.id} needs at least {fmt.min_messages}",
            "add the missing turns",
            "messages",
        )
    elif fmt.max_messages is not None and len(messages) > fmt.max_messages:
        checker.error(
            "too-many-messages",
            f"{len(messages)} messages; {fmt.id} takes at most {fmt.max_messages}",
            "use multi-turn for dialogues",
            "messages",
        )
    return True


def _message_shape(checker: CheckContext, message: object, path: str) -> bool:
    if not isinstance(message, dict):
        checker.error("wrong-type", f"a message must be an object, not {kind(message)}", "", path)
        return False
    checker.keys(message, ("role", "content"), _MESSAGE_KEYS, path)
    role = message.get("role")
    if "role" in message and role not in ROLES:
        hint = "system text goes in the top-level 'system'" if role == "system" else "use user or assistant"
        checker.error("role-value", f"role {preview(role)} is not user or assistant", hint, path + ".role")
    return True


def _block(checker: CheckContext, block: object, path: str, role: object, media: MediaCount) -> int:
    if not isinstance(block, dict) or len(block) != 1:
        checker.error("wrong-type", "a content block is an object with one key", 'e.g. {"text": "…"}', path)
        return 0
    name, value = next(iter(block.items()))
    if name == "text":
        return checker.text(value, path + ".text")
    if name == "reasoningContent":
        return _reasoning(checker, value, path, role)
    if name in TOOL_BLOCKS:
        _tool_use(checker, path)
        return 0
    if name not in MEDIA_KINDS:
        checker.error(
            "unknown-key",
            f"unknown content block {preview(name)}",
            "use text, image, video or document",
            path,
        )
        return 0
    if role != "user":
        checker.error(
            "media-role", f"{name} blocks belong in user messages only", "move it to a user turn", path
        )
    media.add(name, value, path)
    return 0


def _reasoning(checker: CheckContext, value: object, path: str, role: object) -> int:
    """A reasoning trace: text only, in assistant turns, for a model that trains on it (Nova 2 Lite).

    Source: "Supervised fine-tuning on Amazon Nova 2.0", :data:`NOVA2_SFT`.
    """
    model = checker.model
    if model is not None and not model.reasoning:
        checker.error(
            "reasoning",
            f"{model.id} does not train on reasoningContent blocks",
            "drop the block, or customize Amazon Nova 2 Lite (nova-2-lite)",
            path,
        )
        return 0
    if role != "assistant":
        checker.error("reasoning", "reasoningContent belongs in assistant messages only", "move it", path)
    inner = (
        value.get("reasoningText") if isinstance(value, dict) and set(value) == {"reasoningText"} else None
    )
    if not isinstance(inner, dict) or set(inner) != {"text"}:
        checker.error(
            "reasoning",
            'reasoningContent must be {"reasoningText": {"text": …}}',
            "only text reasoning is supported (no redacted or image reasoning)",
            path + ".reasoningContent",
        )
        return 0
    return checker.text(inner["text"], path + ".reasoningContent.reasoningText.text")


def _reasoning_has_answer(checker: CheckContext, content: list, path: str) -> None:
    """A reasoning trace comes with the final answer it leads to, as a text block."""
    kinds = {next(iter(block)) for block in content if isinstance(block, dict) and len(block) == 1}
    if "reasoningContent" in kinds and "text" not in kinds:
        checker.error(
            "reasoning", "reasoning without a final answer", 'add the answer as a {"text": …} block', path
        )


def _tool_use(checker: CheckContext, path: str) -> None:
    checker.error(
        "tool-use",
        "tool use is not supported by Nova 2 supervised fine-tuning: tool sections can make the job fail",
        f"remove toolConfig, toolUse and toolResult (see {NOVA2_SFT})",
        path,
    )


def _roles(checker: CheckContext, messages: list) -> None:
    roles = [message.get("role") if isinstance(message, dict) else None for message in messages]
    for index, role in enumerate(roles):
        expected = ROLES[index % 2]
        if role in ROLES and role != expected:
            if index == 0:
                code, hint = "first-role", "a conversation starts with the user"
            else:
                code, hint = "role-order", "roles alternate user, assistant, user, …"
            checker.error(
                code, f"role is {role!r} where {expected!r} belongs", hint, f"messages[{index}].role"
            )
            break  # one order error per record; the last role is still checked
    last = roles[-1] if roles else None
    if last in ROLES and last not in checker.fmt.last_roles:
        ends = " or ".join(checker.fmt.last_roles)
        checker.error(
            "last-role",
            f"the last message is from the {last}",
            f"{checker.fmt.id} ends with the {ends}",
            f"messages[{len(roles) - 1}].role",
        )

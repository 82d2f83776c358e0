"""Rules for conversation records: bedrock-conversation-2024 and Claude 3 Haiku's layout.

Roles alternate user, assistant, …, starting with the user and ending as the format
says; system text lives outside ``messages``; media blocks follow the model's rules.
"""

from __future__ import annotations

from studykit.datasets.blocks import check_block, reasoning_has_answer, tool_use
from studykit.datasets.context import CheckContext, kind
from studykit.datasets.findings import WARNING, preview
from studykit.datasets.formats import PREFERENCE, SCHEMA_VERSION
from studykit.datasets.media import MediaCount

ROLES = ("user", "assistant")
PREFERENCE_LABELS = ("preferred", "non-preferred")
_MESSAGE_KEYS = frozenset(("role", "content"))
_CANDIDATES_KEYS = frozenset(("role", "candidates"))
_CANDIDATE_KEYS = frozenset(("content", "preferenceLabel"))


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
        tool_use(checker, "toolConfig")
    if "system" in record:
        chars += _system_blocks(checker, record["system"])
    messages = record.get("messages")
    if not _message_list(checker, messages, "messages" in record):
        return chars
    media = MediaCount(checker)
    preference = checker.fmt.shape == PREFERENCE
    last = len(messages) - 1
    for index, message in enumerate(messages):
        path = f"messages[{index}]"
        if isinstance(message, dict) and "candidates" in message:
            chars += _candidates(checker, message, path, preference and index == last)
            continue
        if preference and index == last:
            checker.error(
                "candidates",
                "the last message holds no 'candidates'",
                "end with an assistant turn whose candidates are labeled preferred and non-preferred",
                path,
            )
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
            chars += check_block(checker, block, f"{path}.content[{number}]", message.get("role"), media)
        reasoning_has_answer(checker, content, path)
        media.end_message(path)
    media.end_record(preference)
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


def _candidates(checker: CheckContext, message: dict, path: str, allowed: bool) -> int:
    """A preference turn: the assistant's candidate replies, each labeled preferred or non-preferred.

    Source: https://docs.aws.amazon.com/nova/latest/userguide/nova-dpo.html
    """
    if not allowed:
        where = "only in the last message" if checker.fmt.shape == PREFERENCE else "only in preference data"
        hint = (
            "move the candidates to the final assistant turn; earlier turns hold 'content'"
            if checker.fmt.shape == PREFERENCE
            else "give this turn 'content', or check the file as --format preference"
        )
        checker.error("candidates", f"'candidates' belong {where}", hint, path)
        return 0
    checker.keys(message, ("role", "candidates"), _CANDIDATES_KEYS, path)
    if message.get("role") != "assistant":
        checker.error("candidates", "candidates are the assistant's replies", 'use "role": "assistant"', path)
    candidates = message.get("candidates")
    if not isinstance(candidates, list) or len(candidates) < 2:
        checker.error("candidates", "give at least two candidates", "one preferred, one non-preferred", path)
        return 0
    chars = 0
    labels = set()
    for number, candidate in enumerate(candidates):
        where = f"{path}.candidates[{number}]"
        if not isinstance(candidate, dict):
            checker.error(
                "wrong-type",
                f"a candidate must be an object, not {kind(candidate)}",
                'write {"content": [{"text": …}], "preferenceLabel": …}',
                where,
            )
            continue
        checker.keys(candidate, ("content", "preferenceLabel"), _CANDIDATE_KEYS, where)
        label = candidate.get("preferenceLabel")
        if "preferenceLabel" in candidate and not isinstance(label, str):
            checker.error(
                "wrong-type",
                f"must be a string, not {kind(label)}",
                'write "preferred" or "non-preferred"',
                where + ".preferenceLabel",
            )
        elif "preferenceLabel" in candidate and label not in PREFERENCE_LABELS:
            checker.error(
                "candidates", f"preferenceLabel {preview(label)}", "use preferred or non-preferred", where
            )
        labels.add(label)
        content = candidate.get("content")
        if not isinstance(content, list) or not content:
            if "content" in candidate:
                checker.error(
                    "empty-text", "content must be a list of text blocks", 'write [{"text": "…"}]', where
                )
            continue
        for index, block in enumerate(content):
            block_path = f"{where}.content[{index}]"
            if isinstance(block, dict) and set(block) == {"text"}:
                chars += checker.text(block["text"], block_path + ".text")
            else:
                checker.error(
                    "candidates",
                    "candidates hold text blocks only",
                    "no image, video or document",
                    block_path,
                )
    if len(labels & set(PREFERENCE_LABELS)) < 2 and labels <= set(PREFERENCE_LABELS):
        checker.error(
            "candidates", "every candidate has the same label", "label one preferred, one non-preferred", path
        )
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
        checker.error(
            "wrong-type",
            f"must be a list of messages, not {kind(messages)}",
            'write [{"role": "user", "content": [{"text": …}]}, …]',
            "messages",
        )
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
        checker.error(
            "wrong-type",
            f"a message must be an object, not {kind(message)}",
            'write {"role": …, "content": [{"text": …}]}',
            path,
        )
        return False
    checker.keys(message, ("role", "content"), _MESSAGE_KEYS, path)
    role = message.get("role")
    if "role" in message and role not in ROLES:
        hint = "system text goes in the top-level 'system'" if role == "system" else "use user or assistant"
        checker.error("role-value", f"role {preview(role)} is not user or assistant", hint, path + ".role")
    return True


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

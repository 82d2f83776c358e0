"""Rules for reinforcement fine-tuning prompts: OpenAI chat messages and a reference answer.

Bedrock reads each record's ``messages`` as the prompt, lets the model answer it, and gives
the answers and ``reference_answer`` (plus any other keys) to your reward function.
Sources: https://docs.aws.amazon.com/bedrock/latest/userguide/rft-prepare-data.html and
https://docs.aws.amazon.com/bedrock/latest/userguide/rft-prepare-data-open-weight.html
"""

from __future__ import annotations

from studykit.datasets.context import CheckContext, kind
from studykit.datasets.findings import preview

ROLES = ("system", "user", "assistant")
_MESSAGE_KEYS = frozenset(("role", "content"))


def check_prompts_with_answer(checker: CheckContext, record: dict) -> int:
    """Messages with string content (system first if any, at least one user turn) and a reference answer."""
    chars = 0
    messages = record.get("messages")
    if "messages" in record:
        if not isinstance(messages, list) or not messages:
            checker.error(
                "wrong-type",
                "must be a non-empty list of messages",
                'write [{"role": "user", "content": "…"}]',
                "messages",
            )
        else:
            chars += _messages(checker, messages)
    if "reference_answer" in record:
        chars += _reference(checker, record["reference_answer"])
    return chars


def _messages(checker: CheckContext, messages: list) -> int:
    chars = 0
    roles = []
    for index, message in enumerate(messages):
        path = f"messages[{index}]"
        if not isinstance(message, dict):
            checker.error(
                "wrong-type",
                f"a message must be an object, not {kind(message)}",
                'write {"role": …, "content": "…"}',
                path,
            )
            continue
        checker.keys(message, ("role", "content"), _MESSAGE_KEYS, path)
        role = message.get("role")
        roles.append(role)
        if "role" in message and role not in ROLES:
            checker.error(
                "role-value",
                f"role {preview(role)} is not system, user or assistant",
                "use one of them; tool messages are not supported",
                path + ".role",
            )
        elif role == "system" and index:
            checker.error(
                "role-order", "the system message must come first", "move it to the start", path + ".role"
            )
        if "content" in message:
            chars += checker.text(message["content"], path + ".content")
    if "user" not in roles:
        checker.error("missing-key", "no user message", "add the prompt as a user message", "messages")
    return chars


def _reference(checker: CheckContext, answer: object) -> int:
    """Text, or a JSON object of values your reward function compares against."""
    if isinstance(answer, str):
        return checker.text(answer, "reference_answer")
    if isinstance(answer, dict):
        if not answer:
            checker.error("empty-text", "reference_answer is an empty object", "give what the grader needs")
        return 0
    checker.error(
        "wrong-type",
        f"reference_answer must be text or an object, not {kind(answer)}",
        "give the expected answer",
        "reference_answer",
    )
    return 0

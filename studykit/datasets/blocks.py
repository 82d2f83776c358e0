"""Content blocks of a bedrock-conversation-2024 message: text, media, reasoning, and refused tool use."""

from __future__ import annotations

from studykit.datasets.context import CheckContext
from studykit.datasets.findings import preview
from studykit.datasets.media import MEDIA_KINDS, MediaCount

TOOL_BLOCKS = ("toolUse", "toolResult")
NOVA2_SFT = "https://docs.aws.amazon.com/bedrock/latest/userguide/nova-2-sft-data-prep.html"


def check_block(checker: CheckContext, block: object, path: str, role: object, media: MediaCount) -> int:
    if not isinstance(block, dict) or len(block) != 1:
        checker.error("wrong-type", "a content block is an object with one key", 'e.g. {"text": "…"}', path)
        return 0
    name, value = next(iter(block.items()))
    if name == "text":
        return checker.text(value, path + ".text")
    if name == "reasoningContent":
        return reasoning(checker, value, path, role)
    if name in TOOL_BLOCKS:
        tool_use(checker, path)
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


def reasoning(checker: CheckContext, value: object, path: str, role: object) -> int:
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


def reasoning_has_answer(checker: CheckContext, content: list, path: str) -> None:
    """A reasoning trace comes with the final answer it leads to, as a text block."""
    kinds = {next(iter(block)) for block in content if isinstance(block, dict) and len(block) == 1}
    if "reasoningContent" in kinds and "text" not in kinds:
        checker.error(
            "reasoning", "reasoning without a final answer", 'add the answer as a {"text": …} block', path
        )


def tool_use(checker: CheckContext, path: str) -> None:
    checker.error(
        "tool-use",
        "tool use is not supported by Nova 2 supervised fine-tuning: tool sections can make the job fail",
        f"remove toolConfig, toolUse and toolResult (see {NOVA2_SFT})",
        path,
    )

"""Check one parsed record against its format spec and, when known, the model's limits.

Pure: no I/O, and no JSON value makes it raise. The streaming validator feeds records
in; the generator runs the same checker to keep only records the chosen model accepts.
Conversation rules live in :mod:`studykit.datasets.conversation`, the shared machinery
in :mod:`studykit.datasets.context`.
"""

from __future__ import annotations

from studykit.datasets.context import S3_URI, CheckContext, kind
from studykit.datasets.conversation import check_claude, check_conversation
from studykit.datasets.findings import WARNING, Finding, preview
from studykit.datasets.formats import (
    CLAUDE_MESSAGES,
    CONVERSATION,
    PREFERENCE,
    PROMPTS_WITH_ANSWER,
    FormatSpec,
)
from studykit.datasets.limits import CHARS_PER_TOKEN, ModelSpec
from studykit.datasets.reinforcement import check_prompts_with_answer

SHORT_CHARS = 16
"""A record with fewer characters of text than this teaches almost nothing: warn."""
LONG_FRACTION = 0.9
"""Warn when a record uses more than this share of the model's length limit."""
DEFAULT_LONG_CHARS = 4096 * CHARS_PER_TOKEN
"""Without a model, warn above the smallest Bedrock text limit (4,096 tokens)."""
_SHAPES = {
    CONVERSATION: check_conversation,
    PREFERENCE: check_conversation,
    CLAUDE_MESSAGES: check_claude,
    PROMPTS_WITH_ANSWER: check_prompts_with_answer,
}


_TOOL_KEYS = frozenset(("toolConfig",))


class RecordChecker(CheckContext):
    """Checks records of one format for one model (or none).

    ``check`` appends findings to the list it is given and returns the record's
    number of text characters (what token limits are measured in).
    """

    def __init__(self, fmt: FormatSpec, model: ModelSpec | None = None) -> None:
        super().__init__(fmt, model)
        # conversation.py explains a toolConfig key itself (tool use is not supported).
        extra = tuple(_TOOL_KEYS) if fmt.shape == CONVERSATION else ()
        # Reinforcement prompts may carry any other keys: they go to the reward function.
        self._allowed = (
            None if fmt.shape == PROMPTS_WITH_ANSWER else frozenset(fmt.required + fmt.optional + extra)
        )
        self._max_chars = model.max_chars if model else None
        self._long_chars = int(self._max_chars * LONG_FRACTION) if self._max_chars else DEFAULT_LONG_CHARS
        self._shape = _SHAPES.get(fmt.shape)

    def check(self, record: object, line: int | None, out: list[Finding]) -> int:
        """Append every problem with ``record`` to ``out``; return its number of text characters.

        The validator tries :mod:`studykit.datasets.fastpath` first and comes here for records
        that may have something to report.
        """
        self.line, self.out = line, out
        self.media = set()
        if not isinstance(record, dict):
            self.error(
                "not-object", f"a record must be a JSON object, not {kind(record)}", "one {…} per line"
            )
            return 0
        self.keys(record, self.fmt.required, self._allowed, "", _TOOL_KEYS)
        chars = self._shape(self, record) if self._shape else self._flat(record)
        self._length(chars)
        return chars

    def fits(self, chars: int) -> bool:
        """True when a record of ``chars`` text characters gets no length finding (see ``_length``)."""
        return SHORT_CHARS <= chars <= self._long_chars and not (self._max_chars and chars > self._max_chars)

    def _length(self, chars: int) -> None:
        if self._max_chars and chars > self._max_chars:
            assert self.model is not None
            self.error(
                "over-limit",
                f"record has {chars:,} characters (≈{-(-chars // CHARS_PER_TOKEN):,} tokens); "
                f"{self.model.id} allows {self.model.max_tokens:,} tokens ≈ {self._max_chars:,} characters",
                "shorten or split the record",
            )
        elif chars > self._long_chars:
            self.error(
                "long", f"record is very long ({chars:,} characters)", "is it two records?", severity=WARNING
            )
        elif 0 < chars < SHORT_CHARS:
            self.error(
                "short", f"record is very short ({chars} characters)", "it teaches little", severity=WARNING
            )

    def _flat(self, record: dict) -> int:
        fmt, model = self.fmt, self.model
        chars = 0
        for key in fmt.text_fields:
            if key not in record:
                continue
            if key == "caption" and model is not None:
                chars += self._caption(record[key], model)
                continue
            size = self.text(record[key], key)
            chars += size
            if model is None:
                continue
            side = model.max_prompt_tokens if key == fmt.prompt_field else model.max_completion_tokens
            if side and size > side * CHARS_PER_TOKEN:
                self.error(
                    "over-limit",
                    f"{size:,} characters; {model.id} allows {side:,} tokens ≈ {side * CHARS_PER_TOKEN:,}",
                    "shorten this field",
                    key,
                )
        if fmt.image_field and fmt.image_field in record:
            self._image_ref(record[fmt.image_field], fmt.image_field)
        return chars

    def _caption(self, value: object, model: ModelSpec) -> int:
        size = self.text(value, "caption", allow_empty=model.min_caption_chars == 0)
        if isinstance(value, str) and value.strip():
            high = model.max_caption_chars
            if size < model.min_caption_chars or (high and size > high):
                self.error(
                    "caption-length",
                    f"caption has {size:,} characters; {model.id} takes {model.min_caption_chars}-{high:,}",
                    "rewrite the caption to fit",
                    "caption",
                )
        return size

    def _image_ref(self, value: object, path: str) -> None:
        if not isinstance(value, str):
            self.error("wrong-type", f"must be a string, not {kind(value)}", "give an s3:// URI", path)
            return
        if not S3_URI.match(value):
            self.error(
                "image-ref", f"{preview(value)} is not an Amazon S3 URI", "use s3://bucket/key.png", path
            )
            return
        name = value.rsplit("/", 1)[-1]
        extension = name.rsplit(".", 1)[-1].lower().replace("jpg", "jpeg") if "." in name else ""
        allowed = self.model.image_formats if self.model and self.model.image_formats else ("png", "jpeg")
        if extension not in allowed:
            # Titan Image Generator, Titan Multimodal Embeddings and Nova Canvas take PNG or JPEG:
            # https://docs.aws.amazon.com/bedrock/latest/userguide/preparing-image-generation-data.html
            shown = ", ".join("." + item for item in allowed)
            self.error(
                "image-format", f"file name does not end in {shown}", "convert the image to PNG or JPEG", path
            )

"""A fast yes/no check for the common case: a record with nothing to report.

Most records in a real file are fine. Walking them with the full checker costs a
function call per field; this module walks the same structure inline and answers
"clean, with N characters" or "look closer" (None). On None the full checker runs
and explains every problem, so the fast path only has to be conservative: it
returns a count only when the full checker would report nothing at all (a test
holds the two to that).
"""

from __future__ import annotations

from studykit.datasets.checks import (
    DEFAULT_LONG_CHARS,
    LONG_FRACTION,
    SHORT_CHARS,
    find_reserved,
)
from studykit.datasets.formats import CLAUDE_MESSAGES, CONVERSATION, FLAT, SCHEMA_VERSION, FormatSpec
from studykit.datasets.limits import CHARS_PER_TOKEN, ModelSpec


class FastCheck:
    """``clean_chars(record)``: the record's text length if it is clean, else None."""

    def __init__(self, fmt: FormatSpec, model: ModelSpec | None) -> None:
        self.fmt = fmt
        self._reserved = model.reserved_words if model else ()
        max_chars = model.max_chars if model else None
        self._high = min(max_chars, int(max_chars * LONG_FRACTION)) if max_chars else DEFAULT_LONG_CHARS
        self._allowed = frozenset(fmt.required + fmt.optional)
        self._required = fmt.required
        self._required_set = frozenset(fmt.required)
        self._clean_shared: set[str] = set()
        self._last = fmt.last_roles
        self._min = max(fmt.min_messages, 1)
        self._max = fmt.max_messages if fmt.max_messages is not None else 1 << 62
        self._prompt_limit = (
            model.max_prompt_tokens * CHARS_PER_TOKEN if model and model.max_prompt_tokens else None
        )
        self._completion_limit = (
            model.max_completion_tokens * CHARS_PER_TOKEN if model and model.max_completion_tokens else None
        )
        shapes = {CONVERSATION: self._conversation, CLAUDE_MESSAGES: self._claude, FLAT: self._flat}
        self.clean_chars = shapes[fmt.shape] if not (fmt.shape == FLAT and fmt.image_field) else _never

    def _finish(self, chars: int, texts: list[str], shared: list[str] | None = None) -> int | None:
        """Length bounds and reserved words; clean ``shared`` texts (system prompts) are remembered."""
        if chars >= self._high or chars < SHORT_CHARS:
            return None
        if self._reserved:
            if shared:
                known = self._clean_shared
                fresh = [text for text in shared if text not in known]
                if fresh:
                    if find_reserved("\x00".join(fresh), self._reserved):
                        return None
                    if len(known) < 64:
                        known.update(fresh)
            if find_reserved("\x00".join(texts), self._reserved):
                return None
        return chars

    def _keys_ok(self, record: dict) -> bool:
        keys = record.keys()
        return keys <= self._allowed and self._required_set <= keys

    def _flat(self, record: object, raw: bytes | None = None) -> int | None:
        if type(record) is not dict or not self._keys_ok(record):
            return None
        texts = []
        for key in self.fmt.text_fields:
            text = record[key]
            if type(text) is not str or not text or text[0].isspace() or text[-1].isspace():
                return None
            texts.append(text)
        if self._prompt_limit or self._completion_limit:
            prompt = self.fmt.prompt_field
            for key, text in zip(self.fmt.text_fields, texts, strict=True):
                limit = self._prompt_limit if key == prompt else self._completion_limit
                if limit and len(text) > limit:
                    return None
        return self._finish(sum(map(len, texts)), texts)

    def _conversation(self, record: object, raw: bytes | None = None) -> int | None:
        if type(record) is not dict or not self._keys_ok(record) or record["schemaVersion"] != SCHEMA_VERSION:
            return None
        shared: list[str] = []
        if "system" in record:
            system = record["system"]
            if type(system) is not list:
                return None
            for block in system:
                if type(block) is not dict or len(block) != 1 or type(text := block.get("text")) is not str:
                    return None
                if not text or text.strip() is not text:
                    return None
                shared.append(text)
        messages = record["messages"]
        if type(messages) is not list or not self._min <= len(messages) <= self._max:
            return None
        texts: list[str] = []
        append = texts.append
        expected, other = "user", "assistant"
        for message in messages:
            if type(message) is not dict or len(message) != 2 or message.get("role") != expected:
                return None
            content = message.get("content")
            if type(content) is not list or not content:
                return None
            for block in content:
                if type(block) is not dict or len(block) != 1 or type(text := block.get("text")) is not str:
                    return None
                # str.strip returns the very same object when there is nothing to strip.
                if not text or text.strip() is not text:
                    return None
                append(text)
            expected, other = other, expected
        if other not in self._last:  # ``other`` now holds the last message's role
            return None
        chars = sum(map(len, texts))
        return self._finish(chars + sum(map(len, shared)) if shared else chars, texts, shared)

    def _claude(self, record: object, raw: bytes | None = None) -> int | None:
        if type(record) is not dict or not self._keys_ok(record):
            return None
        shared = [record["system"]] if "system" in record else []
        messages = record["messages"]
        if type(messages) is not list or not self._min <= len(messages) <= self._max:
            return None
        texts: list[str] = []
        expected, other = "user", "assistant"
        for message in messages:
            if type(message) is not dict or len(message) != 2 or message.get("role") != expected:
                return None
            texts.append(message.get("content"))  # type: ignore[arg-type]
            expected, other = other, expected
        if messages[-1]["role"] not in self._last:
            return None
        for text in (*shared, *texts):
            if type(text) is not str or not text or text[0].isspace() or text[-1].isspace():
                return None
        return self._finish(sum(map(len, texts)) + sum(map(len, shared)), texts, shared)


def _never(record: object, raw: bytes | None = None) -> None:
    return None

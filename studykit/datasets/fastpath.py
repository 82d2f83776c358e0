"""A fast yes/no check for the common case: a line with nothing to report.

Most records in a real file are fine. This module decodes a line straight into typed
structs with msgspec, which checks types, required keys and unknown keys in C as it
parses, and walks what is left in Python: values, role order, whitespace, reserved words
and lengths. It answers "clean, with N characters" or "look closer" (None). On None the
validator parses the line again with the standard library and the full checker explains
every problem, so this only has to be conservative: it returns a count only when the full
checker would report nothing at all (a property test holds the two to that).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated

import msgspec
from msgspec import UNSET, Meta, Struct, UnsetType

from studykit.datasets.checks import DEFAULT_LONG_CHARS, LONG_FRACTION, SHORT_CHARS
from studykit.datasets.formats import CLAUDE_MESSAGES, CONVERSATION, FLAT, SCHEMA_VERSION, FormatSpec
from studykit.datasets.limits import CHARS_PER_TOKEN, ModelSpec
from studykit.datasets.reserved import reserved_words


# gc=False: these hold only strings and each other, never a cycle, so the garbage collector
# need not track them (msgspec then decodes them faster).
class _Block(Struct, forbid_unknown_fields=True, gc=False):
    text: Annotated[str, Meta(min_length=1)]


class _Message(Struct, forbid_unknown_fields=True, gc=False):
    role: str
    content: Annotated[list[_Block], Meta(min_length=1)]


class _Conversation(Struct, forbid_unknown_fields=True, gc=False):
    schemaVersion: str
    messages: list[_Message]
    system: list[_Block] | UnsetType = UNSET


class _ClaudeMessage(Struct, forbid_unknown_fields=True):
    role: str
    content: str


class _Claude(Struct, forbid_unknown_fields=True):
    messages: list[_ClaudeMessage]
    system: str | UnsetType = UNSET


_DecodeError = (msgspec.MsgspecError, ValueError)  # ValueError: bytes that are not UTF-8


def no_repeated_keys(quotes: int, strings: int, quoted: int, data: bytes) -> bool:
    """True when the line ``data``, which holds ``quotes`` ``"`` bytes, names no key twice.

    msgspec keeps the last of two equal keys without a word, so the line's quotes are
    counted instead. Every ``"`` byte in a JSON line either delimits a string or is an
    escaped ``\\"`` inside one. The decoded record holds ``strings`` strings (keys and
    values) with ``quoted`` ``"`` characters in their values; a repeated key adds at least
    one string (its own, two ``"`` bytes) that the record does not hold, so the count comes
    out higher. A quote written as ``\\u0022`` (the only other spelling: JSON has no other
    escape for it, and its hex digits have no case) adds no ``"`` byte: two such quotes could
    hide one repeated key, so a line whose texts hold two or more quotes is vouched for only
    without that escape (else it gets the strict parse).
    """
    if quotes != 2 * strings + quoted:
        return False
    return quoted < 2 or _quote_escape(data) is None


# A regular expression finds it sooner than ``in`` in text full of backslashes (``\\n``).
_quote_escape = re.compile(rb"\\u0022").search


class FastCheck:
    """``clean_chars(line)``: the record's text length if the JSON line is clean, else None.

    After a clean conversation, ``messages`` holds its number of messages and ``last_role``
    the role of the last one.
    """

    def __init__(self, fmt: FormatSpec, model: ModelSpec | None) -> None:
        self.fmt = fmt
        self.messages = 0
        self.last_role = ""
        self._find_reserved = (
            reserved_words(model.reserved_words).first_in if model and model.reserved_words else None
        )
        max_chars = model.max_chars if model else None
        self._high = min(max_chars, int(max_chars * LONG_FRACTION)) if max_chars else DEFAULT_LONG_CHARS
        self._allowed = frozenset(fmt.required + fmt.optional)
        self._required = frozenset(fmt.required)
        self._clean_shared: set[str] = set()
        self._clean_system: dict[str, int] = {}
        self.bare = False  # the last clean Claude-layout record had no system prompt
        self._last = fmt.last_roles
        self._min = max(fmt.min_messages, 1)
        self._max = fmt.max_messages if fmt.max_messages is not None else 1 << 62
        self._prompt_limit = (
            model.max_prompt_tokens * CHARS_PER_TOKEN if model and model.max_prompt_tokens else None
        )
        self._completion_limit = (
            model.max_completion_tokens * CHARS_PER_TOKEN if model and model.max_completion_tokens else None
        )
        self.clean_chars: Callable[[bytes], int | None]
        if fmt.shape == CONVERSATION:
            self._decode = msgspec.json.Decoder(_Conversation).decode
            self.clean_chars = self._conversation_check()
        elif fmt.shape == CLAUDE_MESSAGES:
            self._decode = msgspec.json.Decoder(_Claude).decode
            self.clean_chars = self._claude
        elif fmt.shape == FLAT and not fmt.image_field:
            self._decode = msgspec.json.Decoder(dict[str, str]).decode
            self.clean_chars = self._flat
        else:
            self.clean_chars = _never

    def _finish(self, chars: int, joined: str, shared: list[str] | None = None) -> int | None:
        """Length bounds and reserved words in the record's ``joined`` texts; clean ``shared``
        texts (system prompts, often the same in every record) are remembered."""
        if chars >= self._high or chars < SHORT_CHARS:
            return None
        find_reserved = self._find_reserved
        if find_reserved:
            if shared:
                known = self._clean_shared
                fresh = [text for text in shared if text not in known]
                if fresh:
                    if find_reserved("\x00".join(fresh)):
                        return None
                    if len(known) < 64:
                        known.update(fresh)
            if find_reserved(joined):
                return None
        return chars

    def _flat(self, data: bytes) -> int | None:
        try:
            record = self._decode(data)
        except _DecodeError:
            return None
        keys = record.keys()
        if not keys <= self._allowed or not self._required <= keys:
            return None
        texts = []
        quoted = 0
        for key in self.fmt.text_fields:
            text = record[key]
            if not text or text[0].isspace() or text[-1].isspace():
                return None
            texts.append(text)
            quoted += text.count('"')
        if not no_repeated_keys(data.count(b'"'), 2 * len(record), quoted, data):
            return None
        if self._prompt_limit or self._completion_limit:
            prompt = self.fmt.prompt_field
            for key, text in zip(self.fmt.text_fields, texts, strict=True):
                limit = self._prompt_limit if key == prompt else self._completion_limit
                if limit and len(text) > limit:
                    return None
        return self._finish(sum(map(len, texts)), "\x00".join(texts))

    def _conversation_check(self) -> Callable[[bytes], int | None]:
        """The clean-conversation test, with everything it reads bound once.

        It runs once per line and is validate's hot path: what it reads are closure variables,
        not attributes looked up on every call, and it keeps to locals and C calls.
        """
        decode, fewest, most, last_roles = self._decode, self._min, self._max, self._last
        high, find_reserved = self._high, self._find_reserved
        clean_system, system_text = self._clean_system, self._system_text
        version, unset, shortest, proven_unrepeated = SCHEMA_VERSION, UNSET, SHORT_CHARS, no_repeated_keys

        def clean_chars(data: bytes) -> int | None:
            try:
                record = decode(data)  # empty texts and empty content lists fail here
            except _DecodeError:
                return None
            if record.schemaVersion != version:
                return None
            messages = record.messages
            count = len(messages)
            if count < fewest or count > most:
                return None
            texts: list[str] = []
            append = texts.append
            expected, other = "user", "assistant"
            for message in messages:
                if message.role != expected:
                    return None
                for block in message.content:
                    text = block.text
                    # str.strip returns the very same object when there is nothing to strip.
                    if text.strip() is not text:
                        return None
                    append(text)
                expected, other = other, expected
            if other not in last_roles:  # ``other`` now holds the last message's role
                return None
            joined = "\x00".join(texts)
            chars = len(joined) - len(texts) + 1
            # "schemaVersion", its value, "messages"; per message "role", its value, "content";
            # per block "text", its value
            strings = 3 + 3 * count + 2 * len(texts)
            system_quotes = 0
            system = record.system
            if system is not unset:
                strings += 1 + 2 * len(system)
                for block in system:
                    text = block.text
                    known = clean_system.get(text)
                    if known is None:
                        known = system_text(text)
                        if known is None:
                            return None
                    system_quotes += known
                    chars += len(text)
            if chars >= high or chars < shortest:
                return None
            # No repeated key (see no_repeated_keys). The line holds at least the record's
            # strings, so when its quotes are exactly their delimiters there is no other string
            # and no escaped quote: the texts' own quotes need counting only when there are more.
            quotes = data.count(b'"')
            if quotes != 2 * strings and not proven_unrepeated(
                quotes, strings, joined.count('"') + system_quotes, data
            ):
                return None
            if find_reserved and find_reserved(joined):
                return None
            self.messages = count
            self.last_role = other
            return chars

        return clean_chars

    def _system_text(self, text: str) -> int | None:
        """A system prompt's number of ``"`` characters when it is clean, else None.

        System prompts are often the same in every record: the first 64 clean ones are
        remembered, so each is checked once.
        """
        if text.strip() is not text or (self._find_reserved and self._find_reserved(text)):
            return None
        quotes = text.count('"')
        if len(self._clean_system) < 64:
            self._clean_system[text] = quotes
        return quotes

    def _claude(self, data: bytes) -> int | None:
        try:
            record = self._decode(data)
        except _DecodeError:
            return None
        shared = [] if record.system is UNSET else [record.system]
        messages = record.messages
        if not self._min <= len(messages) <= self._max:
            return None
        texts: list[str] = []
        expected, other = "user", "assistant"
        for message in messages:
            if message.role != expected:
                return None
            texts.append(message.content)
            expected, other = other, expected
        if other not in self._last:
            return None
        quoted = 0
        for text in (*shared, *texts):
            if not text or text[0].isspace() or text[-1].isspace():
                return None
            quoted += text.count('"')
        strings = 1 + 2 * len(shared) + 4 * len(messages)
        if not no_repeated_keys(data.count(b'"'), strings, quoted, data):
            return None
        self.messages = len(messages)
        self.bare = not shared  # no system prompt: OpenAI chat has this layout too
        return self._finish(sum(map(len, texts)) + sum(map(len, shared)), "\x00".join(texts), shared)


def _never(data: bytes) -> None:
    return None

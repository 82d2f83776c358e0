"""What the whole file says, gathered record by record: which formats, which endings, which media.

The verdict on a file must not depend on the order of its records, so nothing is decided
from the first record. Each record adds to this tally; at the end of the file
:func:`file_format` names the file's format by a stated rule, and :func:`file_findings`
reports what only the whole file shows (mixed formats, mixed media, conversation records
that end on the wrong turn). Memory stays bounded: line numbers are kept as a few ranges.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from studykit.datasets.detect import OPENAI_CHAT
from studykit.datasets.findings import Finding
from studykit.datasets.formats import FORMATS, get_format
from studykit.datasets.limits import MODELS, ModelSpec

FAMILY = "multi-turn"
"""The name a bedrock-conversation-2024 record is tallied under until the file's rule picks
single-turn, multi-turn or distillation for all of them."""
FAMILY_MEMBERS = ("single-turn", "multi-turn", "distillation")
MAX_RANGES = 8
"""Line ranges shown per kind; further lines are counted, not listed."""


@dataclass
class LineRanges:
    """Line numbers as ascending ranges, at most :data:`MAX_RANGES` kept (the rest counted)."""

    ranges: list[list[int]] = field(default_factory=list)
    count: int = 0
    more: int = 0  # lines past the kept ranges

    def add(self, line: int) -> None:
        self.count += 1
        ranges = self.ranges
        if ranges and ranges[-1][1] == line - 1:
            ranges[-1][1] = line
        elif len(ranges) < MAX_RANGES:
            ranges.append([line, line])
        else:
            self.more += 1

    def add_run(self, low: int, high: int) -> None:
        """Add the lines ``low`` to ``high``, both included (a run of records read in one go)."""
        self.count += high - low + 1
        ranges = self.ranges
        if ranges and ranges[-1][1] == low - 1:
            ranges[-1][1] = high
        elif len(ranges) < MAX_RANGES:
            ranges.append([low, high])
        else:
            self.more += high - low + 1

    def first(self) -> int | None:
        return self.ranges[0][0] if self.ranges else None

    def describe(self) -> str:
        """``lines 1-4, 9`` (and ``and N more``)."""
        parts = [f"{low:,}" if low == high else f"{low:,}-{high:,}" for low, high in self.ranges]
        text = ("line " if self.count == 1 else "lines ") + ", ".join(parts)
        return text + (f" and {self.more:,} more" if self.more else "")

    def lines(self, limit: int) -> list[int]:
        """The first ``limit`` kept line numbers, in order."""
        out: list[int] = []
        for low, high in self.ranges:
            out.extend(range(low, min(high, low + limit - len(out) - 1) + 1))
            if len(out) >= limit:
                break
        return out


@dataclass
class FileTally:
    """Per-kind record counts and lines, conversation endings, and media kinds per record."""

    kinds: dict[str, LineRanges] = field(default_factory=dict)
    user_endings: LineRanges = field(default_factory=LineRanges)  # family records ending on a user turn
    lone_prompts: LineRanges = field(default_factory=LineRanges)  # family records of one message
    media: dict[str, LineRanges] = field(default_factory=dict)
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (line, hint) of records of no format
    longest: int = 0  # most messages in one family record
    bare_chats: int = 0  # claude-messages records without a system prompt: OpenAI chat has that layout too

    def add(self, kind: str, line: int) -> None:
        ranges = self.kinds.get(kind)
        if ranges is None:
            ranges = self.kinds[kind] = LineRanges()
        ranges.add(line)

    def add_run(self, kind: str, low: int, high: int) -> None:
        ranges = self.kinds.get(kind)
        if ranges is None:
            ranges = self.kinds[kind] = LineRanges()
        ranges.add_run(low, high)

    def add_conversation(self, line: int, messages: int, ends_with_user: bool) -> None:
        self.add(FAMILY, line)
        self.longest = max(self.longest, messages)
        if ends_with_user:
            self.add_user_ending(line, messages)

    def add_user_ending(self, line: int, messages: int) -> None:
        """A conversation record on ``line`` that ends on a user turn (counted with its kind apart)."""
        self.user_endings.add(line)
        if messages == 1:
            self.lone_prompts.add(line)

    def add_media(self, kinds: set[str], line: int) -> None:
        for name in kinds:
            ranges = self.media.get(name)
            if ranges is None:
                ranges = self.media[name] = LineRanges()
            ranges.add(line)

    def counts(self, model: ModelSpec | None) -> Counter[str]:
        """Records per format, the conversation family named by :func:`conversation_format`."""
        return Counter(
            {
                conversation_format(self, model) if kind == FAMILY else kind: ranges.count
                for kind, ranges in file_kinds(self).items()
            }
        )


def file_kinds(tally: FileTally) -> dict[str, LineRanges]:
    """The kinds of the file's records, chat records without a system prompt counted as OpenAI chat
    when every Claude-layout record is one of them and the file holds OpenAI chat: without a system
    prompt the two layouts are the same, so they do not make the file mixed."""
    claude, openai = tally.kinds.get("claude-messages"), tally.kinds.get(OPENAI_CHAT)
    if claude is None or openai is None or claude.count != tally.bare_chats:
        return tally.kinds
    kinds = {kind: ranges for kind, ranges in tally.kinds.items() if kind != "claude-messages"}
    kinds[OPENAI_CHAT] = _union(openai, claude)
    return kinds


def _union(first: LineRanges, second: LineRanges) -> LineRanges:
    spans: list[list[int]] = []
    for low, high in sorted(first.ranges + second.ranges):
        if spans and spans[-1][1] >= low - 1:
            spans[-1][1] = max(spans[-1][1], high)
        else:
            spans.append([low, high])
    past = sum(high - low + 1 for low, high in spans[MAX_RANGES:])
    return LineRanges(spans[:MAX_RANGES], first.count + second.count, first.more + second.more + past)


def main_kind(tally: FileTally) -> str | None:
    """The kind most records have; a tie goes to the format listed first in ``FORMATS``."""
    kinds = file_kinds(tally)
    if not kinds:
        return None
    order = {name: index for index, name in enumerate(FORMATS)}
    return min(kinds, key=lambda kind: (-kinds[kind].count, order.get(kind, len(order))))


def conversation_format(tally: FileTally, model: ModelSpec | None) -> str:
    """Which conversation format the file's bedrock-conversation-2024 records are, by a stated rule.

    Distillation prompts when at least half of them end on a user turn (the teacher model
    writes those replies) and the model takes distillation; otherwise fine-tuning data:
    single-turn when no record has more than two messages, else multi-turn.
    """
    family = tally.kinds.get(FAMILY)
    total = family.count if family else 0
    takes = model.formats if model else FORMATS
    if total and 2 * tally.user_endings.count >= total and "distillation" in takes:
        return "distillation"
    if 0 < tally.longest <= 2 and "single-turn" in takes:
        return "single-turn"
    return "multi-turn"


def file_format(tally: FileTally, model: ModelSpec | None) -> str | None:
    """The file's format: the most common kind, the conversation family named by its rule."""
    kind = main_kind(tally)
    return conversation_format(tally, model) if kind == FAMILY else kind


def unlisted(tally: FileTally, format_id: str | None, max_lines: int) -> Counter[str]:
    """Errors by code that :func:`file_findings` does not list one by one (only a few line ranges
    are kept): counted all the same, so the totals do not depend on how the lines are spread."""
    out: Counter[str] = Counter()
    if format_id in ("single-turn", "multi-turn") and tally.user_endings.count:
        listed = tally.user_endings.lines(max_lines)
        if tally.user_endings.count > len(listed):
            out["last-role"] = tally.user_endings.count - len(listed) - 1  # one summary line stands for them
        lone_listed = set(listed) & set(tally.lone_prompts.lines(max_lines))
        out["too-few-messages"] = tally.lone_prompts.count - len(lone_listed)
    return +out


def file_findings(
    tally: FileTally, format_id: str | None, model: ModelSpec | None, max_lines: int
) -> list[Finding]:
    """Problems only the whole file shows; line findings come first, file-wide ones last."""
    out: list[Finding] = []
    for line, hint in tally.unknown:
        if format_id in FORMATS:
            fmt = get_format(format_id)
            hint = f"the file is {fmt.id}, whose records hold {', '.join(fmt.required)}"
        out.append(Finding("unknown-format", "cannot tell which format this record is", hint, line=line))
    if format_id in ("single-turn", "multi-turn") and tally.user_endings.count:
        fmt = get_format(format_id)
        lone = set(tally.lone_prompts.lines(max_lines))
        for line in tally.user_endings.lines(max_lines):
            if line in lone:
                message = f"1 message; {fmt.id} needs at least {fmt.min_messages}"
                out.append(
                    Finding("too-few-messages", message, "add the assistant's reply", "messages", line)
                )
            out.append(
                Finding(
                    "last-role",
                    "the last message is from the user",
                    f"{fmt.id} ends with the assistant; distillation prompts end with the user",
                    "messages",
                    line,
                )
            )
        hidden = tally.user_endings.count - len(tally.user_endings.lines(max_lines))
        if hidden:
            out.append(
                Finding(
                    "last-role",
                    f"{hidden:,} more record(s) end with the user;"
                    f" {tally.user_endings.count:,} in all ({tally.user_endings.describe()})",
                    f"{fmt.id} ends with the assistant",
                )
            )
    kinds = file_kinds(tally)
    if len(kinds) > 1:
        parts = []
        for kind, ranges in sorted(kinds.items(), key=lambda item: item[1].first() or 0):
            name = conversation_format(tally, model) if kind == FAMILY else kind
            parts.append(f"{name} on {ranges.describe()} ({ranges.count:,} record(s))")
        out.append(
            Finding(
                "mixed-formats",
                "the file mixes formats: " + "; ".join(parts),
                "keep one format per file; --format checks every record against the one you name",
            )
        )
    if "image" in tally.media and "video" in tally.media:
        mix = _media_mix(tally, model)
        if mix:
            out.append(mix)
    return out


def _media_mix(tally: FileTally, model: ModelSpec | None) -> Finding | None:
    """Images in some records and videos in others, which no model that takes video accepts.

    Nova: a dataset is text with images or text with videos, never both.
    https://docs.aws.amazon.com/nova/latest/userguide/fine-tune-prepare-data-understanding.html
    https://docs.aws.amazon.com/bedrock/latest/userguide/nova-2-sft-data-prep.html
    The models that take video are all Nova models, so without --model the mix is still an
    error: no model can train on the file as it is (one without video refuses its videos).
    """
    if model is not None and not model.video_formats:
        return None  # its records' videos are refused one by one
    takers = [model.id] if model else [spec.id for spec in MODELS.values() if spec.video_formats]
    images, videos = tally.media["image"], tally.media["video"]
    return Finding(
        "media-mix",
        f"the dataset mixes images ({images.describe()}) and videos ({videos.describe()})",
        f"{', '.join(takers)} {'trains' if model else 'train'} on text with images or text with videos:"
        " split them into two datasets",
    )

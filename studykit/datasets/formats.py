"""One spec object per Bedrock training-data format: the single source of truth.

The generator builds records to these shapes, the validator checks records against
them, and ``studykit dataset formats`` prints them. Rules that depend on the model
(record counts, lengths, media, reserved words) live in :mod:`studykit.datasets.limits`.
"""

from __future__ import annotations

from dataclasses import dataclass

from studykit.datasets import sources
from studykit.datasets.sources import Source
from studykit.errors import StudykitError

SCHEMA_VERSION = "bedrock-conversation-2024"

# Shapes: how a record is laid out. Several formats share one shape with different rules.
FLAT = "flat"  # one JSON object of string fields
CONVERSATION = "conversation"  # bedrock-conversation-2024: system blocks + messages of content blocks
CLAUDE_MESSAGES = "claude-messages"  # system string + messages whose content is a string
PREFERENCE = "preference"  # conversation whose last assistant turn holds ranked candidates (Nova DPO)
PROMPTS_WITH_ANSWER = "prompts-with-answer"  # OpenAI chat messages + a reference answer (RFT)


@dataclass(frozen=True)
class FormatSpec:
    """What one record of a Bedrock dataset format looks like and which rules apply to it."""

    id: str
    title: str
    method: str  # the customization method it trains
    shape: str
    description: str
    example: str  # one complete JSON line
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    text_fields: tuple[str, ...] = ()  # FLAT: string fields that must hold text
    prompt_field: str | None = None  # FLAT: the input half, for per-side token limits
    image_field: str | None = None  # FLAT: a field that must be an s3:// URI
    min_messages: int = 0
    max_messages: int | None = None
    last_roles: tuple[str, ...] = ("assistant",)
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def is_conversation(self) -> bool:
        return self.shape in (CONVERSATION, CLAUDE_MESSAGES, PREFERENCE)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "method": self.method,
            "shape": self.shape,
            "description": self.description,
            "example": self.example,
            "required_keys": list(self.required),
            "optional_keys": list(self.optional),
            "min_messages": self.min_messages,
            "max_messages": self.max_messages,
            "last_roles": list(self.last_roles),
            "sources": [source.to_json() for source in self.sources],
            "notes": list(self.notes),
        }


_CONVERSATION_EXAMPLE = (
    '{"schemaVersion": "bedrock-conversation-2024", "system": [{"text": "You are a patient tutor."}], '
    '"messages": [{"role": "user", "content": [{"text": "What is continued pre-training?"}]}, '
    '{"role": "assistant", "content": [{"text": "Training a model further on unlabeled domain text."}]}]}'
)

_REASONING_NOTE = (
    'Nova 2 Lite: an assistant turn may add {"reasoningContent": {"reasoningText": {"text": …}}} '
    "before its text answer; tool use (toolConfig, toolUse, toolResult) is not supported."
)

FORMATS: dict[str, FormatSpec] = {
    spec.id: spec
    for spec in (
        FormatSpec(
            id="prompt-completion",
            title="Instruction fine-tuning (prompt/completion)",
            method="fine-tuning",
            shape=FLAT,
            description="Labeled pairs for non-conversational text models: a prompt and its completion.",
            example='{"prompt": "What is AWS?", "completion": "Amazon Web Services, a cloud platform."}',
            required=("prompt", "completion"),
            text_fields=("prompt", "completion"),
            prompt_field="prompt",
            sources=(sources.TEXT_DATA, sources.PREPARE),
            notes=("Plan sizes with about 6 characters per token.",),
        ),
        FormatSpec(
            id="continued-pretraining",
            title="Continued pre-training (unlabeled text)",
            method="continued-pre-training",
            shape=FLAT,
            description="Unlabeled domain text, one passage per record, under the single key 'input'.",
            example='{"input": "Amazon S3 stores objects in buckets; each object has a key."}',
            required=("input",),
            text_fields=("input",),
            sources=(sources.CONTINUED_PRETRAINING,),
            notes=('Amazon Nova continued pre-training (on SageMaker AI) uses {"text": …} instead.',),
        ),
        FormatSpec(
            id="nova-continued-pretraining",
            title="Amazon Nova continued pre-training (unlabeled text)",
            method="continued-pre-training",
            shape=FLAT,
            description="Unlabeled domain text for Amazon Nova, one passage per record, under 'text'.",
            example='{"text": "Amazon S3 stores objects in buckets; each object has a key."}',
            required=("text",),
            text_fields=("text",),
            sources=(sources.NOVA2_CPT, sources.NOVA_CUSTOMIZATION_SDK),
            notes=(
                "Runs on Amazon SageMaker HyperPod, not as an Amazon Bedrock job: no Bedrock model takes it.",
            ),
        ),
        FormatSpec(
            id="single-turn",
            title="Single-turn messaging (bedrock-conversation-2024)",
            method="fine-tuning",
            shape=CONVERSATION,
            description="One user message and one assistant reply, with an optional system prompt.",
            example=_CONVERSATION_EXAMPLE,
            required=("schemaVersion", "messages"),
            optional=("system",),
            min_messages=2,
            max_messages=2,
            sources=(sources.TEXT_DATA, sources.NOVA_UNDERSTANDING, sources.NOVA2_SFT),
            notes=(
                "'system' is a list of {\"text\": …} blocks, not a string; 'content' is a list of blocks.",
                "Roles inside 'messages' are only user and assistant, starting with user.",
                _REASONING_NOTE,
            ),
        ),
        FormatSpec(
            id="multi-turn",
            title="Multi-turn messaging (bedrock-conversation-2024)",
            method="fine-tuning",
            shape=CONVERSATION,
            description="A dialogue of alternating user and assistant messages that ends with the assistant.",
            example=_CONVERSATION_EXAMPLE,
            required=("schemaVersion", "messages"),
            optional=("system",),
            min_messages=2,
            sources=(sources.TEXT_DATA, sources.NOVA_UNDERSTANDING, sources.NOVA2_SFT),
            notes=("Also accepts single-turn records: a file may mix both lengths.", _REASONING_NOTE),
        ),
        FormatSpec(
            id="distillation",
            title="Distillation prompts (bedrock-conversation-2024)",
            method="distillation",
            shape=CONVERSATION,
            description="Prompts for a teacher model to answer; an assistant turn may give a golden answer.",
            example=(
                '{"schemaVersion": "bedrock-conversation-2024", "system": [{"text": "You are a tutor."}], '
                '"messages": [{"role": "user", "content": [{"text": "What is model distillation?"}]}]}'
            ),
            required=("schemaVersion", "messages"),
            optional=("system",),
            min_messages=1,
            last_roles=("user", "assistant"),
            sources=(sources.DISTILLATION, sources.NOVA_CUSTOMIZATION),
            notes=("Bedrock can also read prompts from model invocation logs instead of a file.",),
        ),
        FormatSpec(
            id="preference",
            title="Preference pairs for Amazon Nova (direct preference optimization)",
            method="preference-tuning",
            shape=PREFERENCE,
            description=(
                "A conversation whose last assistant turn offers candidate replies, each labeled "
                "preferred or non-preferred."
            ),
            example=(
                '{"system": [{"text": "You are a tutor."}], "messages": [{"role": "user", "content": '
                '[{"text": "Does continued pre-training need labels?"}]}, {"role": "assistant", '
                '"candidates": [{"content": [{"text": "No: it learns from unlabeled domain text."}], '
                '"preferenceLabel": "preferred"}, {"content": [{"text": "Yes: every passage needs an '
                'answer."}], "preferenceLabel": "non-preferred"}]}]}'
            ),
            required=("messages",),
            optional=("schemaVersion", "system"),
            min_messages=2,
            sources=(sources.NOVA_DPO, sources.NOVA_CUSTOMIZATION_SDK, sources.NOVA_VALIDATOR),
            notes=(
                "Only the last message holds 'candidates': at least two, not all with the same label; "
                "candidates hold text only.",
                "The prompt takes no video and at most one document (AWS's Nova dataset validator).",
                "Nova 1.0 models (Micro, Lite, Pro); DPO runs as an Amazon SageMaker AI training recipe.",
            ),
        ),
        FormatSpec(
            id="reinforcement",
            title="Reinforcement fine-tuning prompts (OpenAI chat format)",
            method="reinforcement-fine-tuning",
            shape=PROMPTS_WITH_ANSWER,
            description=(
                "A prompt as OpenAI chat messages and a reference answer that the reward function "
                "scores the model's responses against."
            ),
            example=(
                '{"messages": [{"role": "system", "content": "You are a tutor."}, {"role": "user", '
                '"content": "Which method trains on unlabeled text?"}], "reference_answer": '
                '"Continued pre-training"}'
            ),
            required=("messages", "reference_answer"),
            min_messages=1,
            last_roles=("user", "assistant"),
            sources=(sources.RFT, sources.RFT_NOVA_DATA, sources.RFT_OPEN_WEIGHT_DATA),
            notes=(
                "Roles are system (first, at most once), user and assistant, with string content; "
                "at least one user message.",
                "reference_answer is text or a JSON object; other keys are passed to your grader.",
            ),
        ),
        FormatSpec(
            id="claude-messages",
            title="Anthropic Claude 3 Haiku messages",
            method="fine-tuning",
            shape=CLAUDE_MESSAGES,
            description="Claude 3 Haiku's own layout: 'system' and every 'content' are plain strings.",
            example=(
                '{"system": "You are a helpful tutor.", "messages": '
                '[{"role": "user", "content": "What is RAG?"}, '
                '{"role": "assistant", "content": "Retrieval-augmented generation."}]}'
            ),
            required=("messages",),
            optional=("system",),
            min_messages=2,
            sources=(sources.TEXT_DATA,),
            notes=("This string-content shape is only for Claude 3 Haiku; other chat models need blocks.",),
        ),
        FormatSpec(
            id="image-caption",
            title="Image and caption (image generation and embeddings)",
            method="fine-tuning",
            shape=FLAT,
            description="An Amazon S3 URI of a PNG or JPEG image and a caption that could prompt it.",
            example='{"image-ref": "s3://amzn-s3-demo-bucket/diagrams/rag.png", "caption": "A RAG pipeline"}',
            required=("image-ref", "caption"),
            text_fields=("caption",),
            image_field="image-ref",
            sources=(sources.IMAGE_GENERATION_DATA, sources.NOVA_CREATIVE),
            notes=("Images must be in S3, readable by the customization service role; no validation set.",),
        ),
    )
}


def get_format(format_id: str) -> FormatSpec:
    """The format spec, or a usage error that suggests the closest id."""
    if format_id in FORMATS:
        return FORMATS[format_id]
    from studykit.fields import did_you_mean  # imports YAML: only on this error path

    guess = did_you_mean(format_id, FORMATS)
    hint = f"did you mean '{guess}'?" if guess else "run 'studykit dataset formats' to list them"
    raise StudykitError(f"unknown dataset format {format_id!r}", hint=hint)

"""Per-model dataset limits and prices for Bedrock customization, each with its source.

A limit that no source states is ``None`` and is not checked: the validator never
invents a rule. Token limits are checked as characters, the way AWS states them
("character quota per sample = token quota x 6, estimated").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from studykit.datasets import availability, sources
from studykit.datasets.availability import Availability
from studykit.datasets.sources import Source
from studykit.errors import StudykitError

CHARS_PER_TOKEN = 6
GB = 1024**3
MB = 1024**2

NOVA_RESERVED = ("User:", "Bot:", "Assistant:", "System:", "Thought:", "<image>", "<video>", "[EOS]", "<unk>")
"""Words whose presence anywhere in Nova training text fails the job (case-insensitive)."""


@dataclass(frozen=True)
class Price:
    """What customizing and serving one model costs, in US dollars."""

    train_per_1k_tokens: float
    storage_per_month: float
    on_demand_input_per_1k: float | None
    on_demand_output_per_1k: float | None
    source: Source

    def to_json(self) -> dict[str, object]:
        return {
            "train_per_1k_tokens": self.train_per_1k_tokens,
            "storage_per_month": self.storage_per_month,
            "on_demand_input_per_1k": self.on_demand_input_per_1k,
            "on_demand_output_per_1k": self.on_demand_output_per_1k,
            "source": self.source.to_json(),
        }


@dataclass(frozen=True)
class ModelSpec:
    """The dataset rules of one customizable base model."""

    id: str
    name: str
    formats: tuple[str, ...]
    sources: tuple[Source, ...]
    min_records: int | None = None  # training + validation together
    max_records: int | None = None
    max_train_records: int | None = None
    max_validation_records: int | None = None
    validation_set: bool = True
    max_tokens: int | None = None  # input + output of one record
    max_prompt_tokens: int | None = None
    max_completion_tokens: int | None = None
    min_caption_chars: int = 1
    max_caption_chars: int | None = None
    max_train_bytes: int | None = None
    max_validation_bytes: int | None = None
    reserved_words: tuple[str, ...] = ()
    image_formats: tuple[str, ...] = ()
    video_formats: tuple[str, ...] = ()
    document_formats: tuple[str, ...] = ()
    max_images_per_message: int | None = None
    reasoning: bool = False  # assistant turns may carry reasoningContent (text reasoning traces)
    format_records: tuple[tuple[str, int, int], ...] = ()  # (format, min, max) where a method differs
    epochs: tuple[int, int, int] | None = None  # minimum, maximum, default
    epochs_adjustable: bool = False  # the maximum is a quota that Service Quotas can raise
    price: Price | None = None
    on_demand: bool = False  # custom copies can be served on demand (not only provisioned throughput)
    notes: tuple[str, ...] = ()
    availability: Availability | None = None  # set when sources say a job may no longer be possible

    def for_format(self, format_id: str | None) -> ModelSpec:
        """This model with the record bounds of ``format_id`` (some methods have their own)."""
        for name, low, high in self.format_records:
            if name == format_id:
                return replace(self, min_records=low, max_records=high, format_records=())
        return self

    @property
    def max_chars(self) -> int | None:
        return self.max_tokens * CHARS_PER_TOKEN if self.max_tokens else None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "formats": list(self.formats),
            "min_records": self.min_records,
            "max_records": self.max_records,
            "max_train_records": self.max_train_records,
            "max_validation_records": self.max_validation_records,
            "validation_set": self.validation_set,
            "max_tokens": self.max_tokens,
            "max_prompt_tokens": self.max_prompt_tokens,
            "max_completion_tokens": self.max_completion_tokens,
            "max_chars": self.max_chars,
            "caption_chars": [self.min_caption_chars, self.max_caption_chars],
            "max_train_bytes": self.max_train_bytes,
            "max_validation_bytes": self.max_validation_bytes,
            "reserved_words": list(self.reserved_words),
            "image_formats": list(self.image_formats),
            "video_formats": list(self.video_formats),
            "reasoning_content": self.reasoning,
            "format_records": [
                {"format": name, "min_records": low, "max_records": high}
                for name, low, high in self.format_records
            ],
            "epochs": list(self.epochs) if self.epochs else None,
            "epochs_adjustable": self.epochs_adjustable,
            "price": self.price.to_json() if self.price else None,
            "on_demand": self.on_demand,
            "sources": [source.to_json() for source in self.sources],
            "notes": list(self.notes),
            "availability": self.availability.to_json() if self.availability else None,
        }


def _titan_text(model_id: str, name: str, formats: tuple[str, ...]) -> ModelSpec:
    return ModelSpec(
        id=model_id,
        name=name,
        formats=formats,
        max_tokens=4096,
        max_train_bytes=1 * GB,
        max_validation_bytes=100 * MB,
        epochs=(1, 5, 2) if model_id == "titan-text-premier" else (1, 10, 5),
        sources=(sources.REQUIREMENTS, sources.PREPARE, sources.TITAN_HYPERPARAMETERS),
        notes=("4,096 tokens at batch size 1; file sizes are the fine-tuning limits.",),
        availability=availability.TITAN_TEXT,
    )


def _llama(model_id: str, name: str, formats: tuple[str, ...], max_tokens: int, images: bool) -> ModelSpec:
    hyperparameters = _LLAMA_HYPERPARAMETERS.get(model_id[: len("llama-3-1")], ())
    return ModelSpec(
        id=model_id,
        name=name,
        formats=formats,
        min_records=100,
        max_records=10_000,
        max_tokens=max_tokens,
        image_formats=("gif", "jpeg", "png", "webp") if images else (),
        epochs=(1, 10, 5) if hyperparameters else None,
        epochs_adjustable=bool(hyperparameters),
        sources=(
            sources.REQUIREMENTS,
            sources.IMAGE_TEXT_DATA if images else sources.TEXT_DATA,
            *hyperparameters,
        ),
        notes=("The 10,000-record maximum is adjustable through Service Quotas.",),
    )


def _nova(model_id: str, name: str, media: bool) -> ModelSpec:
    return ModelSpec(
        id=model_id,
        name=name,
        formats=("single-turn", "multi-turn", "distillation", "preference"),
        min_records=8,
        max_records=20_000,
        reserved_words=NOVA_RESERVED,
        image_formats=("jpeg", "png", "gif", "webp") if media else (),
        video_formats=("mov", "mkv", "mp4", "webm") if media else (),
        max_images_per_message=10 if media else None,
        epochs=(1, 5, 2),
        on_demand=True,
        price=_NOVA_MICRO_PRICE if model_id == "nova-micro" else None,
        sources=(
            sources.NOVA_UNDERSTANDING,
            sources.NOVA_VALIDATOR,
            sources.NOVA_HYPERPARAMETERS,
            sources.ON_DEMAND_CUSTOM,
            sources.NOVA_DPO,
        ),
        notes=("Nova Micro takes text only.",)
        if not media
        else ("One video per record, not mixed with images.",),
    )


def _open_weight_rft(model_id: str, name: str) -> ModelSpec:
    return ModelSpec(
        id=model_id,
        name=name,
        formats=("reinforcement",),
        min_records=100,
        max_records=20_000,
        sources=(sources.RFT, sources.RFT_OPEN_WEIGHT_DATA),
        notes=(
            "Reinforcement fine-tuning only, through OpenAI-compatible APIs; listed in US West (Oregon).",
        ),
    )


_NOVA_MICRO_PRICE = Price(
    train_per_1k_tokens=0.001,
    storage_per_month=1.95,
    on_demand_input_per_1k=0.000035,
    on_demand_output_per_1k=0.00014,
    source=sources.NOVA_MICRO_COSTS,
)

_CONVERSE = ("single-turn", "multi-turn")
_LLAMA_HYPERPARAMETERS = {
    "llama-3-1": (sources.LLAMA31_HYPERPARAMETERS,),
    "llama-3-2": (sources.LLAMA32_HYPERPARAMETERS,),
}
"""Llama versions whose epoch range (1-10, default 5) a page states."""

MODELS: dict[str, ModelSpec] = {
    spec.id: spec
    for spec in (
        _titan_text(
            "titan-text-express",
            "Amazon Titan Text G1 - Express",
            ("prompt-completion", "continued-pretraining"),
        ),
        _titan_text(
            "titan-text-lite", "Amazon Titan Text G1 - Lite", ("prompt-completion", "continued-pretraining")
        ),
        _titan_text("titan-text-premier", "Amazon Titan Text Premier", ("prompt-completion",)),
        ModelSpec(
            id="cohere-command",
            name="Cohere Command (and Command Light)",
            formats=("prompt-completion",),
            max_train_records=10_000,
            max_validation_records=1_000,
            max_prompt_tokens=4096,
            max_completion_tokens=2048,
            sources=(sources.REQUIREMENTS,),
            availability=availability.COHERE_COMMAND,
        ),
        _llama("llama-3-1-8b", "Meta Llama 3.1 8B Instruct", ("prompt-completion",), 16_000, False),
        _llama("llama-3-1-70b", "Meta Llama 3.1 70B Instruct", ("prompt-completion",), 16_000, False),
        _llama("llama-3-2-1b", "Meta Llama 3.2 1B Instruct", _CONVERSE, 16_000, False),
        _llama("llama-3-2-3b", "Meta Llama 3.2 3B Instruct", _CONVERSE, 16_000, False),
        _llama("llama-3-2-11b", "Meta Llama 3.2 11B Vision Instruct", _CONVERSE, 16_000, True),
        _llama("llama-3-2-90b", "Meta Llama 3.2 90B Vision Instruct", _CONVERSE, 10_000, True),
        _llama("llama-3-3-70b", "Meta Llama 3.3 70B Instruct", _CONVERSE, 16_000, False),
        ModelSpec(
            id="claude-3-haiku",
            name="Anthropic Claude 3 Haiku",
            formats=("claude-messages",),
            min_records=32,
            max_records=10_000,
            max_train_records=10_000,
            max_validation_records=1_000,
            max_tokens=32_000,
            max_train_bytes=10 * GB,
            max_validation_bytes=1 * GB,
            epochs=(1, 10, 2),
            sources=(sources.REQUIREMENTS, sources.TEXT_DATA, sources.CLAUDE_HYPERPARAMETERS),
        ),
        _nova("nova-micro", "Amazon Nova Micro", media=False),
        _nova("nova-lite", "Amazon Nova Lite", media=True),
        _nova("nova-pro", "Amazon Nova Pro", media=True),
        ModelSpec(
            id="nova-2-lite",
            name="Amazon Nova 2 Lite",
            formats=(*_CONVERSE, "reinforcement"),
            min_records=200,
            max_records=20_000,
            format_records=(("reinforcement", 100, 20_000),),
            validation_set=False,
            reserved_words=NOVA_RESERVED,
            image_formats=("png", "jpeg", "gif"),
            video_formats=("mov", "mkv", "mp4"),
            document_formats=("pdf",),
            max_images_per_message=10,
            reasoning=True,
            on_demand=True,
            sources=(
                sources.NOVA_VALIDATOR,
                sources.NOVA2_SFT,
                sources.NOVA_UNDERSTANDING,
                sources.FINE_TUNING_MODELS,
                sources.RFT,
                sources.RFT_NOVA_DATA,
            ),
            notes=(
                "Supervised fine-tuning: 200-20,000 records; reinforcement fine-tuning: 100-20,000; "
                "no validation set.",
                "Assistant turns may carry reasoningContent (text only); tool use is not supported.",
            ),
        ),
        _open_weight_rft("gpt-oss-20b", "OpenAI gpt-oss-20b"),
        _open_weight_rft("qwen3-32b", "Qwen3 32B"),
        ModelSpec(
            id="titan-image-generator",
            name="Amazon Titan Image Generator G1",
            formats=("image-caption",),
            min_records=5,
            max_records=10_000,
            validation_set=False,
            min_caption_chars=3,
            max_caption_chars=1024,
            image_formats=("png", "jpeg"),
            sources=(sources.REQUIREMENTS, sources.IMAGE_GENERATION_DATA),
            notes=("Each image side 512-4,096 px, at most 50 MB: not checkable from the JSONL file.",),
        ),
        ModelSpec(
            id="titan-multimodal-embeddings",
            name="Amazon Titan Multimodal Embeddings G1",
            formats=("image-caption",),
            min_records=1_000,
            max_records=500_000,
            validation_set=False,
            min_caption_chars=0,
            max_caption_chars=2560,
            image_formats=("png", "jpeg"),
            sources=(sources.REQUIREMENTS, sources.IMAGE_GENERATION_DATA),
        ),
        ModelSpec(
            id="nova-canvas",
            name="Amazon Nova Canvas",
            formats=("image-caption",),
            min_records=5,
            max_records=10_000,
            min_caption_chars=3,
            max_caption_chars=1024,
            image_formats=("png", "jpeg"),
            sources=(sources.NOVA_CREATIVE,),
        ),
    )
}


def get_model(model_id: str) -> ModelSpec:
    """The model spec, or a usage error that suggests the closest id."""
    if model_id in MODELS:
        return MODELS[model_id]
    from studykit.fields import did_you_mean  # imports YAML: only on this error path

    guess = did_you_mean(model_id, MODELS)
    hint = f"did you mean '{guess}'?" if guess else "run 'studykit dataset formats' to list the models"
    raise StudykitError(f"unknown model {model_id!r}", hint=hint)


def models_for(format_id: str) -> tuple[ModelSpec, ...]:
    """Every model that accepts ``format_id``, in table order."""
    return tuple(model for model in MODELS.values() if format_id in model.formats)


def require_pair(format_id: str, model: ModelSpec) -> None:
    """Refuse a format the model does not take, naming the formats it does take."""
    if format_id not in model.formats:
        raise StudykitError(
            f"{model.id} does not take the {format_id} format",
            hint=f"{model.id} takes: {', '.join(model.formats)}",
        )

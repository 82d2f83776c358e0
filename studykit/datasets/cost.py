"""What a customization job on a dataset would cost: training, storage and serving.

Bedrock bills training per token processed: tokens in the training data x epochs x a
per-model price per 1,000 tokens; each custom model adds a monthly storage fee; and
serving it is Provisioned Throughput (model units by the hour) or, for some models,
on-demand per-token inference. Only prices with a source are used; where studykit has
none, the estimate says so and gives the token count to price by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from studykit.datasets import sources
from studykit.datasets.limits import ModelSpec
from studykit.datasets.stats import DatasetStats
from studykit.datasets.tokens import ERROR_NOTE, ESTIMATOR
from studykit.errors import StudykitError

PROVISIONED = (
    "Provisioned Throughput: model units bought by the hour, with no commitment or a 1- or 6-month "
    "commitment; hourly prices per model are on the pricing page."
)
ON_DEMAND = (
    "On-demand inference is available for custom copies of this model (customized on or after "
    "2025-07-16, in some US Regions), billed per token like the base model; Provisioned Throughput "
    "is the other option."
)


@dataclass(frozen=True)
class CostEstimate:
    """A training, storage and serving estimate with where each number comes from."""

    model: ModelSpec
    epochs: int
    epochs_assumed: bool
    epochs_note: str
    train_tokens: int
    billed_tokens: int
    training: float | None
    storage_per_month: float | None
    serving: str
    price_source: sources.Source | None

    def to_json(self) -> dict[str, object]:
        price = self.model.price
        return {
            "model": self.model.id,
            "epochs": self.epochs,
            "epochs_assumed": self.epochs_assumed,
            "epochs_note": self.epochs_note or None,
            "train_tokens": self.train_tokens,
            "billed_tokens": self.billed_tokens,
            "training_usd": self.training,
            "storage_usd_per_month": self.storage_per_month,
            "train_price_per_1k_tokens": price.train_per_1k_tokens if price else None,
            "on_demand_input_per_1k": price.on_demand_input_per_1k if price else None,
            "on_demand_output_per_1k": price.on_demand_output_per_1k if price else None,
            "serving": self.serving,
            "price_source": self.price_source.to_json() if self.price_source else None,
            "pricing_page": sources.PRICING.to_json(),
            "token_estimator": ESTIMATOR,
            "token_error": ERROR_NOTE,
        }


def estimate_cost(stats: DatasetStats, model: ModelSpec, epochs: int | None = None) -> CostEstimate:
    """Price training ``stats`` on ``model`` for ``epochs`` (the model's default when None)."""
    assumed = epochs is None
    if epochs is None:
        epochs = model.epochs[2] if model.epochs else 1
    note = ""
    if model.epochs and not model.epochs[0] <= epochs <= model.epochs[1]:
        low, high, _ = model.epochs
        if model.epochs_adjustable and epochs > high:
            note = f"above {model.id}'s default quota of {high} epochs: ask for an increase in Service Quotas"
        else:
            raise StudykitError(
                f"{model.id} trains for {low}-{high} epochs, not {epochs}", hint=f"use --epochs {low}-{high}"
            )
    if epochs < 1:
        raise StudykitError("--epochs must be at least 1")
    tokens = stats.total_tokens
    billed = tokens * epochs
    price = model.price
    serving = ON_DEMAND if model.on_demand else PROVISIONED
    return CostEstimate(
        model=model,
        epochs=epochs,
        epochs_assumed=assumed,
        epochs_note=note,
        train_tokens=tokens,
        billed_tokens=billed,
        training=billed / 1000 * price.train_per_1k_tokens if price else None,
        storage_per_month=price.storage_per_month if price else None,
        serving=serving,
        price_source=price.source if price else None,
    )

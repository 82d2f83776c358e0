"""What a customization job on a dataset would cost: training, storage and serving.

Bedrock bills training per token processed: tokens in the training data x epochs x a
per-model price per 1,000 tokens; each custom model adds a monthly storage fee; and
serving it is Provisioned Throughput (model units by the hour) or, for some models,
on-demand per-token inference. Only prices with a source are built in; any price can be
typed in from the pricing page instead, and every number says which of the two it used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from studykit.datasets import sources
from studykit.datasets.limits import ModelSpec
from studykit.datasets.stats import DatasetStats
from studykit.datasets.tokens import ERROR_NOTE, ESTIMATOR
from studykit.errors import StudykitError

HOURS_PER_MONTH = 730
"""AWS's convention for a month of hourly billing (365 x 24 / 12)."""
MAX_HOURS = 744
"""The hours in the longest month (31 x 24): a bound on hours of serving per month."""

PROVISIONED = (
    "Provisioned Throughput: model units bought by the hour, with no commitment or a 1- or 6-month "
    "commitment; hourly prices per model are on the pricing page."
)
ON_DEMAND = (
    "On-demand inference is available for custom copies of this model (customized on or after "
    "2025-07-16, in some US Regions), billed per token like the base model; Provisioned Throughput "
    "is the other option."
)


def check_amount(value: float, name: str, maximum: float | None = None) -> float:
    """``value`` as a finite number ≥ 0 (and ≤ ``maximum``), or a usage error naming ``name``."""
    if not math.isfinite(value) or value < 0 or (maximum is not None and value > maximum):
        bound = f" and at most {maximum:g}" if maximum is not None else ""
        raise StudykitError(f"{name} must be a finite number ≥ 0{bound}, not {value!r}")
    return value + 0.0  # -0.0 becomes 0.0


@dataclass(frozen=True)
class Rate:
    """One price in US dollars and where it came from: a sourced page, the user, or nowhere."""

    usd: float | None
    source: sources.Source | None = None
    typed: bool = False

    @property
    def origin(self) -> str:
        """``"yours"`` (typed in), ``"sourced"`` or ``"unknown"``."""
        if self.usd is None:
            return "unknown"
        return "yours" if self.typed else "sourced"

    def to_json(self) -> dict[str, object]:
        return {
            "usd": self.usd,
            "from": self.origin,
            "source": self.source.to_json() if self.source and not self.typed else None,
        }


UNKNOWN = Rate(None)


@dataclass(frozen=True)
class Prices:
    """Prices typed in by the user; ``None`` keeps studykit's sourced price (if any)."""

    training_per_1k: float | None = None
    storage_per_month: float | None = None
    hourly: float | None = None  # Provisioned Throughput, per model unit per hour
    model_units: int = 1
    hours: float = HOURS_PER_MONTH

    def __post_init__(self) -> None:
        for name, value in (
            ("--training-price", self.training_per_1k),
            ("--storage-price", self.storage_per_month),
            ("--hourly-price", self.hourly),
        ):
            if value is not None:
                check_amount(value, name)
        check_amount(self.hours, "--hours", MAX_HOURS)
        if self.model_units < 1:
            raise StudykitError(f"--model-units must be at least 1, not {self.model_units}")


def _rate(typed: float | None, sourced: float | None, source: sources.Source | None) -> Rate:
    if typed is not None:
        return Rate(typed, typed=True)
    return Rate(sourced, source) if sourced is not None else UNKNOWN


@dataclass(frozen=True)
class CostEstimate:
    """A training, storage and serving estimate with where each price comes from."""

    model: ModelSpec
    epochs: int
    epochs_assumed: bool
    epochs_note: str
    train_tokens: int
    billed_tokens: int
    training_rate: Rate
    storage_rate: Rate
    hourly_rate: Rate
    on_demand_input: Rate
    on_demand_output: Rate
    model_units: int
    hours: float
    serving_mode: str | None  # "provisioned", "on-demand" or None (no price to serve by)
    serving: str

    @property
    def training(self) -> float | None:
        rate = self.training_rate.usd
        return training_cost(self.billed_tokens, 1, rate) if rate is not None else None

    @property
    def storage_per_month(self) -> float | None:
        return self.storage_rate.usd

    @property
    def serving_per_month(self) -> float | None:
        """Provisioned Throughput for a month; None on demand (billed per token) or unpriced."""
        if self.serving_mode != "provisioned" or self.hourly_rate.usd is None:
            return None
        return self.hourly_rate.usd * self.model_units * self.hours

    @property
    def missing(self) -> tuple[str, ...]:
        """The options whose prices the first-month total still needs."""
        needed = (
            ("--training-price", self.training_rate),
            ("--storage-price", self.storage_rate),
        )
        out = tuple(option for option, rate in needed if rate.usd is None)
        return out + (("--hourly-price",) if self.serving_mode is None else ())

    @property
    def total_first_month(self) -> float | None:
        """Training + one month of storage + one month of Provisioned Throughput, when all are priced."""
        if self.missing:
            return None
        return (self.training or 0.0) + (self.storage_per_month or 0.0) + (self.serving_per_month or 0.0)

    @property
    def sources_used(self) -> tuple[sources.Source, ...]:
        rates = (self.training_rate, self.storage_rate, self.hourly_rate)
        if self.serving_mode == "on-demand":
            rates += (self.on_demand_input, self.on_demand_output)
        found = [rate.source for rate in rates if rate.origin == "sourced" and rate.source]
        return tuple(dict.fromkeys(found))

    def to_json(self) -> dict[str, object]:
        price = self.model.price
        return {
            "model": self.model.id,
            "model_availability": self.model.availability.to_json() if self.model.availability else None,
            "epochs": self.epochs,
            "epochs_assumed": self.epochs_assumed,
            "epochs_note": self.epochs_note or None,
            "train_tokens": self.train_tokens,
            "billed_tokens": self.billed_tokens,
            "training_usd": self.training,
            "storage_usd_per_month": self.storage_per_month,
            "serving_mode": self.serving_mode,
            "model_units": self.model_units if self.serving_mode == "provisioned" else None,
            "hours_per_month": self.hours if self.serving_mode == "provisioned" else None,
            "serving_usd_per_month": self.serving_per_month,
            "total_first_month_usd": self.total_first_month,
            "total_excludes": ["on-demand use, billed per token"] if self.serving_mode == "on-demand" else [],
            "missing_prices": list(self.missing),
            "train_price_per_1k_tokens": self.training_rate.usd,
            "on_demand_input_per_1k": self.on_demand_input.usd,
            "on_demand_output_per_1k": self.on_demand_output.usd,
            "prices": {
                "training_per_1k_tokens": self.training_rate.to_json(),
                "storage_per_month": self.storage_rate.to_json(),
                "provisioned_per_model_unit_hour": self.hourly_rate.to_json(),
                "on_demand_input_per_1k_tokens": self.on_demand_input.to_json(),
                "on_demand_output_per_1k_tokens": self.on_demand_output.to_json(),
            },
            "serving": self.serving,
            "price_source": price.source.to_json() if price else None,
            "pricing_page": sources.PRICING.to_json(),
            "token_estimator": ESTIMATOR,
            "token_error": ERROR_NOTE,
        }


def training_cost(tokens: int, epochs: int, price_per_1k: float) -> float:
    """Bedrock's training charge: tokens x epochs / 1,000 x the price per 1,000 tokens."""
    return tokens * epochs / 1000 * price_per_1k


def resolve_epochs(model: ModelSpec, epochs: int | None) -> tuple[int, str]:
    """The epochs to price (the model's default when None) and a note when over a raisable quota."""
    if epochs is None:
        return (model.epochs[2] if model.epochs else 1), ""
    if epochs < 1:
        raise StudykitError("--epochs must be at least 1")
    if model.epochs and not model.epochs[0] <= epochs <= model.epochs[1]:
        low, high, _ = model.epochs
        if model.epochs_adjustable and epochs > high:
            quota = f"above {model.id}'s default quota of {high} epochs"
            return epochs, f"{quota}: ask for an increase in Service Quotas"
        raise StudykitError(
            f"{model.id} trains for {low}-{high} epochs, not {epochs}", hint=f"use --epochs {low}-{high}"
        )
    return epochs, ""


def price_job(
    tokens: int, model: ModelSpec, epochs: int | None = None, prices: Prices | None = None
) -> CostEstimate:
    """Price training ``tokens`` on ``model``: typed ``prices`` first, then studykit's sourced ones."""
    prices = prices or Prices()
    chosen, note = resolve_epochs(model, epochs)
    sourced = model.price
    source = sourced.source if sourced else None
    on_demand_in = _rate(None, sourced.on_demand_input_per_1k if sourced else None, source)
    on_demand_out = _rate(None, sourced.on_demand_output_per_1k if sourced else None, source)
    hourly = _rate(prices.hourly, None, None)
    if hourly.usd is not None:
        mode: str | None = "provisioned"
    elif model.on_demand and on_demand_in.usd is not None:
        mode = "on-demand"
    else:
        mode = None
    return CostEstimate(
        model=model,
        epochs=chosen,
        epochs_assumed=epochs is None,
        epochs_note=note,
        train_tokens=tokens,
        billed_tokens=tokens * chosen,
        training_rate=_rate(prices.training_per_1k, sourced.train_per_1k_tokens if sourced else None, source),
        storage_rate=_rate(prices.storage_per_month, sourced.storage_per_month if sourced else None, source),
        hourly_rate=hourly,
        on_demand_input=on_demand_in,
        on_demand_output=on_demand_out,
        model_units=prices.model_units,
        hours=prices.hours,
        serving_mode=mode,
        serving=ON_DEMAND if model.on_demand else PROVISIONED,
    )


def estimate_cost(
    stats: DatasetStats, model: ModelSpec, epochs: int | None = None, prices: Prices | None = None
) -> CostEstimate:
    """Price training the dataset measured in ``stats`` on ``model`` for ``epochs``."""
    return price_job(stats.total_tokens, model, epochs, prices)

"""The cost estimate as plain text (≤ 80 columns), each number next to where its price came from.

A price typed on the command line reads "(your price)"; a built-in one reads "(as of DATE)"
with its page listed below; a missing one names the option that supplies it.
"""

from __future__ import annotations

import textwrap

from studykit.datasets import sources
from studykit.datasets.availability import choice_note
from studykit.datasets.cost import CostEstimate, Rate
from studykit.datasets.tokens import ERROR_NOTE

WIDTH = 80
LABEL = 18
VALUE = 14
INDENT = " " * (2 + LABEL + VALUE + 2)


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    ) or [indent]


def _row(label: str, value: str, text: str = "") -> list[str]:
    """``label  value  text`` with ``text`` wrapped under itself."""
    head = f"  {label:<{LABEL}}{value:>{VALUE}}"
    if not text:
        return [head]
    lines = _wrap(text, INDENT)
    return [head + "  " + lines[0].lstrip(), *lines[1:]]


def _origin(rate: Rate) -> str:
    if rate.typed:
        return "(your price)"
    return f"(as of {rate.source.as_of})" if rate.source else ""


def usd(amount: float) -> str:
    """Dollars to the cent; sub-cent amounts to four places so they do not read as $0.00."""
    return f"${amount:,.2f}" if amount >= 0.01 or amount == 0 else f"${amount:.4f}"


def rate(amount: float) -> str:
    """A unit price with as many decimals as it has (Bedrock's token prices have six)."""
    return "$" + f"{amount:,.6f}".rstrip("0").rstrip(".")


def render_cost(estimate: CostEstimate) -> list[str]:
    """The estimate as lines of text, each price next to its origin."""
    model = estimate.model
    note = ""
    if estimate.epochs_assumed:
        note = "(the model's default)" if model.epochs else "(assumed: pass --epochs)"
    out = [f"Cost estimate for {model.name} ({model.id})"]
    availability = choice_note(model, ())
    if availability:
        out += _wrap(f"note: {availability}")
    out += [
        *_row("training tokens", f"{estimate.train_tokens:,}", "(≈ characters / 6)"),
        *_row("epochs", str(estimate.epochs), note),
        *_row("tokens billed", f"{estimate.billed_tokens:,}", "(tokens x epochs)"),
    ]
    if estimate.epochs_note:
        out += _wrap(f"note: {estimate.epochs_note}")
    train = estimate.training_rate
    if estimate.training is not None and train.usd is not None:
        out += _row("training", usd(estimate.training), f"{rate(train.usd)} per 1k tokens {_origin(train)}")
    else:
        out += _row("training", "unknown", "no sourced price: give --training-price USD (per 1k tokens)")
    storage = estimate.storage_rate
    if storage.usd is not None:
        out += _row("storage / month", usd(storage.usd), f"per custom model {_origin(storage)}")
    else:
        out += _row("storage / month", "unknown", "no sourced price: give --storage-price USD")
    out += _serving(estimate)
    out += _total(estimate)
    used = estimate.sources_used
    for source in used:
        out += [f"  sourced prices (as of {source.as_of}):", f"  {source.url}"]
    if estimate.missing:
        out.append(f"  prices per model: {sources.PRICING.url}")
    out += _wrap(f"serving: {estimate.serving}")
    out += _wrap(f"tokens: {ERROR_NOTE}")
    return out


def _serving(estimate: CostEstimate) -> list[str]:
    hourly = estimate.hourly_rate
    if estimate.serving_mode == "provisioned" and hourly.usd is not None:
        units = f"{estimate.model_units} unit{'s' if estimate.model_units != 1 else ''}"
        text = f"{units} x {estimate.hours:g} h x {rate(hourly.usd)}/h {_origin(hourly)}"
        return _row("serving / month", usd(estimate.serving_per_month or 0.0), text)
    if estimate.serving_mode == "on-demand":
        low, high = estimate.on_demand_input, estimate.on_demand_output
        per_million = 1000 * ((low.usd or 0.0) + (high.usd or 0.0))
        text = (
            f"billed per token used {_origin(low)}: {rate(low.usd or 0.0)} in, {rate(high.usd or 0.0)} "
            f"out per 1k tokens; e.g. 1M tokens in + 1M out: {rate(per_million)}"
        )
        return _row("serving / month", "on demand", text)
    return _row(
        "serving / month",
        "unknown",
        "no sourced price: give --hourly-price USD (Provisioned Throughput per model unit per hour)",
    )


def _total(estimate: CostEstimate) -> list[str]:
    total = estimate.total_first_month
    if total is None:
        return _row("first month", "unknown", "needs " + ", ".join(estimate.missing))
    parts = "training + storage"
    if estimate.serving_mode == "provisioned":
        parts += " + serving"
    else:
        parts += ", plus on-demand use"
    return _row("first month", usd(total), parts)

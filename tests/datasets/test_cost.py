import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.datasets.cost import HOURS_PER_MONTH, Prices, price_job, training_cost
from studykit.datasets.cost_report import render_cost
from studykit.datasets.limits import MODELS, get_model
from studykit.errors import StudykitError

PRICED = [model for model in MODELS.values() if model.epochs]
PRICE = st.floats(min_value=0, max_value=1000, allow_nan=False, allow_infinity=False)


def test_a_typed_training_price_overrides_the_sourced_one_and_says_so():
    estimate = price_job(10_000, get_model("nova-micro"), 2, Prices(training_per_1k=0.002))
    assert estimate.training == pytest.approx(0.04)
    assert estimate.training_rate.origin == "yours" and estimate.storage_rate.origin == "sourced"
    lines = render_cost(estimate)
    assert any("$0.002 per 1k tokens (your price)" in line for line in lines)
    assert any("per custom model (as of 2026-11-23)" in line for line in lines)


def test_typed_prices_give_a_full_estimate_for_a_model_without_sourced_prices():
    prices = Prices(training_per_1k=0.0005, storage_per_month=1.95, hourly=21.18, model_units=2)
    estimate = price_job(100_000, get_model("llama-3-2-1b"), 5, prices)
    assert estimate.training == pytest.approx(0.25)
    assert estimate.serving_mode == "provisioned"
    assert estimate.serving_per_month == pytest.approx(21.18 * 2 * HOURS_PER_MONTH)
    assert estimate.total_first_month == pytest.approx(0.25 + 1.95 + 21.18 * 2 * 730)
    assert estimate.missing == () and estimate.sources_used == ()
    text = "\n".join(render_cost(estimate))
    assert "(your price)" in text and "as of" not in text and "unknown" not in text
    assert "2 units x 730 h x $21.18/h" in text and "$30,925.00" in text


def test_without_prices_each_unknown_line_names_the_option_that_supplies_it():
    estimate = price_job(1000, get_model("llama-3-2-1b"))
    assert estimate.total_first_month is None and estimate.serving_mode is None
    assert estimate.missing == ("--training-price", "--storage-price", "--hourly-price")
    text = "\n".join(render_cost(estimate))
    assert "needs --training-price, --storage-price," in text
    assert "https://aws.amazon.com/bedrock/pricing/" in text


def test_on_demand_serving_is_used_where_the_model_has_it_and_a_sourced_price():
    estimate = price_job(6000, get_model("nova-micro"), 3)
    assert estimate.serving_mode == "on-demand" and estimate.serving_per_month is None
    assert estimate.total_first_month == pytest.approx(0.018 + 1.95)
    data = estimate.to_json()
    assert data["total_excludes"] == ["on-demand use, billed per token"]
    assert data["prices"]["on_demand_input_per_1k_tokens"]["from"] == "sourced"
    # Nova Lite also serves on demand, but studykit has no sourced price for it
    assert price_job(6000, get_model("nova-lite")).serving_mode is None


def test_an_hourly_price_prices_provisioned_throughput_even_where_on_demand_exists():
    estimate = price_job(6000, get_model("nova-micro"), 2, Prices(hourly=10, hours=100))
    assert estimate.serving_mode == "provisioned" and estimate.serving_per_month == 1000
    assert estimate.to_json()["hours_per_month"] == 100


def test_json_carries_each_price_and_where_it_came_from():
    data = price_job(6000, get_model("nova-micro"), 2, Prices(storage_per_month=3)).to_json()
    assert data["prices"]["storage_per_month"] == {"usd": 3.0, "from": "yours", "source": None}
    training = data["prices"]["training_per_1k_tokens"]
    assert training["from"] == "sourced" and training["source"]["as_of"] == "2026-11-23"
    assert data["prices"]["provisioned_per_model_unit_hour"] == {
        "usd": None,
        "from": "unknown",
        "source": None,
    }
    assert data["storage_usd_per_month"] == 3.0 and data["missing_prices"] == []


@pytest.mark.parametrize(
    "prices",
    [
        {"training_per_1k": -1.0},
        {"storage_per_month": math.nan},
        {"hourly": math.inf},
        {"hours": 745.0},
        {"model_units": 0},
    ],
)
def test_the_library_refuses_prices_that_are_not_finite_and_non_negative(prices):
    with pytest.raises(StudykitError) as caught:
        Prices(**prices)
    assert caught.value.exit_code == 2


@settings(max_examples=40, deadline=None)
@given(
    tokens=st.integers(min_value=0, max_value=10**9),
    model=st.sampled_from(PRICED),
    scale=st.integers(min_value=1, max_value=50),
    price=PRICE,
    storage=PRICE,
    hourly=PRICE,
)
def test_cost_is_linear_in_tokens_times_epochs_and_never_negative(
    tokens, model, scale, price, storage, hourly
):
    epochs = model.epochs[2]
    prices = Prices(training_per_1k=price, storage_per_month=storage, hourly=hourly)
    one = price_job(tokens, model, epochs, prices)
    more = price_job(tokens * scale, model, epochs, prices)
    assert one.training == pytest.approx(training_cost(tokens, epochs, price))
    assert more.training == pytest.approx(scale * one.training)
    assert one.training == pytest.approx(training_cost(tokens * epochs, 1, price))
    for estimate in (one, more):
        assert estimate.training >= 0 and estimate.total_first_month >= estimate.training
        assert all(len(line) <= 80 for line in render_cost(estimate))

import json

import pytest
from click.testing import CliRunner

from studykit.cli import cli
from tests.cli.usage_error import assert_usage_error
from tests.datasets.samples import VALID, jsonl


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl(*[{"prompt": "a" * 600, "completion": "b" * 600}] * 10))  # 2,000 tokens
    return str(path)


def cost(*args: str):
    return CliRunner().invoke(cli, ["dataset", "cost", *args])


def test_training_price_fills_in_a_model_without_a_sourced_price(data):
    result = cost(data, "--model", "llama-3-2-1b", "--training-price", "0.5")
    assert result.exit_code == 0
    assert "$5.00  $0.5 per 1k tokens (your price)" in result.output  # 2,000 x 5 epochs / 1,000 x $0.5
    assert "first month              unknown  needs --storage-price, --hourly-price" in result.output


def test_training_price_overrides_the_sourced_price_and_drops_its_date(data):
    result = cost(data, "--model", "nova-micro", "--epochs", "1", "--training-price", "1")
    assert "$2.00  $1 per 1k tokens (your price)" in result.output
    assert "per custom model (as of 2026-11-23)" in result.output  # storage stays sourced


def test_storage_price_overrides_the_sourced_one(data):
    result = cost(data, "--model", "nova-micro", "--storage-price", "4.5")
    assert "$4.50  per custom model (your price)" in result.output


def test_hourly_price_units_and_hours_price_provisioned_throughput(data):
    args = ["--model", "titan-text-lite", "--training-price", "0.001", "--storage-price", "2"]
    result = cost(data, *args, "--hourly-price", "7.1", "--model-units", "3", "--hours", "100")
    assert result.exit_code == 0
    assert "$2,130.00  3 units x 100 h x $7.1/h (your price)" in result.output
    assert "$2,132.01  training + storage + serving" in result.output
    assert "sourced prices" not in result.output and "(as of" not in result.output.split("epochs")[1]
    default = cost(data, *args, "--hourly-price", "1")
    assert "$730.00  1 unit x 730 h x $1/h (your price)" in default.output


def test_json_carries_totals_and_price_sources(data):
    result = cost(data, "--model", "nova-micro", "--epochs", "2", "--hourly-price", "2", "--json")
    payload = json.loads(result.stdout)
    assert payload["serving_mode"] == "provisioned" and payload["serving_usd_per_month"] == 1460
    assert payload["model_units"] == 1 and payload["hours_per_month"] == 730
    assert payload["total_first_month_usd"] == pytest.approx(0.004 + 1.95 + 1460)
    assert payload["prices"]["provisioned_per_model_unit_hour"]["from"] == "yours"
    assert payload["prices"]["training_per_1k_tokens"]["source"]["url"].startswith("https://")
    assert payload["missing_prices"] == []


@pytest.mark.parametrize(
    ("option", "value", "why"),
    [
        ("--training-price", "-1", "'-1' is not a finite number ≥ 0"),
        ("--storage-price", "nan", "'nan' is not a finite number ≥ 0"),
        ("--hourly-price", "inf", "'inf' is not a finite number ≥ 0"),
        ("--hourly-price", "ten", "'ten' is not a number"),
        ("--training-price", "1e400", "'1e400' is not a finite number ≥ 0"),
    ],
)
def test_invalid_prices_are_usage_errors(data, option, value, why):
    assert_usage_error(cost(data, "--model", "nova-micro", option, value), f"'{option}'", why)


def test_hours_and_model_units_are_bounded(data):
    assert cost(data, "--model", "nova-micro", "--hourly-price", "1", "--hours", "800").exit_code == 2
    assert cost(data, "--model", "nova-micro", "--hourly-price", "1", "--model-units", "0").exit_code == 2


def test_units_or_hours_without_an_hourly_price_is_a_usage_error(data):
    result = cost(data, "--model", "nova-micro", "--model-units", "2")
    assert result.exit_code == 2 and "give --hourly-price too" in result.output


def test_every_line_fits_80_columns_but_the_source_url(data):
    result = cost(data, "--model", "nova-micro", "--hourly-price", "123456.789", "--model-units", "50")
    assert result.exit_code == 0
    # The page fits; a warning on stderr is one line however long its file name.
    assert all(len(line) <= 80 for line in result.stdout.splitlines() if "https://" not in line)


def test_a_model_with_no_prices_still_works(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(jsonl(VALID["prompt-completion"]))
    result = cost(str(path), "--model", "cohere-command")
    assert result.exit_code == 0 and "training                 unknown" in result.output

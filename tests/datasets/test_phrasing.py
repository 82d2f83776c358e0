"""The wordings records vary in must be clean text for every model."""

import pytest

from studykit.datasets.context import CheckContext
from studykit.datasets.formats import get_format
from studykit.datasets.limits import MODELS
from studykit.datasets.phrasing import (
    CHECKS,
    OPENERS,
    PRACTICE,
    SYSTEM_PROMPTS,
    TRUE_OR_FALSE,
    WHY_NOT,
    explained,
    reason,
)

WORDINGS = [
    *(text for text in SYSTEM_PROMPTS if text),
    *(text.rstrip() for text in OPENERS if text),
    PRACTICE.rstrip(),
    *(text.format(option="x") for text in (*WHY_NOT, *CHECKS)),
    *(text.format(statement="x") for text in TRUE_OR_FALSE),
]


@pytest.mark.parametrize("model_id", sorted(MODELS))
def test_no_wording_holds_a_reserved_word_or_stray_whitespace(model_id):
    context = CheckContext(get_format("single-turn"), MODELS[model_id])
    for text in WORDINGS:
        context.text(text, "")
    assert context.out == []


def test_openers_end_in_one_space_so_no_reserved_word_can_straddle_the_join():
    assert all(text == "" or (text.endswith(" ") and not text.endswith("  ")) for text in OPENERS)
    assert len(set(OPENERS)) == len(OPENERS) and len(set(SYSTEM_PROMPTS)) == len(SYSTEM_PROMPTS)


def test_a_note_loses_its_verdict_only_when_it_matches_the_option():
    assert reason("Correct. Model access is on by default.", True) == "Model access is on by default."
    assert reason("Not so: it trains on labeled examples", False) == "It trains on labeled examples."
    assert reason("Correct statement, but not what was asked.", False).startswith("Correct statement")


def test_an_explanation_is_added_once():
    assert explained("It is cheaper.", "It is cheaper.") == "It is cheaper."
    assert (
        explained("It is cheaper.", "It is cheaper. It needs less data.")
        == "It is cheaper. It needs less data."
    )
    assert explained("It is cheaper.", "It needs less data") == "It is cheaper. It needs less data."

"""Reserved-word search: the fast scan finds exactly what a search of the lower-cased text finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.datasets.limits import NOVA_RESERVED
from studykit.datasets.reserved import find_reserved

# Letters of the words in both cases, their endings, and characters whose lower case is
# unusual: "İ" lowers to two characters, the Kelvin sign to "k", long s stays itself.
ALPHABET = "userbotaisnmhgUSERBOTAISNMHG:<>[]_ -\nİKſ\x00é"
WORDS = st.sampled_from(
    [NOVA_RESERVED, ("Ok:",), ("x",), ("stop", "Top:"), ("İs:",), ("a:", "ba:", "cba:"), (":",)]
)


def found_by_lowering(text: str, words: tuple[str, ...]) -> set[str]:
    lowered = text.lower()
    return {word for word in words if word and word.lower() in lowered}


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40), words=WORDS)
def test_finds_a_reserved_word_exactly_when_the_lowered_text_contains_one(text, words):
    expected = found_by_lowering(text, words)
    result = find_reserved(text, words)
    assert (result is None) == (not expected)
    assert result is None or result in expected


@settings(max_examples=150, deadline=None)
@given(
    before=st.text(alphabet=ALPHABET, max_size=12),
    word=st.sampled_from(NOVA_RESERVED),
    after=st.text(alphabet=ALPHABET, max_size=12),
    case=st.sampled_from([str.lower, str.upper, str.title, lambda text: text]),
)
def test_a_reserved_word_is_found_in_any_case_wherever_it_sits(before, word, after, case):
    assert find_reserved(before + case(word) + after, NOVA_RESERVED) is not None


def test_words_split_by_other_characters_are_not_found():
    assert find_reserved("User : Bot - : < image> [ EOS]", NOVA_RESERVED) is None
    assert find_reserved("Assİstant: hello", NOVA_RESERVED) is None
    assert find_reserved("the assistant: replies", NOVA_RESERVED) == "Assistant:"


def test_characters_whose_lower_case_is_a_letter_of_a_word_are_matched_as_that_letter():
    # The Kelvin sign lowers to "k": Nova would read "<unK>" as "<unk>".
    assert find_reserved("a <un\u212a> b", NOVA_RESERVED) == "<unk>"
    # Long s stays itself when lowered, so "ſystem:" is not "system:".
    assert find_reserved("\u017fystem: x", NOVA_RESERVED) is None

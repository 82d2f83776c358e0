"""What a concept's structured attributes let us claim, and in which words.

Generated questions are only as trustworthy as the claims behind them. :meth:`Claims.holds`
is the single judge: it says whether "concept has attribute = value" is true, false, or not
safely decidable (the attribute is missing, or the values overlap, such as ``labeled`` and
``labeled-or-unlabeled``). Every generator asks it before using a concept as a correct option
or a distractor, and never uses an undecidable one. An ordinal value (relative cost, data
needed…) compares sibling concepts and is never claimed of one concept alone: for it
:meth:`Claims.holds` is always undecidable, and only comparisons are generated.

The words (phrases, labels, nouns, stems) come from the concept set's vocabulary
(:mod:`studykit.concepts.vocabulary`).
"""

from __future__ import annotations

import hashlib

from studykit.concepts import Concept, Vocabulary
from studykit.concepts.model import AttributeValue

CLAIM_KINDS = ("enum", "bool")
"""Attribute kinds whose one value can be claimed true or false of a concept."""


class Claims:
    """Claims about concepts in the words of one vocabulary."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    def claim_attributes(self) -> list[str]:
        """Attributes whose values exclude each other and that have a phrase for each value."""
        return [
            name
            for name, spec in self.vocabulary.attributes.items()
            if spec.kind in CLAIM_KINDS and spec.words and all(words.says for words in spec.words.values())
        ]

    def ordinal_attributes(self) -> list[str]:
        """Attributes compared between siblings ("needs more data"), least value first."""
        return [
            name
            for name, spec in self.vocabulary.attributes.items()
            if spec.kind == "ordinal" and spec.compare is not None
        ]

    def holds(self, concept: Concept, attribute: str, value: AttributeValue) -> bool | None:
        """Whether ``concept`` has ``attribute`` = ``value``: True, False, or None when undecidable."""
        spec = self.vocabulary.attributes.get(attribute)
        if spec is None or spec.kind == "ordinal" or attribute not in concept.attributes:
            return None
        actual = concept.attributes[attribute]
        if actual == value:
            return True
        if isinstance(actual, str | bool) and isinstance(value, str | bool) and spec.overlap(actual, value):
            return None
        return False

    def rank(self, attribute: str, value: AttributeValue) -> int:
        """The position of an ordinal value, least first."""
        return self.vocabulary.attributes[attribute].values.index(str(value))

    def says(self, attribute: str, value: AttributeValue) -> str:
        """A verb phrase saying the concept has ``value`` ("trains on unlabeled data")."""
        spec = self.vocabulary.attributes[attribute]
        phrase = spec.says_of(value) if isinstance(value, str | bool) else ""
        return (
            phrase
            or f"has {spec.label.lower()} {spec.label_of(value) if isinstance(value, str | bool) else value}"
        )

    def label(self, attribute: str, value: AttributeValue) -> str:
        """A value as an answer option shows it: "Labeled or unlabeled data"."""
        spec = self.vocabulary.attributes[attribute]
        return capitalized(spec.label_of(value) if isinstance(value, str | bool) else str(value))

    def subject(self, concept: Concept) -> str:
        """The concept as the subject of a claim, by its category's rules in the vocabulary.

        "Use case: domain expertise" → "Customizing a model for domain expertise".
        """
        category = self.vocabulary.categories.get(concept.category)
        for prefix, becomes in category.subject if category else ():
            if concept.title.startswith(prefix):
                return becomes + concept.title[len(prefix) :]
        return concept.title

    def statement(self, concept: Concept, attribute: str, value: AttributeValue) -> str:
        """A full sentence: "Continued pre-training trains on unlabeled data." """
        return f"{self.subject(concept)} {self.says(attribute, value)}."

    def in_sentence(self, title: str) -> str:
        """A title as written inside a sentence: "Continued pre-training" → "continued pre-training"."""
        if ":" in title:
            return f"“{title}”"
        words = title.split(" ")
        first = words[0].split("-", 1)[0]
        if (
            first in self.vocabulary.proper_names
            or any(char.isupper() for char in first[1:])
            or not first[:1].isupper()
            or (len(words) > 1 and words[1].istitle())  # a name such as "Strands Agents"
        ):
            return title
        return title[0].lower() + title[1:]

    def different_data(self, first: Concept, second: Concept) -> bool:
        """Whether the two clearly train on different kinds of data (so their record shapes differ)."""
        if "training_data" not in second.attributes:
            return False
        return self.holds(first, "training_data", second.attributes["training_data"]) is False

    def typical_uses(self, concept: Concept) -> str:
        """ "Typical use cases of X: a; b." """
        return f"Typical use cases of {self.in_sentence(concept.title)}: {'; '.join(use_cases(concept))}."

    def stem(self, family: str, key: str, category: str | None = None, **words: str) -> str | None:
        """The family's stem for this question, picked by a hash of its key; None if it has none."""
        stems = self.vocabulary.family(family).stems_for(category)
        return choose(key, stems).format(**words) if stems else None

    def applies(self, family: str, category: str) -> bool:
        """Whether the vocabulary gives ``family`` stems for concepts of ``category``."""
        spec = self.vocabulary.family(family)
        return spec.applies_to(category) and bool(spec.stems_for(category))


def choose(key: str, stems: tuple[str, ...]) -> str:
    """One of ``stems``, the same every run for the same key."""
    return min(stems, key=lambda stem: hashlib.sha1(f"{key}|{stem}".encode()).hexdigest())


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def without_end(text: str) -> str:
    """Text without its closing full stop, so a stem can quote it and end the sentence itself."""
    return text.rstrip().rstrip(".")


def text_value(concept: Concept, attribute: str) -> str | None:
    """A text attribute (such as ``data_format``) of ``concept``, if it has one."""
    value = concept.attributes.get(attribute)
    return value if isinstance(value, str) else None


def use_cases(concept: Concept) -> tuple[str, ...]:
    value = concept.attributes.get("use_cases", ())
    return value if isinstance(value, tuple) else ()

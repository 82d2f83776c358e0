"""Generated questions on text attributes, as the vocabulary declares them.

An attribute with ``questions`` in ``content/_vocabulary.yaml`` (a service's ``purpose``, a
metric's ``measures``, a risk's ``mitigation``) is asked both ways among siblings of its
categories: the value given and the concept to choose ("You need to convert speech to text.
Which AWS service or feature should you use?"), or the concept given and its value to choose
("What is Amazon Polly for?").

A distractor is a sibling that has the attribute (a sibling without it might fit too), whose
value differs from the concept's, and that neither builds on the concept nor names it as
related, either way (a feature and its platform, or two related risks, can share an answer
without sharing the words). A concept with fewer than two such siblings gets no question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from studykit.concepts import Concept, ConceptSet
from studykit.concepts.vocabulary import AttributeSpec, TextQuestions
from studykit.questions.claims import Claims, capitalized, choose, text_value, without_end
from studykit.questions.derive import confusable, make_question, pick, siblings
from studykit.questions.model import Kind, Option, Question

MAX_DISTRACTORS = 3


def text_questions(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    said = _normalised()
    apart = _apart(concepts, said)
    for spec, questions in concepts.vocabulary.text_questions:
        for category, members in siblings(concepts).items():
            if category not in questions.categories:
                continue
            valued = [concept for concept in members if text_value(concept, spec.name)]
            for concept in valued:
                wrong = [
                    other for other in valued if other is not concept and apart(concept, other, spec.name)
                ]
                if len(wrong) < 2:
                    continue
                yield from _both_ways(concepts, claims, spec, questions, concept, wrong, said)


_SPACES = re.compile(r"\s+")


def _normal(text: str) -> str:
    """A value as compared: case, spacing and a closing full stop ignored."""
    return _SPACES.sub(" ", without_end(text)).casefold()


def _normalised() -> Callable[[Concept, str], str]:
    """A concept's value of an attribute as compared (see :func:`_normal`).

    Each value is normalised once, not once for every sibling it is compared with.
    """
    normal: dict[tuple[str, str], str] = {}

    def said(concept: Concept, attribute: str) -> str:
        key = (concept.id, attribute)
        if key not in normal:
            normal[key] = _normal(str(text_value(concept, attribute)))
        return normal[key]

    return said


def _apart(
    concepts: ConceptSet, said: Callable[[Concept, str], str]
) -> Callable[[Concept, Concept, str], bool]:
    """Whether ``other`` is a fair distractor for ``concept`` on ``attribute``."""
    related = confusable(concepts)

    def apart(concept: Concept, other: Concept, attribute: str) -> bool:
        if said(concept, attribute) == said(other, attribute):
            return False
        linked = concept.id in other.related or other.id in concept.related
        return not linked and not related(concept, other)

    return apart


def _both_ways(
    concepts: ConceptSet,
    claims: Claims,
    spec: AttributeSpec,
    questions: TextQuestions,
    concept: Concept,
    wrong: list[Concept],
    said: Callable[[Concept, str], str],
) -> Iterator[Question]:
    value = str(text_value(concept, spec.name))
    vocabulary = concepts.vocabulary

    def why(owner: Concept) -> str:
        return questions.explain.format(
            Title=owner.title,
            title=claims.in_sentence(owner.title),
            value=_in_sentence(claims, str(text_value(owner, spec.name))),
        )

    if questions.choose_concept:
        ask = questions.choose_concept
        key = f"{concept.id}.{spec.name}={value}"
        chosen = pick(key, wrong, MAX_DISTRACTORS)
        options = [Option(concept.title, True, why(concept))]
        options += [Option(other.title, False, why(other)) for other in chosen]
        stem = choose(key, ask.stems).format(
            value=_in_sentence(claims, value),
            noun=vocabulary.noun(concept.category),
            plural=vocabulary.plural(concept.category),
        )
        yield _question(ask.family, concept, key, stem, options)
    distinct: dict[str, Concept] = {}  # one owner per different value: options must differ
    for other in pick(f"{concept.id}.{spec.name}?{value}", wrong, len(wrong)):
        distinct.setdefault(said(other, spec.name), other)
    if questions.choose_value and len(distinct) >= 2:
        ask = questions.choose_value
        key = f"{concept.id}.{spec.name}?{value}"
        chosen = pick(key, list(distinct.values()), MAX_DISTRACTORS)
        options = [Option(capitalized(without_end(value)), True, why(concept))]
        options += [
            Option(capitalized(without_end(str(text_value(other, spec.name)))), False, why(other))
            for other in chosen
        ]
        stem = choose(key, ask.stems).format(
            Title=concept.title,
            title=claims.in_sentence(concept.title),
            noun=vocabulary.noun(concept.category),
        )
        yield _question(ask.family, concept, key, stem, options)


def _question(family: str, concept: Concept, key: str, stem: str, options: list[Option]) -> Question:
    return make_question(
        family,
        concept,
        key,
        Kind.SINGLE,
        stem,
        options=tuple(pick(key, options, len(options), name=lambda option: option.text)),
        explanation=" ".join(option.why for option in options),
        difficulty="easy",
    )


def _in_sentence(claims: Claims, value: str) -> str:
    """A value inside a sentence: its first letter lower-cased unless it starts a name or acronym."""
    value = without_end(value)
    first = value.split(" ", 1)[0]
    if first in claims.vocabulary.proper_names or any(char.isupper() for char in first[1:]):
        return value
    return value[:1].lower() + value[1:]

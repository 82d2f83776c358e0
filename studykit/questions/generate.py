"""Questions generated from the structured attributes of ``content/``.

Stable API:

- :func:`generate_questions(concepts, sequences=()) <generate_questions>` → tuple of :class:`Question`.
- :func:`shipped_generated_questions()` — generated from the shipped content (cached).

Families (the ``Origin.generator`` of each question names its family and the claim behind it):

=================  ========  ====================================================================
family             kind      example
=================  ========  ====================================================================
which              single    Which approach trains on unlabeled data?
which-all          multiple  Which approaches change the model's weights? (Choose two.)
statement          t/f       Continued pre-training needs experienced ML engineers.
value              single    What training data does instruction-based fine-tuning use?
record             single    What does one training record for continued pre-training look like?
most / least       single    Which approach is the most compute-intensive?
use-case           single    Which approach is typically used for: legal assistant …?
typical-use        t/f       Continued pre-training is typically used for: legal assistant …
match-*            matching  use cases, record shapes or training data → approach
order              ordering  the steps of a customization job (``content/_sequences.yaml``)
=================  ========  ====================================================================

Distractors come from sibling concepts (same category) whose value is known to differ,
as judged by :func:`studykit.questions.claims.holds`; a concept whose value is missing or
overlaps the asked one is never used. Ids are ``gen-<family>-<concept>-<hash>`` where the
hash covers only the source data of the claim, so they are stable while that data is.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from studykit.concepts import Concept, ConceptSet
from studykit.concepts.model import ATTRIBUTES, AttributeValue
from studykit.questions.claims import (
    CHOICE_ATTRIBUTES,
    CLAIM_CATEGORIES,
    NOUNS,
    ORDINAL_ATTRIBUTES,
    SUBJECT_CATEGORIES,
    SUPERLATIVES,
    USE_CASE_STEMS,
    VALUE_LABELS,
    different_data,
    holds,
    in_sentence,
    phrase,
    rank,
    statement,
    subject,
    text_value,
    typical_uses,
    use_case_stem,
    use_cases,
)
from studykit.questions.derive import confusable, pick, siblings
from studykit.questions.derive import make_question as _question
from studykit.questions.generate_sets import matching_questions, ordering_questions
from studykit.questions.generate_uses import use_case_statements
from studykit.questions.model import Kind, Option, Question
from studykit.questions.sequences import Sequence as StepSequence


def generate_questions(concepts: ConceptSet, sequences: Sequence[StepSequence] = ()) -> tuple[Question, ...]:
    """Every question the content supports, in a stable order, ids unique."""
    questions: dict[str, Question] = {}
    families = (
        _which(concepts),
        _statements(concepts),
        _values(concepts),
        _records(concepts),
        _superlatives(concepts),
        _use_cases(concepts),
        use_case_statements(concepts),
        matching_questions(concepts),
        ordering_questions(concepts, sequences),
    )
    for family in families:
        for question in family:
            questions.setdefault(question.id, question)
    return tuple(questions.values())


@lru_cache(maxsize=1)
def shipped_generated_questions() -> tuple[Question, ...]:
    from studykit.concepts import load_concepts
    from studykit.parse_cache import cached
    from studykit.questions.sequences import load_sequences
    from studykit.resources import content_dir

    def build() -> tuple[Question, ...]:
        concepts = load_concepts()
        return generate_questions(concepts, load_sequences(content_dir(), concepts))

    return cached("generated", content_dir().glob("*.yaml"), build)


def _value_text(value: AttributeValue) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _concept_option(concept: Concept, attribute: str, correct: bool) -> Option:
    value = concept.attributes[attribute]
    return Option(concept.title, correct, statement(concept, attribute, value))


def _which(concepts: ConceptSet) -> Iterator[Question]:
    """ "Which approach <phrase>?": one correct sibling (single) or several (multiple)."""
    for category, members in siblings(concepts).items():
        if category not in CLAIM_CATEGORIES:
            continue
        noun, nouns = NOUNS[category]
        for attribute in CHOICE_ATTRIBUTES:
            known = [concept for concept in members if attribute in concept.attributes]
            for value in dict.fromkeys(concept.attributes[attribute] for concept in known):
                right = [concept for concept in known if holds(concept, attribute, value) is True]
                wrong = [concept for concept in known if holds(concept, attribute, value) is False]
                key = f"{category}.{attribute}={_value_text(value)}"
                if len(right) == 1 and len(wrong) >= 2:
                    chosen, kind, stem = right, Kind.SINGLE, f"Which {noun} {phrase(attribute, value)}?"
                    distractors = pick(key, wrong, 3)
                elif len(right) >= 2 and wrong and min(len(right), 3) + min(len(wrong), 3) >= 4:
                    chosen = pick(key, right, min(len(right), 3))
                    distractors = pick(key, wrong, min(len(wrong), 6 - len(chosen), 3))
                    count = ("two", "three")[len(chosen) - 2]
                    kind = Kind.MULTIPLE
                    stem = f"Which of these {nouns} {_plural(phrase(attribute, value))}? (Choose {count}.)"
                else:
                    continue
                options = [_concept_option(concept, attribute, True) for concept in chosen]
                options += [_concept_option(concept, attribute, False) for concept in distractors]
                explanation = " ".join(option.why for option in options)
                family = "which" if kind is Kind.SINGLE else "which-all"
                yield _question(
                    family,
                    chosen[0],
                    key,
                    kind,
                    stem,
                    options=tuple(pick(key, options, len(options), name=lambda option: option.text)),
                    explanation=explanation,
                    concepts=tuple(concept.id for concept in chosen),
                    difficulty="easy" if kind is Kind.SINGLE else "medium",
                )


def _plural(verb_phrase: str) -> str:
    """Turn a singular verb phrase into its plural form ("trains on" → "train on")."""
    first, _, rest = verb_phrase.partition(" ")
    irregular = {"is": "are", "has": "have", "needs": "need", "does": "do", "can": "can"}
    if first in irregular:
        plural = irregular[first]
    elif first.endswith("es") and first[:-2].endswith(("ch", "sh", "ss", "x")):
        plural = first[:-2]
    elif first.endswith("s"):
        plural = first[:-1]
    else:
        plural = first
    return f"{plural} {rest}".strip()


def _false_values(concept: Concept, attribute: str) -> list[AttributeValue]:
    spec = ATTRIBUTES[attribute]
    candidates: list[AttributeValue] = [True, False] if spec.kind == "bool" else list(spec.values)
    return [value for value in candidates if holds(concept, attribute, value) is False]


def _statements(concepts: ConceptSet) -> Iterator[Question]:
    """True/false statements: each attribute once as it is, once with a value it clearly is not."""
    for concept in concepts:
        if concept.category not in CLAIM_CATEGORIES + SUBJECT_CATEGORIES:
            continue
        for attribute in CHOICE_ATTRIBUTES:
            if attribute not in concept.attributes:
                continue
            actual = concept.attributes[attribute]
            claims = [(actual, True)]
            key = f"{concept.id}.{attribute}"
            claims += [(value, False) for value in pick(key, _false_values(concept, attribute), 1, name=str)]
            for value, truth in claims:
                said = statement(concept, attribute, value)
                real = statement(concept, attribute, actual)
                yield _question(
                    "statement",
                    concept,
                    f"{key}={_value_text(value)}",
                    Kind.TRUE_FALSE,
                    said,
                    options=(
                        Option("True", truth, real if truth else f"Not so: {real}"),
                        Option("False", not truth, f"It is true: {real}" if truth else real),
                    ),
                    explanation=real,
                    difficulty="easy",
                )


def _values(concepts: ConceptSet) -> Iterator[Question]:
    """ "What training data does X use?" with the vocabulary's other values as distractors."""
    for attribute, labels in VALUE_LABELS.items():
        for concept in concepts:
            if attribute not in concept.attributes:
                continue
            actual = concept.attributes[attribute]
            wrong = [value for value in labels if holds(concept, attribute, value) is False]
            if len(wrong) < 2:
                continue
            key = f"{concept.id}.{attribute}={_value_text(actual)}"
            real = statement(concept, attribute, actual)
            options = [Option(labels[actual], True, real)]
            options += [
                Option(labels[value], False, f"{subject(concept)} does not; it {phrase(attribute, actual)}.")
                for value in pick(key, wrong, 3, name=str)
            ]
            label = ATTRIBUTES[attribute].label.lower()
            yield _question(
                "value",
                concept,
                key,
                Kind.SINGLE,
                f"Which {label} does {in_sentence(subject(concept))} use?",
                options=tuple(pick(key, options, len(options), name=lambda option: option.text)),
                explanation=real,
            )


def _records(concepts: ConceptSet) -> Iterator[Question]:
    """ "What does one training record for X look like?", with siblings' shapes as distractors.

    A distractor's owner must train on clearly different data (labeled vs unlabeled…), so its
    record shape cannot also be right for X.
    """
    for members in siblings(concepts).values():
        for concept in members:
            actual = text_value(concept, "data_format")
            if actual is None:
                continue
            owners: dict[str, list[Concept]] = {}
            for other in concepts:  # a shape is wrong only if no one training on the same data uses it
                value = text_value(other, "data_format")
                if value is not None and value != actual:
                    owners.setdefault(value, []).append(other)
            offered = {text_value(other, "data_format") for other in members}
            wrong = [
                value
                for value, who in owners.items()
                if value in offered and all(different_data(concept, o) for o in who)
            ]
            if len(wrong) < 2:
                continue
            key = f"{concept.id}.data_format={actual}"
            options = [
                Option(actual, True, f"This is the record shape {in_sentence(subject(concept))} uses.")
            ]
            options += [
                Option(
                    value, False, f"This is the record shape of {', '.join(o.title for o in owners[value])}."
                )
                for value in pick(key, wrong, 3, name=str)
            ]
            yield _question(
                "record",
                concept,
                key,
                Kind.SINGLE,
                f"What does one training record for {in_sentence(subject(concept))} look like?",
                options=tuple(pick(key, options, len(options), name=lambda option: option.text)),
                explanation=f"{subject(concept)} uses records shaped like {actual}.",
            )


def _superlatives(concepts: ConceptSet) -> Iterator[Question]:
    """ "Which approach costs the most?" when one sibling is strictly above the others."""
    for category, members in siblings(concepts).items():
        for attribute in ORDINAL_ATTRIBUTES:
            known = [concept for concept in members if attribute in concept.attributes]
            for direction, words in zip((1, -1), SUPERLATIVES[attribute], strict=True):
                ordered = sorted(known, key=lambda c: -direction * rank(attribute, c.attributes[attribute]))
                if len(ordered) < 3:
                    continue
                top = ordered[0]
                level = rank(attribute, top.attributes[attribute])
                below = [
                    c
                    for c in ordered[1:]
                    if direction * (level - rank(attribute, c.attributes[attribute])) > 0
                ]
                if len(below) != len(ordered) - 1 or len(below) < 2:
                    continue
                family = "most" if direction == 1 else "least"
                key = f"{category}.{attribute}.{family}={top.id}"
                options = [_concept_option(top, attribute, True)]
                options += [_concept_option(concept, attribute, False) for concept in pick(key, below, 3)]
                yield _question(
                    family,
                    top,
                    key,
                    Kind.SINGLE,
                    f"Which of these {NOUNS[category][1]} {words}?",
                    options=tuple(pick(key, options, len(options), name=lambda option: option.text)),
                    explanation=" ".join(option.why for option in options),
                )


def _use_cases(concepts: ConceptSet) -> Iterator[Question]:
    """ "Which approach is typically used for: <use case>?" — use cases listed by one sibling only."""
    related = confusable(concepts)
    for category, members in siblings(concepts).items():
        if category not in USE_CASE_STEMS:
            continue  # "Which data format is this a typical use case of …?" has no fair answer
        listed = [concept for concept in members if use_cases(concept)]
        for concept in listed:
            for case in use_cases(concept):
                folded = case.casefold()
                owners = [c for c in listed if folded in {item.casefold() for item in use_cases(c)}]
                wrong = [c for c in listed if c not in owners and not related(c, concept)]
                if len(owners) != 1 or len(wrong) < 2:
                    continue
                key = f"{concept.id}.use_cases={case}"
                options = [
                    Option(
                        concept.title, True, f"{case} is a typical use case of {in_sentence(concept.title)}."
                    )
                ]
                options += [Option(c.title, False, typical_uses(c)) for c in pick(key, wrong, 3)]
                yield _question(
                    "use-case",
                    concept,
                    key,
                    Kind.SINGLE,
                    use_case_stem(category, case),
                    options=tuple(pick(key, options, len(options), name=lambda option: option.text)),
                    explanation=f"{options[0].why} {concept.summary}",
                )

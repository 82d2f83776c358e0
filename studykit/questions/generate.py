"""Questions generated from the structured attributes of ``content/``.

Stable API:

- :func:`generate_questions(concepts, sequences=()) <generate_questions>` → tuple of :class:`Question`.
- :func:`shipped_generated_questions()` — generated from the shipped content (cached); it lives in
  :mod:`studykit.questions.pool`, so a warm start reads the cache without importing the generator.

Families (the ``Origin.generator`` of each question names its family and the claim behind it);
their stems are data, in the ``families`` of ``content/_vocabulary.yaml``:

=================  ========  ====================================================================
family             kind      example
=================  ========  ====================================================================
which              single    Which approach trains on unlabeled data?
which-all          multiple  Which approaches change the model's weights? (Choose two.)
statement          t/f       Continued pre-training trains on unlabeled data.
value              single    What kind of training data does instruction-based fine-tuning use?
record             single    What does one training record for continued pre-training look like?
more               t/f       Continued pre-training needs more data than instruction fine-tuning.
most / least       single    Which of these approaches is the most compute-intensive?
use-case           single    A team's project brief reads: "…". Which approach is typically used …?
typical-use        t/f       A company plans this project: "…". Distillation is typically used …
match-*            matching  use cases, record shapes or training data → approach
order              ordering  the steps of a customization job (``content/_sequences.yaml``)
(from data)        single    a text attribute's ``questions``: "You need to convert speech to text.
                             Which AWS service or feature should you use?" and "What is Amazon
                             Polly for?" (:mod:`studykit.questions.generate_text`)
=================  ========  ====================================================================

Distractors come from sibling concepts (same category) whose value is known to differ,
as judged by :meth:`studykit.questions.claims.Claims.holds`; a concept whose value is missing
or overlaps the asked one is never used. Ordinal attributes (relative cost, expertise, data,
compute) are comparisons between siblings: only ``more``, ``most`` and ``least`` use them, and
only between siblings whose values differ. Ids are ``gen-<family>-<concept>-<hash>`` where the
hash covers only the source data of the claim, so they are stable while that data is.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from studykit.concepts import Concept, ConceptSet
from studykit.concepts.model import AttributeValue
from studykit.questions.claims import Claims, capitalized, choose, text_value, use_cases, without_end
from studykit.questions.derive import confusable, pick, siblings, true_false_options
from studykit.questions.derive import make_question as _question
from studykit.questions.generate_sets import matching_questions, ordering_questions
from studykit.questions.generate_text import text_questions
from studykit.questions.generate_uses import use_case_statements
from studykit.questions.model import Kind, Option, Question
from studykit.questions.pool import shipped_generated_questions
from studykit.questions.sequences import Sequence as StepSequence

__all__ = ["generate_questions", "shipped_generated_questions"]


def generate_questions(concepts: ConceptSet, sequences: Sequence[StepSequence] = ()) -> tuple[Question, ...]:
    """Every question the content supports, in a stable order, ids unique."""
    claims = Claims(concepts.vocabulary)
    questions: dict[str, Question] = {}
    families = (
        _which(concepts, claims),
        _statements(concepts, claims),
        _values(concepts, claims),
        _records(concepts, claims),
        _superlatives(concepts, claims),
        _use_cases(concepts, claims),
        use_case_statements(concepts, claims),
        matching_questions(concepts, claims),
        ordering_questions(concepts, sequences),
        _comparisons(concepts, claims),
        text_questions(concepts, claims),
    )
    for family in families:
        for question in family:
            questions.setdefault(question.id, question)
    return tuple(questions.values())


def _value_text(value: AttributeValue) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _concept_option(claims: Claims, concept: Concept, attribute: str, correct: bool) -> Option:
    value = concept.attributes[attribute]
    return Option(concept.title, correct, claims.statement(concept, attribute, value))


def _shuffled(key: str, options: list[Option]) -> tuple[Option, ...]:
    return tuple(pick(key, options, len(options), name=lambda option: option.text))


def _which(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    """ "Which approach <phrase>?": one correct sibling (single) or several (multiple)."""
    vocabulary = concepts.vocabulary
    for category, members in siblings(concepts).items():
        for attribute in claims.claim_attributes():
            known = [concept for concept in members if attribute in concept.attributes]
            for value in dict.fromkeys(concept.attributes[attribute] for concept in known):
                right = [concept for concept in known if claims.holds(concept, attribute, value) is True]
                wrong = [concept for concept in known if claims.holds(concept, attribute, value) is False]
                key = f"{category}.{attribute}={_value_text(value)}"
                says = claims.says(attribute, value)
                nouns = {"noun": vocabulary.noun(category), "plural": vocabulary.plural(category)}
                if len(right) == 1 and len(wrong) >= 2 and claims.applies("which", category):
                    chosen, kind, family = right, Kind.SINGLE, "which"
                    stem = claims.stem(family, key, category, says=says, **nouns)
                    distractors = pick(key, wrong, 3)
                elif (
                    len(right) >= 2
                    and wrong
                    and min(len(right), 3) + min(len(wrong), 3) >= 4
                    and claims.applies("which-all", category)
                ):
                    chosen = pick(key, right, min(len(right), 3))
                    distractors = pick(key, wrong, min(len(wrong), 6 - len(chosen), 3))
                    count = ("two", "three")[len(chosen) - 2]
                    kind, family = Kind.MULTIPLE, "which-all"
                    stem = claims.stem(family, key, category, say=_plural(says), count=count, **nouns)
                else:
                    continue
                options = [_concept_option(claims, concept, attribute, True) for concept in chosen]
                options += [_concept_option(claims, concept, attribute, False) for concept in distractors]
                yield _question(
                    family,
                    chosen[0],
                    key,
                    kind,
                    str(stem),
                    options=_shuffled(key, options),
                    explanation=" ".join(option.why for option in options),
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


def _false_values(claims: Claims, concept: Concept, attribute: str) -> list[AttributeValue]:
    spec = claims.vocabulary.attributes[attribute]
    candidates: list[AttributeValue] = [True, False] if spec.kind == "bool" else list(spec.values)
    return [value for value in candidates if claims.holds(concept, attribute, value) is False]


def _statements(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    """True/false statements: each attribute once as it is, once with a value it clearly is not."""
    for concept in concepts:
        if not claims.applies("statement", concept.category):
            continue
        subject = claims.subject(concept)
        for attribute in claims.claim_attributes():
            if attribute not in concept.attributes:
                continue
            actual = concept.attributes[attribute]
            truths = [(actual, True)]
            key = f"{concept.id}.{attribute}"
            truths += [
                (value, False) for value in pick(key, _false_values(claims, concept, attribute), 1, name=str)
            ]
            real = claims.statement(concept, attribute, actual)
            for value, truth in truths:
                claim_key = f"{key}={_value_text(value)}"
                stem = claims.stem(
                    "statement",
                    claim_key,
                    concept.category,
                    Subject=subject,
                    subject=claims.in_sentence(subject),
                    says=claims.says(attribute, value),
                )
                yield _question(
                    "statement",
                    concept,
                    claim_key,
                    Kind.TRUE_FALSE,
                    str(stem),
                    options=true_false_options(truth, real),
                    explanation=real,
                    difficulty="easy",
                )


def _values(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    """ "What kind of training data does X use?" with the vocabulary's other values as distractors."""
    for attribute, spec in concepts.vocabulary.attributes.items():
        if not spec.ask:
            continue
        for concept in concepts:
            if attribute not in concept.attributes:
                continue
            actual = concept.attributes[attribute]
            wrong = [value for value in spec.values if claims.holds(concept, attribute, value) is False]
            if len(wrong) < 2:
                continue
            key = f"{concept.id}.{attribute}={_value_text(actual)}"
            subject = claims.subject(concept)
            real = claims.statement(concept, attribute, actual)
            options = [Option(claims.label(attribute, actual), True, real)]
            options += [
                Option(
                    claims.label(attribute, value),
                    False,
                    f"{subject} does not; it {claims.says(attribute, actual)}.",
                )
                for value in pick(key, wrong, 3, name=str)
            ]
            words = {"Subject": subject, "subject": claims.in_sentence(subject), "label": spec.label.lower()}
            yield _question(
                "value",
                concept,
                key,
                Kind.SINGLE,
                choose(key, spec.ask).format(**words),
                options=_shuffled(key, options),
                explanation=real,
            )


def _records(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    """ "What does one training record for X look like?", with siblings' shapes as distractors.

    A distractor's owner must train on clearly different data (labeled vs unlabeled…), so its
    record shape cannot also be right for X.
    """
    for category, members in siblings(concepts).items():
        if not claims.applies("record", category):
            continue
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
                if value in offered and all(claims.different_data(concept, o) for o in who)
            ]
            if len(wrong) < 2:
                continue
            key = f"{concept.id}.data_format={actual}"
            subject = claims.subject(concept)
            options = [Option(actual, True, f"This is the record shape {claims.in_sentence(subject)} uses.")]
            options += [
                Option(
                    value,
                    False,
                    "This is the record shape of "
                    f"{', '.join(claims.in_sentence(claims.subject(o)) for o in owners[value])}.",
                )
                for value in pick(key, wrong, 3, name=str)
            ]
            stem = claims.stem("record", key, category, Subject=subject, subject=claims.in_sentence(subject))
            yield _question(
                "record",
                concept,
                key,
                Kind.SINGLE,
                str(stem),
                options=_shuffled(key, options),
                explanation=f"{subject} {claims.says('data_format', actual)}.",
            )


def _superlatives(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    """ "Which of these approaches costs the most?" when one sibling is strictly above the others.

    Every option's why compares it with the answer; no option claims an absolute level.
    """
    vocabulary = concepts.vocabulary
    for category, members in siblings(concepts).items():
        for attribute in claims.ordinal_attributes():
            words = vocabulary.attributes[attribute].compare
            assert words is not None
            known = [concept for concept in members if attribute in concept.attributes]
            for direction, family in ((1, "most"), (-1, "least")):
                if not claims.applies(family, category):
                    continue
                ordered = sorted(
                    known, key=lambda c: -direction * claims.rank(attribute, c.attributes[attribute])
                )
                if len(ordered) < 3:
                    continue
                top = ordered[0]
                level = claims.rank(attribute, top.attributes[attribute])
                below = [
                    c
                    for c in ordered[1:]
                    if direction * (level - claims.rank(attribute, c.attributes[attribute])) > 0
                ]
                if len(below) != len(ordered) - 1 or len(below) < 2:
                    continue
                key = f"{category}.{attribute}.{family}={top.id}"
                chosen = pick(key, below, 3)
                ahead, behind = (words.more, words.less) if direction == 1 else (words.less, words.more)
                others = _listed([claims.in_sentence(c.title) for c in chosen])
                options = [Option(top.title, True, f"{top.title} {ahead} than {others}.")]
                options += [
                    Option(c.title, False, f"{c.title} {behind} than {claims.in_sentence(top.title)}.")
                    for c in chosen
                ]
                superlative = words.most if direction == 1 else words.least
                stem = claims.stem(
                    family,
                    key,
                    category,
                    noun=vocabulary.noun(category),
                    plural=vocabulary.plural(category),
                    **{family: superlative},
                )
                yield _question(
                    family,
                    top,
                    key,
                    Kind.SINGLE,
                    str(stem),
                    options=_shuffled(key, options),
                    explanation=" ".join(option.why for option in options),
                )


def _comparisons(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    """ "A needs more data than B.", true or false, for two siblings whose ordinal values differ.

    The statement is made either way round, chosen by a hash of the pair, so about half are false.
    """
    vocabulary = concepts.vocabulary
    for category, members in siblings(concepts).items():
        if not claims.applies("more", category):
            continue
        for attribute in claims.ordinal_attributes():
            words = vocabulary.attributes[attribute].compare
            assert words is not None
            known = [concept for concept in members if attribute in concept.attributes]
            for first, second in combinations(known, 2):
                difference = claims.rank(attribute, first.attributes[attribute]) - claims.rank(
                    attribute, second.attributes[attribute]
                )
                if difference == 0:
                    continue
                high, low = (first, second) if difference > 0 else (second, first)
                key = (
                    f"{attribute}:{high.id}={high.attributes[attribute]}>{low.id}={low.attributes[attribute]}"
                )
                truth = pick(key, ["true", "false"], 1, name=str)[0] == "true"
                said_first, said_second = (high, low) if truth else (low, high)
                real = f"{high.title} {words.more} than {claims.in_sentence(low.title)}."
                stem = claims.stem(
                    "more",
                    key,
                    category,
                    First=said_first.title,
                    first=claims.in_sentence(said_first.title),
                    second=claims.in_sentence(said_second.title),
                    more=words.more,
                )
                yield _question(
                    "more",
                    high,
                    key,
                    Kind.TRUE_FALSE,
                    str(stem),
                    options=true_false_options(truth, real),
                    explanation=real,
                    concepts=(high.id, low.id),
                    difficulty="easy",
                )


def _listed(names: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _use_cases(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    """A project brief (a listed use case) and the sibling typically used for it: use cases
    listed by one sibling only, and no parent or child of it among the distractors."""
    related = confusable(concepts)
    vocabulary = concepts.vocabulary
    for category, members in siblings(concepts).items():
        if not claims.applies("use-case", category):
            continue
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
                        concept.title,
                        True,
                        f"{case} is a typical use case of {claims.in_sentence(concept.title)}.",
                    )
                ]
                options += [Option(c.title, False, claims.typical_uses(c)) for c in pick(key, wrong, 3)]
                stem = claims.stem(
                    "use-case",
                    key,
                    category,
                    case=capitalized(without_end(case)),
                    noun=vocabulary.noun(category),
                    plural=vocabulary.plural(category),
                )
                yield _question(
                    "use-case",
                    concept,
                    key,
                    Kind.SINGLE,
                    str(stem),
                    options=_shuffled(key, options),
                    explanation=f"{options[0].why} {concept.summary}",
                )

"""Generated matching and ordering questions: several facts checked at once.

Matching pairs come from concepts whose values are pairwise distinct (and never
overlapping, see :func:`studykit.questions.claims.holds`), so each prompt has exactly one
match. Ordering questions come from the sourced sequences in ``content/_sequences.yaml``;
a sequence longer than five steps yields each run of four and five consecutive steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from studykit.concepts import Concept, ConceptSet
from studykit.questions.claims import Claims, text_value, use_cases
from studykit.questions.derive import confusable, make_question, pick, siblings
from studykit.questions.model import Kind, Pair, Question, Step
from studykit.questions.sequences import Sequence as StepSequence

MAX_PAIRS = 7
MAX_STEPS = 5


def matching_questions(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    yield from _match_use_cases(concepts, claims)
    yield from _match_records(concepts, claims)
    yield from _match_training_data(concepts, claims)


def _matching(
    family: str, key: str, group: list[Concept], stem: str, pairs: list[Pair], why: str
) -> Question:
    return make_question(
        family,
        group[0],
        key,
        Kind.MATCHING,
        stem,
        pairs=tuple(pairs),
        explanation=why,
        concepts=tuple(concept.id for concept in group),
        difficulty="hard",
    )


def _exclusive_groups(
    key: str, members: list[Concept], apart: Callable[[Concept, Concept], bool]
) -> Iterator[list[Concept]]:
    """Up to three groups of 3–7 concepts, each pairwise ``apart``, grown greedily in a stable order."""
    seen: set[tuple[str, ...]] = set()
    for start in pick(key, members, 3):
        group = [start]
        for concept in pick(f"{key}.{start.id}", members, len(members)):
            if (
                concept not in group
                and len(group) < MAX_PAIRS
                and all(apart(other, concept) for other in group)
            ):
                group.append(concept)
        ids = tuple(sorted(concept.id for concept in group))
        if len(group) >= 3 and ids not in seen:
            seen.add(ids)
            yield sorted(group, key=lambda concept: concept.id)


def _unrelated(concepts: ConceptSet) -> Callable[[Concept, Concept], bool]:
    related = confusable(concepts)
    return lambda first, second: not related(first, second)


def _nouns(concepts: ConceptSet, category: str) -> dict[str, str]:
    return {"noun": concepts.vocabulary.noun(category), "plural": concepts.vocabulary.plural(category)}


def _match_use_cases(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    """Use case → the sibling that lists it; one question per round of each concept's use cases."""
    for category, members in siblings(concepts).items():
        if not claims.applies("match-use-case", category):
            continue
        owned: dict[str, list[str]] = {}
        counts: dict[str, int] = {}
        for concept in members:
            for case in use_cases(concept):
                counts[case.casefold()] = counts.get(case.casefold(), 0) + 1
        for concept in members:
            unique = [case for case in use_cases(concept) if counts[case.casefold()] == 1]
            if unique:
                owned[concept.id] = unique
        listed = [concepts[concept_id] for concept_id in owned]
        rounds = min(3, max((len(cases) for cases in owned.values()), default=0))
        groups = list(_exclusive_groups(f"{category}.use_cases", listed, _unrelated(concepts)))
        for number in range(rounds):
            for group in groups:
                chosen = {c.id: owned[c.id][number % len(owned[c.id])] for c in group}
                key = f"{category}.use_cases:" + ";".join(f"{cid}={case}" for cid, case in chosen.items())
                pairs = [
                    Pair(
                        chosen[c.id],
                        c.title,
                        f"{chosen[c.id]} is a typical use case of {claims.in_sentence(c.title)}.",
                    )
                    for c in group
                ]
                stem = str(claims.stem("match-use-case", key, category, **_nouns(concepts, category)))
                why = " ".join(pair.why for pair in pairs)
                yield _matching("match-use-case", key, group, stem, pairs, why)


def _match_records(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    """Sibling → its training record shape, among siblings that train on clearly different data."""
    owners: dict[str | None, list[Concept]] = {}
    for concept in concepts:
        owners.setdefault(text_value(concept, "data_format"), []).append(concept)
    for category, members in siblings(concepts).items():
        if not claims.applies("match-record", category):
            continue
        shaped = [c for c in members if text_value(c, "data_format")]

        def apart(first: Concept, second: Concept) -> bool:
            """Neither shape fits the other concept's data, judged against every concept using it."""
            if text_value(first, "data_format") == text_value(second, "data_format"):
                return False
            return all(
                claims.different_data(first, owner) for owner in owners[text_value(second, "data_format")]
            ) and all(
                claims.different_data(second, owner) for owner in owners[text_value(first, "data_format")]
            )

        for group in _exclusive_groups(f"{category}.data_format", shaped, apart):
            formats = {c.id: str(text_value(c, "data_format")) for c in group}
            key = f"{category}.data_format:" + ";".join(f"{c.id}={formats[c.id]}" for c in group)
            pairs = [
                Pair(c.title, formats[c.id], f"{c.title} trains on records like {formats[c.id]}.")
                for c in group
            ]
            stem = str(claims.stem("match-record", key, category, **_nouns(concepts, category)))
            yield _matching("match-record", key, group, stem, pairs, " ".join(pair.why for pair in pairs))


def _match_training_data(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    """Approach → the training data it uses, choosing concepts whose values exclude each other."""
    if "training_data" not in concepts.vocabulary.attributes:
        return
    for category, members in siblings(concepts).items():
        if not claims.applies("match-data", category):
            continue
        known = [c for c in members if "training_data" in c.attributes]
        for start in pick(f"{category}.training_data", known, 3):
            group = [start]
            for concept in pick(f"{category}.training_data.{start.id}", known, len(known)):
                value = concept.attributes["training_data"]
                if len(group) < MAX_PAIRS and all(
                    claims.holds(other, "training_data", value) is False for other in group
                ):
                    group.append(concept)
            if len(group) < 3:
                continue
            group.sort(key=lambda concept: concept.id)
            key = f"{category}.training_data:" + ";".join(
                f"{c.id}={c.attributes['training_data']}" for c in group
            )
            pairs = [
                Pair(
                    c.title,
                    claims.label("training_data", c.attributes["training_data"]),
                    claims.statement(c, "training_data", c.attributes["training_data"]),
                )
                for c in group
            ]
            stem = str(claims.stem("match-data", key, category, **_nouns(concepts, category)))
            yield _matching("match-data", key, group, stem, pairs, " ".join(pair.why for pair in pairs))


def ordering_questions(concepts: ConceptSet, sequences: Sequence[StepSequence]) -> Iterator[Question]:
    """The whole sequence when it has 3–5 steps; otherwise every run of 4 and 5 consecutive steps."""
    for sequence in sequences:
        steps = sequence.steps
        sizes = [len(steps)] if len(steps) <= MAX_STEPS else [MAX_STEPS, MAX_STEPS - 1]
        for size in sizes:
            for start in range(len(steps) - size + 1):
                window = steps[start : start + size]
                key = f"{sequence.id}:" + ";".join(step.text for step in window)
                yield make_question(
                    "order",
                    concepts[sequence.concept],
                    key,
                    Kind.ORDERING,
                    sequence.stem,
                    steps=tuple(Step(step.text, step.why) for step in window),
                    explanation=" → ".join(step.text for step in window) + f" (source: {sequence.source})",
                )

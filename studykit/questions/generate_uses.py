"""Generated true/false statements about what an approach is typically used for.

'A company plans this project: "Teaching industry acronyms and jargon." Continued pre-training
is typically used for it.' is true when the approach lists that use case and no sibling approach
does. Its false twin names a use case listed by exactly one other approach that is neither its
parent nor its child (a parent's use cases may fit its children too, see
:func:`studykit.questions.derive.confusable`). The stems are the ``typical-use`` family's in
``content/_vocabulary.yaml``; its ``categories`` say which concepts take part.
"""

from __future__ import annotations

from collections.abc import Iterator

from studykit.concepts import Concept, ConceptSet
from studykit.questions.claims import Claims, capitalized, use_cases, without_end
from studykit.questions.derive import confusable, make_question, pick, siblings, true_false_options
from studykit.questions.model import Kind, Question

FALSE_PER_CONCEPT = 3  # about as many false statements as true ones


def use_case_statements(concepts: ConceptSet, claims: Claims) -> Iterator[Question]:
    for category, members in siblings(concepts).items():
        if claims.applies("typical-use", category):
            yield from _statements(concepts, claims, members)


def _statements(concepts: ConceptSet, claims: Claims, members: list[Concept]) -> Iterator[Question]:
    related = confusable(concepts)
    listed = [concept for concept in members if use_cases(concept)]
    owners: dict[str, list[Concept]] = {}
    for concept in listed:
        for case in use_cases(concept):
            owners.setdefault(case.casefold(), []).append(concept)
    unique = {
        (owner[0].id, case): owner[0]
        for concept in listed
        for case in use_cases(concept)
        if len(owner := owners[case.casefold()]) == 1
    }
    for concept in listed:
        for case in use_cases(concept):
            if (concept.id, case) in unique:
                yield _statement(claims, concept, case, concept, True)
        others = [
            (case, owner)
            for (owner_id, case), owner in unique.items()
            if owner_id != concept.id and not related(owner, concept)
        ]
        for case, owner in pick(
            f"{concept.id}.not-used-for", others, FALSE_PER_CONCEPT, name=lambda item: item[0]
        ):
            yield _statement(claims, concept, case, owner, False)


def _statement(claims: Claims, concept: Concept, case: str, owner: Concept, truth: bool) -> Question:
    fact = (
        f"{case} is a typical use case of {claims.in_sentence(owner.title)}."
        if truth
        else f"{case} is a typical use case of {claims.in_sentence(owner.title)}, not of "
        f"{claims.in_sentence(concept.title)}. {claims.typical_uses(concept)}"
    )
    key = f"{concept.id}.use_cases{'=' if truth else '!='}{case}"
    stem = claims.stem(
        "typical-use",
        key,
        concept.category,
        case=capitalized(without_end(case)),
        Title=concept.title,
        title=claims.in_sentence(concept.title),
    )
    return make_question(
        "typical-use",
        concept,
        key,
        Kind.TRUE_FALSE,
        str(stem),
        options=true_false_options(truth, fact),
        explanation=fact,
        concepts=tuple(dict.fromkeys((concept.id, owner.id))),
        difficulty="easy",
    )

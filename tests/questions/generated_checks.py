"""An independent judge of generated questions, written from the content rules, not the generator.

Used by the generation tests over the shipped content and over random concept sets.
"""

from __future__ import annotations

import re

from studykit.concepts import Concept, ConceptSet, shipped_vocabulary
from studykit.questions.bank import ID_PATTERN
from studykit.questions.model import Kind, Question

ATTRIBUTES = shipped_vocabulary().attributes
LABELS = {
    "labeled": "Labeled examples (prompt and response)",
    "unlabeled": "Unlabeled data",
    "prompts-only": "Prompts only; a teacher model writes the responses",
    "labeled-or-unlabeled": "Labeled or unlabeled data",
    "not-applicable": "No training data",
}
ORDINAL = ("relative_cost", "expertise", "data_volume", "compute")
TEXT_FAMILIES = {
    ask.family: (spec.name, "concept" if ask is questions.choose_concept else "value")
    for spec, questions in shipped_vocabulary().text_questions
    for ask in questions.asks
}
OPTION_COUNTS = {Kind.SINGLE: (3, 6), Kind.MULTIPLE: (4, 8), Kind.TRUE_FALSE: (2, 2)}


def clearly_different(attribute: str, actual: object, other: object) -> bool:
    """``other`` is certainly not the concept's value (no overlap, ordinals two steps apart)."""
    if str(actual).lower() == str(other).lower():
        return False
    if attribute == "training_data" and {actual, other} == {"labeled", "prompts-only"}:
        return False  # distillation also trains on labeled pairs, its own or a teacher's
    if attribute == "training_data" and "labeled-or-unlabeled" in (actual, other):
        return {actual, other} - {"labeled", "unlabeled", "labeled-or-unlabeled", "prompts-only"} != set()
    if attribute in ORDINAL:
        values = ATTRIBUTES[attribute].values
        return abs(values.index(str(actual)) - values.index(str(other))) >= 2
    return True


def check_shape(question: Question) -> None:
    assert ID_PATTERN.match(question.id), question.id
    assert question.stem and question.explanation and question.concepts
    if question.kind in OPTION_COUNTS:
        low, high = OPTION_COUNTS[question.kind]
        assert low <= len(question.options) <= high, question
        assert len({option.text for option in question.options}) == len(question.options), question
        correct = len(question.correct_indexes)
        expected = {Kind.SINGLE: correct == 1, Kind.TRUE_FALSE: correct == 1, Kind.MULTIPLE: correct >= 2}
        assert expected[question.kind], question
        if question.kind is Kind.MULTIPLE:
            count = {2: "two", 3: "three"}[correct]
            assert f"(Choose {count}.)" in question.stem and correct < len(question.options)
        assert all(option.why for option in question.options)
    elif question.kind is Kind.ORDERING:
        assert 3 <= len(question.steps) <= 5
    else:
        assert 3 <= len(question.pairs) <= 7
        assert len({pair.prompt for pair in question.pairs}) == len(question.pairs)
        assert len({pair.match for pair in question.pairs}) == len(question.pairs)


def check_truth(question: Question, concepts: ConceptSet) -> None:
    """Every correct option is true and every distractor false, judged from the content."""
    family, _, key = question.origin.generator.partition(": ")
    by_title = {concept.title: concept for concept in concepts}
    if family in ("which", "which-all", "most", "least", "use-case") or (
        TEXT_FAMILIES.get(family, ("", ""))[1] == "concept"
    ):
        categories = {by_title[option.text].category for option in question.options}
        assert len(categories) == 1, f"{question.id}: distractors are not siblings: {categories}"
    if family.startswith("match-"):
        titles = [pair.match if family == "match-use-case" else pair.prompt for pair in question.pairs]
        assert len({by_title[title].category for title in titles}) == 1, question.id
    if family in ("which", "which-all"):
        attribute, value = key.split(".", 1)[1].split("=", 1)
        for option in question.options:
            actual = by_title[option.text].attributes[attribute]
            if option.correct:
                assert str(actual).lower() == value, (question.id, option)
            else:
                assert clearly_different(attribute, actual, _typed(attribute, value)), (question.id, option)
    elif family == "statement":
        concept_id, rest = key.split(".", 1)
        attribute, value = rest.split("=", 1)
        assert attribute not in ORDINAL, f"{question.id}: an ordinal level is claimed of one concept"
        actual = concepts[concept_id].attributes[attribute]
        truth = str(actual).lower() == value
        assert truth or clearly_different(attribute, actual, _typed(attribute, value)), question.id
        assert question.options[0].correct is truth and question.options[0].text == "True"
    elif family == "value":
        concept = concepts[key.split(".", 1)[0]]
        actual = concept.attributes["training_data"]
        for option in question.options:
            value = next(name for name, label in LABELS.items() if label == option.text)
            assert option.correct == (value == actual), (question.id, option)
            assert option.correct or clearly_different("training_data", actual, value)
    elif family == "record":
        concept = concepts[key.split(".", 1)[0]]
        for option in question.options:
            owners = [c for c in concepts if c.attributes.get("data_format") == option.text]
            assert option.correct == (option.text == concept.attributes["data_format"]), question.id
            if not option.correct:
                assert owners and all(_data_differs(concept, owner) for owner in owners), question.id
    elif family in ("most", "least"):
        attribute = key.split(".")[1]
        values = ATTRIBUTES[attribute].values
        sign = 1 if family == "most" else -1
        ranks = {
            o.text: sign * values.index(by_title[o.text].attributes[attribute]) for o in question.options
        }
        (best,) = [o.text for o in question.options if o.correct]
        assert all(ranks[best] > rank for text, rank in ranks.items() if text != best), question.id
    elif family == "more":
        _check_comparison(question, key, concepts)
    elif family in TEXT_FAMILIES:
        _check_text_question(question, key, concepts, by_title, *TEXT_FAMILIES[family])
    elif family == "use-case":
        case = key.split("=", 1)[1].casefold()
        for option in question.options:
            listed = {item.casefold() for item in by_title[option.text].attributes.get("use_cases", ())}
            assert option.correct == (case in listed), (question.id, option)
        (right,) = [by_title[option.text] for option in question.options if option.correct]
        for option in question.options:
            _check_no_parent_and_child([right, by_title[option.text]], concepts)
    elif family == "typical-use":
        concept_id, rest = key.split(".", 1)
        truth = rest.startswith("use_cases=")
        case = rest.split("=", 1)[1].casefold()
        concept = concepts[concept_id]
        methods = [c for c in concepts if c.category == concept.category]
        owners = [c for c in methods if case in {u.casefold() for u in c.attributes.get("use_cases", ())}]
        assert len(owners) == 1 and question.options[0].correct is truth, question.id
        assert (owners[0] is concept) is truth, question.id
        _check_no_parent_and_child([concept, owners[0]], concepts)
    elif family.startswith("match-"):
        _check_pairs(family, question, concepts, by_title)
    else:
        assert family == "order", family


def _check_comparison(question: Question, key: str, concepts: ConceptSet) -> None:
    """ "A needs more data than B.": true exactly when A's value ranks above B's."""
    attribute, pair = key.split(":", 1)
    high_part, low_part = pair.split(">")
    high, low = concepts[high_part.split("=")[0]], concepts[low_part.split("=")[0]]
    values = ATTRIBUTES[attribute].values
    assert high.category == low.category, question.id
    assert values.index(high.attributes[attribute]) > values.index(low.attributes[attribute]), question.id
    said_first_is_high = question.stem.startswith(high.title + " ")
    assert said_first_is_high or question.stem.startswith(low.title + " "), question.id
    assert question.options[0].correct is said_first_is_high, question.id


def _same_text(first: object, second: object) -> bool:
    def normal(text: object) -> str:
        return re.sub(r"\s+", " ", str(text).strip().rstrip(".")).casefold()

    return normal(first) == normal(second)


def _check_text_question(
    question: Question, key: str, concepts: ConceptSet, by_title: dict[str, Concept], attribute: str, way: str
) -> None:
    """One right option; every other option a sibling's different value, neither related nor in lineage."""
    concept = concepts[key.split(".", 1)[0]]
    value = concept.attributes[attribute]

    def fair(owner: Concept) -> bool:
        return (
            owner.category == concept.category
            and attribute in owner.attributes
            and not _same_text(owner.attributes[attribute], value)
            and concept.id not in owner.related
            and owner.id not in concept.related
            and not (_ancestors(owner.id, concepts) & {concept.id})
            and not (_ancestors(concept.id, concepts) & {owner.id})
        )

    for option in question.options:
        if way == "concept":
            owner = by_title[option.text]
            assert option.correct == (owner is concept), (question.id, option)
            assert option.correct or fair(owner), (question.id, owner.id)
        else:
            assert option.correct == _same_text(value, option.text), (question.id, option)
            owners = [c for c in concepts if _same_text(c.attributes.get(attribute, ""), option.text)]
            assert option.correct or any(fair(owner) for owner in owners), (question.id, option.text)


def _check_pairs(family: str, question: Question, concepts: ConceptSet, by_title: dict[str, Concept]) -> None:
    if family == "match-use-case":
        members = [by_title[pair.match] for pair in question.pairs]
        for pair in question.pairs:
            owners = [
                c
                for c in members
                if pair.prompt.casefold() in {u.casefold() for u in c.attributes["use_cases"]}
            ]
            assert [c.title for c in owners] == [pair.match], question.id
        _check_no_parent_and_child(members, concepts)
        return
    members = [by_title[pair.prompt] for pair in question.pairs]
    for pair, concept in zip(question.pairs, members, strict=True):
        if family == "match-record":
            assert concept.attributes["data_format"] == pair.match
        else:
            assert LABELS[concept.attributes["training_data"]] == pair.match
    for first in members:
        for second in members:
            if first is not second:
                assert _data_differs(first, second), question.id


def _data_differs(first: Concept, second: Concept) -> bool:
    if "training_data" not in first.attributes or "training_data" not in second.attributes:
        return False
    return clearly_different(
        "training_data", first.attributes["training_data"], second.attributes["training_data"]
    )


def _typed(attribute: str, value: str) -> object:
    if ATTRIBUTES[attribute].kind == "bool":
        return value == "true"
    return value


def _ancestors(concept_id: str, concepts: ConceptSet) -> set[str]:
    found: set[str] = set()
    frontier = list(concepts[concept_id].prerequisites)
    while frontier:
        current = frontier.pop()
        if current not in found:
            found.add(current)
            frontier.extend(concepts[current].prerequisites)
    return found


def _check_no_parent_and_child(members: list[Concept], concepts: ConceptSet) -> None:
    """A use case of a parent concept may fit its child too: never both in one question.

    Nor two kinds of use case that name each other as related: their examples overlap.
    """
    ids = {concept.id for concept in members}
    for concept in members:
        assert not (_ancestors(concept.id, concepts) & (ids - {concept.id})), concept.id
        if concept.category == "use-case":
            linked = {other.id for other in members if concept.id in other.related} | set(concept.related)
            assert not (linked & (ids - {concept.id})), concept.id

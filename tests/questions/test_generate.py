from __future__ import annotations

import re

from generated_checks import ORDINAL, check_shape, check_truth
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studykit.concepts import Concept, ConceptSet, Fact, load_concepts
from studykit.concepts.loader import concept_paths, load_concept_files
from studykit.questions.claims import Claims
from studykit.questions.generate import generate_questions, shipped_generated_questions
from studykit.questions.model import Kind, check_answer, correct_answer
from studykit.questions.sequences import load_sequences
from studykit.resources import content_dir


def test_every_shipped_generated_question_is_well_formed_and_has_no_true_distractor():
    concepts = load_concepts()
    questions = shipped_generated_questions()
    assert len({question.id for question in questions}) == len(questions)
    for question in questions:
        check_shape(question)
        check_truth(question, concepts)
        assert check_answer(question, correct_answer(question))


def test_the_shipped_content_yields_at_least_a_hundred_distinct_questions():
    questions = shipped_generated_questions()
    assert len({question.stem for question in questions}) >= 100


def test_generated_ids_are_stable_across_fresh_loads():
    first = [question.id for question in shipped_generated_questions()]
    concepts = load_concept_files(concept_paths(content_dir()))
    again = generate_questions(concepts, load_sequences(content_dir(), concepts))
    assert [question.id for question in again] == first
    assert again == shipped_generated_questions()


def test_unlabeled_data_question_names_continued_pre_training(concepts):
    questions = generate_questions(concepts)
    (question,) = [q for q in questions if q.stem == "Which approach trains on unlabeled data?"]
    assert [o.text for o in question.options if o.correct] == ["Continued pre-training"]
    distractors = {o.text for o in question.options if not o.correct}
    # fine-tuning "can train on labeled or unlabeled data": too close to be a fair distractor
    assert distractors == {"Instruction-based fine-tuning", "Prompt engineering"}
    assert question.id.startswith("gen-which-continued-pre-training-")


def test_changing_an_unrelated_concept_keeps_ids_of_other_questions(concepts):
    before = {q.id: q for q in generate_questions(concepts)}
    changed = [
        Concept(**{**c.__dict__, "summary": "Changed."}) if c.id == "provisioned-throughput" else c
        for c in concepts
    ]
    after = {q.id: q for q in generate_questions(ConceptSet(changed))}
    assert before.keys() == after.keys()


def test_every_generated_kind_is_present_in_the_shipped_content():
    kinds = {question.kind for question in shipped_generated_questions()}
    assert {Kind.SINGLE, Kind.TRUE_FALSE, Kind.ORDERING, Kind.MATCHING} <= kinds


VALUES = {
    "training_data": st.sampled_from(
        ["labeled", "unlabeled", "prompts-only", "labeled-or-unlabeled", "not-applicable"]
    ),
    "changes_weights": st.booleans(),
    "relative_cost": st.sampled_from(["none", "low", "medium", "high"]),
    "expertise": st.sampled_from(["low", "medium", "high"]),
    "compute": st.sampled_from(["none", "low", "medium", "high"]),
    "data_volume": st.sampled_from(["none", "small", "medium", "large"]),
    "purpose": st.sampled_from(
        ["convert speech to text", "Convert speech to text.", "translate text", "find PII"]
    ),
    "data_format": st.sampled_from(['{"input": "…"}', '{"prompt": "…", "completion": "…"}', "conversation"]),
    "use_cases": st.lists(
        st.sampled_from(["Chatbot", "Legal assistant", "Ticket routing", "Ads", "News"]),
        min_size=1,
        max_size=3,
        unique=True,
    ).map(tuple),
}


@st.composite
def concept_sets(draw) -> ConceptSet:
    count = draw(st.integers(3, 8))
    concepts = []
    for index in range(count):
        names = draw(st.lists(st.sampled_from(sorted(VALUES)), unique=True))
        concepts.append(
            Concept(
                id=f"concept-{index}",
                title=f"Concept {index}",
                domain=3,
                category=draw(st.sampled_from(["method", "use-case", "service"])),
                summary="S.",
                facts=(Fact("F.", "seed:000_f5aa79604e4dc717.txt"),),
                attributes={name: draw(VALUES[name]) for name in names},
                related=tuple(
                    draw(st.lists(st.sampled_from([f"concept-{i}" for i in range(count)]), max_size=1))
                ),
                prerequisites=tuple(
                    draw(st.lists(st.sampled_from([f"concept-{i}" for i in range(index)]), max_size=1))
                    if index
                    else ()
                ),
            )
        )
    return ConceptSet(concepts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(concept_sets())
def test_generated_questions_never_have_a_true_distractor_for_any_content(concepts):
    questions = generate_questions(concepts)
    assert len({question.id for question in questions}) == len(questions)
    for question in questions:
        check_shape(question)
        check_truth(question, concepts)


def test_distillation_is_never_said_to_be_unable_to_use_labeled_or_unlabeled_data():
    # Bedrock distillation takes prompts alone or optional prompt-response pairs: the claim
    # "it can train on labeled or unlabeled data" is not safely false, so it is never asked.
    concepts = load_concepts()
    distillation = concepts.get("distillation")
    claims = Claims(concepts.vocabulary)
    assert claims.holds(distillation, "training_data", "labeled-or-unlabeled") is None
    assert claims.holds(distillation, "training_data", "prompts-only") is True
    statements = [q.stem for q in shipped_generated_questions() if q.kind is Kind.TRUE_FALSE]
    assert "Model distillation can train on labeled or unlabeled data." not in statements


def test_claims_about_use_cases_read_as_sentences():
    questions = shipped_generated_questions()
    claims = [
        q.stem for q in questions if q.kind is Kind.TRUE_FALSE or q.origin.generator.startswith("value")
    ]
    assert not [stem for stem in claims if "Use case:" in stem]
    assert "Customizing a model for domain expertise trains on unlabeled data." in claims


def test_use_case_questions_ask_only_about_approaches_and_kinds_of_use_case():
    concepts = load_concepts()
    for question in shipped_generated_questions():
        family = question.origin.generator.partition(":")[0]
        if family in ("use-case", "match-use-case"):
            assert concepts[question.concept].category in ("method", "use-case"), question.id


ABSOLUTE_LEVELS = re.compile(r"\b(none|low|lower|medium|moderate|high|small|large|little|a lot of)\b", re.I)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(concept_sets())
def test_ordinal_attributes_are_only_compared_between_siblings_that_differ(concepts):
    # relative cost, expertise, data and compute are comparisons between sibling methods: no
    # question claims one concept's level on its own ("has a medium relative cost")
    for question in generate_questions(concepts):
        family, _, key = question.origin.generator.partition(": ")
        texts = [question.stem, question.explanation, *(o.text + " " + o.why for o in question.options)]
        assert not [text for text in texts if ABSOLUTE_LEVELS.search(text)], question
        if any(name in key for name in ORDINAL):
            assert family in ("more", "most", "least"), question.id
        if family == "more":
            pair = key.split(":", 1)[1]
            high, low = (part.split("=") for part in pair.split(">"))
            assert high[1] != low[1] and concepts[high[0]].category == concepts[low[0]].category


def test_a_comparison_is_stated_both_ways_round_across_pairs(concepts):
    method = concepts["continued-pre-training"]
    others = [c for c in concepts if c.category == method.category and c.id != method.id]
    levels = ["none", "small", "medium", "large"]
    changed = ConceptSet(
        [
            Concept(**{**c.__dict__, "attributes": {**c.attributes, "data_volume": levels[index % 4]}})
            if c in others or c is method
            else c
            for index, c in enumerate(concepts)
        ]
    )
    comparisons = [
        q for q in generate_questions(changed) if q.origin.generator.startswith("more: data_volume:")
    ]
    for question in comparisons:
        assert " needs more data than " in question.stem
        check_truth(question, changed)
    assert {question.options[0].correct for question in comparisons} == {True, False}


def test_every_service_with_a_purpose_is_asked_about_both_ways():
    concepts = load_concepts()
    questions = shipped_generated_questions()
    families = {q.origin.generator.partition(":")[0] for q in questions}
    assert {"service-for", "service-purpose", "metric-for", "metric-measures"} <= families
    (transcribe,) = [
        q
        for q in questions
        if q.origin.generator.startswith("service-for:") and q.concept == "amazon-transcribe"
    ]
    assert "convert speech to text" in transcribe.stem and transcribe.stem.endswith("?")
    assert [o.text for o in transcribe.options if o.correct] == ["Amazon Transcribe"]
    for option in transcribe.options:
        if not option.correct:
            other = next(c for c in concepts if c.title == option.text)
            assert other.category == "service" and other.attributes["purpose"] != "convert speech to text"


def test_generated_stems_read_as_exam_items_not_templates():
    for question in shipped_generated_questions():
        stem = question.stem
        assert stem[:1].isupper() and stem.rstrip().endswith((".", "?", ")")), question.id
        assert "{" not in stem.replace('{"', "") and ": teaching" not in stem, question.id
        assert not re.search(r"is typically used for: ", stem), question.id


def test_a_distractor_never_shares_the_value_of_the_answer():
    concepts = load_concepts()
    base = concepts["amazon-polly"]
    twin = Concept(**{**base.__dict__, "id": "polly-twin", "title": "Polly twin", "related": ()})
    copied = ConceptSet([*concepts, twin], concepts.vocabulary)
    for question in generate_questions(copied):
        if question.origin.generator.startswith(("service-for:", "service-purpose:")):
            check_truth(question, copied)
            texts = {option.text for option in question.options}
            assert not {"Amazon Polly", "Polly twin"} <= texts, question.id

from __future__ import annotations

from generated_checks import check_shape, check_truth
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studykit.concepts import Concept, ConceptSet, Fact, load_concepts
from studykit.concepts.loader import concept_paths, load_concept_files
from studykit.questions.claims import holds
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
                category=draw(st.sampled_from(["method", "use-case"])),
                summary="S.",
                facts=(Fact("F.", "seed:000_f5aa79604e4dc717.txt"),),
                attributes={name: draw(VALUES[name]) for name in names},
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
    distillation = load_concepts().get("distillation")
    assert holds(distillation, "training_data", "labeled-or-unlabeled") is None
    assert holds(distillation, "training_data", "prompts-only") is True
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

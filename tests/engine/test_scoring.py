from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_pool import fixture_pool

from studykit.engine.scoring import AnsweredQuestion, score_session, study_next
from studykit.questions.model import correct_answer

POOL = fixture_pool()

answered = st.lists(
    st.builds(
        lambda question, right: AnsweredQuestion(question, correct_answer(question), right),
        st.sampled_from(POOL),
        st.booleans(),
    ),
    max_size=15,
)


@settings(max_examples=60, deadline=None)
@given(answered, st.randoms())
def test_score_does_not_depend_on_answer_order(items, rng):
    shuffled = list(items)
    rng.shuffle(shuffled)
    assert score_session(items) == score_session(shuffled)
    score = score_session(items)
    assert score.right == sum(item.correct for item in items)
    assert sum(t.total for t in score.by_kind) == sum(t.total for t in score.by_domain) == len(items)


def test_study_next_lists_the_weakest_concepts_first():
    by_concept = {}
    for question in POOL:
        by_concept.setdefault(question.concepts, question)
    questions = list(by_concept.values())
    items = [AnsweredQuestion(questions[0], correct_answer(questions[0]), False)]
    items += [AnsweredQuestion(q, correct_answer(q), True) for q in questions[1:3]]
    score = score_session(items)
    weakest = study_next(score)
    assert weakest and set(weakest) <= set(questions[0].concepts)
    assert all(t.wrong for t in score.by_concept if t.key in weakest)


def test_study_next_puts_the_concepts_missed_questions_mainly_tested_first(single):
    missed = [
        AnsweredQuestion(
            single("q1", concepts=("zeta", "alpha", "beta")), correct_answer(single("q1")), False
        ),
        AnsweredQuestion(single("q2", concepts=("omega", "alpha")), correct_answer(single("q2")), False),
    ]
    assert study_next(score_session(missed)) == ["alpha", "omega", "zeta"]
    assert study_next(score_session(missed[:1])) == ["zeta", "alpha", "beta"]

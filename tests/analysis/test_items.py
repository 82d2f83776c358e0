"""Item analysis figures, checked against values worked out by hand.

Six learners answer four questions of tests/data/questions/good/customization.yaml (✓ right):

    learner  Q1 single   Q2 multiple  Q3 true/false  Q4 ordering  total
    L1       A ✓         B,D ✓        True ✗         in order ✓   3
    L2       A ✓         B,D ✓        True ✗         in order ✓   3
    L3       A ✓         B ✗          False ✓        B A C D ✗    2
    L4       B ✗         B,D ✓        False ✓        in order ✓   3
    L5       B ✗         A,B ✗        False ✓        A B D C ✗    1
    L6       C ✗         B,C ✗        False ✓        D C B A ✗    1

Rest-of-test score = share right of the other three questions. Q1: x = 1 1 1 0 0 0, rest =
2/3 2/3 1/3 1 1/3 1/3: covariance sum 0.5·(1/9 + 1/9 − 2/9) − 0.5·(4/9 − 2/9 − 2/9) = 0, so r = 0.
Top third (rest ≥ the 2nd highest, 2/3): L4 L1 L2, facility 2/3; bottom (≤ 1/3): L3 L5 L6, 1/3.
Q2 and Q4: x = 1 1 0 1 0 0, rest = 2/3 2/3 2/3 2/3 1/3 1/3: Σdxdy = 1/3, Σdx² = 3/2, Σdy² = 12/81,
r = (1/3) / √(3/2 · 12/81) = 0.70711; top (≥ 2/3) L1–L4 3/4, bottom (≤ 1/3) L5 L6 0: +0.75.
Q3: x = 0 0 1 1 1 1, rest = 1 1 1/3 2/3 0 0: Σdxdy = −1, Σdx² = 4/3, Σdy² = 19/18,
r = −1 / √(4/3 · 19/18) = −0.84293; top L1 L2 (both chose True, the wrong answer) 0, bottom L5 L6 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studykit.analysis.exports import read_export, read_learners
from studykit.analysis.items import analyze, correlation
from studykit.concepts import load_concepts
from studykit.errors import StudykitError
from studykit.questions.bank import load_bank

DATA = Path(__file__).resolve().parent.parent / "data" / "questions"
Q1, Q2, Q3, Q4 = (
    "cpt-unlabeled-wikis",
    "methods-that-change-weights",
    "pe-changes-weights",
    "customization-job-order",
)
ORDER = [0, 1, 2, 3]
CLASS = {
    "L1": [
        (Q1, {"chosen": [0]}, True),
        (Q2, {"chosen": [1, 3]}, True),
        (Q3, {"chosen": [0]}, False),
        (Q4, {"order": ORDER}, True),
    ],
    "L2": [
        (Q1, {"chosen": [0]}, True),
        (Q2, {"chosen": [1, 3]}, True),
        (Q3, {"chosen": [0]}, False),
        (Q4, {"order": ORDER}, True),
    ],
    "L3": [
        (Q1, {"chosen": [0]}, True),
        (Q2, {"chosen": [1]}, False),
        (Q3, {"chosen": [1]}, True),
        (Q4, {"order": [1, 0, 2, 3]}, False),
    ],
    "L4": [
        (Q1, {"chosen": [1]}, False),
        (Q2, {"chosen": [1, 3]}, True),
        (Q3, {"chosen": [1]}, True),
        (Q4, {"order": ORDER}, True),
    ],
    "L5": [
        (Q1, {"chosen": [1]}, False),
        (Q2, {"chosen": [0, 1]}, False),
        (Q3, {"chosen": [1]}, True),
        (Q4, {"order": [0, 1, 3, 2]}, False),
    ],
    "L6": [
        (Q1, {"chosen": [2]}, False),
        (Q2, {"chosen": [1, 2]}, False),
        (Q3, {"chosen": [1]}, True),
        (Q4, {"order": [3, 2, 1, 0]}, False),
    ],
}


@pytest.fixture(scope="module")
def questions():
    concepts = load_concepts(DATA / "content")
    return load_bank(DATA / "good" / "customization.yaml", concepts).questions


def write_export(folder: Path, learner: str, rows, *, minute: int = 0) -> Path:
    """An export as ``studykit progress --export FILE.json`` writes it (the fields analysis reads)."""
    number = int(learner[1:])
    answers = [
        {
            "answered_at": f"2026-11-2{number}T10:{minute + index:02d}:00.{number:06d}+00:00",
            "session": 1,
            "question": question,
            "domain": 3,
            "concepts": [],
            "correct": correct,
            "seconds": 12.0,
            "answer": answer,
        }
        for index, (question, answer, correct) in enumerate(rows)
    ]
    path = folder / f"{learner}.json"
    path.write_text(json.dumps({"answers": answers}), encoding="utf-8")
    return path


def _class(folder: Path) -> list[Path]:
    return [write_export(folder, learner, rows) for learner, rows in CLASS.items()]


def test_figures_match_the_hand_computed_ones(questions, tmp_path):
    learners, repeats = read_learners(_class(tmp_path))
    analysis = analyze(learners, questions, min_answers=5, repeats=repeats)
    items = {item.question.id: item for item in analysis.items}
    assert (analysis.learners, analysis.answers, len(analysis.items)) == (6, 24, 4)
    assert [items[q].facility for q in (Q1, Q2, Q3, Q4)] == [0.5, 0.5, 4 / 6, 0.5]
    assert items[Q1].discrimination == pytest.approx(0.0, abs=1e-12)
    assert items[Q2].discrimination == pytest.approx(0.70711, abs=1e-5)
    assert items[Q3].discrimination == pytest.approx(-0.84293, abs=1e-5)
    assert items[Q4].discrimination == pytest.approx(0.70711, abs=1e-5)
    assert items[Q1].upper_lower == pytest.approx(1 / 3)
    assert items[Q2].upper_lower == pytest.approx(0.75)
    assert items[Q3].upper_lower == pytest.approx(-1.0)
    assert items[Q1].choices == (3, 2, 1, 0)
    assert items[Q2].choices == (1, 6, 1, 3)
    assert items[Q3].choices == (2, 4)
    assert items[Q4].choices == (4, 4, 4, 4)  # per step: how many put it in its place
    assert items[Q3].top_choices == (2, 0)


def test_flags_name_the_questions_to_look_at(questions, tmp_path):
    learners, _ = read_learners(_class(tmp_path))
    items = {item.question.id: item.flags for item in analyze(learners, questions, min_answers=5).items}
    assert items == {
        Q1: ("unused-distractor",),
        Q2: (),
        Q3: ("negative-discrimination", "strong-pick-distractor"),
        Q4: (),
    }
    quiet = {item.question.id: item.flags for item in analyze(learners, questions, min_answers=7).items}
    assert set(quiet.values()) == {()}


def test_too_easy_and_too_hard(questions, tmp_path):
    easy = [
        write_export(tmp_path, f"L{n}", [(Q1, {"chosen": [0]}, True), (Q3, {"chosen": [0]}, False)])
        for n in range(1, 6)
    ]
    items = {item.question.id: item.flags for item in analyze(read_learners(easy)[0], questions).items}
    assert "too-easy" in items[Q1] and "too-hard" in items[Q3]


def test_concepts_and_domains_add_up(questions, tmp_path):
    analysis = analyze(read_learners(_class(tmp_path))[0], questions)
    (domain,) = analysis.domains
    assert (domain.key, domain.questions, domain.answered, domain.right) == ("3", 4, 24, 13)
    assert domain.discrimination == pytest.approx((0 + 0.70711 + 0.70711 - 0.84293) / 4, abs=1e-5)
    by_concept = {group.key: group for group in analysis.concepts}
    fine_tuning = by_concept["fine-tuning"]  # Q2 and Q4 mainly test it
    assert (fine_tuning.questions, fine_tuning.answered, fine_tuning.right, fine_tuning.flagged) == (
        2,
        12,
        6,
        0,
    )
    assert by_concept["prompt-engineering"].flagged == 1


def test_the_same_export_given_twice_counts_once(questions, tmp_path):
    paths = _class(tmp_path)
    later = tmp_path / "later"
    later.mkdir()
    again = write_export(later, "L1", CLASS["L1"])  # the same learner's progress exported again
    learners, repeats = read_learners([*paths, paths[0], again])
    assert (len(learners), repeats) == (6, 2)
    assert analyze(learners, questions).answers == 24


def test_only_a_learners_first_answer_to_a_question_counts(questions, tmp_path):
    rows = [(Q1, {"chosen": [1]}, False), (Q1, {"chosen": [0]}, True)]
    learners, _ = read_learners([write_export(tmp_path, "L1", rows)])
    (item,) = analyze(learners, questions).items
    assert (item.answered, item.right, item.choices) == (1, 0, (0, 1, 0, 0))


def test_answers_that_no_longer_fit_their_question_are_left_out_and_counted(questions, tmp_path):
    rows = [
        (Q1, {"chosen": [1]}, True),  # the key moved since: the verdict no longer matches
        (Q2, {"chosen": [9]}, False),  # an option the question no longer has
        ("gone-question", {"chosen": [0]}, True),
        (Q3, {"chosen": [1]}, True),
    ]
    analysis = analyze(read_learners([write_export(tmp_path, "L1", rows)])[0], questions)
    assert (analysis.stale, analysis.unknown, analysis.answers) == (2, 1, 1)


def test_correlation_needs_three_pairs_and_spread():
    assert correlation([1, 0], [1, 0]) is None
    assert correlation([1, 1, 1], [0.1, 0.5, 0.9]) is None
    assert correlation([1, 0, 1, 0], [1.0, 0.0, 1.0, 0.0]) == pytest.approx(1.0)


def test_a_csv_export_reads_the_same_answers(tmp_path):
    path = tmp_path / "l1.csv"
    path.write_text(
        "answered_at,session,kind,question,domain,concepts,correct,seconds,answer\n"
        "2026-11-21T10:00:00+00:00,1,quiz,cpt-unlabeled-wikis,3,continued-pre-training,1,4.0,"
        '"{""chosen"": [0]}"\n',
        encoding="utf-8",
    )
    (answer,) = read_export(path)
    assert (answer.question, answer.correct, answer.session) == (Q1, True, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"report": {}}', "no 'answers' list"),
        (
            '{"answers": [{"answered_at": "x", "session": 1, "question": "q", "correct": "yes",'
            ' "answer": {}}]}',
            "answers[0] needs",
        ),
        (
            '{"answers": [{"answered_at": "x", "session": 1, "question": "q", "correct": true,'
            ' "answer": {"pick": [1]}}]}',
            "an 'answer' studykit did not write",
        ),
        ("when,who\n1,2\n", "not a progress export: no 'answered_at' column"),
    ],
)
def test_a_file_that_is_not_an_export_is_one_located_error(text, message, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StudykitError) as caught:
        read_export(path)
    assert message in caught.value.message and caught.value.path == str(path) and caught.value.hint

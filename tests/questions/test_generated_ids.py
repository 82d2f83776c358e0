"""Generated question ids are how a learner's history finds a question again: they must not drift.

The ids generated from the shipped content are compared with a committed snapshot. When a
content change is meant to add or drop generated questions, rewrite the snapshot with::

    STUDYKIT_UPDATE_GENERATED_IDS=1 python -m pytest tests/questions/test_generated_ids.py

and check in the diff: ids that disappear lose their review history, so only the questions
whose source data changed should appear in it.
"""

from __future__ import annotations

import os
from pathlib import Path

from studykit.concepts.loader import concept_paths, load_concept_files
from studykit.questions.generate import generate_questions
from studykit.questions.sequences import load_sequences
from studykit.resources import content_dir

SNAPSHOT = Path(__file__).resolve().parent.parent / "data" / "questions" / "generated-ids.txt"
UPDATE = "STUDYKIT_UPDATE_GENERATED_IDS"
TEST = "tests/questions/test_generated_ids.py"


def _fresh_ids() -> list[str]:
    """Generated from a fresh load of the shipped content, not the cached questions."""
    concepts = load_concept_files(concept_paths(content_dir()))
    return [question.id for question in generate_questions(concepts, load_sequences(content_dir(), concepts))]


def test_generated_ids_match_the_committed_snapshot():
    ids = _fresh_ids()
    if os.environ.get(UPDATE):
        SNAPSHOT.write_text("".join(f"{question_id}\n" for question_id in ids), encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8").split()
    gone = [question_id for question_id in expected if question_id not in ids]
    new = [question_id for question_id in ids if question_id not in expected]
    assert not gone and not new, (
        f"generated ids changed: {len(gone)} gone {gone[:5]}, {len(new)} new {new[:5]}; if the "
        f"content change is meant, run {UPDATE}=1 python -m pytest {TEST} and commit the snapshot"
    )
    assert ids == expected  # same order too: sessions drawn with a seed stay the same


def test_two_fresh_generations_give_the_same_ids():
    assert _fresh_ids() == _fresh_ids()

"""A large instructor bank for the large-bank figures: 20,000 questions in 10 files.

Deterministic (one seed), every kind in the shipped banks' proportions, stems and options made of
varied words so that no two stems are alike (the similar-stem rule has real work to do, but no
findings), concept ids from the shipped content, and each file under the 2 MiB bank limit. Written
as text directly: PyYAML's dumper would take longer than everything measured.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

from studykit.concepts import load_concepts
from studykit.questions.model import Kind, Option, Origin, Pair, Question, Step

_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "su", "da", "fo", "gi", "ho", "ju")
WORDS = tuple(
    a + b + c + d for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES for d in _SYLLABLES[:5]
)
"""16,875 made-up words, drawn by Zipf's law (the n-th most used word 1/n as often as the first), as
words are in real text: a few very common, most rare. Real banks of this size use about as many."""
_ZIPF = tuple(itertools.accumulate(1 / rank for rank in range(1, len(WORDS) + 1)))
KINDS = (Kind.SINGLE,) * 5 + (Kind.MULTIPLE,) * 2 + (Kind.TRUE_FALSE,) * 2 + (Kind.ORDERING, Kind.MATCHING)


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choices(WORDS, cum_weights=_ZIPF, k=count))


def _question(rng: random.Random, number: int, concept_ids: list[str]) -> Question:
    kind = KINDS[number % len(KINDS)]
    stem = f"Case {number}: {_words(rng, 14)}, which {_words(rng, 3)} fits?"
    parts: dict[str, object] = {}
    if kind in (Kind.SINGLE, Kind.MULTIPLE):
        count = 4 if kind is Kind.SINGLE else 5
        right = {0} if kind is Kind.SINGLE else {0, 2}
        start = number % count  # correct answers spread evenly over the positions
        right = {(index + start) % count for index in right}
        options = tuple(
            Option(f"{_words(rng, 3)} {number}-{index}", index in right, f"Because {_words(rng, 8)}.")
            for index in range(count)
        )
        parts["options"] = options
        if kind is Kind.MULTIPLE:
            stem += " (Choose two.)"
    elif kind is Kind.TRUE_FALSE:
        truth = number % 4 < 2  # True and False as often
        parts["options"] = (
            Option("True", truth, f"True because {_words(rng, 7)}."),
            Option("False", not truth, f"False because {_words(rng, 7)}."),
        )
    elif kind is Kind.ORDERING:
        parts["steps"] = tuple(
            Step(f"Step {_words(rng, 4)} {number}-{i}", f"It {_words(rng, 7)}.") for i in range(4)
        )
    else:
        parts["pairs"] = tuple(
            Pair(f"{_words(rng, 2)} {number}-{i}", f"{_words(rng, 3)} {number}-{i}", f"It {_words(rng, 6)}.")
            for i in range(4)
        )
    return Question(
        id=f"large-{number:05d}",
        kind=kind,
        concepts=(rng.choice(concept_ids),),
        domain=0,
        difficulty=rng.choice(("easy", "medium", "hard")),
        stem=stem,
        explanation=f"The answer follows from {_words(rng, 10)}.",
        origin=Origin(),
        **parts,  # type: ignore[arg-type]
    )


def _yaml(question: Question) -> str:
    """One question in the bank format, written directly: the generated text needs no YAML dumper
    (every string goes out as a JSON string, which is a valid double-quoted YAML scalar)."""
    text = json.dumps
    lines = [
        f"  - id: {question.id}",
        f"    kind: {question.kind.value}",
        f"    concepts: [{question.concept}]",
        f"    difficulty: {question.difficulty}",
        f"    stem: {text(question.stem)}",
    ]
    if question.kind is Kind.TRUE_FALSE:
        true, false = question.options
        lines += [f"    answer: {'true' if true.correct else 'false'}"]
        lines += [f"    why_true: {text(true.why)}", f"    why_false: {text(false.why)}"]
    elif question.options:
        lines.append("    options:")
        for option in question.options:
            lines.append(f"      - text: {text(option.text)}")
            if option.correct:
                lines.append("        correct: true")
            lines.append(f"        why: {text(option.why)}")
    elif question.steps:
        lines.append("    steps:")
        lines += [f"      - {{text: {text(step.text)}, why: {text(step.why)}}}" for step in question.steps]
    else:
        lines.append("    pairs:")
        lines += [
            f"      - {{prompt: {text(pair.prompt)}, match: {text(pair.match)}, why: {text(pair.why)}}}"
            for pair in question.pairs
        ]
    lines.append(f"    explanation: {text(question.explanation)}")
    return "\n".join(lines)


def write_large_bank(folder: Path, questions: int = 20_000, files: int = 10, seed: int = 7) -> list[Path]:
    """Write the bank files into ``folder`` (created); their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    concept_ids = sorted(concept.id for concept in load_concepts())
    rng = random.Random(seed)
    per_file = questions // files
    paths = []
    for index in range(files):
        name = f"large-{index:02d}"
        batch = [_question(rng, index * per_file + number, concept_ids) for number in range(per_file)]
        head = f"bank: {name}\ntitle: Large bank part {index + 1}\nquestions:\n"
        path = folder / f"{name}.yaml"
        path.write_text(head + "\n".join(_yaml(question) for question in batch) + "\n", encoding="utf-8")
        paths.append(path)
    return paths

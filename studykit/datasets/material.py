"""Teaching material drawn from the concept notes and the question pool: what records are made of.

Question/answer exchanges come from each concept's summary, structured attributes,
sourced facts (including corrections of common misconceptions), exam tips and
comparisons with related concepts; passages are the concept written out as prose for
continued pre-training; each question of the pool adds the exchanges of
:mod:`studykit.datasets.quiz_material`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from studykit.concepts import Concept
from studykit.datasets.quiz_material import QuizTurns, quiz_turns
from studykit.questions.model import Question

_PROPER = (
    "Amazon",
    "AWS",
    "Anthropic",
    "Bedrock",
    "Claude",
    "Cohere",
    "Llama",
    "Meta",
    "Nova",
    "SageMaker",
    "Titan",
)
_TRAINING_DATA = {
    "labeled": "labeled examples: inputs paired with the outputs you want",
    "unlabeled": "unlabeled text, with no answers attached",
    "prompts-only": "prompts only; another model writes the responses",
    "labeled-or-unlabeled": "labeled or unlabeled data, depending on the method",
}
_COST = {"none": "adds no training cost", "low": "is low", "medium": "is medium", "high": "is high"}


@dataclass(frozen=True)
class Exchange:
    """One question a learner asks and the answer the notes give; ``group`` is the concept's id."""

    question: str
    answer: str
    group: str = ""


@dataclass(frozen=True)
class Material:
    """Everything the generator can draw on, in a stable order."""

    exchanges: tuple[Exchange, ...]  # every concept's exchanges, then the comparisons
    by_concept: tuple[tuple[Exchange, ...], ...]  # each concept's exchanges; "What is …?" first
    passages: tuple[str, ...]
    captions: tuple[tuple[str, str], ...]  # (image file name, caption)
    quiz: tuple[QuizTurns, ...]
    concepts: int
    questions: int


def build_material(concepts: Iterable[Concept], questions: Iterable[Question] = ()) -> Material:
    """Derive exchanges, passages and captions from ``concepts``, and quiz material from ``questions``."""
    concepts = list(concepts)
    questions = list(questions)
    by_id = {concept.id: concept for concept in concepts}
    exchanges: list[Exchange] = []
    by_concept: list[tuple[Exchange, ...]] = []
    passages: list[str] = []
    captions: list[tuple[str, str]] = []
    for concept in concepts:
        own = concept_exchanges(concept)
        exchanges += own
        by_concept.append(tuple(own))
        passages.append(concept_passage(concept))
        captions.append((f"{concept.id}.png", f"Diagram of {subject(concept.title)}: {describe(concept)}"))
    for first, second in related_pairs(concepts, by_id):
        compared = comparison(first, second)
        exchanges.append(compared)
        passages.append(compared.answer)
        captions.append(
            (f"{first.id}-vs-{second.id}.png", f"Side-by-side comparison of {first.title} and {second.title}")
        )
    return Material(
        tuple(exchanges),
        tuple(by_concept),
        tuple(passages),
        tuple(captions),
        quiz_turns(questions),
        len(concepts),
        len(questions),
    )


def load_material() -> Material:
    """The material of the shipped concept notes and question pool (authored and generated questions)."""
    from studykit.concepts import load_concepts
    from studykit.questions.pool import question_pool

    return build_material(load_concepts(), question_pool())


def concept_exchanges(concept: Concept) -> list[Exchange]:
    """The questions one concept's note can answer; the first is always "What is …?"."""
    name = subject(concept.title)
    attributes = concept.attributes
    out = [Exchange(f"{'What are' if _plural(concept.title) else 'What is'} {name}?", tidy(concept.summary))]
    if isinstance(attributes.get("definition"), str):
        out.append(Exchange(f"Define {name} in one sentence.", tidy(str(attributes["definition"]))))
    data = attributes.get("training_data")
    if isinstance(data, str) and data in _TRAINING_DATA:
        out.append(Exchange(f"What training data does {name} use?", f"It uses {_TRAINING_DATA[data]}."))
    weights = attributes.get("changes_weights")
    if isinstance(weights, bool):
        answer = (
            "Yes: it trains and changes the model's weights."
            if weights
            else "No: the weights stay unchanged."
        )
        out.append(Exchange(f"Does {name} change the model's weights?", answer))
    cost = attributes.get("relative_cost")
    if isinstance(cost, str) and cost in _COST:
        out.append(
            Exchange(
                f"How costly is {name} compared with other options?", f"Its relative cost {_COST[cost]}."
            )
        )
    if isinstance(attributes.get("data_format"), str):
        answer = f"Each record is one JSON line shaped like {attributes['data_format']}."
        if isinstance(attributes.get("example_record"), str):
            answer += f" For example: {attributes['example_record']}"
        out.append(Exchange(f"What does a training record for {name} look like?", answer))
    for key, question in (
        ("use_cases", f"When would you use {name}?"),
        ("examples", f"Give examples of {name}."),
        ("bedrock_models", f"Which Bedrock base models support {name}?"),
    ):
        items = attributes.get(key)
        if isinstance(items, tuple) and items:
            out.append(Exchange(question, "; ".join(tidy(item) for item in items) + "."))
    if isinstance(attributes.get("inference"), str):
        out.append(Exchange(f"How is the result of {name} served?", tidy(str(attributes["inference"]))))
    for fact in concept.facts:
        text = tidy(fact.text)
        cited = text + (f" (as of {fact.as_of})" if fact.as_of else "")
        if fact.source.startswith("https://"):
            cited += f" Source: {fact.source}"
        if fact.kind == "correction" and fact.seed_said:
            out.append(
                Exchange(f'A study note says: "{tidy(fact.seed_said)}" Is that right?', f"Not quite. {cited}")
            )
        elif first_sentence(text) == text:
            out.append(Exchange(f"Is it true that {lower_first(text.rstrip('.'))}?", f"Yes. {cited}"))
        else:
            out.append(Exchange(f"True or false: {text}", f"True. {cited}"))
    if concept.exam_tips:
        tips = " ".join(tidy(tip) for tip in concept.exam_tips)
        out.append(Exchange(f"What should I remember about {name} for the AI Practitioner exam?", tips))
    return [Exchange(exchange.question, exchange.answer, concept.id) for exchange in out]


def _plural(title: str) -> bool:
    """A title that names several things ("Tools to …", "Embeddings"): asked about with "What are"."""
    first = title.split(" ", 1)[0].split(":", 1)[0]
    return (
        first[:1].isupper()
        and not any(char.isupper() for char in first[1:])
        and first.endswith("s")
        and not first.endswith(("ss", "is", "us"))
        and not first.startswith(_PROPER)
    )


def concept_passage(concept: Concept) -> str:
    """The concept as one paragraph of prose: unlabeled text for continued pre-training."""
    parts = [f"{concept.title}.", tidy(concept.summary)]
    parts += [tidy(fact.text) for fact in concept.facts]
    parts += [f"Exam tip: {tidy(tip)}" for tip in concept.exam_tips]
    return " ".join(part if part.endswith((".", "?", "!", ")")) else part + "." for part in parts)


def related_pairs(concepts: list[Concept], by_id: dict[str, Concept]) -> list[tuple[Concept, Concept]]:
    """Each related pair of loaded concepts once, in content order."""
    seen: set[frozenset[str]] = set()
    pairs = []
    for concept in concepts:
        for other_id in concept.related:
            key = frozenset((concept.id, other_id))
            if other_id in by_id and other_id != concept.id and key not in seen:
                seen.add(key)
                pairs.append((concept, by_id[other_id]))
    return pairs


def comparison(first: Concept, second: Concept) -> Exchange:
    question = f"How does {subject(first.title)} differ from {subject(second.title)}?"
    answer = f"{first.title}: {describe(first)} {second.title}: {describe(second)}"
    return Exchange(question, answer, first.id)


def describe(concept: Concept) -> str:
    """A one-sentence description: the definition, else the summary's first sentence."""
    definition = concept.attributes.get("definition")
    text = tidy(definition if isinstance(definition, str) else first_sentence(concept.summary))
    return text if text.endswith(".") else text + "."


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", tidy(text))
    return match.group(1) if match else tidy(text)


@lru_cache(maxsize=4096)
def subject(title: str) -> str:
    """A title as it reads mid-sentence: "Fine-tuning X" → "fine-tuning X", "Amazon Bedrock" unchanged."""
    if ": " in title:
        kind, name = title.split(": ", 1)
        return f'the {lower_first(kind)} "{name}"'
    first = title.split(" ", 1)[0]
    if first.startswith(_PROPER) or any(char.isupper() for char in first[1:]):
        return title
    return lower_first(title)


def lower_first(text: str) -> str:
    if len(text) > 1 and text[1].isupper():
        return text
    first = text.split(" ", 1)[0]
    if first.startswith(_PROPER):
        return text
    return text[:1].lower() + text[1:]


def tidy(text: str) -> str:
    """Collapse runs of whitespace (YAML folding leaves newlines) and strip the ends."""
    return " ".join(text.split())

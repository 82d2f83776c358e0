"""Hypothesis strategies for whole banks whose text is full of what GIFT treats specially."""

from __future__ import annotations

from hypothesis import strategies as st

from studykit.questions.bank import Bank
from studykit.questions.lint_rules import RULES
from studykit.questions.model import DIFFICULTIES, Kind, Option, Pair, Question, Step

CONCEPT_IDS = (
    "continued-pre-training",
    "fine-tuning",
    "instruction-fine-tuning",
    "prompt-engineering",
    "provisioned-throughput",
)
_SPECIAL = st.sampled_from(
    [
        "~",
        "=",
        "#",
        "{",
        "}",
        ":",
        "\\",
        "->",
        "\n",
        "  ",
        "\t",
        "%50%",
        "[html]",
        "[plain]",
        "//",
        "::",
        "####",
        "<b>",
        "&amp;",
        "\\n",
        "TRUE",
        "Step 1",
        "\u2028",
        "\U000f0000",
        "\ue000",
        "é",
        "→",
    ]
)
_WORDS = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=5)
TEXT = (
    st.lists(st.one_of(_SPECIAL, _WORDS), min_size=1, max_size=5)
    .map(lambda parts: "".join(parts).strip())
    .filter(bool)
)


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _distinct(count: tuple[int, int]) -> st.SearchStrategy[list[str]]:
    return st.lists(TEXT, min_size=count[0], max_size=count[1], unique_by=_folded)


@st.composite
def questions(draw: st.DrawFn, question_id: str) -> Question:
    kind = draw(st.sampled_from(list(Kind)))
    parts: dict[str, object] = {}
    if kind in (Kind.SINGLE, Kind.MULTIPLE):
        texts = draw(_distinct((3, 6) if kind is Kind.SINGLE else (4, 8)))
        if kind is Kind.SINGLE:
            right = {draw(st.integers(0, len(texts) - 1))}
        else:
            right = set(draw(st.lists(st.integers(0, len(texts) - 1), min_size=2, unique=True)))
            if len(right) == len(texts):
                right.discard(0)
        parts["options"] = tuple(Option(t, i in right, draw(TEXT)) for i, t in enumerate(texts))
    elif kind is Kind.TRUE_FALSE:
        truth = draw(st.booleans())
        parts["options"] = (Option("True", truth, draw(TEXT)), Option("False", not truth, draw(TEXT)))
    elif kind is Kind.ORDERING:
        parts["steps"] = tuple(Step(text, draw(TEXT)) for text in draw(_distinct((3, 5))))
    else:
        prompts = draw(_distinct((3, 7)))
        matches = draw(_distinct((len(prompts), len(prompts))))
        parts["pairs"] = tuple(Pair(p, m, draw(TEXT)) for p, m in zip(prompts, matches, strict=True))
    return Question(
        id=question_id,
        kind=kind,
        concepts=tuple(draw(st.lists(st.sampled_from(CONCEPT_IDS), min_size=1, max_size=3, unique=True))),
        domain=draw(st.integers(1, 5)),
        difficulty=draw(st.sampled_from(DIFFICULTIES)),
        stem=draw(TEXT),
        explanation=draw(TEXT),
        lint_ignore=tuple(
            draw(st.lists(st.sampled_from([rule.id for rule in RULES]), max_size=2, unique=True))
        ),
        bank="generated",
        **parts,  # type: ignore[arg-type]
    )


@st.composite
def banks(draw: st.DrawFn) -> Bank:
    count = draw(st.integers(1, 3))
    found = tuple(draw(questions(f"q-{number}")) for number in range(1, count + 1))
    return Bank("generated", draw(TEXT.filter(lambda title: "\n" not in title)), "generated.yaml", found)

"""The wordings generated records vary in: system prompts, openers and follow-up questions.

Each one says the same thing in other words, so a record in one wording and the same
record in another are both correct; they multiply the distinct records the content yields.
None of them may hold a model's reserved word (``User:``, ``<image>``, …) or stray
whitespace: a test holds them to that for every model.
"""

from __future__ import annotations

import re

SYSTEM_PROMPTS: tuple[str | None, ...] = (
    "You are a patient tutor who explains how foundation models are customized on Amazon Bedrock "
    "to learners preparing for the AWS Certified AI Practitioner exam. Answer accurately and briefly.",
    "You are a study coach for the AWS Certified AI Practitioner (AIF-C01) exam. "
    "Give the correct answer first, then the reason for it.",
    "You help learners review AI and machine learning on AWS. "
    "Answer in plain language and say why the answer is right.",
    None,  # the system prompt is optional: some records go without one
)
"""System prompts of conversation records; None leaves the record without one."""

OPENERS: tuple[str, ...] = (
    "",
    "I'm studying for the AWS Certified AI Practitioner exam. ",
    "Quick question: ",
    "Can you help me with this one? ",
)
"""Put before the first user message. Each ends in a space, so no reserved word can straddle
the join (none holds a space)."""

WHY_NOT: tuple[str, ...] = (
    "Why not “{option}”?",
    "What is wrong with “{option}”?",
    "Why is “{option}” not the answer?",
)
"""A learner asking about a wrong option after hearing the answer."""

CHECKS: tuple[str, ...] = (
    "I think the answer is “{option}”. Am I right?",
    "Would “{option}” be correct?",
)
"""A learner offering an option as the answer."""

TRUE_OR_FALSE: tuple[str, ...] = (
    "True or false: {statement}",
    "Is this statement true or false? {statement}",
)

PRACTICE = "Now a practice question. "
"""Opens a quiz question asked after a concept was explained in the same dialogue."""

LETTERS = "ABCDEFGHIJ"
_VERDICT_RIGHT = re.compile(r"^(?:Correct|Right)[.:!,;]\s*")
_VERDICT_WRONG = re.compile(r"^(?:Not so|Wrong|Incorrect)[.:!,;]\s*")


def reason(why: str, correct: bool) -> str:
    """An option's note as a reason: without a leading "Correct." or "Not so:" verdict."""
    pattern = _VERDICT_RIGHT if correct else _VERDICT_WRONG
    text = pattern.sub("", " ".join(why.split()), count=1)
    return sentence(text[:1].upper() + text[1:]) if text else ""


def sentence(text: str) -> str:
    """``text`` ending like a sentence (a full stop added after a word)."""
    text = " ".join(text.split())
    return text + "." if text and text[-1].isalnum() else text


def joined(*parts: str) -> str:
    """Non-empty parts, one space apart."""
    return " ".join(part for part in parts if part)


def explained(why: str, explanation: str) -> str:
    """A right option's reason and the question's explanation, neither said twice."""
    explanation = sentence(explanation)
    if not explanation or explanation in why:
        return why
    if why in explanation:
        return explanation
    return f"{why} {explanation}"

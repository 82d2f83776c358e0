"""A commented starter bank for ``studykit bank new``: one question of each kind and a case study, lint-clean.

The comments teach the format where an instructor needs it, beside the keys; the questions are
real, correct questions on the shipped concepts, so the file is useful as it stands and shows
what a good why and explanation look like.
"""

from __future__ import annotations

import re

from studykit.questions.schema import SCHEMA_URL

_TEMPLATE = """\
# yaml-language-server: $schema={schema_url}
#
# A studykit question bank. The format: docs/bank-format.md, or run 'studykit bank schema'.
# Check it with 'studykit bank lint {name}.yaml'; practise it with 'studykit quiz --bank {name}.yaml'.
bank: {name}                           # must equal the file name without .yaml
title: {title}
questions:
  # single: 3-6 options, exactly one 'correct: true'. Every option says why it is right or wrong.
  - id: {prefix}-unlabeled-wikis       # unique across all banks: lower-case words joined by '-'
    kind: single
    concepts: [continued-pre-training]  # concept ids ('studykit topics'); the first is the main one
    difficulty: medium                 # easy | medium | hard
    stem: >-
      A company has 40 GB of internal engineering wikis with no labels and wants a model
      that understands its acronyms. Which customization method fits?
    options:
      - text: Instruction-based fine-tuning
        why: It needs labeled prompt and completion pairs, which the company does not have.
      - text: Continued pre-training
        correct: true
        why: It trains on unlabeled domain text, which is what the wikis are.
      - text: Distillation
        why: It transfers ability from a larger teacher model; it does not add domain text.
      - text: Provisioned Throughput
        why: It is a way to serve a model, not to train one.
    explanation: Unlabeled domain text points to continued pre-training.

  # multiple: 4-8 options, at least two correct, and the stem says how many to choose.
  - id: {prefix}-labeled-records
    kind: multiple
    concepts: [instruction-fine-tuning, labeled-vs-unlabeled-data]
    difficulty: easy
    stem: >-
      Which records are labeled training data for instruction-based fine-tuning? (Choose two.)
    options:
      - text: A customer question paired with the reply an expert wrote
        correct: true
        why: A prompt with its wanted completion is exactly a labeled example.
      - text: A chapter of an internal handbook
        why: Plain text with no wanted answer is unlabeled data.
      - text: A support ticket paired with the resolution an agent sent
        correct: true
        why: The resolution is the completion the model should learn to write.
      - text: A list of the product names the company sells
        why: A bare list has no prompt and no completion.
    explanation: Labeled data pairs each prompt with the completion the model should produce.

  # true_false: the stem is a statement; why_true and why_false say why answering each is right or wrong.
  - id: {prefix}-prompts-keep-weights
    kind: true_false
    concepts: [prompt-engineering-vs-rag-vs-fine-tuning]
    difficulty: easy
    stem: Prompt engineering changes the weights of the foundation model.
    answer: false
    why_true: Prompts only change the input the model reads; its weights stay as they were.
    why_false: Right. Only training, such as fine-tuning, changes the weights.
    explanation: Prompt engineering steers a model without training it, so no weights change.

  # ordering: 3-5 steps written in the correct order; studykit shuffles them.
  - id: {prefix}-customization-stages
    kind: ordering
    concepts: [customization-workflow]
    difficulty: easy
    stem: Put the stages of customizing a foundation model in order, first to last.
    steps:
      - text: Prepare the training data and store it in Amazon S3
        why: The job reads its data from S3, so the data comes first.
      - text: Run the fine-tuning job
        why: The job trains a copy of the base model on the prepared data.
      - text: Evaluate the fine-tuned model
        why: Only a trained model can be evaluated, and it is checked before it is used.
    explanation: Prepare the data, train, then evaluate before putting the model to use.

  # matching: 3-7 pairs; every match is different. studykit shuffles the matches.
  - id: {prefix}-method-to-data
    kind: matching
    concepts: [fine-tuning, continued-pre-training, distillation]
    difficulty: medium
    stem: Match each customization method with the data it trains on.
    pairs:
      - prompt: Instruction-based fine-tuning
        match: Labeled prompt and completion pairs
        why: It learns to produce the given completion for each prompt.
      - prompt: Continued pre-training
        match: Unlabeled text from the domain
        why: It keeps learning to predict text, now on the domain's own documents.
      - prompt: Distillation
        match: Prompts answered by a larger teacher model
        why: The teacher's answers become the training data for the smaller student model.
    explanation: The kind of data you have decides which customization method fits.
    # lint_ignore: [long-correct]     # switch a lint rule off for one question

  # case_study: one scenario and 2-6 questions on it, each of a kind above and scored on its own.
  # Its concepts, domain and difficulty are the default of its questions; each question may give its own.
  - id: {prefix}-support-chats
    kind: case_study
    title: A support assistant for an insurer
    concepts: [instruction-fine-tuning]
    difficulty: medium
    scenario: >-
      An insurer keeps 80,000 past support chats. Each chat holds a customer's question and the
      reply an experienced agent approved. The insurer wants an assistant that answers new
      questions in the same careful style, and it has no other training data.
    questions:
      - id: {prefix}-support-chats-method
        kind: single
        stem: Which customization method fits the chats the insurer has?
        options:
          - text: Continued pre-training
            why: It trains on unlabeled text; each chat already pairs a question with its reply.
          - text: Instruction-based fine-tuning
            correct: true
            why: Each chat pairs a prompt with the completion wanted, which is labeled data.
          - text: Provisioned Throughput
            why: It is a way to serve a model, not to train one.
        explanation: Questions paired with approved replies are labeled data for instruction fine-tuning.
      - id: {prefix}-support-chats-labels
        kind: true_false
        difficulty: easy
        stem: The insurer's chats are unlabeled data, because no one tagged them by hand.
        answer: false
        why_true: Each chat already pairs a question with the reply to give, so it is labeled.
        why_false: Right. The approved reply is the label of each customer question.
        explanation: A prompt paired with the completion the model should produce is a labeled example.
"""


def question_prefix(name: str) -> str:
    """A valid question-id prefix made from a bank name ("Week 3 quiz" -> "week-3-quiz")."""
    words = re.findall(r"[a-z0-9]+", name.casefold())
    return "-".join(words) or "bank"


def starter_bank(name: str, title: str | None = None) -> str:
    """The starter bank's YAML text for a bank called ``name`` (the file name without .yaml)."""
    title = title or name.replace("-", " ").replace("_", " ").strip().capitalize() or "My questions"
    return _TEMPLATE.format(
        schema_url=SCHEMA_URL,
        name=_yaml_scalar(name),
        title=_yaml_scalar(title),
        prefix=question_prefix(name),
    )


_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "nan", "inf"}


def _yaml_scalar(text: str) -> str:
    """Plain when safe, otherwise a double-quoted YAML string (names can hold ':' or '#')."""
    plain = re.fullmatch(r"[A-Za-z][A-Za-z0-9 _.-]*", text) and text.strip() == text
    if plain and text.casefold() not in _YAML_WORDS:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

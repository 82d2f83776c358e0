"""What a concept's structured attributes let us claim, and in which words.

Generated questions are only as trustworthy as the claims behind them. :func:`holds`
is the single judge: it says whether "concept has attribute = value" is true, false,
or not safely decidable (the attribute is missing, or the values overlap, such as
``labeled`` and ``labeled-or-unlabeled``). Every generator asks it before using a
concept as a correct option or a distractor, and never uses an undecidable one.
"""

from __future__ import annotations

from studykit.concepts.model import ATTRIBUTES, AttributeValue, Concept

# Attributes whose values are a single choice (one value excludes the others).
CHOICE_ATTRIBUTES = (
    "training_data",
    "changes_weights",
    "relative_cost",
    "expertise",
    "data_volume",
    "compute",
)
# Categories whose members are approaches or formats: "Which approach trains on …?" reads well.
CLAIM_CATEGORIES = ("method", "data", "ml-concept")
# Categories claimed about through :func:`subject` ("Customizing a model for …"), in statements only.
SUBJECT_CATEGORIES = ("use-case",)
# Enum attributes whose values are ordered from least to most.
ORDINAL_ATTRIBUTES = ("relative_cost", "expertise", "data_volume", "compute")

_OVERLAPS: dict[str, dict[object, set[object]]] = {
    "training_data": {
        # a concept that "can train on labeled or unlabeled data" (fine-tuning in general, a use
        # case) could also be served by distilling from prompts, so prompts-only is no clear "no"
        "labeled-or-unlabeled": {"labeled", "unlabeled", "prompts-only"},
        # distillation's student learns from prompts with a teacher's responses, or from
        # labeled pairs you supply: "trains on labeled examples" is no clear "no" for it
        "labeled": {"labeled-or-unlabeled", "prompts-only"},
        "unlabeled": {"labeled-or-unlabeled"},
        "prompts-only": {"labeled-or-unlabeled", "labeled"},
    }
}

# "<concept title> <phrase>." reads as a statement; "Which approach <phrase>?" as a question.
# "prompts-only" says where the responses come from: "needs no labeled responses" alone would be
# true of continued pre-training too, and "Prompts only" would read as a kind of unlabeled data.
_PHRASES: dict[str, dict[object, str]] = {
    "training_data": {
        "labeled": "trains on labeled examples",
        "unlabeled": "trains on unlabeled data",
        "prompts-only": "needs only prompts, as a teacher model writes the responses",
        "labeled-or-unlabeled": "can train on labeled or unlabeled data",
        "not-applicable": "needs no training data",
    },
    "changes_weights": {True: "changes the model's weights", False: "leaves the model's weights unchanged"},
    "relative_cost": {
        "none": "adds no cost of its own",
        "low": "has a low relative cost",
        "medium": "has a medium relative cost",
        "high": "has a high relative cost",
    },
    "expertise": {
        "low": "needs little ML expertise",
        "medium": "needs a moderate level of ML expertise",
        "high": "needs experienced ML engineers",
    },
    "data_volume": {
        "none": "needs no data of its own",
        "small": "needs a small amount of data",
        "medium": "needs a moderate amount of data",
        "large": "needs a large amount of data",
    },
    "compute": {
        "none": "needs no training compute",
        "low": "needs little compute",
        "medium": "needs a moderate amount of compute",
        "high": "is compute-intensive",
    },
}

# How an answer option names a value ("What training data does X use?" → "Unlabeled data").
VALUE_LABELS: dict[str, dict[object, str]] = {
    "training_data": {
        "labeled": "Labeled examples (prompt and response)",
        "unlabeled": "Unlabeled data",
        "prompts-only": "Prompts only; a teacher model writes the responses",
        "labeled-or-unlabeled": "Labeled or unlabeled data",
        "not-applicable": "No training data",
    }
}

# Superlatives for ordinal attributes: (most, least).
SUPERLATIVES: dict[str, tuple[str, str]] = {
    "relative_cost": ("costs the most", "costs the least"),
    "expertise": ("needs the most ML expertise", "needs the least ML expertise"),
    "data_volume": ("needs the most data", "needs the least data"),
    "compute": ("is the most compute-intensive", "needs the least compute"),
}

# Category → the noun a question uses for its members, singular and plural ("Which approach …?").
NOUNS: dict[str, tuple[str, str]] = {
    "method": ("approach", "approaches"),
    "service": ("service", "services"),
    "data": ("data format", "data formats"),
    "use-case": ("use case", "use cases"),
    "cost": ("cost factor", "cost factors"),
    "process": ("step", "steps"),
    "security": ("security control", "security controls"),
    "practice": ("practice", "practices"),
    "ml-concept": ("ML concept", "ML concepts"),
    "exam": ("exam topic", "exam topics"),
}

# How a use-case question asks, by category: {case} is the example, {noun} the category noun.
USE_CASE_STEMS: dict[str, str] = {
    "method": "Which approach is typically used for: {case}?",
    "use-case": "Which kind of use case is this an example of: {case}?",
}
USE_CASE_MATCH_STEMS: dict[str, str] = {
    "method": "Match each use case to the approach typically used for it.",
    "use-case": "Match each example to the kind of use case it belongs to.",
}


def use_case_stem(category: str, case: str) -> str:
    template = USE_CASE_STEMS.get(category, "Which {noun} is this a typical use case of: {case}?")
    return template.format(case=case, noun=NOUNS[category][0])


def use_case_match_stem(category: str) -> str:
    default = "Match each use case to the {noun} it is typical of."
    return USE_CASE_MATCH_STEMS.get(category, default).format(noun=NOUNS[category][0])


def typical_uses(concept: Concept) -> str:
    """ "Typical use cases of X: a; b." """
    return f"Typical use cases of {in_sentence(concept.title)}: {'; '.join(use_cases(concept))}."


def different_data(first: Concept, second: Concept) -> bool:
    """Whether the two concepts clearly train on different kinds of data (so their record shapes differ)."""
    if "training_data" not in second.attributes:
        return False
    return holds(first, "training_data", second.attributes["training_data"]) is False


# First words of titles that are names and keep their capital inside a sentence.
_NAMES = {
    "Amazon",
    "AWS",
    "Bedrock",
    "Titan",
    "Nova",
    "Provisioned",
    "SageMaker",
    "Claude",
    "Llama",
    "Knowledge",
}


def in_sentence(title: str) -> str:
    """A title as written inside a sentence: "Continued pre-training" → "continued pre-training"."""
    if ":" in title:
        return f"“{title}”"
    first = title.split(" ", 1)[0].split("-", 1)[0]
    if first in _NAMES or any(char.isupper() for char in first[1:]) or not first[:1].isupper():
        return title
    return title[0].lower() + title[1:]


def phrase(attribute: str, value: AttributeValue) -> str:
    """A verb phrase saying the concept has ``value`` ("trains on unlabeled data")."""
    words = _PHRASES.get(attribute, {})
    if value in words:
        return words[value]
    spec = ATTRIBUTES[attribute]
    if spec.question:
        return spec.question.format(value=value)
    return f"has {spec.label.lower()} {value}"


def holds(concept: Concept, attribute: str, value: AttributeValue) -> bool | None:
    """Whether ``concept`` has ``attribute`` = ``value``: True, False, or None when undecidable."""
    if attribute not in concept.attributes:
        return None
    actual = concept.attributes[attribute]
    if actual == value:
        return True
    if value in _OVERLAPS.get(attribute, {}).get(actual, set()):
        return None
    if attribute in ORDINAL_ATTRIBUTES and abs(rank(attribute, value) - rank(attribute, actual)) < 2:
        return None  # "medium" against "high" is a judgement call; two steps apart is not
    return False


def rank(attribute: str, value: AttributeValue) -> int:
    """The position of an ordinal value, least first."""
    return ATTRIBUTES[attribute].values.index(str(value))


def text_value(concept: Concept, attribute: str) -> str | None:
    """A text attribute (such as ``data_format``) of ``concept``, if it has one."""
    value = concept.attributes.get(attribute)
    return value if isinstance(value, str) else None


def use_cases(concept: Concept) -> tuple[str, ...]:
    value = concept.attributes.get("use_cases", ())
    return value if isinstance(value, tuple) else ()


def subject(concept: Concept) -> str:
    """The concept as the subject of a claim: a use case is claimed about the customizing it needs.

    "Use case: domain expertise" → "Customizing a model for domain expertise";
    "Use case: training on proprietary data" → "Customizing a model on proprietary data".
    """
    prefix = "Use case: "
    if concept.category != "use-case" or not concept.title.startswith(prefix):
        return concept.title
    rest = concept.title[len(prefix) :]
    if rest.startswith("training on "):
        return "Customizing a model on " + rest[len("training on ") :]
    return "Customizing a model for " + rest


def statement(concept: Concept, attribute: str, value: AttributeValue) -> str:
    """A full sentence: "Continued pre-training trains on unlabeled data." """
    return f"{subject(concept)} {phrase(attribute, value)}."

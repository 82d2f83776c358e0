"""The bank lint rules: one small function each, registered in :data:`RULES` with an id and a severity.

Three kinds of rule:

- *loader* rules name what the strict bank loader rejects (``yaml``, ``schema`` and the few
  rejections worth their own id, recognised by the loader's message). They have no function:
  the loader is the check, so lint and loading can never disagree.
- *question* rules look at one loaded question.
- *bank* rules look at one file's questions together; *collection* rules at every linted question.

A function yields :class:`Hit` values; the linter turns them into located findings and drops the
ones a question switches off with ``lint_ignore``.
"""

from __future__ import annotations

import difflib
import math
import re
import string
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from studykit.questions.lint_cases import (
    SCENARIO_WORDS,
    check_case_domains,
    check_case_unused,
    check_duplicate_cases,
    check_scenario_length,
)
from studykit.questions.lint_hit import Hit
from studykit.questions.model import Kind, Question
from studykit.yamlfile import KeyPath

ERROR = "error"
WARNING = "warning"

LOADER = "loader"
QUESTION = "question"
BANK = "bank"
COLLECTION = "collection"


@dataclass(frozen=True)
class Rule:
    """A lint rule. ``pattern`` recognises a loader rejection; ``check`` runs on loaded questions."""

    id: str
    severity: str
    scope: str
    summary: str
    check: Callable[..., Iterator[Hit]] | None = None
    pattern: re.Pattern[str] | None = None


# --- question rules ---------------------------------------------------------------------------

_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
CHOOSE = re.compile(r"\b(?:choose|select|pick)\s+(two|three|four|five|six|seven|[2-7])\b", re.IGNORECASE)


def check_choose_count(question: Question) -> Iterator[Hit]:
    """A "(Choose two.)" stem must have that many correct options; a multiple-response stem must say."""
    found = CHOOSE.search(question.stem)
    correct = len(question.correct_indexes)
    if question.kind is Kind.MULTIPLE and not found:
        yield Hit(
            f"a multiple-response stem must say how many to choose; add '(Choose {number_word(correct)}.)'",
            question,
            ("stem",),
        )
    elif found and question.kind in (Kind.SINGLE, Kind.MULTIPLE):
        word = found.group(1).lower()
        stated = _NUMBER_WORDS.get(word) or int(word)
        if stated != correct:
            yield Hit(
                f"the stem says choose {word} but {correct} option(s) are marked correct",
                question,
                ("stem",),
            )


def number_word(number: int) -> str:
    """``two`` for 2, as a stem says it ("(Choose two.)"); digits past seven."""
    return next((word for word, value in _NUMBER_WORDS.items() if value == number), str(number))


_ABOVE = re.compile(
    r"\b(?:all|none|both|neither)\s+of\s+(?:the\s+)?(?:above|these|those|them)\b"
    r"|\b(?:both|neither)\s+[A-F]\s+(?:and|nor)\s+[A-F]\b",
    re.IGNORECASE,
)


def check_all_none_above(question: Question) -> Iterator[Hit]:
    """Options such as "All of the above" test test-taking, not knowledge, and break under shuffling."""
    for index, option in enumerate(question.options):
        found = _ABOVE.search(option.text)
        if found:
            yield Hit(
                f"option {found.group(0)!r} depends on the other options; write a standalone option",
                question,
                ("options", index, "text"),
            )


LONG_RATIO = 1.8


def check_long_correct(question: Question) -> Iterator[Hit]:
    """The right answer should not stand out by length: learners learn to pick the longest option."""
    if question.kind not in (Kind.SINGLE, Kind.MULTIPLE):
        return
    right = [len(option.text) for option in question.options if option.correct]
    wrong = [len(option.text) for option in question.options if not option.correct]
    mean_right = sum(right) / len(right)
    mean_wrong = sum(wrong) / len(wrong)
    if min(right) > max(wrong) and mean_right >= LONG_RATIO * mean_wrong and mean_right >= 40:
        first = question.correct_indexes[0]
        yield Hit(
            f"the correct option is {mean_right / mean_wrong:.1f}× as long as the distractors on "
            "average and longer than every one; shorten it or lengthen them",
            question,
            ("options", first, "text"),
        )


_NEGATIVE = re.compile(r"\b(?:not|except|least|never|cannot|false)\b|n't\b", re.IGNORECASE)


def check_negative_stem(question: Question) -> Iterator[Hit]:
    """A negative question ("Which is NOT …") is missed when read fast; write the word in capitals."""
    if question.kind not in (Kind.SINGLE, Kind.MULTIPLE):
        return
    asked = _question_sentence(question.stem)
    for found in _NEGATIVE.finditer(asked):
        word = found.group(0)
        if word.isupper() and len(word) > 1:
            continue
        yield Hit(
            f"negative question word {word!r} is easy to miss; emphasise it ({word.upper()!r})",
            question,
            ("stem",),
        )
        return


def _question_sentence(stem: str) -> str:
    """The sentence that asks: the last one ending in '?', or the last sentence of the stem."""
    text = _CHOOSE_NOTE.sub("", stem).strip()
    sentences = re.split(r"(?<=[.?!])\s+", text)
    asking = [sentence for sentence in sentences if sentence.rstrip().endswith("?")]
    return asking[-1] if asking else sentences[-1]


_CHOOSE_NOTE = re.compile(r"\((?:choose|select|pick)[^)]*\)", re.IGNORECASE)


def _reasons(question: Question) -> list[tuple[KeyPath, str]]:
    """Every reason a question gives, with where it is written: each part's why, then the explanation."""
    parts: list[tuple[KeyPath, str]] = []
    if question.kind is Kind.TRUE_FALSE:
        parts = [(("why_true",), question.options[0].why), (("why_false",), question.options[1].why)]
    elif question.options:
        parts = [(("options", i, "why"), option.why) for i, option in enumerate(question.options)]
    elif question.steps:
        parts = [(("steps", i, "why"), step.why) for i, step in enumerate(question.steps)]
    else:
        parts = [(("pairs", i, "why"), pair.why) for i, pair in enumerate(question.pairs)]
    parts.append((("explanation",), question.explanation))
    return parts


def check_thin_why(question: Question) -> Iterator[Hit]:
    """A why of a word or two ("Correct.") teaches nothing; say what makes the option right or wrong."""
    for keypath, text in _reasons(question):
        if text and len(text.split()) < 3:
            yield Hit(f"{keypath[-1]} {text!r} is too short to teach anything; say why", question, keypath)


_PART_NAMES = {"options": "option", "steps": "step", "pairs": "pair"}


def check_missing_why(question: Question) -> Iterator[Hit]:
    """A learner who answers wrongly needs to know why; an imported question may not say yet."""
    for keypath, text in _reasons(question):
        if text:
            continue
        if keypath == ("explanation",):
            message = "no explanation; add 'explanation:' saying why the answer is right"
        elif len(keypath) == 1:
            answer = "True" if keypath[0] == "why_true" else "False"
            message = f"no '{keypath[0]}'; add why answering {answer} is right or wrong"
        else:
            part = _PART_NAMES[str(keypath[0])]
            message = f"{part} {int(keypath[1]) + 1} has no 'why'; add why it is right or wrong"
        yield Hit(message, question, keypath)


def check_no_concept(question: Question) -> Iterator[Hit]:
    """An unassigned question counts for no concept in coverage, progress or 'quiz --topic'."""
    if not question.concepts:
        domain = "" if question.domain else " (and 'domain:' if the concept's is not the one)"
        yield Hit(
            f"the question names no concept; add 'concepts: [ID]'{domain} ('studykit topics' lists them)",
            question,
            ("id",),
        )


def check_part_count(question: Question) -> Iterator[Hit]:
    """The exam's own shape: 3–6 options (4–8 for multiple response), 3–5 steps, 3–7 pairs."""
    from studykit.questions.bank import EXAM_PART_COUNTS

    low, high = EXAM_PART_COUNTS.get(question.kind, (0, 99))
    if not low <= question.size <= high:
        key = "steps" if question.steps else "pairs" if question.pairs else "options"
        change = "add" if question.size < low else "remove"
        yield Hit(
            f"a {question.kind.label} question on the exam has {low} to {high} {key}, this one "
            f"{question.size}; {change} some",
            question,
            (key,),
        )


# --- bank rules -------------------------------------------------------------------------------

BIAS_Z = 2.5
BIAS_MIN_COUNT = 4


def check_position_bias(questions: Sequence[Question]) -> Iterator[Hit]:
    """Correct answers bunched on one letter (or True) let a learner score by guessing the pattern."""
    choice = [q for q in questions if q.kind in (Kind.SINGLE, Kind.MULTIPLE)]
    widest = max((len(q.options) for q in choice), default=0)
    for position in range(widest):
        observed = sum(position in q.correct_indexes for q in choice)
        chances = [len(q.correct_indexes) / len(q.options) for q in choice if len(q.options) > position]
        if _biased(observed, chances):
            letter = string.ascii_uppercase[position]
            yield Hit(
                f"option {letter} is correct in {observed} of {len(choice)} choice questions "
                f"(about {sum(chances):.0f} expected); move some correct answers to other positions"
            )
    true_false = [q for q in questions if q.kind is Kind.TRUE_FALSE]
    for index, label in enumerate(("True", "False")):
        observed = sum(q.options[index].correct for q in true_false)
        if _biased(observed, [0.5] * len(true_false)):
            yield Hit(
                f"{label} is the answer to {observed} of {len(true_false)} true/false questions; "
                "turn some statements around"
            )


def _biased(observed: int, chances: Sequence[float]) -> bool:
    """Far more hits than chance predicts (a normal approximation of the Poisson binomial)."""
    expected = sum(chances)
    spread = math.sqrt(sum(p * (1 - p) for p in chances))
    return observed >= BIAS_MIN_COUNT and spread > 0 and (observed - expected) / spread >= BIAS_Z


# --- collection rules -------------------------------------------------------------------------


def check_duplicate_ids(questions: Sequence[Question]) -> Iterator[Hit]:
    """Question ids are how progress is stored: two questions with one id would share a history."""
    seen: dict[str, Question] = {}
    for question in questions:
        if question.id in seen:
            yield Hit(
                f"question id {question.id!r} is already used at {seen[question.id].origin.describe()}",
                question,
                ("id",),
            )
        else:
            seen[question.id] = question


_NOT_WORD = re.compile(r"[\W_]+")


def normalise_stem(stem: str) -> str:
    """Case, spacing and punctuation folded away, so trivially different stems compare equal.

    Letters and digits of any script are kept (``\\w`` without ``_`` is ``str.isalnum``).
    """
    return " ".join(_NOT_WORD.sub(" ", stem.casefold()).split())


def check_duplicate_stems(questions: Sequence[Question]) -> Iterator[Hit]:
    """The same question twice inflates a score and wastes practice time."""
    seen: dict[str, Question] = {}
    for question in questions:
        key = normalise_stem(question.stem)
        if key in seen:
            yield Hit(f"same stem as {_where(seen[key])}", question, ("stem",))
        else:
            seen[key] = question


SIMILAR_RATIO = 0.9
SIMILAR_WORDS = 0.6


def check_similar_stems(questions: Sequence[Question]) -> Iterator[Hit]:
    """Near-identical stems usually mean one question was copied and not rewritten enough.

    Two stems of one kind are compared closely (``difflib``) only when they share at least 60 %
    of their words; :mod:`~studykit.questions.similarity` finds those pairs without comparing
    every pair. A stem is reported once, against the first earlier stem it resembles.
    """
    from studykit.questions.similarity import overlapping_earlier

    stems = [normalise_stem(question.stem) for question in questions]
    words = [[sys.intern(word) for word in stem.split()] for stem in stems]  # one copy of each word
    for later, candidates in overlapping_earlier(words, SIMILAR_WORDS):
        question = questions[later]
        for earlier in candidates:
            other = questions[earlier]
            if stems[later] == stems[earlier] or question.kind is not other.kind:
                continue
            ratio = difflib.SequenceMatcher(None, stems[later], stems[earlier], autojunk=False).ratio()
            if ratio >= SIMILAR_RATIO:
                yield Hit(f"stem is {ratio:.0%} the same as {_where(other)}", question, ("stem",))
                break


def _where(question: Question) -> str:
    return f"{question.id} ({question.origin.describe()})"


# --- the table --------------------------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    Rule("unreadable", ERROR, LOADER, "a path that cannot be read: missing, binary, not UTF-8 or too big"),
    Rule("yaml", ERROR, LOADER, "the file is not valid, safe YAML"),
    Rule("schema", ERROR, LOADER, "a key, value or kind the bank format does not allow"),
    Rule(
        "unknown-concept",
        ERROR,
        LOADER,
        "a concept id that is not in the content",
        pattern=re.compile(r"^unknown concept "),
    ),
    Rule(
        "single-correct",
        ERROR,
        LOADER,
        "a single-choice question without exactly one correct option",
        pattern=re.compile(r"^a single-choice question needs exactly one correct option"),
    ),
    Rule("unknown-rule", ERROR, QUESTION, "lint_ignore names a rule that does not exist"),
    Rule("duplicate-id", ERROR, COLLECTION, "two questions share an id", check_duplicate_ids),
    Rule("duplicate-stem", ERROR, COLLECTION, "two questions have the same stem", check_duplicate_stems),
    Rule(
        "choose-count",
        ERROR,
        QUESTION,
        "'(Choose two.)' disagrees with the correct options, or a multiple-response stem does not say",
        check_choose_count,
    ),
    Rule("similar-stem", WARNING, COLLECTION, "two stems are nearly the same", check_similar_stems),
    Rule(
        "missing-why",
        WARNING,
        QUESTION,
        "an option, step or pair without its why, or a question without an explanation",
        check_missing_why,
    ),
    Rule("no-concept", WARNING, QUESTION, "a question that names no concept (unassigned)", check_no_concept),
    Rule(
        "part-count",
        WARNING,
        QUESTION,
        "more or fewer options, steps or pairs than an exam question has",
        check_part_count,
    ),
    Rule("thin-why", WARNING, QUESTION, "a why or explanation of fewer than three words", check_thin_why),
    Rule(
        "long-correct",
        WARNING,
        QUESTION,
        "the correct option is much longer than the distractors",
        check_long_correct,
    ),
    Rule(
        "all-none-above",
        WARNING,
        QUESTION,
        "an 'all/none of the above' style option",
        check_all_none_above,
    ),
    Rule(
        "negative-stem",
        WARNING,
        QUESTION,
        "a negative question word (not, except, least) not written in capitals",
        check_negative_stem,
    ),
    Rule(
        "position-bias",
        WARNING,
        BANK,
        "correct answers bunched on one position (or on True/False) across a bank",
        check_position_bias,
    ),
    Rule(
        "duplicate-case",
        ERROR,
        COLLECTION,
        "two case studies share an id, or a case study has a question's id",
        check_duplicate_cases,
    ),
    Rule(
        "case-unused",
        WARNING,
        QUESTION,
        "a case-study question that never refers to its scenario (it could stand alone)",
        check_case_unused,
    ),
    Rule(
        "scenario-length",
        WARNING,
        BANK,
        f"a case study's scenario under {SCENARIO_WORDS[0]} or over {SCENARIO_WORDS[1]} words",
        check_scenario_length,
    ),
    Rule(
        "case-domains",
        WARNING,
        BANK,
        "the questions of one case study in different domains",
        check_case_domains,
    ),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def loader_rule(message: str) -> Rule:
    """The rule that names a loader rejection: a specific one if its message is recognised, else schema."""
    for rule in RULES:
        if rule.pattern is not None and rule.pattern.search(message):
            return rule
    return RULES_BY_ID["schema"]

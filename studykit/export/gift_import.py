"""Moodle GIFT into a studykit bank: ``studykit bank import FILE.gift``.

Reads what :mod:`studykit.export.gift` writes, and GIFT written elsewhere. The result always
loads: anything a bank needs that the file lacks is an error pointing at the GIFT line, with
what to add there — never an empty ``why`` for the instructor to discover later.

- Kinds: one ``=`` answer → single; several answers with a positive weight → multiple;
  true/false; matching. A ``// studykit: {…}`` comment (written by the export) restores the
  kind (ordering), concepts, difficulty, domain, ``lint_ignore`` and per-pair whys.
- Concepts, in this order: the studykit comment; else the question's ``$CATEGORY`` when its
  last level names a concept (its id, or its title, in any case); else ``--concept`` (the
  ``default_concepts`` argument). A question with none of these is an error.
- Feedback: each answer's ``#feedback`` is its why, the general feedback (``####``) the
  explanation. True/false takes ``{T#why False is wrong#why True is right}``. GIFT has no
  feedback per matching pair, so foreign matching questions need the studykit comment's ``why``.
- Difficulty defaults to medium (reported), ids come from ``::name::`` when it is a valid id.
  Essay, numerical, short-answer, missing-word and description items are skipped (reported).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studykit.concepts import ConceptSet
from studykit.errors import StudykitError
from studykit.export.gift import STEP_PROMPT, category_levels, step_feedback
from studykit.export.gift_reader import GiftQuestion, read_gift
from studykit.fields import Field
from studykit.questions.bank import ID_PATTERN, bank_header, parse_question
from studykit.questions.bank_writer import bank_yaml
from studykit.questions.model import DIFFICULTIES, Kind, Option, Origin, Pair, Question, Step
from studykit.questions.starter import question_prefix
from studykit.yamlfile import load_yaml_text

_COUNTS = {
    Kind.SINGLE: (3, 6, "answers"),
    Kind.MULTIPLE: (4, 8, "answers"),
    Kind.MATCHING: (3, 7, "pairs"),
    Kind.ORDERING: (3, 5, "steps"),
}
_WHY_COMMENT = '// studykit: {"why": ["…", "…"]}'


@dataclass(frozen=True)
class ImportedBank:
    """The bank read from GIFT: its YAML text (which loads), its questions, and notes to act on."""

    name: str
    title: str
    questions: tuple[Question, ...]
    yaml: str
    notes: tuple[str, ...]


def import_gift(
    text: str,
    source: str,
    bank_name: str | None,
    concepts: ConceptSet,
    *,
    default_concepts: tuple[str, ...] = (),
    title: str | None = None,
) -> ImportedBank:
    """Turn GIFT ``text`` (read from ``source``) into the bank ``bank_name``; errors name GIFT lines.

    ``bank_name`` None: the name the studykit bank comment gives, else one made from ``source``.
    """
    for concept_id in default_concepts:
        _known(concept_id, concepts, source, None)
    gift = read_gift(text, source)
    if bank_name is None:
        found = _string(gift.bank_meta.get("bank"))
        bank_name = found if found and ID_PATTERN.match(found) else question_prefix(Path(source).stem)
    notes = list(gift.skipped)
    used: set[str] = set()
    questions = []
    for item in gift.questions:
        question = _question(item, source, concepts, default_concepts, used, notes)
        question = _replace(question, bank=bank_name)
        used.add(question.id)
        questions.append(question)
    if not questions:
        raise StudykitError(
            "no question studykit can use", source, hint="it reads multiple choice, true/false and matching"
        )
    guessed = sum(1 for item in gift.questions if "difficulty" not in item.meta)
    if guessed:
        notes.append(f"{guessed} question(s) had no studykit difficulty and were set to medium: check them")
    if len(set(gift.categories)) > 1:
        notes.append(f"questions from {len(set(gift.categories))} categories were put into one bank")
    title = title or _string(gift.bank_meta.get("title")) or _category_title(gift.categories)
    title = title or bank_name.replace("-", " ").replace("_", " ").capitalize()
    header = [f"Imported from {source}."]
    yaml_text = bank_yaml(bank_name, title, questions, concepts, header=header)
    _check_loads(yaml_text, bank_name, questions, concepts, source)
    return ImportedBank(bank_name, title, tuple(questions), yaml_text, tuple(notes))


def _question(
    item: GiftQuestion,
    source: str,
    concepts: ConceptSet,
    default_concepts: tuple[str, ...],
    used: set[str],
    notes: list[str],
) -> Question:
    meta = item.meta
    question_id = _unique_id(item, used)
    where = f"question {question_id!r}"

    def fail(message: str, hint: str, line: int = item.line) -> StudykitError:
        return StudykitError(f"{where}: {message}", source, line, hint=hint)

    concept_ids = _concepts(item, concepts, default_concepts, source)
    if not concept_ids:
        raise fail(
            "names no concept",
            "put it under a $CATEGORY named after a concept id, or pass --concept ID",
        )
    if not item.general_feedback:
        raise fail("has no general feedback", "add '####' and the explanation before '}'")
    difficulty = meta.get("difficulty", "medium")
    if difficulty not in DIFFICULTIES:
        raise fail(f"unknown difficulty {difficulty!r}", f"use one of {', '.join(DIFFICULTIES)}")
    domain = meta.get("domain")
    if not isinstance(domain, int) or isinstance(domain, bool) or not 1 <= domain <= 5:
        domain = concepts[concept_ids[0]].domain
    ignore = meta.get("lint_ignore")
    parts = _parts(item, fail, notes)
    question = Question(
        id=question_id,
        concepts=concept_ids,
        domain=domain,
        difficulty=str(difficulty),
        stem=item.stem,
        explanation=item.general_feedback,
        origin=Origin(source, item.line),
        lint_ignore=tuple(str(rule) for rule in ignore) if isinstance(ignore, list) else (),
        **parts,  # type: ignore[arg-type]
    )
    low, high, what = _COUNTS.get(question.kind, (0, 99, ""))
    if not low <= question.size <= high:
        raise fail(
            f"a {question.kind.label} question needs {low} to {high} {what}, this one has {question.size}",
            f"{'add' if question.size < low else 'remove'} {what}",
        )
    if question.kind in (Kind.ORDERING, Kind.MATCHING):
        return _with_part_whys(question, meta, fail)
    return question


def _parts(item: GiftQuestion, fail, notes: list[str]) -> dict[str, object]:
    if item.kind == "choice":
        for answer in item.answers:
            if not answer.feedback:
                raise fail(
                    f"answer {answer.text!r} has no feedback",
                    "add '#' and why it is right or wrong after the answer",
                    answer.line,
                )
        correct = sum(answer.correct for answer in item.answers)
        if not correct:
            raise fail("no answer earns marks", "mark the right answer with '=' (or a positive %weight%)")
        options = tuple(Option(answer.text, answer.correct, answer.feedback) for answer in item.answers)
        return {"kind": Kind.SINGLE if correct == 1 else Kind.MULTIPLE, "options": options}
    if item.kind == "truefalse":
        if not item.feedback_wrong or not item.feedback_right:
            answer = "TRUE" if item.truth else "FALSE"
            raise fail(
                "a true/false question needs feedback for both answers",
                f"write {{{answer}#why the other answer is wrong#why {answer.lower()} is right}}",
            )
        why_true, why_false = (
            (item.feedback_right, item.feedback_wrong)
            if item.truth
            else (item.feedback_wrong, item.feedback_right)
        )
        return {
            "kind": Kind.TRUE_FALSE,
            "options": (Option("True", item.truth, why_true), Option("False", not item.truth, why_false)),
        }
    pairs = [pair for pair in item.pairs if pair.prompt]
    if len(pairs) < len(item.pairs):
        notes.append(f"line {item.line}: extra wrong matches (no prompt) were dropped")
    if item.meta.get("kind") == Kind.ORDERING.value and all(
        pair.prompt == STEP_PROMPT.format(number) for number, pair in enumerate(pairs, 1)
    ):
        return {"kind": Kind.ORDERING, "steps": tuple(Step(pair.match) for pair in pairs)}
    return {"kind": Kind.MATCHING, "pairs": tuple(Pair(pair.prompt, pair.match) for pair in pairs)}


def _with_part_whys(question: Question, meta: dict[str, object], fail) -> Question:
    """Whys of steps and pairs from the studykit comment, dropped again from the general feedback."""
    whys = meta.get("why")
    count = question.size
    if (
        not isinstance(whys, list)
        or len(whys) != count
        or not all(isinstance(w, str) and w.strip() for w in whys)
    ):
        raise fail(
            f"GIFT has no feedback per {'step' if question.kind is Kind.ORDERING else 'pair'}",
            f"add a line {_WHY_COMMENT} above the question, one reason for each of the {count}",
        )
    whys = [why.strip() for why in whys]
    steps = tuple(Step(step.text, why) for step, why in zip(question.steps, whys, strict=False))
    pairs = tuple(Pair(pair.prompt, pair.match, why) for pair, why in zip(question.pairs, whys, strict=False))
    updated = _replace(question, steps=steps, pairs=pairs)
    listed = step_feedback(_replace(updated, explanation="")).strip()
    explanation = updated.explanation
    if explanation.endswith(listed) and explanation != listed:
        explanation = explanation[: -len(listed)].strip()
    return _replace(updated, explanation=explanation)


def _replace(question: Question, **changes: object) -> Question:
    import dataclasses

    return dataclasses.replace(question, **changes)  # type: ignore[arg-type]


def _concepts(
    item: GiftQuestion, concepts: ConceptSet, default_concepts: tuple[str, ...], source: str
) -> tuple[str, ...]:
    listed = item.meta.get("concepts")
    if isinstance(listed, str):
        listed = [listed]
    if isinstance(listed, list) and listed:
        for concept_id in listed:
            _known(concept_id, concepts, source, item.line)
        return tuple(dict.fromkeys(listed))
    if item.category:
        found = _category_concept(item.category, concepts)
        if found:
            return (found,)
    return default_concepts


def _known(concept_id: object, concepts: ConceptSet, source: str, line: int | None) -> None:
    if isinstance(concept_id, str) and concept_id in concepts:
        return
    guess = concepts.suggest(concept_id) if isinstance(concept_id, str) else None
    hint = f"did you mean '{guess}'?" if guess else "run 'studykit topics' to list the concept ids"
    raise StudykitError(f"unknown concept {concept_id!r}", source, line, hint=hint)


def _category_concept(category: str, concepts: ConceptSet) -> str | None:
    """The concept a category's last level names: by id, or by title, ignoring case and punctuation."""
    level = category_levels(category)[-1]
    wanted = question_prefix(level)
    for concept in concepts:
        if wanted in (concept.id, question_prefix(concept.title)):
            return concept.id
    return None


def _category_title(categories: tuple[str, ...]) -> str | None:
    """The first category's last level, unless it is one of Moodle's own (``top``, ``$course$``…)."""
    for category in categories:
        level = category_levels(category)[-1]
        if level and level not in ("top", "$course$", "$system$", "$module$", "$coursecategory$"):
            return level
    return None


def _string(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _unique_id(item: GiftQuestion, used: set[str]) -> str:
    name = item.name or ""
    base = name if ID_PATTERN.match(name) else question_prefix(name or " ".join(item.stem.split()[:6]))
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _check_loads(
    yaml_text: str, bank_name: str, questions: list[Question], concepts: ConceptSet, source: str
) -> None:
    """Load the YAML as ``studykit`` will; a rejection points at the GIFT question it came from."""
    document = load_yaml_text(yaml_text, f"{bank_name}.yaml")
    _name, _title, items = bank_header(document)
    for item, question in zip(items, questions, strict=True):
        try:
            parse_question(item, concepts, bank=bank_name)
        except StudykitError as error:
            raise StudykitError(
                f"question {question.id!r}: {_plain(error.message, item)}",
                source,
                question.origin.line,
                hint=error.hint,
            ) from None


def _plain(message: str, item: Field) -> str:
    """A loader message without its YAML key path (``questions[2].options[1]`` means nothing in GIFT)."""
    prefix = item.name
    return message[len(prefix) :].lstrip(". ") if message.startswith(prefix) else message

"""Questions read from Moodle (GIFT or XML) into a studykit bank that always loads and lints.

Stable API: :func:`import_foreign` → :class:`ImportedBank`.

- Every question of a kind studykit has is imported, with or without feedback. What a finished
  studykit question still lacks (an explanation, a why per part, a concept) is left out of the
  YAML; the loader accepts that and lint warns about it, and :attr:`ImportedBank.to_finish` says
  what to add. The result is linted as written: anything lint calls an error is a problem.
- Problems (syntax slips, two right answers in a one-answer question, an unknown concept…) are
  collected, not raised: every problem of a file is reported in one run, each naming its line.
- Concepts: a studykit comment (GIFT export) or tags (Moodle XML export), else the question's
  category when its last level names a concept (by id or title), else ``default_concepts``
  (``--concept``), else unassigned. A question a studykit export wrote without concepts stays
  without them: its category is the bank's, not a concept's.
- The same question twice (same kind, text and answers) is kept once, the copy with the most
  feedback, with a note; the same text with other answers is a problem.
- A several-answer question whose stem does not say how many to choose gets "(Choose two.)".
- A question a reader found a case study for (``meta["case"]``: id, title and scenario) is put
  back into its case study, with the case's other questions.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from studykit.concepts import ConceptSet
from studykit.errors import StudykitError
from studykit.export.foreign import ForeignFile, ForeignQuestion
from studykit.export.foreign_cases import case_from_meta, gather_cases
from studykit.export.foreign_kinds import parts
from studykit.export.gift import category_levels, step_feedback
from studykit.questions.bank import ID_PATTERN, PART_COUNTS
from studykit.questions.bank_writer import bank_yaml
from studykit.questions.lint import lint_text
from studykit.questions.lint_rules import CHOOSE, ERROR, normalise_stem, number_word
from studykit.questions.model import DIFFICULTIES, Kind, Origin, Pair, Question, Step
from studykit.questions.starter import question_prefix

_PART_WORDS = {
    Kind.SINGLE: "answers",
    Kind.MULTIPLE: "answers",
    Kind.ORDERING: "items",
    Kind.MATCHING: "pairs",
}


@dataclass(frozen=True)
class ImportedBank:
    """The bank read from a foreign file: its YAML text (which loads), questions and what to tell.

    ``problems`` stop the import (nothing should be written); ``notes`` say what was skipped or
    changed; ``to_finish`` what the bank still lacks (lint warnings, counted).
    """

    name: str
    title: str
    questions: tuple[Question, ...]
    yaml: str
    notes: tuple[str, ...]
    problems: tuple[StudykitError, ...] = ()
    to_finish: tuple[str, ...] = ()


def import_foreign(
    found: ForeignFile,
    source: str,
    bank_name: str | None,
    concepts: ConceptSet,
    *,
    default_concepts: tuple[str, ...] = (),
    title: str | None = None,
) -> ImportedBank:
    """Turn what a reader found in ``source`` into the bank ``bank_name``.

    ``bank_name`` None: the name the studykit bank comment gives, else one made from ``source``.
    An unknown id in ``default_concepts`` is an error (a bad option, not a problem of the file).
    """
    for concept_id in default_concepts:
        if concept_id not in concepts:
            raise _unknown(concept_id, concepts, None, None)
    if bank_name is None:
        named = _string(found.bank_meta.get("bank"))
        bank_name = named if named and ID_PATTERN.match(named) else question_prefix(Path(source).stem)
    notes = list(found.notes)
    problems = list(found.problems)
    used: set[str] = set()
    questions: list[Question] = []
    foreign: list[Question] = []
    guessed_ids: set[str] = set()
    for item in found.questions:
        try:
            question = _question(item, source, concepts, default_concepts, used, notes)
        except StudykitError as error:
            problems.append(error)
            continue
        used.add(question.id)
        questions.append(dataclasses.replace(question, bank=bank_name))
        if "kind" not in item.meta:
            foreign.append(questions[-1])
        if "difficulty" not in item.meta:
            guessed_ids.add(question.id)
    copies = _copies(foreign, source, notes, problems)
    questions = gather_cases(
        [question for question in questions if id(question) not in copies], source, problems
    )
    guessed = sum(1 for question in questions if question.id in guessed_ids)
    if guessed:
        notes.append(f"{guessed} question(s) had no studykit difficulty and were set to medium: check them")
    if len(set(found.categories)) > 1:
        notes.append(f"questions from {len(set(found.categories))} categories were put into one bank")
    title = title or _string(found.bank_meta.get("title")) or _category_title(found.categories)
    title = title or bank_name.replace("-", " ").replace("_", " ").capitalize()
    if not questions and not problems:
        problems.append(
            StudykitError(
                "no question studykit can use",
                source,
                hint="it reads multiple choice, true/false, matching and ordering questions",
            )
        )
    yaml_text = bank_yaml(bank_name, title, questions, concepts, header=[f"Imported from {source}."])
    to_finish: tuple[str, ...] = ()
    if questions:
        warnings = _check_lint(yaml_text, bank_name, questions, concepts, source, problems)
        to_finish = _to_finish(warnings)
    problems.sort(key=lambda error: (error.line or 0, error.message))
    notes.sort(key=_note_line)
    return ImportedBank(
        bank_name, title, tuple(questions), yaml_text, tuple(notes), tuple(problems), to_finish
    )


def _question(
    item: ForeignQuestion,
    source: str,
    concepts: ConceptSet,
    default_concepts: tuple[str, ...],
    used: set[str],
    notes: list[str],
) -> Question:
    meta = item.meta
    question_id = _unique_id(item, used)

    def fail(message: str, hint: str, line: int = item.line) -> StudykitError:
        return StudykitError(f"question {question_id!r}: {message}", source, line, hint=hint)

    concept_ids = _concepts(item, concepts, default_concepts, source)
    difficulty = meta.get("difficulty", "medium")
    if difficulty not in DIFFICULTIES:
        raise fail(f"unknown difficulty {difficulty!r}", f"use one of {', '.join(DIFFICULTIES)}")
    domain = meta.get("domain")
    if not isinstance(domain, int) or isinstance(domain, bool) or not 1 <= domain <= 5:
        domain = concepts[concept_ids[0]].domain if concept_ids else 0
    ignore = meta.get("lint_ignore")
    case = case_from_meta(meta.get("case"))
    question = Question(
        id=question_id,
        concepts=concept_ids,
        domain=domain,
        difficulty=str(difficulty),
        stem=item.stem,
        explanation=item.general_feedback,
        origin=Origin(source, item.line),
        lint_ignore=tuple(str(rule) for rule in ignore) if isinstance(ignore, list) else (),
        case=case,
        **parts(item, fail, notes),  # type: ignore[arg-type]
    )
    if not question.stem:
        raise fail("has no question text", "write the question before its answers")
    low, high = PART_COUNTS.get(question.kind, (2, 2))
    if not low <= question.size <= high:
        what = _PART_WORDS.get(question.kind, "answers")
        raise fail(
            f"studykit asks a {question.kind.label} question with {low} to {high} {what}, "
            f"this one has {question.size}",
            f"{'add' if question.size < low else 'remove'} {what}",
        )
    if question.kind is Kind.MULTIPLE and "kind" not in meta and not CHOOSE.search(question.stem):
        said = f"(Choose {number_word(len(question.correct_indexes))}.)"
        question = dataclasses.replace(question, stem=f"{question.stem} {said}")
        notes.append(
            f"line {item.line}: '{said}' was added to the question: studykit says how many to choose"
        )
    if question.kind in (Kind.ORDERING, Kind.MATCHING) and isinstance(meta.get("why"), list):
        return _with_part_whys(question, meta["why"])  # type: ignore[arg-type]
    if question.kind is Kind.MATCHING:
        return _with_listed_whys(question)
    return question


def _with_listed_whys(question: Question) -> Question:
    """Pair whys listed in the explanation's last paragraph, ``prompt → match: why`` a line, as
    the Moodle XML and GIFT exports write them (neither format has feedback per pair)."""
    head, _, last = question.explanation.rpartition("\n\n")
    whys: dict[int, str] = {}
    for line in last.split("\n"):
        found = next(
            (
                index
                for index, pair in enumerate(question.pairs)
                if index not in whys and line.startswith(f"{pair.prompt} → {pair.match}: ")
            ),
            None,
        )
        if found is None:
            return question
        pair = question.pairs[found]
        whys[found] = line[len(f"{pair.prompt} → {pair.match}: ") :].strip()
    pairs = tuple(
        Pair(pair.prompt, pair.match, whys.get(index, "")) for index, pair in enumerate(question.pairs)
    )
    return dataclasses.replace(question, pairs=pairs, explanation=head.strip())


def _note_line(note: str) -> int:
    """Notes about a line come in file order, the others (totals) after them."""
    head = note.split(":", 1)[0]
    return int(head[5:]) if head.startswith("line ") and head[5:].isdigit() else 1 << 30


def _with_part_whys(question: Question, whys: list[object]) -> Question:
    """Whys of steps and pairs from the studykit comment, dropped again from the general feedback."""
    if len(whys) != question.size or not all(isinstance(why, str) for why in whys):
        return question
    texts = [str(why).strip() for why in whys]
    steps = tuple(Step(step.text, why) for step, why in zip(question.steps, texts, strict=False))
    pairs = tuple(
        Pair(pair.prompt, pair.match, why) for pair, why in zip(question.pairs, texts, strict=False)
    )
    updated = dataclasses.replace(question, steps=steps, pairs=pairs)
    listed = step_feedback(dataclasses.replace(updated, explanation="")).strip()
    explanation = updated.explanation
    if listed and explanation.endswith(listed):
        explanation = explanation[: -len(listed)].strip()
    return dataclasses.replace(updated, explanation=explanation)


def _copies(
    questions: list[Question], source: str, notes: list[str], problems: list[StudykitError]
) -> set[int]:
    """The ``id()`` of questions to leave out: the same question twice is kept once (the copy with
    most feedback); the same text with other answers is a problem, as a learner could not tell the
    two apart. Only for foreign questions: a studykit export comes back as it was."""
    groups: dict[str, list[Question]] = {}
    for question in questions:
        groups.setdefault(normalise_stem(question.stem), []).append(question)
    dropped: set[int] = set()
    for group in groups.values():
        first = group[0]
        for other in group[1:]:
            if _answers(other) != _answers(first):
                problems.append(
                    StudykitError(
                        f"question {other.id!r}: the same question text as line {first.origin.line}, "
                        "with other answers",
                        source,
                        other.origin.line,
                        hint="reword one of the two, or delete one",
                    )
                )
                continue
        same = [question for question in group if _answers(question) == _answers(first)]
        if len(same) > 1:
            kept = max(same, key=_feedback_count)
            for question in same:
                if question is not kept:
                    dropped.add(id(question))
                    notes.append(
                        f"line {question.origin.line}: the same question as line {kept.origin.line} "
                        "was left out"
                    )
    return dropped


def _answers(question: Question) -> tuple[object, ...]:
    return (
        question.kind,
        tuple(sorted((option.text, option.correct) for option in question.options)),
        tuple(step.text for step in question.steps),
        tuple(sorted((pair.prompt, pair.match) for pair in question.pairs)),
    )


def _feedback_count(question: Question) -> int:
    reasons = [part.why for part in (*question.options, *question.steps, *question.pairs)]
    return sum(1 for reason in (*reasons, question.explanation) if reason)


def _check_lint(
    yaml_text: str,
    bank_name: str,
    questions: list[Question],
    concepts: ConceptSet,
    source: str,
    problems: list[StudykitError],
) -> Counter[str]:
    """Lint the YAML as written; errors become problems at the question's line. Returns warnings."""
    report = lint_text(yaml_text, f"{bank_name}.yaml", concepts)
    lines = {question.id: question.origin.line for question in questions}
    warnings: Counter[str] = Counter()
    for finding in report.findings:
        if finding.severity != ERROR:
            key = finding.rule
            if finding.rule == "missing-why":
                key = "explanation" if finding.message.startswith("no explanation") else "why"
            warnings[key] += 1
            continue
        where = f"question {finding.question!r}: " if finding.question else ""
        message, _, hint = finding.message.partition(" — ")
        problems.append(
            StudykitError(
                f"{where}{_plain(message)}",
                source,
                lines.get(finding.question or ""),
                hint=hint or f"lint rule {finding.rule}",
            )
        )
    return warnings


def _plain(message: str) -> str:
    """A loader message without its YAML key path (``questions[2].options`` means nothing here)."""
    if message.startswith("questions["):
        head, _, rest = message.partition(" ")
        return f"{head.split('.', 1)[1] if '.' in head else 'the question'} {rest}"
    return message


def _to_finish(warnings: Counter[str]) -> tuple[str, ...]:
    """What the bank still lacks, from lint's warnings, most important first."""
    lines = []
    if warnings["explanation"]:
        lines.append(f"{warnings['explanation']} question(s) without an explanation (missing-why)")
    if warnings["why"]:
        lines.append(f"{warnings['why']} answer(s), step(s) or pair(s) without a why (missing-why)")
    if warnings["no-concept"]:
        lines.append(f"{warnings['no-concept']} question(s) without a concept (no-concept)")
    for rule, count in sorted(warnings.items()):
        if rule not in ("explanation", "why", "no-concept") and count:
            lines.append(f"{count} other warning(s) of rule {rule}")
    return tuple(lines)


def _concepts(
    item: ForeignQuestion, concepts: ConceptSet, default_concepts: tuple[str, ...], source: str
) -> tuple[str, ...]:
    listed = item.meta.get("concepts")
    if isinstance(listed, str):
        listed = [listed]
    if isinstance(listed, list) and listed:
        for concept_id in listed:
            if not isinstance(concept_id, str) or concept_id not in concepts:
                raise _unknown(concept_id, concepts, source, item.line)
        return tuple(dict.fromkeys(listed))
    if "kind" in item.meta:
        # Written by a studykit export, which names every concept a question has: none means none,
        # whatever its category (the bank's, which may be named like a concept) says.
        return default_concepts
    if item.category:
        found = _category_concept(item.category, concepts)
        if found:
            return (found,)
    return default_concepts


def _unknown(concept_id: object, concepts: ConceptSet, source: str | None, line: int | None) -> StudykitError:
    guess = concepts.suggest(concept_id) if isinstance(concept_id, str) else None
    hint = f"did you mean '{guess}'?" if guess else "run 'studykit topics' to list the concept ids"
    return StudykitError(f"unknown concept {concept_id!r}", source, line, hint=hint)


def _category_concept(category: str, concepts: ConceptSet) -> str | None:
    """The concept a category's last level names: by id, or by title, ignoring case and punctuation."""
    wanted = question_prefix(category_levels(category)[-1])
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


def _unique_id(item: ForeignQuestion, used: set[str]) -> str:
    name = item.name or ""
    base = name if ID_PATTERN.match(name) else question_prefix(name or " ".join(item.stem.split()[:6]))
    base = base or "question"
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate

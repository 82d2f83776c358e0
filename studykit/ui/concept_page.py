"""The page ``studykit learn ID`` shows: one concept laid out for reading.

Order follows how a learner reads: what it is, the facts (numbered sources), what
changed since the seed notes, the attributes at a glance, an example record, use
cases, exam tips, where to go next, and the list of sources.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from studykit.concepts import Concept, ConceptSet, Fact, Vocabulary, shipped_vocabulary
from studykit.ui.blocks import bullets, heading, indented, key_values, numbered, title
from studykit.ui.json_text import pretty_json, wrap_json_line
from studykit.ui.source_text import SourceText
from studykit.ui.text import literal, visible

RECORD_WIDTH = 76
"""Example records are laid out for 80 columns less their indentation."""

SECTION_ATTRIBUTES = ("example_record", "use_cases")
"""Attributes with a section of their own rather than a row in the table."""


def concept_page(concept: Concept, concepts: ConceptSet | None = None, *, plain: bool = False) -> Group:
    """Everything about ``concept`` as one renderable; ``concepts`` adds titles of related ones."""
    sources = concept.sources
    parts: list[RenderableType] = [title(concept.title, plain), _byline(concept, plain)]
    parts.append(literal(concept.summary))
    plain_facts = [fact for fact in concept.facts if fact.kind != "correction"]
    corrections = [fact for fact in concept.facts if fact.kind == "correction"]
    if plain_facts:
        parts += [heading("Facts", plain), numbered(_fact_text(fact, sources, plain) for fact in plain_facts)]
    if corrections:
        parts += [heading(_corrections_heading(corrections), plain)]
        parts += _corrections(corrections, sources, plain)
    rows = attribute_rows(concept, concepts.vocabulary if concepts is not None else None)
    if rows:
        parts += [heading("At a glance", plain), key_values(rows, plain)]
    record = concept.attributes.get("example_record")
    if isinstance(record, str):
        parts += [heading("Example record (JSON)", plain), indented(_json_block(record, plain))]
    use_cases = concept.attributes.get("use_cases")
    if isinstance(use_cases, tuple) and use_cases:
        parts += [heading("Use cases", plain), bullets(literal(item) for item in use_cases)]
    if concept.exam_tips:
        parts += [heading("Exam tips", plain), bullets((literal(tip) for tip in concept.exam_tips), "*")]
    links = _links(concept, concepts)
    if links:
        parts += [heading("Read next: studykit learn ID", plain), _link_table(links, plain)]
    parts += [heading("Sources", plain), _source_list(sources, plain)]
    return Group(*parts)


def attribute_rows(
    concept: Concept, vocabulary: Vocabulary | None = None
) -> list[tuple[str, RenderableType]]:
    """The attribute table's rows in vocabulary order; a list of several values is bulleted."""
    vocabulary = vocabulary or shipped_vocabulary()
    rows: list[tuple[str, RenderableType]] = []
    for name, spec in vocabulary.attributes.items():
        if name in SECTION_ATTRIBUTES or name not in concept.attributes:
            continue
        value = concept.attributes[name]
        if isinstance(value, tuple) and len(value) > 1:
            rows.append((spec.label, item_list(value)))
        else:
            rows.append((spec.label, literal(format_value(value, name, vocabulary))))
    return rows


def item_list(items: tuple[str, ...]) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("-", literal(item))
    return grid


def format_value(
    value: str | bool | tuple[str, ...], attribute: str | None = None, vocabulary: Vocabulary | None = None
) -> str:
    """An attribute value as a reader sees it: yes/no, lists joined by semicolons, and a value
    from a fixed list by its label in the vocabulary (``labeled-or-unlabeled`` reads
    ``labeled or unlabeled data``)."""
    if isinstance(value, tuple):
        return "; ".join(value)
    spec = (vocabulary or shipped_vocabulary()).attributes.get(attribute or "")
    if spec is not None and spec.kind in ("enum", "ordinal", "bool"):
        return spec.label_of(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def _byline(concept: Concept, plain: bool) -> Text:
    where = f"Domain {concept.domain}: {concept.domain_name}"
    if concept.task:
        where += f" · task {visible(concept.task, keep_newlines=False)}"
    line = Text(f"{where} · {concept.category}", style="" if plain else "dim")
    if concept.aka:
        line.append("\nAlso called: ")
        line.append_text(literal(", ".join(concept.aka), keep_newlines=False))
    line.append("\n")
    return line


def _reference(fact: Fact, sources: tuple[str, ...], plain: bool) -> Text:
    note = f" [{sources.index(fact.source) + 1}]"
    if fact.as_of:
        note += f" (as of {visible(fact.as_of, keep_newlines=False)})"
    return Text(note, style="" if plain else "dim")


def _fact_text(fact: Fact, sources: tuple[str, ...], plain: bool) -> Text:
    return Text.assemble(literal(fact.text), _reference(fact, sources, plain))


def _corrections_heading(facts: list[Fact]) -> str:
    if all(fact.seed_said for fact in facts):
        return "Changed since the seed notes"
    return "What changed"


def _corrections(facts: list[Fact], sources: tuple[str, ...], plain: bool) -> list[RenderableType]:
    """The old claim first, then the correction: what the learner may remember, then what is true."""
    rows: list[tuple[str, Text]] = []
    for number, fact in enumerate(facts):
        if number:
            rows.append(("", Text()))
        if fact.seed_said:
            rows.append(("Seed notes said:", literal(fact.seed_said, "" if plain else "italic")))
        if fact.often_taught:
            rows.append(("Often taught:", literal(fact.often_taught, "" if plain else "italic")))
        rows.append(("Now:", Text.assemble(literal(fact.text), _reference(fact, sources, plain))))
    return [key_values(rows, plain)]


def _json_block(record: str, plain: bool) -> RenderableType:
    try:
        pretty = pretty_json(json.loads(record), width=RECORD_WIDTH)
    except ValueError:
        return literal(record)
    return _JsonRecord(pretty, plain)


@dataclass(frozen=True)
class _JsonRecord:
    """Pretty JSON, highlighted on a terminal; a long string wraps under its opening quote."""

    pretty: str
    plain: bool

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.plain:
            text = Text(self.pretty)
        else:
            syntax = Syntax(self.pretty, "json", theme="ansi_dark", background_color="default")
            text = syntax.highlight(self.pretty)
            text.rstrip()
        for line in text.split("\n"):
            for start, end, pad in wrap_json_line(line.plain, options.max_width):
                yield Text.assemble(" " * pad, line[start:end], no_wrap=True, end="\n")


def _links(concept: Concept, concepts: ConceptSet | None) -> list[tuple[str, str]]:
    """(id, why) for prerequisites first, then related concepts and those that point here."""
    links: dict[str, str] = {}
    for target in concept.prerequisites:
        links.setdefault(target, "read first")
    for target in concept.related:
        links.setdefault(target, "related")
    for other in concepts or ():
        if other.id != concept.id and concept.id in (*other.related, *other.prerequisites):
            links.setdefault(other.id, "builds on this" if concept.id in other.prerequisites else "related")
    return list(links.items())


def _link_table(links: list[tuple[str, str]], plain: bool) -> RenderableType:
    """The ids to type, grouped by why they are listed: a few lines however many there are."""
    groups: dict[str, list[str]] = {}
    for target, why in links:
        groups.setdefault(why, []).append(target)
    rows = []
    for why in ("read first", "related", "builds on this"):
        if why in groups:
            rows.append((why.capitalize(), Text(", ".join(groups[why]), style="" if plain else "green")))
    return key_values(rows, plain)


def _source_list(sources: tuple[str, ...], plain: bool) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column()
    for number, source in enumerate(sources, start=1):
        grid.add_row(f"[{number}]", SourceText(source, link=not plain))
    return grid

"""``studykit topics``, ``learn`` and ``compare``: read the concept notes.

Thin layer: load concepts, call a renderer from :mod:`studykit.ui` or an exporter from
:mod:`studykit.concepts.export`, print. Errors are :class:`StudykitError` (exit 2).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from studykit.concepts import ConceptSet
    from studykit.concepts.comparison import Comparison
from studykit.cli.options import (
    complete_concept_ids,
    complete_presets,
    content_option,
    json_option,
    no_pager_option,
)


def _concepts(content: Path | None) -> ConceptSet:
    from studykit.concepts import load_concepts

    return load_concepts(content.resolve() if content else None)


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.command()
@json_option
@content_option
@no_pager_option
def topics(as_json: bool, content: Path | None, no_pager: bool) -> None:
    """List the concepts, grouped by exam domain, with one-line summaries."""
    concepts = _concepts(content)
    if as_json:
        from studykit.concepts.export import topics_record

        _echo_json(topics_record(concepts))
        return
    from studykit.ui.console import is_plain, make_console
    from studykit.ui.pager import show_paged
    from studykit.ui.topic_list import topic_list

    console = make_console()
    show_paged(console, topic_list(concepts, plain=is_plain(console)), pager=not no_pager)


@click.command()
@click.argument("concept_id", metavar="ID", shell_complete=complete_concept_ids)
@json_option
@content_option
@no_pager_option
def learn(concept_id: str, as_json: bool, content: Path | None, no_pager: bool) -> None:
    """Read the note on one concept: facts with sources, attributes, an example, exam tips.

    ID is a concept id from 'studykit topics', e.g. continued-pre-training.
    """
    concepts = _concepts(content)
    concept = concepts.get(concept_id)
    if as_json:
        from studykit.concepts.export import concept_record

        _echo_json(concept_record(concept))
        return
    from studykit.ui.concept_page import concept_page
    from studykit.ui.console import is_plain, make_console
    from studykit.ui.pager import show_paged

    console = make_console()
    show_paged(console, concept_page(concept, concepts, plain=is_plain(console)), pager=not no_pager)


@click.command()
@click.argument("concept_ids", metavar="[ID]...", nargs=-1, shell_complete=complete_concept_ids)
@click.option(
    "--preset",
    metavar="NAME",
    help="A prepared comparison, e.g. fine-tuning-types.",
    shell_complete=complete_presets,
)
@click.option("--list-presets", is_flag=True, help="List the prepared comparisons and exit.")
@json_option
@content_option
@no_pager_option
def compare(
    concept_ids: tuple[str, ...],
    preset: str | None,
    list_presets: bool,
    as_json: bool,
    content: Path | None,
    no_pager: bool,
) -> None:
    """Compare concepts side by side, attribute by attribute.

    Give two or more concept ids (studykit compare instruction-fine-tuning continued-pre-training)
    or a prepared table with --preset (fine-tuning-types, transfer-vs-fine-tuning).
    """
    from studykit.concepts.comparison import compare_concepts
    from studykit.concepts.presets import get_preset, load_presets
    from studykit.errors import StudykitError
    from studykit.resources import content_dir

    concepts = _concepts(content)
    if list_presets or preset:
        if concept_ids:
            raise StudykitError("give either concept ids or --preset, not both", hint="drop one of them")
        presets = load_presets((content or content_dir()).resolve(), concepts)
        if list_presets:
            _list_presets(presets, as_json)
            return
        comparison = get_preset(presets, preset or "")
    else:
        comparison = compare_concepts(concepts, concept_ids)
    if as_json:
        _echo_json(comparison.as_record())
        return
    from studykit.ui.comparison_table import comparison_view
    from studykit.ui.console import is_plain, make_console
    from studykit.ui.pager import show_paged

    console = make_console()
    show_paged(console, comparison_view(comparison, plain=is_plain(console)), pager=not no_pager)


def _list_presets(presets: dict[str, Comparison], as_json: bool) -> None:
    if as_json:
        _echo_json({name: preset.title for name, preset in presets.items()})
        return
    from studykit.ui.text import visible

    for name, preset in presets.items():
        click.echo(f"{name:<28} {visible(preset.title, keep_newlines=False)}")

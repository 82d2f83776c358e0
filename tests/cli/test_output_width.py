"""Every page fits 80 columns, piped and in a terminal: shipped content and test fixtures alike."""

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from studykit.cli import cli
from studykit.concepts import load_concepts
from studykit.concepts.presets import load_presets
from studykit.resources import content_dir
from studykit.ui.comparison_table import comparison_view
from studykit.ui.concept_page import concept_page
from studykit.ui.console import make_console

DATA = Path(__file__).parent.parent / "data" / "concepts"
FOLDERS = {"shipped": None, "valid": DATA / "valid", "markup": DATA / "markup"}


def widest_line(args, folder):
    extra = ["--content", str(folder)] if folder else []
    result = CliRunner().invoke(cli, [*args, *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    return max(len(line) for line in result.stdout.splitlines())


@pytest.mark.parametrize("name", FOLDERS)
def test_every_learn_page_and_the_topic_list_fit_80_columns(name):
    folder = FOLDERS[name]
    concepts = load_concepts(folder.resolve() if folder else None)
    assert widest_line(["topics"], folder) <= 80
    for concept in concepts:
        assert widest_line(["learn", concept.id], folder) <= 80, concept.id


@pytest.mark.parametrize("name", ["shipped", "valid"])
def test_every_preset_and_a_three_way_comparison_fit_80_columns(name):
    folder = FOLDERS[name]
    concepts = load_concepts(folder.resolve() if folder else None)
    for preset in load_presets(folder or content_dir(), concepts):
        assert widest_line(["compare", "--preset", preset], folder) <= 80, preset
    with_attributes = [concept.id for concept in concepts if concept.attributes][:3]
    if len(with_attributes) >= 2:
        assert widest_line(["compare", *with_attributes], folder) <= 80


ESCAPES = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")


def terminal_lines(renderable):
    out = io.StringIO()
    make_console(out, terminal=True, width=80, environ={}).print(renderable)
    text = out.getvalue()
    assert "\x1b[" in text, "a terminal gets colour"
    return ESCAPES.sub("", text).splitlines()


def test_in_an_80_column_terminal_every_shipped_page_and_preset_fits():
    concepts = load_concepts()
    for concept in concepts:
        widest = max(cell_len(line) for line in terminal_lines(concept_page(concept, concepts)))
        assert widest <= 80, concept.id
    for name, preset in load_presets(content_dir(), concepts).items():
        assert max(cell_len(line) for line in terminal_lines(comparison_view(preset))) <= 80, name

"""Source titles (content/_sources.yaml): every cited source has one, and the file loads strictly."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import cli
from studykit.concepts import load_concepts
from studykit.concepts.presets import load_presets
from studykit.concepts.sources import SOURCES_FILE, cited_in, load_source_titles, shipped_source_titles
from studykit.errors import StudykitError
from studykit.questions.sequences import load_sequences
from studykit.resources import content_dir, quizzes_dir
from studykit.ui.concept_page import concept_page
from studykit.ui.console import make_console

VALID = Path(__file__).parent.parent / "data" / "concepts" / "valid"
SEED = "seed:000_f5aa79604e4dc717.txt"
URL = "https://docs.aws.amazon.com/bedrock/latest/userguide/custom-models.html"


def _cited_sources() -> dict[str, str]:
    """Every source cited in content/ and quizzes/, by field or in prose, with a file citing it."""
    cited: dict[str, str] = {}
    concepts = load_concepts()
    for concept in concepts:
        for source in concept.sources:
            cited.setdefault(source, concept.path)
    for preset in load_presets(content_dir(), concepts).values():
        for note in preset.notes:
            cited.setdefault(note.source, "content/_presets.yaml")
    for sequence in load_sequences(content_dir(), concepts):
        cited.setdefault(sequence.source, sequence.path)
    for path in sorted([*content_dir().glob("*.yaml"), *quizzes_dir().glob("*.yaml")]):
        if path.name != SOURCES_FILE:
            for match in cited_in(path.read_text(encoding="utf-8")):
                cited.setdefault(match.group(), str(path))
    return cited


def test_every_source_cited_in_content_and_quizzes_has_a_readable_title():
    titles = shipped_source_titles()
    cited = _cited_sources()
    assert len(cited) > 300
    missing = {source: path for source, path in cited.items() if source not in titles}
    assert not missing, f"add a line to content/{SOURCES_FILE} for each: {missing}"


def test_a_seed_note_is_titled_as_course_notes_and_a_page_by_its_own_title():
    titles = shipped_source_titles()
    assert titles.title_of(SEED).startswith("Course notes: ")
    assert titles.title_of(URL) == "Customize your model to improve its performance for your use case"
    assert titles.title_of("https://docs.aws.amazon.com/nothing-cites-this.html") is None


def test_no_shipped_concept_page_shows_an_internal_seed_file_name():
    concepts = load_concepts()
    for concept in concepts:
        text = _plain(concept_page(concept, concepts, plain=True))
        assert not re.search(r"seed(:| note )\d{3}_[0-9a-f]{16}", text), concept.id


def _plain(renderable) -> str:
    import io

    buffer = io.StringIO()
    make_console(buffer, terminal=False, width=100, environ={}).print(renderable)
    return buffer.getvalue()


BROKEN = {
    "not a mapping": ("- a\n- b\n", "the sources file must map each cited source to its title"),
    "not a source": (
        '"docs.aws.amazon.com/bedrock": "Bedrock"\n',
        "'docs.aws.amazon.com/bedrock' is neither a seed note nor an AWS documentation URL",
    ),
    "an empty title": (f'"{URL}": ""\n', "is empty"),
    "a title that is a list": (f'"{URL}": [a, b]\n', "must be text"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_sources_file_is_one_located_error(tmp_path, case):
    text, message = BROKEN[case]
    (tmp_path / SOURCES_FILE).write_text(f"# titles\n{text}", encoding="utf-8")
    with pytest.raises(StudykitError) as caught:
        load_source_titles(tmp_path)
    assert message in caught.value.message
    assert caught.value.path == str(tmp_path / SOURCES_FILE) and caught.value.line == 2


def test_a_content_folder_with_its_own_titles_shows_them_and_json_keeps_the_reference(tmp_path):
    for path in VALID.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / SOURCES_FILE).write_text(f'"{SEED}": "Our own course notes"\n', encoding="utf-8")
    runner = CliRunner()
    page = runner.invoke(cli, ["learn", "fine-tuning", "--content", str(tmp_path)])
    assert page.exit_code == 0 and "[1] Our own course notes" in page.stdout
    data = runner.invoke(cli, ["learn", "fine-tuning", "--json", "--content", str(tmp_path)]).stdout
    assert f'"source": "{SEED}"' in data and '"source_title": "Our own course notes"' in data


def test_a_broken_sources_file_stops_learn_with_one_line_and_exit_code_2(tmp_path):
    for path in VALID.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / SOURCES_FILE).write_text('"not-a-source": "Title"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["learn", "fine-tuning", "--content", str(tmp_path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{SOURCES_FILE}:1" in result.output

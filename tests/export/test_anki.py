from __future__ import annotations

import html
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from studykit.concepts.sources import shipped_source_titles
from studykit.export.anki import FIELDS, MODEL_NAME, banks_to_apkg, deck_name, stable_id
from studykit.questions.bank import load_shipped_banks

ROOT = Path(__file__).resolve().parent.parent.parent


def _open_collection(apkg: bytes, folder: Path) -> sqlite3.Connection:
    """The .apkg as Anki reads it: a zip whose collection.anki2 is an SQLite database."""
    with zipfile.ZipFile(io.BytesIO(apkg)) as archive:
        assert set(archive.namelist()) >= {"collection.anki2", "media"}
        database = folder / "collection.anki2"
        database.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(database)


def _notes(connection: sqlite3.Connection) -> dict[str, list[str]]:
    """Question id -> the note's fields (the Id field is the fifth)."""
    rows = connection.execute("select flds from notes").fetchall()
    return {fields.split("\x1f")[4]: fields.split("\x1f") for (fields,) in rows}


def test_every_shipped_question_is_a_note_with_a_card(tmp_path):
    banks = load_shipped_banks()
    connection = _open_collection(banks_to_apkg(banks, 1_700_000_000), tmp_path)
    ids = {question.id for bank in banks for question in bank.questions}
    assert set(_notes(connection)) == ids
    assert connection.execute("select count(*) from cards").fetchone()[0] == len(ids)
    decks = json.loads(connection.execute("select decks from col").fetchone()[0])
    names = {deck["name"] for deck in decks.values()}
    assert {deck_name(bank.title) for bank in banks} <= names


def test_two_exports_keep_note_guids_model_and_deck_ids(tricky, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _open_collection(banks_to_apkg([tricky], 1_700_000_000), tmp_path / "a")
    second = _open_collection(banks_to_apkg([tricky], 1_800_000_000), tmp_path / "b")
    query = "select guid, mid from notes order by guid"
    assert first.execute(query).fetchall() == second.execute(query).fetchall()
    assert len({guid for guid, _ in first.execute(query)}) == len(tricky.questions)
    models = [json.loads(c.execute("select models from col").fetchone()[0]) for c in (first, second)]
    assert models[0].keys() == models[1].keys()
    assert MODEL_NAME in {model["name"] for model in models[0].values()}
    deck_ids = [set(json.loads(c.execute("select decks from col").fetchone()[0])) for c in (first, second)]
    assert deck_ids[0] == deck_ids[1]


def test_card_text_is_html_escaped_so_it_shows_literally(tricky, tmp_path):
    notes = _notes(_open_collection(banks_to_apkg([tricky], 0), tmp_path))
    _question, choices, answer, explanation, _id, concepts = notes["tricky-single"]
    assert "&lt;b&gt;not bold&lt;/b&gt;" in choices
    assert "<b>not bold</b>" not in choices
    assert answer == "B"
    assert "First line.<br>  Indented" in explanation
    assert concepts == "continued-pre-training"


def test_matching_card_key_agrees_with_the_lettered_matches_on_the_card(tricky, tmp_path):
    _question, choices, answer, *_ = _notes(_open_collection(banks_to_apkg([tricky], 0), tmp_path))[
        "tricky-matching"
    ]
    lettered = {text: letter for letter, text in re.findall(r"<li><b>([a-z])\)</b> (.*?)</li>", choices)}
    matches = [pair.match for pair in tricky.questions[-1].pairs]
    expected = " ".join(f"{n}{lettered[html.escape(match)]}" for n, match in enumerate(matches, 1))
    assert answer == expected


def test_genanki_is_imported_only_when_an_anki_deck_is_built():
    code = (
        "import sys\n"
        "import studykit.cli.bank, studykit.export.anki\n"
        "from studykit.export import export_banks\n"
        "from studykit.questions.bank import load_shipped_banks\n"
        "export_banks(load_shipped_banks(), 'gift')\n"
        "assert 'genanki' not in sys.modules, 'imported too early'\n"
        "export_banks(load_shipped_banks()[:1], 'anki')\n"
        "assert 'genanki' in sys.modules\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("timestamp", [0, 1_700_000_000.5])
def test_the_package_is_a_valid_zip(tricky, timestamp):
    with zipfile.ZipFile(io.BytesIO(banks_to_apkg([tricky], timestamp))) as archive:
        assert archive.testzip() is None


def test_a_title_with_double_colons_does_not_become_nested_decks():
    assert deck_name("Week 1 :: basics") == "studykit::Week 1 : basics"


def test_each_card_sits_in_its_banks_deck(tmp_path):
    banks = load_shipped_banks()[:3]
    connection = _open_collection(banks_to_apkg(banks, 0), tmp_path)
    rows = connection.execute("select n.flds, c.did from notes n join cards c on c.nid = n.id").fetchall()
    deck_of = {fields.split("\x1f")[4]: did for fields, did in rows}
    for bank in banks:
        for question in bank.questions:
            assert deck_of[question.id] == stable_id("studykit", "deck", bank.name)


def test_every_note_uses_the_studykit_note_type_with_its_fields(tricky, tmp_path):
    connection = _open_collection(banks_to_apkg([tricky], 0), tmp_path)
    models = json.loads(connection.execute("select models from col").fetchone()[0])
    model_ids = {model_id for (model_id,) in connection.execute("select distinct mid from notes")}
    assert {str(model_id) for model_id in model_ids} <= set(models)
    (model,) = (models[str(model_id)] for model_id in model_ids)
    assert [field["name"] for field in model["flds"]] == list(FIELDS)
    assert int(model["id"]) == stable_id("studykit", "model", MODEL_NAME)


def test_a_source_cited_in_an_explanation_shows_its_title_linked_on_the_card(tmp_path):
    source = "https://docs.aws.amazon.com/bedrock/latest/userguide/reward-functions.html"
    title = shipped_source_titles().title_of(source)
    banks = load_shipped_banks()
    connection = _open_collection(banks_to_apkg(banks, 1_700_000_000), tmp_path)
    explanations = [fields[3] for fields in _notes(connection).values() if source in fields[3]]
    assert explanations and title
    for explanation in explanations:
        assert f"<a href='{source}'>{html.escape(title)}</a>" in explanation
        assert f"Source: {source}" not in explanation

"""Banks as an Anki deck package (``.apkg``): ``studykit bank export --to anki``.

One note per question, one deck per bank (``studykit::<bank title>``), built with genanki
(imported here only, when an Anki export is asked for). The note type, the decks and every note
get ids derived from stable names (the note's GUID from the question id), so importing a newer
export into Anki updates the existing cards, keeping their review history, instead of adding
duplicates. Content is HTML-escaped: it shows literally on the card.

Anki has no case studies: a case-study question's card shows the case's title, the question's
place in it and the scenario above its own question, and carries a ``case::<id>`` tag.
Sources cited in an explanation read as their titles (a page's title links to its address).
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
from collections.abc import Sequence
from pathlib import Path

from studykit.concepts.sources import SourceTitles, shipped_source_titles, show_by_title
from studykit.export.layout import Layout, layout
from studykit.questions.bank import Bank
from studykit.questions.model import Question

MODEL_NAME = "studykit question"
DECK_PREFIX = "studykit::"
FIELDS = ("Question", "Choices", "Answer", "Explanation", "Id", "Concepts")

_CSS = """\
.card { font-family: sans-serif; font-size: 18px; text-align: left; }
.how { color: #666; font-style: italic; }
.choices li { margin: 0.3em 0; }
.answer { font-weight: bold; }
"""
_FRONT = """\
<div>{{Question}}</div>
<div class="choices">{{Choices}}</div>
"""
_BACK = """\
{{FrontSide}}
<hr id="answer">
<div class="answer">{{Answer}}</div>
<div>{{Explanation}}</div>
"""


def stable_id(*names: str) -> int:
    """A positive 31-bit id from names: the same names give the same id in every export."""
    digest = hashlib.sha256("\x1f".join(names).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def deck_name(title: str) -> str:
    """``studykit::<title>``; '::' inside a title would make Anki nest decks, so it becomes ':'."""
    return DECK_PREFIX + " ".join(title.split()).replace("::", ":")


def _text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def titled(text: str, titles: SourceTitles) -> str:
    """``text`` as card HTML, its titled source references shown as titles (a page's linked)."""
    return show_by_title(
        text, titles, _text, lambda url, title: f"<a href='{html.escape(url)}'>{_text(title)}</a>"
    )


def _fields(shown: Layout, titles: SourceTitles) -> list[str]:
    question = shown.question
    items = "".join(f"<li><b>{label}.</b> {_text(text)}</li>" for label, text in shown.choices)
    choices = f"<ol style='list-style:none;padding-left:0'>{items}</ol>"
    if shown.matches:
        matched = "".join(f"<li><b>{label})</b> {_text(text)}</li>" for label, text in shown.matches)
        choices += f"<ul style='list-style:none;padding-left:0'>{matched}</ul>"
    reasons = "".join(f"<li><b>{_text(label)}</b>: {_text(why)}</li>" for label, why in shown.reasons())
    return [
        f"{_case(question)}{_text(question.stem)}<p class='how'>{_text(shown.instruction)}</p>",
        choices,
        _text(shown.answer),
        f"{titled(question.explanation, titles)}<ul>{reasons}</ul>",
        _text(question.id),
        _text(", ".join(question.concepts)),
    ]


def _case(question: Question) -> str:
    """The scenario block above a case-study question (nothing for other questions)."""
    case = question.case
    if case is None:
        return ""
    number = case.part_number(question.id)
    place = f" · question {number} of {len(case.questions)} of this case" if number else ""
    style = (
        "border-left:3px solid #999;padding-left:0.6em;margin-bottom:0.8em"  # the note type stays as it was
    )
    return (
        f"<div style='{style}'><b>Case study: {_text(case.title)}</b>{place}<br>{_text(case.scenario)}</div>"
    )


def banks_to_apkg(banks: Sequence[Bank], timestamp: float, titles: SourceTitles | None = None) -> bytes:
    """The ``.apkg`` file's bytes; ``timestamp`` (seconds) stamps the cards, so tests control it;
    ``titles`` (the shipped source titles by default) name cited sources."""
    import genanki

    titles = titles if titles is not None else shipped_source_titles()
    model = genanki.Model(
        stable_id("studykit", "model", MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Question", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
    )
    decks = []
    for bank in banks:
        deck = genanki.Deck(stable_id("studykit", "deck", bank.name), deck_name(bank.title))
        for question in bank.questions:
            tags = ["studykit", f"kind::{question.kind.value}", f"difficulty::{question.difficulty}"]
            tags += [f"concept::{concept}" for concept in question.concepts]
            tags += [f"case::{question.case.id}"] if question.case is not None else []
            deck.add_note(
                genanki.Note(
                    model=model,
                    fields=_fields(layout(question), titles),
                    guid=genanki.guid_for("studykit", question.id),
                    tags=tags,
                )
            )
        decks.append(deck)
    return _package(genanki.Package(decks), timestamp)


def _package(package: object, timestamp: float) -> bytes:
    """The zip Anki imports: ``collection.anki2`` (SQLite) and an empty ``media`` list.

    genanki's own ``write_to_file`` leaves its temporary database behind; this one cleans up.
    """
    import sqlite3
    import tempfile
    import zipfile

    with tempfile.TemporaryDirectory(prefix="studykit-anki-") as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            package.write_to_db(  # type: ignore[attr-defined]
                connection.cursor(), timestamp, itertools.count(int(timestamp * 1000))
            )
            connection.commit()
        finally:
            connection.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")
        return buffer.getvalue()

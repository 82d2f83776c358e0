from pathlib import Path

from studykit.datasets.formats import FORMATS
from studykit.datasets.formats_doc import REGENERATE, render_markdown
from studykit.datasets.limits import MODELS

DOC = Path(__file__).resolve().parents[2] / "docs" / "dataset-formats.md"


def test_the_checked_in_formats_page_is_what_the_specs_generate():
    assert DOC.read_text(encoding="utf-8") == render_markdown(), f"regenerate it: {REGENERATE}"


def test_the_formats_page_covers_every_format_and_model_with_dated_sources():
    page = render_markdown()
    for format_id, fmt in FORMATS.items():
        assert f"### `{format_id}`" in page and fmt.example in page
    for model_id, model in MODELS.items():
        assert f"| `{model_id}` |" in page
        for source in model.sources:
            assert f"<{source.url}> (as of {source.as_of})" in page

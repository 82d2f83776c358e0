import io
import json
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli
from studykit.concepts import load_concepts
from studykit.ui.concept_page import concept_page
from studykit.ui.console import make_console

DATA = Path(__file__).parent.parent / "data" / "concepts"
VALID = DATA / "valid"
MARKUP = DATA / "markup"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_learn_shows_summary_numbered_facts_sources_and_example_record():
    result = run("learn", "instruction-fine-tuning", "--content", str(VALID))
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Instruction-based fine-tuning\n=====")
    assert "Domain 3: Applications of Foundation Models" in out
    assert "Trains on labeled prompt/completion pairs" in out
    assert "1. Instruction-based fine-tuning uses labeled prompt-response pairs. [1]" in out
    # a source reads as its title (content/_sources.yaml), never as an internal file name
    assert "[1] Course notes: Fine-tuning and transfer learning on Amazon Bedrock" in out
    assert "seed:" not in out and "seed note" not in out
    assert '"prompt": "What is Amazon S3?",' in out
    assert "Training data" in out and "labeled" in out
    assert "- Teaching a support chatbot question-answer pairs" in out


def test_learn_points_to_related_concepts_by_the_id_to_type():
    out = run("learn", "instruction-fine-tuning", "--content", str(VALID)).stdout
    section = out[out.index("Read next: studykit learn ID") : out.index("Sources")]
    # continued-pre-training lists instruction-fine-tuning as related: the link works both ways
    assert [line.rstrip() for line in section.splitlines()[2:4]] == [
        "  Read first  fine-tuning",
        "  Related     continued-pre-training",
    ]


def test_a_list_attribute_is_one_bullet_per_item():
    out = run("learn", "fine-tuning", "--content", str(VALID)).stdout
    assert (
        "  Examples               - Chatbot persona\n                         - Customer service replies\n"
        in out
    )


def test_learn_marks_corrections_and_dates_prices():
    out = run("learn", "fine-tuning", "--content", str(VALID)).stdout
    assert "Changed since the seed notes" in out
    said = out.index("Seed notes said:  You must use Provisioned Throughput")
    now = out.index("Now:              Custom models of some base models can be deployed")
    assert said < now, "the old claim comes first, then the correction"
    assert "(as of 2026-11-01)" in out
    assert "https://aws.amazon.com/bedrock/pricing/" in out


def test_learn_json_has_every_field_as_plain_data():
    result = run("learn", "fine-tuning", "--json", "--content", str(VALID))
    data = json.loads(result.stdout)
    assert data["id"] == "fine-tuning"
    assert data["domain"] == 3 and data["task"] == "3.3"
    assert data["objectives"] == []
    assert data["facts"][1] == {
        "text": "Custom models of some base models can be deployed for on-demand inference.",
        "source": "https://docs.aws.amazon.com/bedrock/latest/userguide/deploy-custom-model-on-demand.html",
        "source_title": "Deploy a custom model for on-demand inference",
        "kind": "correction",
        "as_of": None,
        "seed_said": "You must use Provisioned Throughput to use a fine-tuned model.",
        "often_taught": None,
    }
    assert data["attributes"]["examples"] == ["Chatbot persona", "Customer service replies"]
    assert data["attributes"]["changes_weights"] is True
    assert data["sources"][0] == "seed:000_f5aa79604e4dc717.txt"  # the exact reference, for scripts
    assert data["source_titles"]["seed:000_f5aa79604e4dc717.txt"].startswith("Course notes: ")
    assert data["related"] == ["transfer-learning"]


def test_unknown_concept_suggests_the_closest_id_and_exits_2():
    result = run("learn", "instruction-finetuning", "--content", str(VALID))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: unknown concept 'instruction-finetuning' — did you mean 'instruction-fine-tuning'?\n"
    )


def test_an_alias_finds_its_concept():
    result = run("learn", "domain-adaptation", "--content", str(VALID))
    assert "did you mean 'continued-pre-training'?" in result.stderr


def test_content_folder_can_come_from_the_environment():
    result = CliRunner(env={"STUDYKIT_CONTENT": str(VALID)}).invoke(cli, ["learn", "transfer-learning"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Transfer learning\n")


def test_markup_and_escape_codes_in_content_are_printed_literally_when_piped():
    out = run("learn", "hostile-markup", "--content", str(MARKUP)).stdout
    assert "\x1b" not in out and "\x07" not in out
    assert out.startswith("[bold red]Shouting[/] title \\x1b[31mred\n")
    assert "Text with [bold]markup[/bold], [link=https://evil.example]a link[/link], :smile:" in out
    assert "[/] a stray closing tag and \\x1b]8;;https://evil.example\\x1b\\" in out
    assert "[italic]Not italic[/italic]" in out
    assert "- [green]Not green[/green]" in out
    assert "Bell \\x07 and [blink]blink[/blink]" in out
    assert '"completion": "\\u001b[31mred"' in out


def test_markup_in_content_is_not_interpreted_on_a_colour_terminal():
    concepts = load_concepts(MARKUP.resolve())
    out = io.StringIO()
    console = make_console(out, terminal=True, width=100, environ={})
    console.print(concept_page(concepts.get("hostile-markup"), concepts))
    printed = out.getvalue()
    assert "[bold red]Shouting[/] title \\x1b[31mred" in printed
    assert "\x1b[2J" not in printed and "\x1b]8;;https://evil" not in printed and "\x07" not in printed
    assert "[link=https://evil.example]a link[/link]" in printed
    assert "\x1b[5m" not in printed  # [blink] stayed text

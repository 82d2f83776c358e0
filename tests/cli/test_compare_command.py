import json
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli

VALID = Path(__file__).parent.parent / "data" / "concepts" / "valid"


def run(*args):
    return CliRunner().invoke(cli, [*args, "--content", str(VALID)], catch_exceptions=False)


def rows(out):
    return [line.rstrip() for line in out.splitlines()]


def test_two_concepts_side_by_side_attribute_by_attribute():
    result = run("compare", "instruction-fine-tuning", "continued-pre-training")
    assert result.exit_code == 0
    lines = rows(result.stdout)
    assert lines[0] == "Instruction-based fine-tuning vs Continued pre-training"
    # How wide each column is, and where a heading wraps, is rich's to decide; the rows, their order
    # and one column per concept are studykit's.
    training = next(line for line in lines if line.startswith("Training data "))
    cost = next(line for line in lines if line.startswith("Relative cost "))
    # values read as words from the vocabulary, not as their names ("labeled", "unlabeled")
    assert training.split()[:4] == ["Training", "data", "labeled", "examples"]
    assert training.rstrip().endswith("unlabeled data")
    assert cost.split() == ["Relative", "cost", "medium", "high"]
    assert training.index(" labeled") == cost.index(" medium")
    assert training.index(" unlabeled") == cost.index(" high")
    assert any(line.startswith("Data format") and '{"input": ...}' in line for line in lines)


def test_an_attribute_only_one_concept_has_shows_a_dash_for_the_other():
    lines = rows(run("compare", "fine-tuning", "instruction-fine-tuning").stdout)
    weights = next(line for line in lines if line.startswith("Changes model"))
    assert weights.split()[-2:] == ["yes", "-"]


def test_many_concepts_are_listed_attribute_by_attribute_to_stay_readable():
    ids = ["fine-tuning", "instruction-fine-tuning", "continued-pre-training", "transfer-learning"]
    out = run("compare", *ids).stdout
    section = out[out.index("Training data\n-------------") :]
    assert "  continued-pre-training   unlabeled" in section
    assert max(len(line) for line in out.splitlines()) <= 80


def test_preset_reproduces_its_table_then_shows_what_changed_old_claim_first():
    out = run("compare", "--preset", "methods").stdout
    assert out.startswith("Two ways to fine-tune\n")
    changed = out[out.index("Changed since the seed notes\n") : out.index("Notes\n-----")]
    assert rows(changed)[2:6] == [
        "  Seed notes said:  System and content are plain strings.",
        "  Now:              Messaging records now use the bedrock-conversation-2024",
        "                    schema.",
        "                    https://docs.aws.amazon.com/bedrock/latest/userguide/",
    ]
    notes = out[out.index("Notes\n-----") : out.index("Read more")]
    assert "* Training cost grows with tokens times epochs." in notes
    assert "Seed notes said" not in notes  # a remark that corrects nothing is not a change
    assert "Relative cost" not in out  # presets show only their own attributes
    assert rows(out)[-2:] == [
        "  studykit learn instruction-fine-tuning",
        "  studykit learn continued-pre-training",
    ]


def test_compare_json_gives_rows_of_values_keyed_by_concept():
    data = json.loads(run("compare", "--preset", "transfer", "--json").stdout)
    assert [concept["id"] for concept in data["concepts"]] == ["transfer-learning", "fine-tuning"]
    assert [row["attribute"] for row in data["rows"]] == ["definition", "scope", "examples", "data_usage"]
    assert data["rows"][2]["values"]["fine-tuning"] == ["Chatbot persona", "Customer service replies"]
    assert data["notes"] == []


def test_list_presets_names_each_with_its_title():
    assert rows(run("compare", "--list-presets").stdout) == [
        "methods                      Two ways to fine-tune",
        "transfer                     Transfer learning vs fine-tuning",
    ]


def test_unknown_preset_and_unknown_concept_suggest_and_exit_2():
    result = run("compare", "--preset", "method")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: unknown preset 'method' — did you mean 'methods'?\n",
    )
    result = run("compare", "fine-tuning", "transfer-learnin")
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown concept 'transfer-learnin' — did you mean 'transfer-learning'?\n"


def test_one_id_or_a_repeated_id_or_ids_with_a_preset_are_usage_errors():
    for args in (["fine-tuning"], ["fine-tuning", "fine-tuning"], ["--preset", "methods", "fine-tuning"]):
        result = run("compare", *args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1


def test_a_list_value_is_one_bullet_per_item_in_its_cell():
    lines = rows(run("compare", "--preset", "transfer").stdout)
    examples = lines.index(next(line for line in lines if line.startswith("Examples")))
    first, second = lines[examples : examples + 2]
    assert first.split() == ["Examples", "-", "Image", "classification", "-", "Chatbot", "persona"]
    assert second.split() == ["-", "BERT", "for", "language", "tasks", "-", "Customer", "service", "replies"]
    assert first.index("- Image") == second.index("- BERT")  # each concept keeps its column
    assert first.index("- Chatbot") == second.index("- Customer")


def test_values_from_a_fixed_list_read_as_words():
    shipped = CliRunner().invoke(cli, ["compare", "transfer-learning", "distillation"])
    line = next(line for line in rows(shipped.stdout) if line.startswith("Training data"))
    # the labels of content/_vocabulary.yaml
    assert line.split()[2:8] == ["labeled", "or", "unlabeled", "data", "prompts", "only;"]
    assert "labeled-or-unlabeled" not in shipped.stdout and "prompts-only" not in shipped.stdout


def test_no_word_is_split_across_lines_whatever_the_concepts_and_width():
    import itertools
    import re

    from studykit.concepts import load_concepts
    from studykit.concepts.comparison import compare_concepts
    from studykit.ui.comparison_table import comparison_view
    from studykit.ui.concept_page import format_value
    from studykit.ui.console import make_console

    concepts = load_concepts()
    ids = [concept.id for concept in concepts if concept.attributes]
    groups = [*itertools.combinations(ids[:8], 3), *itertools.combinations(ids[8:14], 2)]
    for group, width in itertools.product(groups, (60, 80, 100)):
        comparison = compare_concepts(concepts, group)
        console = make_console(terminal=False, width=width)
        with console.capture() as captured:
            console.print(comparison_view(comparison, plain=True))
        printed = captured.get()
        assert max(len(line.rstrip()) for line in printed.splitlines()) <= width
        words: set[str] = set()
        for concept in comparison.concepts:
            for attribute in comparison.attributes:
                value = comparison.value(concept, attribute)
                if value is not None:
                    texts = value if isinstance(value, tuple) else (format_value(value, attribute),)
                    words.update(word for text in texts for word in text.split() if len(word) < width - 20)
        flat = re.sub(r"[ \t]+", " ", printed)
        missing = sorted(word for word in words if word not in flat)
        assert not missing, (group, width, missing[:5])

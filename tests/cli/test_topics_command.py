import json
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import cli

VALID = Path(__file__).parent.parent / "data" / "concepts" / "valid"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_topics_groups_concepts_by_domain_with_first_sentence_of_summary():
    result = run("topics", "--content", str(VALID))
    assert result.exit_code == 0
    out = result.stdout
    domain_1 = out.index("Domain 1: Fundamentals of AI and ML")
    domain_3 = out.index("Domain 3: Applications of Foundation Models")
    assert domain_1 < out.index("transfer-learning") < domain_3 < out.index("instruction-fine-tuning")
    assert "\n  fine-tuning\n      Fine-tuning trains a private copy of a foundation model" in out
    assert (
        "  instruction-fine-tuning\n      Trains on labeled prompt/completion pairs to shape tone and" in out
    )
    assert "Its weights change" not in out  # the first sentence only, on one line
    # a first sentence too long for one line is cut between words, not inside one
    assert "      Fine-tuning trains a private copy of a foundation model on your own…\n" in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "studykit learn ID" in out


def test_topics_json_lists_domains_with_their_concepts():
    data = json.loads(run("topics", "--json", "--content", str(VALID)).stdout)
    assert data["count"] == 4
    assert [group["domain"] for group in data["domains"]] == [1, 3]
    ids = [concept["id"] for concept in data["domains"][1]["concepts"]]
    assert sorted(ids) == ["continued-pre-training", "fine-tuning", "instruction-fine-tuning"]
    assert set(data["domains"][0]["concepts"][0]) == {"id", "title", "category", "summary"}


def test_a_missing_content_folder_is_a_one_line_error():
    result = run("topics", "--content", str(VALID / "nowhere"))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "content folder not found" in result.stderr

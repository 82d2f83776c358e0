from __future__ import annotations

from studykit.concepts.sources import shipped_source_titles
from studykit.export.layout import layout
from studykit.export.markdown import banks_to_markdown, escape, titled
from studykit.questions.bank import load_shipped_banks


def test_markup_characters_print_literally():
    assert escape("a*b_c [x](y) <b> `c` | & ~") == "a\\*b\\_c \\[x\\](y) \\<b\\> \\`c\\` \\| \\& \\~"


def test_line_starts_that_would_become_headings_lists_or_rules_are_escaped():
    assert escape("# not a heading\n- not a list\n12. not numbered\n---") == (
        "\\# not a heading  \n\\- not a list  \n12\\. not numbered  \n\\---"
    )


def test_ordinary_punctuation_is_left_readable():
    assert escape("Costs 3.5 USD (as of 2025), per 1,000 tokens!") == (
        "Costs 3.5 USD (as of 2025), per 1,000 tokens!"
    )


def test_every_shipped_question_is_numbered_and_has_a_key_entry():
    banks = load_shipped_banks()
    text = banks_to_markdown(banks)
    questions, key = text.split("\n# Answer key\n")
    total = sum(len(bank.questions) for bank in banks)
    for number in range(1, total + 1):
        assert f"\n**{number}.** " in questions
        assert f"\n**{number}.** " in "\n" + key
    assert f"\n**{total + 1}.** " not in text
    for bank in banks:
        assert f"# {escape(bank.title)}\n" in questions
        for question in bank.questions:
            assert escape(question.stem) in questions
            assert titled(question.explanation, shipped_source_titles()) in key


def test_the_key_gives_the_answer_as_typed_in_a_quiz_and_every_why(tricky):
    text = banks_to_markdown([tricky])
    key = text.split("# Answer key")[1]
    assert "**1.** B — First line." in key
    assert "**2.** A, B, C — " in key
    assert "**3.** B — " in key
    matching = layout(tricky.questions[4])
    assert f"**5.** {escape(matching.answer)} — " in key
    for question in tricky.questions:
        for part in (*question.options, *question.steps, *question.pairs):
            assert escape(part.why) in key


def test_matching_lists_prompts_by_number_and_matches_by_letter(tricky):
    text = banks_to_markdown([tricky])
    assert "- **1.** Continued pre\\-training \\-\\> domain" not in text
    assert "- **1.** Continued pre-training -\\> domain" in text
    assert "- **a)** " in text


REWARDS = "https://docs.aws.amazon.com/bedrock/latest/userguide/reward-functions.html"


def test_a_source_cited_in_an_explanation_reads_as_its_title_linked_to_its_address():
    title = shipped_source_titles().title_of(REWARDS)
    assert title
    key = banks_to_markdown(load_shipped_banks()).split("\n# Answer key\n")[1]
    assert f"Source: [{escape(title)}](<{REWARDS}>)" in key
    assert f"Source: {escape(REWARDS)}" not in key

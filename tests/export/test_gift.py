from __future__ import annotations

import re

from studykit.export.gift import banks_to_gift, category_levels, category_path, escape, weight


def _question_block(gift: str, question_id: str) -> str:
    return next(block for block in gift.split("\n\n") if f"::{question_id}::" in block)


def test_every_gift_special_character_is_escaped_with_a_backslash():
    assert escape("a ~ b = c # d { e } f : g \\ h") == "a \\~ b \\= c \\# d \\{ e \\} f \\: g \\\\ h"


def test_newlines_are_written_as_backslash_n_so_a_question_never_holds_a_blank_line():
    assert escape("one\n\n  two") == "one\\n\\n  two"


def test_text_that_looks_like_a_format_marker_is_guarded_by_plain():
    assert escape("[html] <b>x</b>") == "[plain][html] <b>x</b>"
    assert escape("[html] <b>x</b>", guard=False) == "[html] <b>x</b>"


def test_single_choice_marks_the_right_option_and_keeps_each_why_as_feedback(tricky):
    block = _question_block(banks_to_gift([tricky]), "tricky-single")
    lines = block.splitlines()
    assert lines[1].startswith("::tricky-single::[plain]Which setting is right for a \\= b \\~ c")
    assert lines[2] == "\t~%0%%50% of the data#Half is not enough\\: the rule needs \\{all\\} of it."
    assert lines[3].startswith("\t=[plain][html] <b>not bold</b>#It is shown literally")
    assert lines[-2] == "\t####First line.\\n  Indented second line with `code` and \\# hash."
    assert lines[-1] == "}"


def test_multiple_response_weights_right_options_to_100_and_wrong_ones_to_minus_100(tricky):
    block = _question_block(banks_to_gift([tricky]), "tricky-multiple")
    weights = [float(found) for found in re.findall(r"^\t~%(-?[0-9.]+)%", block, flags=re.MULTILINE)]
    assert weights == [33.33333, 33.33333, 33.33333, -100, -100]
    assert abs(sum(w for w in weights if w > 0) - 100) < 0.001
    assert "\t=" not in block  # no '=' answer: Moodle then allows several answers


def test_weights_are_grades_moodle_accepts():
    moodle_grades = {50.0, 33.33333, 25.0, 20.0, 16.66667, 14.28571}
    assert {float(weight(count)) for count in range(2, 8)} == moodle_grades


def test_true_false_puts_the_wrong_answer_feedback_first(tricky):
    block = _question_block(banks_to_gift([tricky]), "tricky-true-false")
    assert "TRUE\\#FALSE{FALSE#Wrong\\: a prompt is input" in block
    assert block.index("#Wrong") < block.index("#Right")


def test_ordering_becomes_matching_of_positions_to_steps(tricky):
    block = _question_block(banks_to_gift([tricky]), "tricky-ordering")
    assert "\t=Step 1 -> Step 2 -> prepare the data \\{in S3\\}" in block
    assert "\t=Step 3 -> \\=Evaluate\\= the custom model" in block


def test_matching_prompt_holding_an_arrow_is_written_as_html_so_moodle_splits_it_right(tricky):
    block = _question_block(banks_to_gift([tricky]), "tricky-matching")
    first = block.splitlines()[2]
    assert first == "\t=[html]Continued pre-training -&gt; domain -> Unlabeled text -> raw"
    assert first.index("->") > first.index("-&gt;")
    assert "It learns from raw domain text without labels." in block.split("####")[1]


def test_each_bank_gets_its_own_category_named_by_its_title(tricky):
    gift = banks_to_gift([tricky])
    assert "\n$CATEGORY: $course$/top/studykit/Tricky text: {braces} // slashes\n" in gift
    assert category_levels(category_path(tricky.title))[-1] == tricky.title


def test_blank_lines_separate_questions_and_nothing_else(tricky):
    blocks = banks_to_gift([tricky]).strip("\n").split("\n\n")
    assert len(blocks) == 1 + len(tricky.questions)
    assert all(block.rstrip().endswith("}") for block in blocks[1:])

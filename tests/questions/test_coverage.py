from __future__ import annotations

from pathlib import Path

from studykit.questions.bank import load_banks
from studykit.questions.coverage import bank_coverage, coverage_lines
from studykit.questions.model import Kind

DATA = Path(__file__).resolve().parent.parent / "data" / "questions"


def _coverage(concepts, threshold=2):
    banks = load_banks([DATA / "good"], concepts)
    return bank_coverage([q for bank in banks for q in bank.questions], concepts, threshold)


def test_counts_every_question_that_lists_a_concept_by_kind(concepts):
    coverage = _coverage(concepts)
    rows = {row.concept: row for row in coverage.concepts}
    assert set(rows) == set(concepts.ids)
    banks = load_banks([DATA / "good"], concepts)
    questions = [q for bank in banks for q in bank.questions]
    for concept_id, row in rows.items():
        listing = [q for q in questions if concept_id in q.concepts]
        assert row.total == len(listing)
        assert dict(row.by_kind) == {kind.value: sum(q.kind is kind for q in listing) for kind in Kind} | {
            "case_study": 0
        }
        assert row.low == (row.total < 2)


def test_domains_compare_their_share_with_the_exam_weight(concepts):
    coverage = _coverage(concepts)
    assert sum(domain.questions for domain in coverage.domains) == coverage.questions
    by_number = {domain.domain: domain for domain in coverage.domains}
    assert by_number[3].share > 28 and not by_number[3].under
    assert by_number[4].questions == 0 and by_number[4].under


def test_a_domain_is_flagged_only_when_it_cannot_fill_its_part_of_one_exam(concepts):
    coverage = _coverage(concepts)
    assert [domain.per_exam for domain in coverage.domains] == [13, 16, 18, 9, 9]
    for domain in coverage.domains:
        assert domain.forms == domain.questions // domain.per_exam
        assert domain.short == (domain.questions < domain.per_exam)
    assert coverage.forms == min(domain.forms for domain in coverage.domains)
    lines = coverage_lines(coverage)
    rows = [line for line in lines if line[2:4] in {f"{n} " for n in range(1, 6)}]
    assert [row.startswith("!") for row in rows] == [domain.short for domain in coverage.domains]
    assert "domain(s) cannot fill one)." in lines[-3]


def test_report_flags_gaps_and_fits_80_columns(concepts):
    lines = coverage_lines(_coverage(concepts, threshold=50))
    assert max(len(line) for line in lines) <= 80
    assert all(line.startswith("! ") for line in lines[2 : 2 + len(concepts)])
    assert lines[-1].startswith(f"{len(concepts)} concept(s) below 50 questions")

"""The time line question: every item names what happened, and one order is right."""

import pytest

from quizzes.generation import generate

ARTICLE = (
    "Harbour pilots end strike at Carden\n\n"
    "Pilots at the port of Carden went on strike in March 2021 over pay.\n\n"
    "Marta Kole, who took charge of the pilots' union in May 2019, led the talks for them.\n\n"
    "Ships were held at anchor outside the port from June 2022 to August 2022.\n\n"
    "The port reported a loss in 2020, and has cut 300 jobs since January 2023.\n\n"
    "A report by the county council found in 2021 that trade through Carden had fallen.\n\n"
    "Global average freight rates in 2018 were the lowest in a decade."
)


@pytest.fixture(scope="module")
def items(nlp):
    questions = generate(ARTICLE, nlp=nlp).questions
    ordering = [q for q in questions if q.type == "ordering"]
    assert ordering
    return ordering[0].answer


def test_the_two_ends_of_one_span_are_not_items(items):
    assert not [item for item in items if item.startswith("Ships were held")]


def test_an_item_from_a_relative_clause_names_who_did_it(items):
    assert not [item for item in items if item.lower().startswith(("who ", "which "))]
    assert "Marta Kole took charge of the pilots' union" in items


def test_a_clause_joined_by_and_borrows_the_subject_of_the_first(items):
    assert "The port has cut 300 jobs" in items


def test_items_whose_dates_overlap_are_not_both_asked(items):
    in_2021 = [item for item in items if item.startswith(("Pilots", "A report"))]
    assert len(in_2021) <= 1


def test_a_dated_measurement_is_not_an_event(items):
    assert not [item for item in items if "freight rates" in item]

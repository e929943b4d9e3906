"""A typed figure is marked right as far as the article's hedge allows, and no further."""

import pytest

from quizzes.generation import generate
from quizzes.generation.questions.distractors import tolerance_for

ARTICLE = (
    "Old bridge restored\n\n"
    "The bridge, built around 1500, carried more than 17 tonnes of stone a day.\n\n"
    "Engineers counted 70 cracks and replaced at least 13 arches.\n\n"
    "About 300 volunteers helped, and the town capped the toll at 9,000 crowns."
)


@pytest.fixture(scope="module")
def numeric(nlp):
    article = generate(ARTICLE, nlp=nlp)
    return {q.answer: q for q in article.questions if q.type == "numeric"}


def test_an_exact_count_accepts_only_itself():
    assert tolerance_for(70, "") == 0


@pytest.mark.parametrize("hedge", ["more than", "at least", "over", "fewer than", "up to"])
def test_a_one_sided_bound_accepts_only_the_figure_as_written(hedge):
    assert tolerance_for(17, hedge) == 0


def test_an_approximate_figure_accepts_a_little_either_side():
    assert 0 < tolerance_for(300, "about") <= 10


def test_an_approximate_year_like_figure_is_not_given_decades(numeric):
    assert numeric[1500].tolerance <= 30


def test_a_bound_in_an_article_takes_no_tolerance(numeric):
    assert numeric[17].tolerance == 0
    assert numeric[13].tolerance == 0


def test_a_four_digit_figure_written_without_a_comma_is_not_given_one(numeric):
    assert numeric[1500].accepted == ["1500"]


def test_an_average_is_given_exactly(nlp):
    text = "Vaccine results\n\nThe vaccine works in an average 70 percent of cases, the study said."
    numeric = [q for q in generate(text, nlp=nlp).questions if q.type == "numeric"]
    assert [q.tolerance for q in numeric] == [0.0]

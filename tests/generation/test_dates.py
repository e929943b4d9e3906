import datetime as dt

import pytest

from quizzes.generation import generate
from quizzes.generation.dates import find_dates, resolve_dates


def resolved(*sentences_with_future, published=None):
    mentions = [
        (mention, future)
        for sentence, future in sentences_with_future
        for mention in find_dates(sentence)
    ]
    return [date.value for date in resolve_dates(mentions, published)]


def test_it_reads_month_and_year_as_a_period():
    (mention,) = find_dates("They met in June 2018 in a summit.")
    assert (mention.text, mention.precision, mention.month, mention.year) == (
        "June 2018",
        "month",
        6,
        2018,
    )


def test_it_reads_a_year_that_ends_a_clause_but_not_a_figures_thousands():
    found = find_dates("Germany will shut its reactors by 2022, the coalition said on Monday.")
    assert [(m.text, m.year) for m in found if m.precision == "year"] == [("2022", 2022)]
    assert not [m for m in find_dates("Shares of 12 firms fell by 2,022 points.") if m.year]


def test_it_reads_a_season_with_its_year():
    assert resolved(("Preparations began in the fall of 2018.", False)) == [
        {"start": "2018-09-01", "end": "2018-11-30", "label": "the fall of 2018"}
    ]


def test_it_reads_part_of_a_decade():
    assert resolved(("the Korean War in the early 1950s", False)) == [
        {"start": "1950-01-01", "end": "1953-12-31", "label": "the early 1950s"}
    ]


def test_it_reads_half_of_a_decade():
    (value,) = resolved(("From the first half of the 2000s, policy changed.", False))
    assert (value["start"], value["end"]) == ("2000-01-01", "2004-12-31")


def test_it_writes_full_dates_in_iso():
    assert resolved(("on January 1, 2019, he will act", True)) == ["2019-01-01"]


def test_it_puts_a_yearless_date_after_the_latest_dated_reference():
    values = resolved(
        ("the April 25 summit underlined interest", False),
        ("Preparations began in the fall of 2018.", False),
    )
    assert values[0] == "2019-04-25"


def test_it_puts_a_yearless_deadline_after_the_articles_now():
    values = resolved(
        ("the April 25 summit underlined interest", False),
        ("all workers must leave by December 22", True),
        ("Preparations began in the fall of 2018.", False),
    )
    assert values[1] == "2019-12-22"


def test_it_puts_a_past_yearless_month_after_the_latest_dated_reference():
    values = resolved(("after Kim's February talks failed", False), ("in the fall of 2018", False))
    assert values[0]["start"] == "2019-02-01"


def test_it_lets_the_publication_date_override_the_inference():
    values = resolved(("the April 25 summit", False), published=dt.date(2021, 5, 1))
    assert values == ["2021-04-25"]


def test_it_leaves_a_yearless_date_open_when_nothing_dates_the_article():
    assert resolved(("on December 1 they held a dinner", False)) == ["--12-01"]


def test_it_does_not_read_the_name_may_as_a_month():
    assert find_dates("Prime Minister Theresa May said so.") == []


def test_it_does_not_pin_a_year_less_date_to_the_year_of_a_back_story(nlp):
    article = generate(
        "Quake hits the province\n\n"
        "A powerful earthquake struck the province of Qarabel on Tuesday, killing 73 people.\n\n"
        "The last major quake there, in the winter of 1997, killed more than 1,200 people.\n\n"
        "Schools in the province will stay closed until January 20, officials said.",
        nlp=nlp,
    )
    (fact,) = [f for f in article.facts if f.text == "January 20"]
    assert fact.value == "--01-20"


def test_a_time_stamp_above_the_story_gives_year_less_dates_their_year(nlp):
    article = generate(
        "Folding phone unveiled\n\nPublished 9 October 2024\n\n"
        "The phone was first shown to reporters in March 2022 in Helsinki.\n\n"
        "It will go on sale in Europe on November 15, the company said.",
        nlp=nlp,
    )
    assert [fact.value for fact in article.facts if fact.text == "November 15"] == ["2024-11-15"]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("The probe rode a Long March II F rocket into orbit.", []),
        ("In March the bank raised its rate.", ["March"]),
        ("Prices rose. Last March they fell.", ["March"]),
    ],
)
def test_a_month_name_inside_a_name_is_not_a_date(text, months):
    assert [m.text for m in find_dates(text) if m.precision == "month"] == months

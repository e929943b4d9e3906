import pytest

from quizzes.generation.numbers import find_quantities, parse_quantity


def test_it_keeps_the_hedge_of_a_percentage():
    quantity = parse_quantity('said that "almost 95% of foreign trade is now sanctioned"')
    assert (quantity.value, quantity.unit, quantity.hedge) == (95, "%", "almost")


@pytest.mark.parametrize(
    ("text", "value", "hedge"),
    [
        ("more than 500 workers", 500, "more than"),
        ("nearly 4,000 people", 4000, "nearly"),
        ("about $250 billion", 250e9, "about"),
    ],
)
def test_it_reads_hedged_amounts(text, value, hedge):
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.hedge) == (value, hedge)


def test_it_reads_money_with_a_scale_word():
    quantity = parse_quantity("taxes on $200 billion in products")
    assert (quantity.kind, quantity.value, quantity.unit) == ("money", 200e9, "USD")


def test_it_reads_a_scale_word_glued_to_the_figure():
    assert parse_quantity("tariffs on $200billion pending talks").value == 200e9


def test_it_reads_a_fraction_of_a_percentage_point():
    quantity = parse_quantity("rates rose by a quarter of a percentage point")
    assert (quantity.value, quantity.unit) == (0.25, "percentage point")


def test_it_marks_several_thousand_as_vague():
    quantity = parse_quantity("the departure of several thousand migrants")
    assert (quantity.value, quantity.hedge, quantity.vague) == (1000, "several", True)


def test_it_ignores_years_and_numbers_inside_names():
    assert find_quantities("In 2019 the G20 met about Covid-19 and the F-35.") == []


def test_it_gives_a_range_the_unit_written_after_it():
    first, second = find_quantities("tariffs rise from 10 to 25 per cent")
    assert (first.unit, second.unit) == ("%", "%")


def test_it_reads_counts_written_in_words_with_a_time_unit():
    quantity = parse_quantity("they spoke for around two and a half hours")
    assert (quantity.value, quantity.unit, quantity.hedge) == (2.5, "hour", "around")


def test_it_records_where_the_figure_is():
    text = "almost 95% of trade"
    quantity = parse_quantity(text)
    assert text[quantity.number_start : quantity.number_end] == "95"


def test_it_ignores_digit_runs_longer_than_any_amount():
    assert find_quantities("the code " + "1" * 400 + " was printed") == []

"""Ordinals that say where something stands are asked; idioms, fractions and units are not."""

import pytest

from quizzes.generation import generate
from quizzes.generation.ordinals import find_ordinals, written


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The rover is only the fifth to put its wheels on Mars.", [("fifth", 5)]),
        ("It was the country\u2019s second mission to the moon.", [("second", 2)]),
        ("The pass rate rose for the 29th year running.", [("29th", 29)]),
        ("For the first time, the rover drove itself.", []),
        ("A third of voters stayed at home.", []),
        ("Profit fell in the second quarter.", []),
        ("The record was a tenth of a second below the mark.", []),
        ("The talks were saved at the eleventh hour.", []),
    ],
)
def test_it_finds_where_something_stands(text, found):
    assert [(o.text, o.value) for o in find_ordinals(text)] == found


def test_a_wrong_place_is_written_as_the_answer_is():
    assert [written(v, in_words=False) for v in (2, 3, 11, 21, 22, 112)] == [
        "2nd", "3rd", "11th", "21st", "22nd", "112th",
    ]  # fmt: skip
    assert written(4, in_words=True) == "fourth"
    assert written(40, in_words=True) is None


def test_it_asks_the_place_typed_and_among_its_neighbours(nlp):
    text = (
        "Rover lands\n\nThe Tenacity rover landed in Jezero Crater on Thursday, the fifth "
        "rover to put its wheels on Mars, NASA said.\n"
    )
    asked = {q.type: q for q in generate(text, nlp=nlp).questions if "the _____ rover" in q.prompt}
    assert asked["cloze"].answer == "fifth"
    assert set(asked["cloze"].accepted) == {"fifth", "5th", "5"}
    assert sorted(asked["multiple_choice"].choices) == ["fifth", "fourth", "seventh", "sixth"]


def test_a_place_the_sentence_counts_out_is_not_asked(nlp):
    text = (
        "Moon mission\n\nIf the mission succeeds, India will become the fourth country to land "
        "on the moon after the United States, Russia and China, the agency said.\n"
    )
    article = generate(text, nlp=nlp)
    ordinal = {fact.id for fact in article.facts if fact.kind == "ordinal"}
    assert ordinal
    assert not [q for q in article.questions if q.fact in ordinal]

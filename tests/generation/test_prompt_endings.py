"""A prompt ends with one mark: no full stop doubled after an abbreviation, none left inside a
quotation that a question mark closes, none after a colon that introduced a list."""

import pytest

from quizzes.generation import generate
from quizzes.generation.questions.wording import as_question, tidy

ARTICLE = (
    "Music player unveiled\n\n"
    "Apple unveiled a portable music player on Tuesday at its offices in Cupertino.\n\n"
    "\u201cThis raises the bar for portable music devices in design and capacity,\u201d said "
    "Susan Kevorkian, an analyst with International Data Corp.\n\n"
    "\u201cThe price will put the player out of reach for most students,\u201d said Mark Hill, "
    "a professor at Boston College.\n\n"
    # Too long to ask whole: the question quotes its first sentence, stop and all.
    "\u201cStudents will wait for a cheaper model next year. They always do when a new device "
    "costs this much, and the shops know it well enough to cut their prices by the spring,\u201d "
    "said Anna Berg, a retail consultant in Chicago."
)


@pytest.fixture(scope="module")
def prompts(nlp):
    return [q.prompt for q in generate(ARTICLE, nlp=nlp).questions]


def test_a_role_that_ends_in_an_abbreviation_takes_no_second_full_stop(prompts):
    assert "Name the person the article describes as an analyst with International Data Corp." in (
        prompts
    )
    assert not [p for p in prompts if ".." in p]


def test_a_quote_asked_about_drops_its_full_stop_for_the_question_mark(prompts):
    assert "Who said: \u201cStudents will wait for a cheaper model next year\u201d?" in prompts


@pytest.mark.parametrize(
    ("statement", "question"),
    [
        (
            'Who took home the award for "Need You Now."',
            'Who took home the award for "Need You Now"?',
        ),
        ("Who flew to the U.S.", "Who flew to the U.S.?"),
        ('Who asked "why now?"', 'Who asked "why now?"'),
        ("Who won the final.", "Who won the final?"),
    ],
)
def test_a_question_mark_replaces_a_final_full_stop_but_not_an_abbreviations(statement, question):
    assert as_question(statement) == question


def test_a_sentence_that_ends_on_a_colon_ends_on_a_full_stop():
    assert tidy("The film entered the record books on Monday night:") == (
        "The film entered the record books on Monday night."
    )


def test_a_name_that_ends_in_a_stop_swapped_in_at_the_end_leaves_one_stop():
    assert tidy("Endorsements came from artists such as Apple Computer Inc..") == (
        "Endorsements came from artists such as Apple Computer Inc."
    )

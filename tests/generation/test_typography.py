"""Slips in the source's typing are fixed before any question copies them."""

import pytest

from quizzes.generation.cleaning import clean

BODY = "The minister said the new railway line would open to passengers next spring."


def cleaned_sentence(sentence: str) -> str:
    return clean(f"{BODY}\n\n{sentence}").text.split("\n\n")[1]


# Written as escapes: the marks look alike on screen.
ACUTE, PRIME, APOSTROPHE = "\u00b4", "\u2032", "\u2019"


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        (f"Britain{ACUTE}s Dan Evans won the final in straight sets.", "Britain{}s Dan"),
        (f"He won titles at Pune and {ACUTE}s-Hertogenbosch in June.", "and {}s-Hertogenbosch"),
        (f"She voiced Mrs. Potts in 1991{PRIME}s Beauty and the Beast.", "in 1991{}s Beauty"),
        ("We didn`t think the rail link would open this year.", "We didn{}t think"),
    ],
)
def test_it_writes_an_apostrophe_for_an_accent_or_prime_typed_in_its_place(typed, fixed):
    assert fixed.format(APOSTROPHE) in cleaned_sentence(typed)


def test_it_keeps_a_prime_that_marks_minutes_or_feet():
    sentence = f"The ship sank at 33°30{PRIME}S, and the diver, who is 5{PRIME} 11 tall, found it."
    assert cleaned_sentence(sentence) == sentence


def test_it_keeps_the_length_of_the_text_when_it_fixes_an_apostrophe():
    sentence = f"Britain{ACUTE}s Dan Evans won the final in straight sets on Sunday."
    assert len(cleaned_sentence(sentence)) == len(sentence)


def test_it_puts_back_the_space_after_a_comma_between_words():
    sentence = "China sent its first astronaut into space by a manned spacecraft,the Shenzhou-5."
    assert "spacecraft, the Shenzhou-5" in cleaned_sentence(sentence)


def test_it_puts_back_the_space_after_a_full_stop_between_sentences():
    sentence = "Sales rose by a third in the fiscal year.The company hired 200 new staff in May."
    assert "fiscal year. The company" in cleaned_sentence(sentence)


def test_it_leaves_numbers_and_web_addresses_alone():
    sentence = "The firm sold 1,000 copies on Amazon.com for 2.5 dollars each in the U.S. market."
    assert cleaned_sentence(sentence) == sentence


def test_it_drops_a_full_stop_typed_twice():
    sentence = "Susan Kevorkian is an analyst with International Data Corp.. She liked the player."
    assert "Data Corp. She" in cleaned_sentence(sentence)


def test_it_keeps_an_ellipsis():
    sentence = "The crime is instead... one that takes a staggering human toll, the judge said."
    assert cleaned_sentence(sentence) == sentence


def test_it_drops_brackets_left_empty_by_a_removed_link():
    sentence = "The data is released on GenBank (, maintained by the national library () daily."
    assert cleaned_sentence(sentence) == (
        "The data is released on GenBank, maintained by the national library daily."
    )


def test_it_writes_a_lead_typed_in_capitals_as_the_article_writes_those_words():
    lead = "THE RESERVE BANK OF INDIA on Wednesday raised its key rate by 35 basis points."
    later = "The repo rate is the rate at which the Reserve Bank of India lends to banks."
    cleaned = clean(f"{lead}\n\n{later}")
    assert cleaned.text.startswith("The Reserve Bank of India on Wednesday raised")


def test_it_keeps_initials_in_a_lead_typed_in_capitals():
    lead = "NASA AND THE RBI SIGNED a deal on Monday to share data from their satellites."
    later = "The RBI will pay for the ground station, and NASA will build it by next year."
    cleaned = clean(f"{lead}\n\n{later}")
    assert cleaned.text.startswith("NASA and the RBI Signed a deal")


def test_it_writes_an_unseen_word_of_a_capital_lead_in_title_case_and_initials_as_typed():
    lead = "NEW YORK CITY AND US officials said on Monday that the bridge would reopen in May."
    assert clean(lead).text.startswith("New York City and US officials said")


def test_it_keeps_the_length_of_a_lead_typed_in_capitals():
    lead = "THE WORLD'S BIGGEST CARMAKER said on Monday that its profit rose by a tenth."
    assert len(clean(lead).text) == len(lead)


def test_it_leaves_a_paragraph_that_opens_with_two_initials_alone():
    lead = "US and EU officials said on Monday that the bridge would reopen in May this year."
    assert clean(lead).text == lead

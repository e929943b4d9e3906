"""Prompts that would need the sentence before them are left out; wh-questions ask about one
clause; sentence splits that the tagger misses are repaired."""

import pytest

from quizzes.generation import generate
from quizzes.generation.cleaning import clean
from quizzes.generation.parsing import parse

ARTICLE = (
    "Libraries saved by court ruling\n\n"
    "More than 180 public libraries in the United Kingdom closed between 2016 and 2023.\n\n"
    "Roughly 70% of those were in rural areas, according to the Library Council.\n\n"
    "The last major closure there, in the winter of 2019, cost 45 jobs in Marston.\n\n"
    "There were 12 libraries in Marston County when the campaign began in March 2021.\n\n"
    "The European Union pledged €5 million for rural libraries, and several charities sent "
    "volunteers to run them.\n\n"
    "Council leader Graham Shaw spoke to campaigners at 9 a.m. He said the council would study "
    "the ruling for 14 days."
)


def prompts_of(text: str, nlp) -> list[str]:
    return [q.prompt for q in generate(text, nlp=nlp).questions]


@pytest.fixture(scope="module")
def prompts(nlp):
    return prompts_of(ARTICLE, nlp)


def test_a_sentence_about_some_of_those_is_left_out(prompts):
    assert prompts
    assert not [p for p in prompts if "of those" in p]


def test_a_sentence_about_a_place_called_there_is_left_out(prompts):
    assert not [p for p in prompts if "closure there" in p]


def test_a_sentence_that_opens_with_there_were_is_kept(prompts):
    assert [p for p in prompts if "There were" in p or "libraries in Marston County" in p]


def test_a_wh_question_stops_before_a_clause_with_its_own_subject(prompts):
    asked = [p for p in prompts if p.startswith("Which organisation pledged")]
    assert asked == ["Which organisation pledged €5 million for rural libraries?"]


def test_it_splits_a_sentence_after_a_time_when_a_pronoun_follows(nlp):
    parsed = parse(
        clean("Shaw spoke to campaigners at 9 a.m. He said the council would wait."), nlp
    )
    assert [s.text for s in parsed.sentences] == [
        "Shaw spoke to campaigners at 9 a.m.",
        "He said the council would wait.",
    ]


def test_it_joins_a_piece_that_starts_in_lower_case_to_the_sentence_before(nlp):
    parsed = parse(clean('"We will appeal this ruling!" he said after the hearing on Monday.'), nlp)
    texts = [s.text for s in parsed.sentences]
    assert not [text for text in texts if text[:1].islower()]


COMPANY_STORY = (
    "Halvorsen Motors lifts profit forecast\n\n"
    "Halvorsen Motors said on Tuesday its quarterly profit rose 12 per cent to 4.1 billion "
    "crowns as sales of its electric vans climbed in Europe.\n\n"
    "Halvorsen Motors sold 81,000 vans in the quarter, up from 64,000 a year earlier.\n\n"
    "The company also raised its full-year sales forecast to 330,000 vans from 310,000, helped "
    "by strong orders from Germany."
)


def test_the_company_is_named_when_the_headline_names_the_storys_one_company(nlp):
    prompts = prompts_of(COMPANY_STORY, nlp)
    assert [p for p in prompts if "Halvorsen Motors also raised its full-year" in p]
    assert not [p for p in prompts if "The company also raised" in p]


@pytest.mark.parametrize(
    "placed", ["The Oslo, Norway, company", "The Oslo-based carmaker", "The Oslo, Norway, company,"]
)
def test_the_company_named_by_its_home_town_is_named_too(nlp, placed):
    story = COMPANY_STORY.replace("The company also raised", f"{placed} also raised")
    prompts = prompts_of(story, nlp)
    assert [p for p in prompts if "Halvorsen Motors also raised its full-year" in p]
    assert not [p for p in prompts if f"{placed} also raised" in p]


def test_a_name_that_begins_like_the_company_is_left_as_it_is(nlp):
    story = COMPANY_STORY.replace("The company also raised", "The Bank of Norway also raised")
    prompts = prompts_of(story, nlp)
    assert not [p for p in prompts if "Halvorsen Motors of Norway" in p]


def test_the_company_is_not_named_when_the_headline_names_two(nlp):
    two = COMPANY_STORY.replace("Halvorsen Motors lifts", "Halvorsen Motors and Brandt Trucks lift")
    two = two.replace("helped by", "as Brandt Trucks cut its own forecast, helped by")
    prompts = prompts_of(two, nlp)
    assert not [p for p in prompts if "Motors also raised" in p or "Trucks also raised" in p]


ROVER_STORY = (
    "Rover lands on Mars\n\n"
    "The Tenacity rover landed in Jezero Crater on Thursday after a seven-month journey.\n\n"
    "Starting in the summer, it will attempt to collect 30 rock samples in sealed tubes.\n\n"
    "When “Tenacity” reached orbit in 2020, it was carrying 23 cameras and two microphones."
)


def test_a_pronoun_subject_after_an_opening_phrase_leaves_the_sentence_out(nlp):
    prompts = prompts_of(ROVER_STORY, nlp)
    assert not [p for p in prompts if "it will attempt" in p]


def test_a_pronoun_whose_name_comes_earlier_in_the_sentence_is_kept(nlp):
    prompts = prompts_of(ROVER_STORY, nlp)
    assert [p for p in prompts if "it was carrying" in p]


def test_no_blank_takes_part_of_a_figure_or_a_time(nlp):
    text = (
        "Votes counted\n\nAs counting continued, at 8.30pm Labor was leading in 73 seats, the "
        "electoral commission said, and the depot lay about one mile (1.6km) from the hall.\n"
    )
    prompts = prompts_of(text, nlp)
    assert not [p for p in prompts if "_____.30pm" in p or "(_____.6km)" in p]
    assert [p for p in prompts if "in _____ seats" in p]


def test_a_country_that_announces_is_not_asked_as_which_place(nlp):
    text = (
        "Accident at a plant\n\nThe Soviet Union announced today that there had been an "
        "accident at a nuclear power plant in the Ukraine and that 2 people had died.\n"
    )
    prompts = prompts_of(text, nlp)
    assert not [p for p in prompts if p.startswith("Which place announced")]


def test_no_blank_ends_a_compound_or_takes_half_a_name(nlp):
    text = (
        "Bank lending grows\n\nCredit rose 14 per cent during April-October, the central bank "
        "said on Friday in its review of the economy.\n\nThe Mandela-de Klerk government ran the "
        "country for two years after the election of 1994, the report said.\n"
    )
    prompts = prompts_of(text, nlp)
    assert prompts
    assert not [p for p in prompts if "April-_____" in p or "Mandela-de _____" in p]


def test_an_aside_after_the_named_company_keeps_its_commas(nlp):
    story = COMPANY_STORY.replace(
        "The company also raised", "The Oslo, Norway, company, founded in 1984, also raised"
    )
    prompts = prompts_of(story, nlp)
    assert [p for p in prompts if "Halvorsen Motors, founded in 1984, also raised" in p]


def test_a_pronoun_with_a_contraction_is_not_replaced_by_a_name(nlp):
    text = (
        "Patient dies\n\nDavid Bennett, 57, died on Tuesday at the University of Maryland "
        "hospital.\n\nHe\u2019d come to the hospital in October 2021 seriously ill and was "
        "placed on a heart-lung machine.\n"
    )
    prompts = prompts_of(text, nlp)
    assert prompts
    assert not [p for p in prompts if "Bennett\u2019d" in p]


def test_a_sentence_about_the_pair_is_left_out(nlp):
    text = (
        "Duet recorded\n\nThe singer Tina Turner sold 200 million records in a career of 60 "
        "years, her label said on Wednesday.\n\n"
        "The pair recorded their first single in 1960 at a studio in New York City.\n"
    )
    prompts = prompts_of(text, nlp)
    assert prompts
    assert not [p for p in prompts if "The pair" in p or "the pair" in p]

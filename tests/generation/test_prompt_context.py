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


@pytest.fixture(scope="module")
def prompts(nlp):
    return [q.prompt for q in generate(ARTICLE, nlp=nlp).questions]


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

"""Who said what: a quote goes to the person its own sentence names, never to an older one."""

import pytest

from quizzes.generation import generate

ARTICLE = (
    "Bridge plan approved\n\n"
    '"We will build the bridge first and the road after it," said Lena Park, the mayor.\n\n'
    "The museum's director, Tobi Akande, said the loan of the bridge drawings was agreed.\n\n"
    "The Harbour Trust said the plan would cost more than anyone had expected last year.\n\n"
    '"It is a fair price for a safer road across the river," he said. "But the money must '
    'come from the city and not from the port."'
)


@pytest.fixture(scope="module")
def article(nlp):
    return generate(ARTICLE, nlp=nlp)


def speakers(article):
    return {
        fact.value["quote"]: fact.value["speaker"] for fact in article.facts if fact.kind == "quote"
    }


def test_a_quote_after_an_unresolved_he_is_not_given_to_an_earlier_speaker(article):
    said = speakers(article)
    assert said["We will build the bridge first and the road after it"] == "Lena Park"
    assert not [quote for quote, speaker in said.items() if "money" in quote and speaker]


def test_a_name_set_beside_a_job_noun_by_commas_is_a_person(article):
    people = [fact.value for fact in article.facts if fact.kind == "person"]
    assert "Tobi Akande" in people

import pytest

from quizzes.generation.cleaning import clean
from quizzes.generation.entities import PERSON, PLACE, build_index
from quizzes.generation.names import name_key, trim_mention
from quizzes.generation.parsing import parse


def index_of(text, nlp):
    return build_index(parse(clean(text), nlp))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Kim Jong Un", "Kim Jong-un"),
        ("Kim Jong-Un", "Kim Jong Un"),
        ("Théo Clément", "Theo Clement"),
        ("U.S.", "US"),
    ],
)
def test_it_compares_names_without_hyphens_accents_or_dots(one, other):
    assert name_key(one) == name_key(other)


def test_it_treats_us_and_united_states_as_one_name():
    assert name_key("the United States") == name_key("U.S.")


def test_it_merges_spellings_and_a_later_surname_of_one_person(nlp):
    index = index_of(
        "North Korean leader Kim Jong Un arrived in Russia on Tuesday morning.\n\n"
        "Officials said Kim Jong-un would meet the Russian president soon.\n\n"
        "Analysts said Kim wanted economic help from Moscow.",
        nlp,
    )
    people = [entity for entity in index.of_kind(PERSON) if "Kim" in entity.name]
    assert [person.name for person in people] == ["Kim Jong Un"]


def test_it_merges_a_surname_without_accents(nlp):
    index = index_of(
        "Théo Clément, a research associate at King's College London, spoke to reporters.\n\n"
        "The sanctions are not working, added Clement in a later interview.",
        nlp,
    )
    assert index.find("Clement") is index.find("Théo Clément")


def test_it_gives_the_fullest_name_as_display_name(nlp):
    index = index_of(
        "Officials in the US said the talks had stalled last week.\n\n"
        "The United States will send a delegation to the talks next month.",
        nlp,
    )
    assert index.find("US").name == "United States"


def test_it_merges_an_acronym_with_the_name_it_abbreviates(nlp):
    index = index_of(
        "The United Nations imposed new sanctions on the country on Monday.\n\n"
        "The UN said the sanctions would stay in place for a year.",
        nlp,
    )
    assert index.find("UN") is index.find("United Nations")


def test_it_reads_a_one_word_name_after_visit_as_a_place(nlp):
    index = index_of("The governor said the leader had promised to visit Vladivostok again.", nlp)
    entity = index.find("Vladivostok")
    assert entity is not None
    assert entity.kind == PLACE


def test_a_quoted_name_after_an_article_loses_its_quote():
    assert trim_mention('the "Galaxy Nexus') == "Galaxy Nexus"

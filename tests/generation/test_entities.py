import pytest

from quizzes.generation.cleaning import clean
from quizzes.generation.entities import (
    ORGANISATION,
    PERSON,
    PLACE,
    Mention,
    _Groups,
    build_index,
    merge_acronyms,
    merge_common_noun_organisations,
    merge_short_person_names,
)
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


def test_a_surname_means_the_person_named_in_full_before_it_not_a_relative_named_later(nlp):
    index = index_of(
        "Kenya's Daniel Mwangi won the Chicago Marathon on Sunday in a course record.\n\n"
        "Mwangi broke away from the leading group after 30 kilometres.\n\n"
        '"I was ready for the record and I knew it would come today," Mwangi said after a '
        "long hug from his sister, Ruth Mwangi.",
        nlp,
    )
    assert index.find("Mwangi") is index.find("Daniel Mwangi")
    assert index.find("Ruth Mwangi") is not index.find("Daniel Mwangi")


def mention(text, name, label, after=0):
    start = text.index(name, after)
    return Mention(name, start, start + len(name), label)


def merged_groups(by_key, kinds, text):
    groups = _Groups(by_key)
    merge_short_person_names(by_key, kinds, groups, text)
    return groups


def test_a_surname_joins_a_full_name_the_tagger_took_for_a_place():
    # "Jamaica's Usain Bolt" tagged as a place, "Bolt" alone as a person, his mother named last.
    text = "Jamaica's Usain Bolt won the final. Bolt said so after a hug from Jennifer Bolt."
    by_key = {
        "usain bolt": [mention(text, "Usain Bolt", "GPE")],
        "bolt": [mention(text, "Bolt", "PERSON", after=25)],
        "jennifer bolt": [mention(text, "Jennifer Bolt", "PERSON")],
    }
    kinds = {"usain bolt": PLACE, "bolt": PERSON, "jennifer bolt": PERSON}
    groups = merged_groups(by_key, kinds, text)
    assert groups.find("bolt") == groups.find("usain bolt")
    assert kinds["usain bolt"] == PERSON


def test_a_name_written_after_in_is_not_taken_for_a_persons_full_name():
    text = "They met in Grant Park on Friday. Park said the talks were over."
    by_key = {
        "grant park": [mention(text, "Grant Park", "GPE")],
        "park": [mention(text, "Park", "PERSON", after=25)],
    }
    kinds = {"grant park": PLACE, "park": PERSON}
    groups = merged_groups(by_key, kinds, text)
    assert groups.find("park") != groups.find("grant park")
    assert kinds["grant park"] == PLACE


def test_a_name_that_opens_like_a_place_is_not_taken_for_a_persons_full_name():
    text = "Port Elizabeth's harbour reopened. Elizabeth said the talks were over."
    by_key = {
        "port elizabeth": [mention(text, "Port Elizabeth", "GPE")],
        "elizabeth": [mention(text, "Elizabeth", "PERSON", after=20)],
    }
    kinds = {"port elizabeth": PLACE, "elizabeth": PERSON}
    groups = merged_groups(by_key, kinds, text)
    assert groups.find("elizabeth") != groups.find("port elizabeth")


def test_letters_the_tagger_reads_as_a_person_do_not_abbreviate_an_organisation():
    text = "The Bank of Canada held rates. B.C. had urged it to, in a letter from its premier."
    by_key = {
        "bank of canada": [mention(text, "Bank of Canada", "ORG")],
        "bc": [mention(text, "B.C.", "PERSON")],
    }
    kinds = {"bank of canada": ORGANISATION, "bc": PERSON}
    groups = _Groups(by_key)
    merge_acronyms(by_key, kinds, groups)
    assert groups.find("bc") != groups.find("bank of canada")


def test_a_one_word_organisation_the_text_also_writes_as_a_common_noun_is_the_longer_one():
    text = "The Bank of Canada held rates. The Bank said the bank would wait."
    by_key = {
        "bank of canada": [mention(text, "Bank of Canada", "ORG")],
        "bank": [mention(text, "Bank", "ORG", after=30)],
    }
    kinds = {"bank of canada": ORGANISATION, "bank": ORGANISATION}
    groups = _Groups(by_key)
    merge_common_noun_organisations(by_key, kinds, groups, text)
    assert groups.find("bank") == groups.find("bank of canada")


def test_a_one_word_organisation_never_written_in_lower_case_stays_apart():
    text = "BlackBerry 10 phones went on sale. BlackBerry said sales were good."
    by_key = {
        "blackberry 10": [mention(text, "BlackBerry 10", "ORG")],
        "blackberry": [mention(text, "BlackBerry", "ORG", after=20)],
    }
    kinds = {"blackberry 10": ORGANISATION, "blackberry": ORGANISATION}
    groups = _Groups(by_key)
    merge_common_noun_organisations(by_key, kinds, groups, text)
    assert groups.find("blackberry") != groups.find("blackberry 10")

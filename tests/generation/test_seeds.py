"""What the two seed articles must yield: the facts named in the issue and questions on them."""

from collections import Counter

import pytest

from quizzes.generation import article_problems, question_problems

TOP = 30


def facts_of(article, kind):
    return [fact for fact in article.facts if fact.kind == kind]


def questions_on(article, fact_ids):
    return [q for q in article.questions if set(q.facts) & set(fact_ids)]


def test_seed_000_has_almost_95_percent_of_trade_sanctioned(seed_000):
    (fact,) = [f for f in facts_of(seed_000, "percent") if f.value == 95]
    assert fact.extra["hedge"] == "almost"
    assert fact.extra["unit"] == "%"
    assert "foreign trade" in fact.sentence
    assert "sanctioned" in fact.sentence


def test_seed_000_asks_numeric_and_multiple_choice_on_95_percent(seed_000):
    fact_ids = [f.id for f in facts_of(seed_000, "percent") if f.value == 95]
    types = {q.type for q in questions_on(seed_000, fact_ids)}
    assert {"numeric", "multiple_choice"} <= types


def test_seed_000_gives_the_95_percent_question_a_tolerance(seed_000):
    fact_ids = [f.id for f in facts_of(seed_000, "percent") if f.value == 95]
    (numeric,) = [q for q in questions_on(seed_000, fact_ids) if q.type == "numeric"]
    assert numeric.answer == 95
    assert 0 < numeric.tolerance < 10


def test_seed_000_dates_the_hanoi_summit_to_february_2019(seed_000):
    periods = [f for f in facts_of(seed_000, "period") if f.text == "February 2019"]
    assert periods
    assert periods[0].value["start"] == "2019-02-01"
    assert "Hanoi" in periods[0].sentence


def test_seed_000_dates_the_first_trump_kim_meeting_to_june_2018(seed_000):
    (fact,) = [f for f in facts_of(seed_000, "period") if f.text == "June 2018"]
    assert fact.value["start"] == "2018-06-01"
    assert "Trump" in fact.sentence


def test_seed_000_expands_kcna(seed_000):
    (fact,) = facts_of(seed_000, "acronym")
    assert fact.value == {"short": "KCNA", "long": "Korean Central News Agency"}


def test_seed_000_asks_what_kcna_stands_for(seed_000):
    fact_ids = [f.id for f in facts_of(seed_000, "acronym")]
    questions = questions_on(seed_000, fact_ids)
    assert {"short_answer", "multiple_choice"} <= {q.type for q in questions}


def test_seed_000_keeps_title_and_byline_as_metadata(seed_000):
    assert seed_000.title.startswith("Kim Jong Un to meet Putin")
    assert seed_000.byline == "Luke Hurst, Naira Davlashyan"
    assert "Share this article" not in seed_000.text


def test_seed_000_drops_the_related_stories_list(seed_000):
    assert "bread and flowers" not in seed_000.text


def test_seed_003_dates_the_summit_to_2019_04_25(seed_003):
    (fact,) = [f for f in facts_of(seed_003, "date") if f.text == "April 25"]
    assert fact.value == "2019-04-25"


def test_seed_003_mentions_vladivostok_as_a_place(seed_003):
    assert "Vladivostok" in {f.value for f in facts_of(seed_003, "place")}


def test_seed_003_dates_the_workers_deadline_to_2019_12_22(seed_003):
    (fact,) = [f for f in facts_of(seed_003, "date") if f.text == "December 22"]
    assert fact.value == "2019-12-22"
    assert "workers" in fact.sentence


def test_seed_003_reads_asmolovs_role(seed_003):
    roles = [
        f.value["role"]
        for f in facts_of(seed_003, "role")
        if f.value["person"] == "Konstantin Asmolov"
    ]
    assert roles
    assert roles[0].startswith("senior research fellow at the Center for Korean Studies")


def test_seed_003_reads_roles_from_titles(seed_003):
    roles = {(f.value["person"], f.value["role"]) for f in facts_of(seed_003, "role")}
    assert ("Yevgeny Ditrikh", "Transportation Minister") in roles
    assert ("Fyodor Tertitsky", "Seoul-based NK News analyst") in roles


def test_seed_003_matches_people_to_roles_including_asmolov(seed_003):
    (matching,) = [q for q in seed_003.questions if q.type == "matching"]
    assert "Konstantin Asmolov" in [person for person, _role in matching.answer]


def test_seed_003_attributes_quotes_to_asmolov(seed_003):
    speakers = {f.value["speaker"] for f in facts_of(seed_003, "quote")}
    assert "Konstantin Asmolov" in speakers


def test_seed_003_drops_video_titles_and_player_text(seed_003):
    assert "please wait" not in seed_003.text
    assert "Meeting In Vladivostok" not in seed_003.text


@pytest.mark.parametrize("name", ["000_db8d90b087f169f8.txt", "003_a44df72abeecd1ad.txt"])
def test_top_questions_use_at_least_five_types(seed_articles, name):
    types = Counter(q.type for q in seed_articles[name].questions[:TOP])
    assert len(types) >= 5, types


@pytest.mark.parametrize("name", ["000_db8d90b087f169f8.txt", "003_a44df72abeecd1ad.txt"])
def test_top_questions_are_not_mostly_cloze(seed_articles, name):
    top = seed_articles[name].questions[:TOP]
    assert sum(q.type == "cloze" for q in top) <= len(top) / 2


@pytest.mark.parametrize("name", ["000_db8d90b087f169f8.txt", "003_a44df72abeecd1ad.txt"])
def test_top_questions_pass_the_structural_check(seed_articles, name):
    article = seed_articles[name]
    problems = {q.prompt: question_problems(q, article) for q in article.questions[:TOP]}
    assert {prompt: found for prompt, found in problems.items() if found} == {}


@pytest.mark.parametrize("name", ["000_db8d90b087f169f8.txt", "003_a44df72abeecd1ad.txt"])
def test_seed_questions_have_no_duplicates_or_problems(seed_articles, name):
    assert article_problems(seed_articles[name]) == []


@pytest.mark.parametrize("name", ["000_db8d90b087f169f8.txt", "003_a44df72abeecd1ad.txt"])
def test_top_questions_cover_many_facts(seed_articles, name):
    top = seed_articles[name].questions[:TOP]
    assert len({q.fact for q in top}) >= 20

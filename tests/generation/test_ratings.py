"""The rated set's format: questions keyed without the article's text, ratings checked as read,
and the worksheets' choice of questions to rate."""

import json

import pytest

from quizzes.generation.ranking import ratings as ratings_module
from quizzes.generation.ranking.ratings import (
    QuestionKey,
    Rating,
    load_ratings,
    rating_of,
    save_ratings,
    shown_hash,
)
from quizzes.generation.ranking.worksheet import merge, questions_to_rate
from quizzes.generation.records import Question


def make(kind="short_answer", answer="Vladivostok", prompt="Where did they meet?", **features):
    return Question(type=kind, prompt=prompt, answer=answer, accepted=[], choices=[],
                    tolerance=None, fact="f1", facts=[], sentence="They met in Vladivostok.",
                    start=10, end=35, explanation="", features=features)  # fmt: skip


def rating(key, label="acceptable", criterion=None):
    return Rating(key, label, criterion, "a reason")


def test_a_key_names_the_question_without_its_sentence():
    key = QuestionKey.of("summit.txt", make(template="place"))
    assert (key.article, key.type, key.answer, key.start, key.end, key.template) == (
        "summit.txt",
        "short_answer",
        '"Vladivostok"',
        10,
        35,
        "place",
    )
    assert "met" not in json.dumps(key.__dict__)


def test_true_and_false_statements_of_one_sentence_have_their_own_keys():
    true = make("true_false", True, "True or false: They met in Vladivostok.")
    false_a = make("true_false", False, "True or false: They met in Moscow.")
    false_b = make("true_false", False, "True or false: They met in Seoul.")
    keys = {QuestionKey.of("a.txt", q) for q in (true, false_a, false_b)}
    assert len(keys) == 3


def test_ratings_are_saved_and_read_back(tmp_path):
    path = tmp_path / "ratings.jsonl"
    first = rating(QuestionKey.of("a.txt", make()))
    second = rating(QuestionKey.of("b.txt", make(answer="Moscow")), "unacceptable", 3)
    save_ratings([second, first], path)
    assert load_ratings(path) == {first.key: first, second.key: second}
    assert path.read_text().index('"a.txt"') < path.read_text().index('"b.txt"')


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"label": "fine"}, "line 1: label 'fine' is not one of"),
        ({"label": "unacceptable", "criterion": None}, "line 1: a rejection names its criterion"),
        ({"label": "unacceptable", "criterion": 9}, "line 1: a rejection names its criterion"),
    ],
)
def test_a_malformed_rating_is_refused_with_its_line(tmp_path, change, message):
    line = json.loads(rating(QuestionKey.of("a.txt", make())).to_json()) | change
    path = tmp_path / "ratings.jsonl"
    path.write_text(json.dumps(line) + "\n")
    with pytest.raises(ValueError, match=message):
        load_ratings(path)


def test_merging_adds_new_ratings_and_replaces_a_questions_old_one(tmp_path, monkeypatch):
    shipped = tmp_path / "ratings.jsonl"
    monkeypatch.setattr(ratings_module, "RATINGS_FILE", shipped)
    key = QuestionKey.of("a.txt", make())
    save_ratings([rating(key, "weak")], shipped)
    new = tmp_path / "mine.jsonl"
    other = QuestionKey.of("a.txt", make(answer="Moscow"))
    new.write_text(rating(key, "unacceptable", 4).to_json() + "\n" + rating(other).to_json())
    monkeypatch.setattr("quizzes.generation.ranking.worksheet.load_ratings",
                        lambda: load_ratings(shipped))  # fmt: skip
    monkeypatch.setattr("quizzes.generation.ranking.worksheet.save_ratings",
                        lambda items: save_ratings(items, shipped))  # fmt: skip
    assert merge([new]) == 0
    assert {k: r.label for k, r in load_ratings(shipped).items()} == {
        key: "unacceptable",
        other: "acceptable",
    }


def test_the_questions_to_rate_are_the_top_and_the_same_sample_each_time():
    questions = [make(answer=str(n)) for n in range(60)]
    chosen = questions_to_rate(questions, top=15, sample=10, seed="a.txt")
    assert chosen[:15] == list(range(15))
    assert len(chosen) == 25
    assert all(15 <= rank < 60 for rank in chosen[15:])
    assert chosen == questions_to_rate(questions, top=15, sample=10, seed="a.txt")
    assert questions_to_rate(questions[:8], top=15, sample=10, seed="a.txt") == list(range(8))


def test_a_rating_no_longer_judges_a_question_whose_choices_or_tolerance_changed(tmp_path):
    question = make("multiple_choice", "12", "Fill in: _____ died.", template="")
    question.choices = ["12", "20", "30", "40"]
    key = QuestionKey.of("a.txt", question)
    judged = Rating(key, "unacceptable", 5, "the only non-round figure", shown_hash(question))
    save_ratings([judged], tmp_path / "ratings.jsonl")
    ratings = load_ratings(tmp_path / "ratings.jsonl")
    assert rating_of(ratings, "a.txt", question) == judged
    question.choices = ["12", "14", "9", "15"]  # the same question by its key, new distractors
    assert QuestionKey.of("a.txt", question) == key
    assert rating_of(ratings, "a.txt", question) is None


def test_a_first_rating_without_a_hash_judges_its_question_by_key_alone():
    question = make()
    ratings = {QuestionKey.of("a.txt", question): rating(QuestionKey.of("a.txt", question))}
    question.tolerance = 2.0
    assert rating_of(ratings, "a.txt", question) is not None

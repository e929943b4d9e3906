"""The learned ranker: scored from a small JSON file with no training library, fitted with
scikit-learn on rows grouped by article, and its training set kept as numbers only."""

import json

import pytest

from quizzes.generation.ranking import order
from quizzes.generation.ranking.model import LearnedModel, load_model
from quizzes.generation.ranking.training import (
    Row,
    fit,
    grouped_folds,
    load_training_set,
    save_training_set,
    target_of,
)
from quizzes.generation.ranking.vectors import FEATURE_NAMES, choice_signs, vector
from tests.generation.test_ranking import make


def values(**changes) -> dict[str, float]:
    return dict.fromkeys(FEATURE_NAMES, 0.0) | changes


def rows_where_shouting_is_rejected(articles=6) -> list[Row]:
    rows = []
    for article in range(articles):
        for n in range(10):
            shouting = n % 2
            rows.append(Row(f"a{article}", values(shouting=float(shouting), length=n / 10),
                            0.0 if shouting else 1.0))  # fmt: skip
    return rows


def test_a_fit_learns_what_the_ratings_show_and_explains_it():
    model = fit(rows_where_shouting_is_rejected(), version="test")
    quiet, loud = values(), values(shouting=1.0)
    assert model.weights["shouting"] < 0
    assert model.probability(quiet) > 0.8 > 0.2 > model.probability(loud)
    assert min(model.terms(loud), key=model.terms(loud).get) == "shouting"


def test_weak_counts_half():
    assert [target_of(label) for label in ("acceptable", "weak", "unacceptable")] == [1, 0.5, 0]
    rows = [Row(f"a{n}", values(hedged=1.0), 0.5) for n in range(20)]
    rows += [Row(f"b{n}", values(), 1.0) for n in range(20)]
    model = fit(rows, version="test")
    assert model.probability(values(hedged=1.0)) == pytest.approx(0.5, abs=0.1)


def test_weights_are_read_back_from_their_file(tmp_path):
    model = fit(rows_where_shouting_is_rejected(), version="2026-11-30, test")
    path = tmp_path / "weights.json"
    path.write_text(model.to_json())
    assert load_model(path) == model
    assert load_model(tmp_path / "absent.json") is None
    path.write_text(json.dumps(json.loads(model.to_json()) | {"format": 99}))
    with pytest.raises(ValueError, match="format 99"):
        load_model(path)


def test_folds_split_articles_never_rows():
    folds = grouped_folds([f"a{n % 12}" for n in range(100)], folds=5)
    assert sorted(group for fold in folds for group in fold) == sorted(f"a{n}" for n in range(12))
    assert folds == grouped_folds([f"a{n}" for n in range(12)], folds=5)


def test_the_training_set_holds_numbers_only(tmp_path):
    path = tmp_path / "training_set.json"
    save_training_set(rows_where_shouting_is_rejected(articles=2), path)
    data = json.loads(path.read_text())
    assert data["features"] == list(FEATURE_NAMES)
    assert all(isinstance(x, int | float) for row in data["rows"] for x in row)
    loaded = load_training_set(path)
    assert len(loaded) == 20
    assert {row.group for row in loaded} == {"shipped-0", "shipped-1"}


def test_a_model_orders_questions_by_its_probability():
    model = LearnedModel("test", 0.0, {"length": 1.0}, {"length": 0.0}, {"length": 1.0})
    questions = [make("cloze", f"A{n}", 0, start=n * 100, end=n * 100 + 50) for n in range(3)]
    for n, question in enumerate(questions):
        question.features = {"type": 1, "kind": 1, "length": n / 2, "central": 0,
                             "position": 0, "importance": 0, "pronouns": 0,
                             "reported": False, "long_answer": False}  # fmt: skip
    ordered = order(list(questions), model)
    assert [q.answer for q in ordered] == ["A2", "A1", "A0"]
    assert all(0 < q.score < 1 for q in ordered)


def test_the_vector_names_every_feature_and_spots_a_standing_out_answer():
    question = make("multiple_choice", "50%", 0)
    question.choices = ["41%", "50%", "37%", "44%"]
    question.features = {"type": 0.85, "kind": 1.0, "length": 1, "central": 1, "position": 1,
                         "importance": 1, "pronouns": 0, "reported": False,
                         "long_answer": False, "fact_kind": "percent"}  # fmt: skip
    assert tuple(vector(question)) == FEATURE_NAMES
    assert choice_signs(question) == {"answer_extreme": 1.0, "answer_only_round": 1.0}
    assert vector(question)["kind=percent"] == 1.0

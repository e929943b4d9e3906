"""The ranker learns from this deployment's instructors: each generated question keeps its
feature values, decisions on it become ratings, and `train_ranker` switches to a refit only
when it ranks the deployment's articles better."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from quizzes.generation.ranking.model import LearnedModel, load_model
from quizzes.generation.ranking.training import Row, save_training_set
from quizzes.generation.ranking.vectors import FEATURE_NAMES
from quizzes.importing import article_import
from quizzes.models import QuestionFlag
from quizzes.ranker import decision_target, deployment_ranker
from tests.factories import ArticleFactory, QuestionFactory, QuizFactory

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(autouse=True)
def weights(settings, tmp_path):
    settings.RANKER_WEIGHTS = tmp_path / "ranker" / "weights.json"
    return settings.RANKER_WEIGHTS


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """A small shipped training set, in place of the real one."""
    path = tmp_path / "training_set.json"
    rows = [Row(f"s{n % 6}", dict.fromkeys(FEATURE_NAMES, 0.0) | {"length": n % 2}, n % 2)
            for n in range(60)]  # fmt: skip
    save_training_set(rows, path)
    monkeypatch.setattr("quizzes.generation.ranking.training.TRAINING_SET_FILE", path)
    return path


def test_an_imported_question_keeps_the_rankers_feature_values(instructor):
    text = (SEEDS / "003_a44df72abeecd1ad.txt").read_text(encoding="utf-8")
    article = article_import(raw_text=text, owner=instructor).article
    features = article.questions.values_list("ranking_features", flat=True)
    assert all(set(values) == set(FEATURE_NAMES) for values in features)


@pytest.mark.parametrize(
    ("status", "version", "flagged", "target"),
    [
        ("approved", 1, False, 1.0),
        ("approved", 2, False, 0.5),
        ("approved", 1, True, 0.5),
        ("rejected", 1, False, 0.0),
        ("candidate", 1, False, None),
    ],
)
def test_a_decision_is_a_rating(db, status, version, flagged, target):
    question = QuestionFactory(status=status, version=version)
    if flagged:
        QuestionFlag.objects.create(question=question, quiz=QuizFactory(), reason="too_easy",
                                    detail="facility index 100%", attempts=10)  # fmt: skip
    assert decision_target(question) == target


def _decide(articles: int, *, shouting_rejected: bool) -> None:
    """Generated questions on several articles, shouting ones rejected and quiet ones approved
    (or the other way round)."""
    for _ in range(articles):
        article = ArticleFactory()
        for n in range(10):
            shouting = n % 2
            rejected = shouting if shouting_rejected else not shouting
            QuestionFactory(
                fact__article=article,
                status="rejected" if rejected else "approved",
                ranking_features=dict.fromkeys(FEATURE_NAMES, 0.0) | {"shouting": shouting},
            )


def test_too_few_decisions_are_refused_clearly(db, shipped, weights):
    _decide(1, shouting_rejected=True)
    with pytest.raises(CommandError, match="at least two articles"):
        call_command("train_ranker")
    assert not weights.exists()


def test_it_learns_the_instructors_taste_and_switches(db, shipped, weights):
    _decide(6, shouting_rejected=True)
    out = io.StringIO()
    call_command("train_ranker", stdout=out)
    assert "60 shipped, 60 decisions on 6 articles" in out.getvalue()
    assert "Switched to the new weights" in out.getvalue()
    model = load_model(weights)
    assert model.weights["shouting"] < 0
    assert deployment_ranker() == model


def test_a_dry_run_reports_and_keeps_the_weights_in_use(db, shipped, weights):
    _decide(6, shouting_rejected=True)
    out = io.StringIO()
    call_command("train_ranker", "--dry-run", stdout=out)
    assert "Dry run" in out.getvalue()
    assert not weights.exists()
    assert deployment_ranker() is None


def test_a_refit_that_ranks_worse_is_not_used(db, tmp_path, monkeypatch, weights):
    # The shipped set says shouting questions are good, and outweighs this deployment's few
    # decisions, which say they are bad; the weights in use rank these articles perfectly.
    path = tmp_path / "loud.json"
    save_training_set([Row(f"s{n % 10}", dict.fromkeys(FEATURE_NAMES, 0.0) | {"shouting": n % 2},
                           n % 2) for n in range(2000)], path)  # fmt: skip
    monkeypatch.setattr("quizzes.generation.ranking.training.TRAINING_SET_FILE", path)
    _decide(6, shouting_rejected=True)
    in_use = LearnedModel("in use", 0.0, {"shouting": -3.0}, {"shouting": 0.0}, {"shouting": 1.0})
    weights.parent.mkdir(parents=True)
    weights.write_text(in_use.to_json())
    out = io.StringIO()
    call_command("train_ranker", stdout=out)
    assert "1.000 with the this deployment's weights" in out.getvalue()
    assert "The refit does no better" in out.getvalue()
    assert load_model(weights) == in_use


def test_imports_rank_with_the_deployments_weights(instructor, shipped, weights):
    _decide(6, shouting_rejected=False)  # this deployment's instructors like shouting
    call_command("train_ranker", stdout=io.StringIO())
    text = (SEEDS / "003_a44df72abeecd1ad.txt").read_text(encoding="utf-8")
    article = article_import(raw_text=text, owner=instructor).article
    first = article.questions.order_by("rank").first()
    model = deployment_ranker()
    assert first.score == pytest.approx(model.probability(first.ranking_features), abs=1e-4)


def test_articles_with_only_approvals_teach_nothing(db, shipped, weights):
    # As the demo's "approve the best" leaves them: every order ranks them perfectly.
    for _ in range(3):
        article = ArticleFactory()
        for _ in range(6):
            QuestionFactory(fact__article=article, status="approved",
                            ranking_features=dict.fromkeys(FEATURE_NAMES, 0.0))  # fmt: skip
    with pytest.raises(CommandError, match="both"):
        call_command("train_ranker")

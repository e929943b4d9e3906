"""The ranker evaluation: precision over rated questions, the headline fact, type gaps."""

from quizzes.generation.ranking.evaluate import Article, Scores, asks_headline, main
from quizzes.generation.ranking.ratings import QuestionKey, Rating
from tests.generation.test_ranking import make

HEADLINE = {"fact": "the rate rose 35 basis points", "answers": ["35", "35 basis points"]}


def rated(article: Article, question, label: str) -> None:
    key = QuestionKey.of(article.name, question)
    article.ratings[id(question)] = Rating(key, label, 4 if label == "unacceptable" else None, "")


def test_a_question_asks_the_headline_fact_by_its_answer_or_as_a_true_statement():
    assert asks_headline([make("numeric", 35.0, 0)], HEADLINE)
    assert asks_headline([make("multiple_choice", "35 basis points", 0)], HEADLINE)
    statement = make("true_false", True, 0)
    statement.prompt = "True or false: The RBI raised the rate by 35 basis points."
    assert asks_headline([statement], HEADLINE)
    statement.answer = False
    assert not asks_headline([statement], HEADLINE)
    assert not asks_headline([make("numeric", 3.5, 0), make("cloze", "RBI", 0)], HEADLINE)


def test_precision_counts_rated_questions_in_order_and_reports_the_unrated():
    questions = [make("cloze", f"A{n}", 0, start=n * 10, end=n * 10 + 5) for n in range(12)]
    article = Article("a.txt", 100, questions)
    for n, question in enumerate(questions):
        if n != 1:  # the second is unrated
            rated(article, question, "acceptable" if n % 2 == 0 else "unacceptable")
    scores = Scores()
    scores.add(article, questions, {"a.txt": {"fact": "", "answers": ["A0"]}})
    # Rated, in order: A0 ok, A2 ok, A3 no, A4 ok, A5 no.
    assert scores.precision5 == [0.6]
    assert (scores.unrated5, scores.headline_hits) == (1, [True])


def test_a_long_articles_top_30_must_hold_every_type_it_yields():
    questions = [make("cloze", f"A{n}", 0, start=n, end=n + 1) for n in range(30)]
    questions.append(make("ordering", ["x", "y"], 0))
    scores = Scores()
    scores.add(Article("long.txt", 900, questions), questions, {})
    scores.add(Article("short.txt", 200, questions), questions, {})
    assert scores.coverage_misses == ["long.txt: ordering"]


def test_without_the_development_articles_it_says_why_and_stops(tmp_path, capsys):
    assert main(["--articles", str(tmp_path / "absent")]) == 0
    assert "skipped:" in capsys.readouterr().out

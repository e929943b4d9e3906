"""Reads behind the study queue: which questions may become new cards today, and how many."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from learning.models import Card
from quizzes.models import Article, Question


def new_questions(student, now: datetime, *, articles=None) -> QuerySet:
    """Approved questions of the student's courses that are not yet their cards, in study order.

    A fact already met today (a card introduced, reviewed or buried today) gives no new sibling
    until tomorrow. Facts the student has never met come first, then the article's own order,
    then the generator's best question on each fact."""
    today = student.day_start(now)
    met_today = Card.objects.filter(student=student).filter(
        Q(created_at__gte=today) | Q(last_review__gte=today) | Q(buried_until__isnull=False)
    )
    questions = Question.objects.approved().filter(
        article__in=Article.objects.in_courses_of(student)
    )
    if articles is not None:
        questions = questions.filter(article__in=articles)
    questions = questions.exclude(pk__in=Question.objects.in_open_quizzes(now).values("pk"))
    return (
        questions.exclude(Exists(Card.objects.filter(student=student, question=OuterRef("pk"))))
        .exclude(fact__in=met_today.values("fact"))
        .alias(fact_met=Exists(Card.objects.filter(student=student, fact=OuterRef("fact"))))
        .order_by("fact_met", "article_id", "start", "-score", "id")
    )


def new_cards_allowed(student, now: datetime) -> int:
    """How many more cards the new-cards-per-day limit allows today."""
    introduced = Card.objects.filter(student=student).introduced_since(student.day_start(now))
    return max(0, student.new_cards_per_day - introduced.count())


def new_cards_left(student, now: datetime, *, articles=None) -> int:
    """New cards the student can still meet today: the limit, unless the courses run out first.
    One per fact, as a fact's other questions wait for another day once one is met."""
    allowed = new_cards_allowed(student, now)
    if not allowed:
        return 0
    facts = new_questions(student, now, articles=articles).order_by().values("fact").distinct()
    return facts[:allowed].count()


def next_due(student, now: datetime, *, articles=None) -> datetime | None:
    """When the next card comes up, once nothing is due: a learning card at its due time, a review
    card at the start of its day, a buried card when its burial ends."""
    cards = Card.objects.of(student).filter(suspended=False).studyable(student)
    cards = cards.in_articles(articles)
    waiting = cards.filter(buried_until__isnull=True)
    first_learning = _first(waiting.exclude(state=Card.State.REVIEW), "due")
    first_review = _first(waiting.filter(state=Card.State.REVIEW), "due")
    moments = [
        first_learning,
        student.day_start(first_review) if first_review else None,
        _first(cards.filter(buried_until__isnull=False), "buried_until"),
    ]
    moments = [moment for moment in moments if moment]
    return max(min(moments), now) if moments else None


def _first(cards: QuerySet, field: str) -> datetime | None:
    return cards.order_by(field).values_list(field, flat=True).first()


@dataclass(frozen=True)
class StudyCounts:
    new_left: int
    # Cards due now, per article id: what is due in each course is the sum over its articles.
    due_by_article: Counter

    @property
    def due_now(self) -> int:
        return sum(self.due_by_article.values())

    def due_in(self, articles) -> int:
        return sum(self.due_by_article[article.pk] for article in articles)


def study_counts(student, now: datetime, *, articles=None) -> StudyCounts:
    """The figures every study page shows: cards due now and new cards left today."""
    due = Card.objects.due_for(student, now).studyable(student).in_articles(articles).order_by()
    return StudyCounts(
        new_left=new_cards_left(student, now, articles=articles),
        due_by_article=Counter(dict(due.values_list("question__article").annotate(n=Count("id")))),
    )

"""What the progress page shows a student, computed in a handful of grouped queries."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, Value
from django.db.models.functions import Greatest, TruncDate
from django.template.defaultfilters import pluralize

from learning.charts import Chart, column_chart, row_chart
from learning.models import Card, Review
from learning.queue import new_cards_left
from quizzes.models import Article, Question

DAYS = 30
# Anki calls a card mature once its interval reaches three weeks; FSRS's stability is the
# interval at which recall drops to 90%, so this is "remembered for three weeks or more".
MATURE_STABILITY_DAYS = 21


@dataclass(frozen=True)
class ArticleMastery:
    article: Article
    questions: int
    seen: int
    mature: int

    @property
    def percent(self) -> int:
        return round(100 * self.mature / self.questions) if self.questions else 0


@dataclass(frozen=True)
class Progress:
    due_today: int
    new_left_today: int
    reviews_per_day: list[tuple[date, int]]
    review_reviews: int
    review_passed: int
    states: dict[str, int]
    forecast: list[tuple[date, int]]
    mastery: list[ArticleMastery]

    @property
    def retention(self) -> float | None:
        """True retention: the share of review-state reviews not rated Again."""
        return self.review_passed / self.review_reviews if self.review_reviews else None

    @property
    def reviews_total(self) -> int:
        return sum(count for _, count in self.reviews_per_day)


def _days(first: date) -> list[date]:
    return [first + timedelta(days=offset) for offset in range(DAYS)]


def reviews_per_day(student, now: datetime) -> tuple[list[tuple[date, int]], int, int]:
    zone = ZoneInfo(student.time_zone)
    reviews = Review.objects.by(student).since(student.day_start(now, days=1 - DAYS))
    counts = dict(
        reviews.annotate(day=TruncDate("reviewed_at", tzinfo=zone))
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    in_review = Q(state_before__state=Card.State.REVIEW)
    totals = reviews.aggregate(
        reviewed=Count("id", filter=in_review),
        passed=Count("id", filter=in_review & ~Q(rating=Review.Rating.AGAIN)),
    )
    today = now.astimezone(zone).date()
    per_day = [(day, counts.get(day, 0)) for day in _days(today - timedelta(days=DAYS - 1))]
    return per_day, totals["reviewed"], totals["passed"]


def card_states(student) -> dict[str, int]:
    active = Q(suspended=False)
    return Card.objects.filter(student=student).aggregate(
        new=Count("id", filter=active & Q(reps=0)),
        learning=Count("id", filter=active & Q(reps__gt=0, state=Card.State.LEARNING)),
        review=Count("id", filter=active & Q(state=Card.State.REVIEW)),
        relearning=Count("id", filter=active & Q(state=Card.State.RELEARNING)),
        suspended=Count("id", filter=Q(suspended=True)),
    )


def due_forecast(student, now: datetime) -> list[tuple[date, int]]:
    """Cards coming up on each of the next 30 days; overdue ones count for today, buried ones
    for the day they return."""
    zone = ZoneInfo(student.time_zone)
    horizon = student.day_start(now, days=DAYS)
    shown_at = Greatest("due", "buried_until", Value(now))  # PostgreSQL's GREATEST skips NULLs
    counts = dict(
        Card.objects.filter(student=student, suspended=False, due__lt=horizon)
        .studyable(student)
        .annotate(day=TruncDate(shown_at, tzinfo=zone))
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    return [(day, counts.get(day, 0)) for day in _days(now.astimezone(zone).date())]


def article_mastery(student) -> list[ArticleMastery]:
    articles = list(
        Article.objects.in_courses_of(student)
        .annotate(
            approved=Count(
                "questions",
                filter=Q(questions__status=Question.Status.APPROVED),
                # An article in two of the student's courses joins twice.
                distinct=True,
            )
        )
        .order_by("title", "id")
    )
    mature = Q(state=Card.State.REVIEW, stability__gte=MATURE_STABILITY_DAYS)
    cards = {
        row["question__article"]: row
        for row in Card.objects.filter(student=student, question__status=Question.Status.APPROVED)
        .values("question__article")
        .annotate(seen=Count("id", filter=Q(reps__gt=0)), mature=Count("id", filter=mature))
    }
    return [
        ArticleMastery(
            article=article,
            questions=article.approved,
            seen=cards.get(article.pk, {}).get("seen", 0),
            mature=cards.get(article.pk, {}).get("mature", 0),
        )
        for article in articles
    ]


def student_progress(student, now: datetime) -> Progress:
    per_day, review_reviews, review_passed = reviews_per_day(student, now)
    due_today = (
        Card.objects.filter(
            student=student,
            suspended=False,
            buried_until__isnull=True,
            due__lt=student.day_start(now, days=1),
        )
        .studyable(student)
        .count()
    )
    return Progress(
        due_today=due_today,
        new_left_today=new_cards_left(student, now),
        reviews_per_day=per_day,
        review_reviews=review_reviews,
        review_passed=review_passed,
        states=card_states(student),
        forecast=due_forecast(student, now),
        mastery=article_mastery(student),
    )


def _day_label(day: date) -> str:
    return f"{day.day} {day:%b}"


def progress_charts(progress: Progress) -> dict[str, Chart]:
    busiest = max(progress.reviews_per_day, key=lambda point: point[1])
    reviews = column_chart(
        chart_id="chart-reviews",
        title=f"Reviews per day, last {DAYS} days",
        summary=(
            f"{progress.reviews_total} review{pluralize(progress.reviews_total)} "
            f"in the last {DAYS} days"
            + (f"; the most on {_day_label(busiest[0])} ({busiest[1]})." if busiest[1] else ".")
        ),
        points=[(_day_label(day), count) for day, count in progress.reviews_per_day],
        label_last=True,
    )
    coming = sum(count for _, count in progress.forecast)
    forecast = column_chart(
        chart_id="chart-forecast",
        title=f"Cards due, next {DAYS} days",
        summary=(
            f"{coming} card{pluralize(coming)} come{'' if coming != 1 else 's'} up in the next "
            f"{DAYS} days, {progress.forecast[0][1]} today."
        ),
        points=[(_day_label(day), count) for day, count in progress.forecast],
    )
    states = row_chart(
        chart_id="chart-states",
        title="Your cards by state",
        summary=", ".join(f"{count} {name}" for name, count in progress.states.items()) + ".",
        points=[(name.capitalize(), count) for name, count in progress.states.items()],
    )
    return {"reviews": reviews, "forecast": forecast, "states": states}

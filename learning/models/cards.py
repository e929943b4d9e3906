"""Flashcards and the append-only log of their reviews."""

import functools
from datetime import datetime

import fsrs
from django.conf import settings
from django.db import connections, models, router
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from learning.scheduling import (
    as_utc,
    day_start,
)
from quizzes.models import Article, Course, Question
from quizzes.models.courses import studied_articles


class CardQuerySet(models.QuerySet):
    def of(self, student) -> "CardQuerySet":
        return self.filter(student_id=student.pk)

    def of_students_taught_by(self, instructor) -> "CardQuerySet":
        """Cards of students in one of the instructor's courses (and not gone from it) that
        holds the card's article: what the instructor may see of their students' study."""
        in_my_course = Course.objects.editable_by(instructor).filter(
            articles=OuterRef("question__article"),
            enrollments__student=OuterRef("student"),
            enrollments__left_at__isnull=True,
        )
        return self.filter(Exists(in_my_course))

    def due_for(self, student, now: datetime) -> "CardQuerySet":
        """The student's queue, soonest first: learning cards once their step is over, review
        cards on their day (as in Anki: a card due at 18:00 can be done in the morning).

        Its conditions are those of the partial index `card_due_queue` and its order the index's,
        so a page of the queue (`[:n]`, `.first()`) is an index scan that stops early: no sort,
        however long the backlog."""
        return self.filter(
            Q(state=Card.State.REVIEW) | Q(due__lte=now),
            student=student,
            suspended=False,
            buried_until__isnull=True,
            due__lt=day_start(student.time_zone, now, days=1),
        ).order_by("due", "id")

    def in_current_courses(self, student) -> "CardQuerySet":
        """The student's cards whose article is in a course they have not left. (A plain
        subquery on the student's articles, worked out once: the review page's query stays an
        index scan that stops at the first card.)"""
        return self.filter(question__article_id__in=studied_articles(student))

    def studyable(self, student) -> "CardQuerySet":
        """Cards that may come up: in a current course of the student's, and their question
        still approved (not rejected or retired since the card was made)."""
        return self.in_current_courses(student).filter(question__status=Question.Status.APPROVED)

    def in_articles(self, articles) -> "CardQuerySet":
        """Narrowed to some articles' cards (the review page's choice of a course or an
        article); `None` leaves every card."""
        return self if articles is None else self.filter(question__article__in=articles)

    def leeches(self) -> "CardQuerySet":
        return self.filter(suspended=True)

    def introduced_since(self, moment: datetime) -> "CardQuerySet":
        return self.filter(created_at__gte=moment)


class CardManager(models.Manager.from_queryset(CardQuerySet)):
    def locked_for_review(self, pk: int, *, student_id: int, client_ids: list[str]) -> "Card":
        """The student's card with its question (and the title of the question's article), its
        row locked until the transaction ends, and in `stored_review_id` the id of a review its
        student stored under one of `client_ids` (None if there is none): all that recording
        a review reads, in one statement.

        Written out in SQL because it runs at every review, in the browser and through the API:
        a queryset would take a second statement for the stored review, and building one costs
        more than running it (see bench/reviews.py and bench/api.py). The stored review is
        looked for in the statement's snapshot, taken before any wait for the lock: one stored
        by a twin that held the lock meanwhile is not seen, and storing the review again then
        fails on the unique client id."""
        connection = connections[router.db_for_write(Card)]
        with connection.cursor() as cursor:
            cursor.execute(_locked_for_review_sql(connection.alias), [client_ids, pk, student_id])
            row = cursor.fetchone()
        if row is None:
            raise Card.DoesNotExist("No card matches the given query.")
        split = len(Card._meta.concrete_fields)
        card = _from_row(Card, Card._meta.concrete_fields, row[:split], connection)
        card.question = question = _from_row(Question, _QUESTION_FIELDS, row[split:-2], connection)
        # The article's title only: its text is long, and a review has no use for it.
        question.article = Article.from_db(
            connection.alias, ["id", "title"], [question.article_id, row[-2]]
        )
        card.stored_review_id = row[-1]
        return card


class Card(models.Model):
    """One question as one student's flashcard, with its FSRS memory state."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cards"
    )
    question = models.ForeignKey("quizzes.Question", on_delete=models.PROTECT, related_name="cards")
    # Copied from the question: the several questions on one fact are siblings, buried together.
    fact = models.ForeignKey("quizzes.Fact", on_delete=models.PROTECT, related_name="cards")

    class State(models.IntegerChoices):
        # fsrs.State's values.
        LEARNING = 1, "Learning"
        REVIEW = 2, "Review"
        RELEARNING = 3, "Relearning"

    state = models.PositiveSmallIntegerField(choices=State.choices, default=State.LEARNING)
    step = models.PositiveSmallIntegerField(null=True, blank=True, default=0)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField()
    last_review = models.DateTimeField(null=True, blank=True)
    reps = models.PositiveIntegerField(default=0)
    lapses = models.PositiveIntegerField(default=0)
    suspended = models.BooleanField(default=False)
    # Set when a sibling is reviewed; cleared once the student's next day has begun.
    buried_until = models.DateTimeField(null=True, blank=True)
    # When the card was introduced: the new-cards-per-day limit counts these.
    created_at = models.DateTimeField(default=timezone.now)

    objects = CardManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["student", "question"], name="one_card_per_question")
        ]
        indexes = [
            models.Index(
                fields=["student", "due", "id"],
                condition=Q(suspended=False, buried_until__isnull=True),
                name="card_due_queue",
            ),
            models.Index(
                fields=["student", "buried_until"],
                condition=Q(buried_until__isnull=False),
                name="card_buried",
            ),
            models.Index(fields=["student", "fact"], name="card_siblings"),
            models.Index(fields=["student", "created_at"], name="card_introduced"),
        ]

    def __str__(self) -> str:
        return f"{self.student} · {self.question}"

    @property
    def is_new(self) -> bool:
        return self.reps == 0

    @property
    def state_label(self) -> str:
        return "New" if self.is_new else self.get_state_display()

    @property
    def is_withdrawn(self) -> bool:
        """Its question was rejected or retired since the card was made: it takes no reviews."""
        return self.question.status != Question.Status.APPROVED

    def to_fsrs(self) -> fsrs.Card:
        return fsrs.Card(
            card_id=self.pk,
            state=fsrs.State(self.state),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=as_utc(self.due),
            last_review=as_utc(self.last_review) if self.last_review else None,
        )

    def set_fsrs(self, card: fsrs.Card) -> None:
        self.state = card.state.value
        self.step = card.step
        self.stability = card.stability
        self.difficulty = card.difficulty
        self.due = card.due
        self.last_review = card.last_review

    def save_reviewed(self, reviews: list["Review"], *, bury_siblings_until: datetime | None):
        """Append the new reviews to the log, save what reviewing changes on the card
        (REVIEWED_FIELDS), and bury its siblings until `bury_siblings_until` unless it is None:
        one statement, whose parts the database runs together, instead of three round trips.

        Siblings are the student's other cards on the same fact, buried when they are neither
        suspended nor buried already and would come due before the burial ends; one in a
        learning step too (Anki would leave it): the product asks that a fact come up once a
        day, and FSRS schedules a step answered late without harm."""
        connection = connections[self._state.db]
        params = [
            field.get_db_prep_save(field.pre_save(review, add=True), connection)
            for review in reviews
            for field in _review_insert_fields()
        ]
        params += [
            field.get_db_prep_save(getattr(self, field.attname), connection)
            for field in _reviewed_fields()
        ]
        params.append(self.pk)
        bury = bury_siblings_until is not None
        if bury:
            until = bury_siblings_until
            params += [until, self.student_id, self.fact_id, self.pk, until]
        with connection.cursor() as cursor:
            cursor.execute(_reviewed_save_sql(connection.alias, len(reviews), bury=bury), params)
            stored = dict(cursor.fetchall())  # client id -> id: RETURNING promises no order
        for review in reviews:
            review.pk = stored[review.client_id]
            review._state.adding = False
            review._state.db = self._state.db


class ReviewQuerySet(models.QuerySet):
    def by(self, student) -> "ReviewQuerySet":
        return self.filter(student=student)

    def since(self, moment: datetime) -> "ReviewQuerySet":
        return self.filter(reviewed_at__gte=moment)


class AppendOnlyError(Exception):
    pass


class Review(models.Model):
    """One answer to one card, appended to the log and never changed: the card's state can be
    rebuilt from its reviews (see `learning.scheduling.rebuild`)."""

    class Rating(models.IntegerChoices):
        AGAIN = 1, "Again"
        HARD = 2, "Hard"
        GOOD = 3, "Good"
        EASY = 4, "Easy"

    card = models.ForeignKey(Card, on_delete=models.PROTECT, related_name="reviews")
    # Copied from the card, for the per-student client id constraint and per-student statistics.
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews"
    )
    rating = models.PositiveSmallIntegerField(choices=Rating.choices)
    reviewed_at = models.DateTimeField()
    duration = models.DurationField()
    # fsrs.Card.to_dict() before and after the review, as the replay gave them when it was
    # recorded. A review synced later may since have been slotted in before it (device-time
    # order): the card row is rebuilt then, these stay as they were.
    state_before = models.JSONField()
    state_after = models.JSONField()
    # The scheduler setting the review was scheduled with, so a replay reproduces it.
    desired_retention = models.FloatField()
    # Chosen by the client, so a retried request stores the review once: the review page's id
    # for one showing of a card, or the UUID a device gave a review made offline.
    client_id = models.CharField(max_length=64)
    # The question's version the student saw, so history stays true after an edit.
    question_version = models.PositiveIntegerField(default=1)
    # What the student typed or picked before turning the card, and whether it was right; the
    # rating is still theirs to choose.
    response = models.CharField(max_length=500, blank=True, default="")
    response_correct = models.BooleanField(null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["student", "client_id"], name="one_review_per_client_id"
            ),
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=4), name="rating_1_to_4"),
        ]
        indexes = [
            models.Index(fields=["card", "id"], name="review_card_log"),
            models.Index(fields=["student", "reviewed_at"], name="review_student_time"),
        ]

    def __str__(self) -> str:
        return f"{self.get_rating_display()} on card {self.card_id} at {self.reviewed_at:%Y-%m-%d}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Reviews are never changed once recorded.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Reviews are never deleted.")


# What a review changes on its card.
REVIEWED_FIELDS = [
    "state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses",
    "suspended", "buried_until",
]  # fmt: skip


def _from_row(model: type[models.Model], fields: list, values, connection) -> models.Model:
    """An instance from the columns of `fields`, as the ORM makes them: each value through its
    field's converter (JSON arrives as text); the fields not read are deferred."""
    values = [
        field.from_db_value(value, None, connection) if hasattr(field, "from_db_value") else value
        for field, value in zip(fields, values, strict=True)
    ]
    return model.from_db(connection.alias, [field.attname for field in fields], values)


def _columns(alias: str, fields: list, connection) -> str:
    return ", ".join(f"{alias}.{connection.ops.quote_name(field.column)}" for field in fields)


# What reviewing a card reads of its question: all but the ranker's features, a long JSON
# object that only training the ranker reads.
_QUESTION_FIELDS = [f for f in Question._meta.concrete_fields if f.name != "ranking_features"]


# The statements below are built once per database and shape, from the models' names; every
# value is a parameter.
@functools.cache
def _locked_for_review_sql(alias: str) -> str:
    connection = connections[alias]
    return f"""
        SELECT {_columns("c", Card._meta.concrete_fields, connection)},
            {_columns("q", _QUESTION_FIELDS, connection)},
            a.title,
            (SELECT r.id FROM learning_review r
             WHERE r.student_id = c.student_id AND r.client_id = ANY(%s) LIMIT 1)
        FROM learning_card c
            JOIN quizzes_question q ON q.id = c.question_id
            JOIN quizzes_article a ON a.id = q.article_id
        WHERE c.id = %s AND c.student_id = %s
        FOR UPDATE OF c
    """  # noqa: S608


@functools.cache
def _review_insert_fields() -> list:
    return [field for field in Review._meta.concrete_fields if not field.primary_key]


@functools.cache
def _reviewed_fields() -> list:
    return [Card._meta.get_field(name) for name in REVIEWED_FIELDS]


_SIBLINGS_BURY = """
    , siblings AS (
        UPDATE learning_card SET buried_until = %s
        WHERE student_id = %s AND fact_id = %s AND id <> %s
            AND NOT suspended AND buried_until IS NULL AND due < %s
    )
"""


@functools.lru_cache(maxsize=64)  # one statement per number of reviews a card gets at once
def _reviewed_save_sql(alias: str, reviews: int, *, bury: bool) -> str:
    quote = connections[alias].ops.quote_name
    fields = _review_insert_fields()
    row = f"({', '.join(['%s'] * len(fields))})"
    changes = ", ".join(f"{quote(field.column)} = %s" for field in _reviewed_fields())
    return f"""
        WITH review AS (
            INSERT INTO learning_review ({", ".join(quote(field.column) for field in fields)})
            VALUES {", ".join([row] * reviews)}
            RETURNING client_id, id
        ), card AS (
            UPDATE learning_card SET {changes} WHERE id = %s
        )
        {_SIBLINGS_BURY if bury else ""}
        SELECT client_id, id FROM review
    """  # noqa: S608

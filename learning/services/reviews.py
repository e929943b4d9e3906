"""Workflows of studying: the review queue and recording reviews."""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from learning.errors import LearningError
from learning.models import Card, Review, User
from learning.queue import new_cards_allowed, new_questions
from learning.scheduling import (
    LEECH_THRESHOLD,
    MAX_ANSWER_TIME,
    Rating,
    as_utc,
    is_lapse,
    scheduler_for,
)
from quizzes import question_types
from quizzes.models import Question


def cards_unbury(*, student, now: datetime) -> int:
    """Return buried cards to the queue once the day they were buried for is over."""
    return Card.objects.filter(student=student, buried_until__lte=now).update(buried_until=None)


def _card_introduce(*, student, now: datetime, articles) -> Card | None:
    # Serialises introductions per student (two tabs), so the daily limit holds.
    User.objects.select_for_update().filter(pk=student.pk).first()
    if not new_cards_allowed(student, now):
        return None
    question = new_questions(student, now, articles=articles).first()
    if question is None:
        return None
    card, _ = Card.objects.get_or_create(
        student=student,
        question=question,
        defaults={"fact_id": question.fact_id, "due": now, "created_at": now},
    )
    return card


@transaction.atomic
def review_next(*, student, now: datetime, articles=None) -> Card | None:
    """The card to show next: the first one due, else a new card if today's limit allows.
    `articles` narrows the choice to those articles' cards (one course's, say)."""
    if now.tzinfo is None:
        raise LearningError("Times must be timezone-aware.")
    cards_unbury(student=student, now=now)
    due = Card.objects.due_for(student, now).studyable(student).in_articles(articles)
    card = due.select_related("question", "question__article").first()
    return card or _card_introduce(student=student, now=now, articles=articles)


RESPONSE_MAX_LENGTH = 500


def _review_validate(
    *, rating: int, reviewed_at: datetime, duration: timedelta, client_id: str, response: str
) -> None:
    if rating not in Review.Rating.values:
        raise LearningError("Rate the card 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).")
    if reviewed_at.tzinfo is None:
        raise LearningError("The review time must be timezone-aware.")
    if reviewed_at > timezone.now():
        raise LearningError("A review cannot be dated in the future.")
    if duration < timedelta(0):
        raise LearningError("A review cannot take a negative time.")
    if not client_id or len(client_id) > Review._meta.get_field("client_id").max_length:
        raise LearningError("Each review needs a client id of 1 to 64 characters.")
    if len(response) > RESPONSE_MAX_LENGTH:
        raise LearningError(f"An answer can be at most {RESPONSE_MAX_LENGTH} characters.")


CARD_REVIEW_FIELDS = [
    "state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses",
    "suspended", "buried_until",
]  # fmt: skip


def _existing_review(*, card: Card, client_id: str) -> Review | None:
    review = Review.objects.filter(student_id=card.student_id, client_id=client_id).first()
    if review is not None and review.card_id != card.pk:
        raise LearningError("This client id was already used for another card.")
    return review


def review_record(
    *,
    student: User,
    card: Card,
    rating: int,
    reviewed_at: datetime,
    duration: timedelta,
    client_id: str,
    response: str = "",
) -> Review:
    """Schedule the student's card with FSRS and append the review to the log, once per client id.

    The card row is locked first, so concurrent reviews of one card apply one after another, each
    starting from the state the previous one left. The answer time counts for at most
    MAX_ANSWER_TIME; what the student typed or picked is graded and kept with the review."""
    response = response.strip()
    _review_validate(
        rating=rating,
        reviewed_at=reviewed_at,
        duration=duration,
        client_id=client_id,
        response=response,
    )
    if card.student_id != student.pk:
        raise LearningError("This card is not yours.")
    try:
        return _review_record(
            card=card,
            rating=rating,
            reviewed_at=reviewed_at,
            duration=min(duration, MAX_ANSWER_TIME),
            client_id=client_id,
            response=response,
        )
    except IntegrityError:
        # Only a client id reused at the same moment for another card gets here: the same card's
        # retries wait for its lock and then find their twin's review.
        raise LearningError("This client id was already used for another card.") from None


def _review_refusal(card: Card, reviewed_at: datetime) -> str:
    """Why this review cannot change the card now; empty when it can."""
    if card.question.status != Question.Status.APPROVED:
        return "This question was withdrawn by the instructor; the review was not recorded."
    if card.suspended:
        return "This card is suspended: it has been forgotten too often."
    if card.last_review and reviewed_at < card.last_review:
        # Replaying a late review would move the schedule backwards (offline sync will decide).
        return "This card was reviewed after that time; an earlier review cannot be added."
    return ""


def response_grade(*, card: Card, response: str) -> question_types.Grade | None:
    """Whether what the student typed or picked before turning the card is right; None when
    they gave nothing or the card's type takes no single answer (orderings, matchings)."""
    question = card.question
    kind = question_types.question_type(question.type)
    if not response or not (kind.typed or kind.picks):
        return None
    try:
        return kind.grade(question, response)
    except question_types.ResponseError as error:
        raise LearningError(str(error)) from None


@transaction.atomic
def _review_record(
    *,
    card: Card,
    rating: int,
    reviewed_at: datetime,
    duration: timedelta,
    client_id: str,
    response: str,
) -> Review:
    card = (
        Card.objects.select_for_update(of=("self",))
        .select_related("student", "question")
        .get(pk=card.pk)
    )
    if existing := _existing_review(card=card, client_id=client_id):
        return existing
    if refusal := _review_refusal(card, reviewed_at):
        raise LearningError(refusal)
    grade = response_grade(card=card, response=response)
    student = card.student
    before = card.to_fsrs()
    after, _ = scheduler_for(student.desired_retention).review_card(
        before, Rating(rating), as_utc(reviewed_at), round(duration.total_seconds() * 1000)
    )
    card.set_fsrs(after)
    card.reps += 1
    if is_lapse(before.state, Rating(rating)):
        card.lapses += 1
        card.suspended = card.lapses >= LEECH_THRESHOLD
    card.buried_until = None
    card.save(update_fields=CARD_REVIEW_FIELDS)
    review = Review.objects.create(
        card=card,
        student=student,
        rating=rating,
        reviewed_at=reviewed_at,
        duration=duration,
        state_before=before.to_dict(),
        state_after=after.to_dict(),
        desired_retention=student.desired_retention,
        client_id=client_id,
        question_version=card.question.version,
        response=response if grade else "",
        response_correct=grade.correct if grade else None,
    )
    _siblings_bury(card=card, until=student.day_start(reviewed_at, days=1))
    return review


def _siblings_bury(*, card: Card, until: datetime) -> int:
    # Every sibling, including one in a learning step (which Anki would leave): the product asks
    # that a fact come up once a day, and FSRS schedules a step answered late without harm.
    siblings = Card.objects.filter(
        student_id=card.student_id,
        fact_id=card.fact_id,
        suspended=False,
        buried_until__isnull=True,
        due__lt=until,
    ).exclude(pk=card.pk)
    return siblings.update(buried_until=until)

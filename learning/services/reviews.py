"""Workflows of studying: the review queue and recording reviews."""

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from learning.errors import LearningError
from learning.models import Card, Review, User
from learning.queue import new_cards_allowed, new_questions
from learning.scheduling import MAX_ANSWER_TIME, RebuiltCard, log_order, replay_steps
from quizzes import question_types


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


@transaction.atomic
def cards_for_review(*, student, now: datetime, limit: int) -> list[Card]:
    """Up to `limit` cards to study now, for an app to work through (offline, perhaps): the due
    ones first, then new ones as today's new-card limit allows. New cards are introduced now,
    one per fact, as the review page would introduce them one by one."""
    if now.tzinfo is None:
        raise LearningError("Times must be timezone-aware.")
    cards_unbury(student=student, now=now)
    due = Card.objects.due_for(student, now).studyable(student)
    cards = list(due.select_related("question", "question__article")[:limit])
    while len(cards) < limit:
        card = _card_introduce(student=student, now=now, articles=None)
        if card is None or card in cards:
            break
        cards.append(Card.objects.select_related("question", "question__article").get(pk=card.pk))
    return cards


RESPONSE_MAX_LENGTH = 500
# Device clocks drift: a review dated up to this far past the server's clock is taken as it is.
CLOCK_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class Refusal:
    """Why a review is not recorded: a code for programs, a message fit to show the user."""

    code: str
    message: str


FUTURE = Refusal("future", "A review cannot be dated in the future.")
NOT_YOURS = Refusal("not_your_card", "This card is not yours.")
WITHDRAWN = Refusal(
    "withdrawn", "This question was withdrawn by the instructor; the review was not recorded."
)
SUSPENDED = Refusal("suspended", "This card is suspended: it has been forgotten too often.")


def in_the_future(reviewed_at: datetime, now: datetime) -> bool:
    return reviewed_at > now + CLOCK_SKEW


def _review_validate(
    *,
    rating: int,
    reviewed_at: datetime,
    duration: timedelta,
    client_id: str,
    response: str,
    now: datetime,
) -> None:
    if rating not in Review.Rating.values:
        raise LearningError("Rate the card 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).")
    if reviewed_at.tzinfo is None:
        raise LearningError("The review time must be timezone-aware.")
    if in_the_future(reviewed_at, now):
        raise LearningError(FUTURE.message)
    if duration < timedelta(0):
        raise LearningError("A review cannot take a negative time.")
    if not client_id or len(client_id) > Review._meta.get_field("client_id").max_length:
        raise LearningError("Each review needs a client id of 1 to 64 characters.")
    if len(response) > RESPONSE_MAX_LENGTH:
        raise LearningError(f"An answer can be at most {RESPONSE_MAX_LENGTH} characters.")


def _stored_review(*, card: Card, review_id: int) -> Review:
    review = Review.objects.get(pk=review_id)
    if review.card_id != card.pk:
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
    now: datetime | None = None,
) -> Review:
    """Schedule the student's card with FSRS and append the review to the log, once per client id.

    The card row is locked first, so concurrent reviews of one card apply one after another, each
    starting from the state the previous one left. A review dated before the card's last one (a
    device's, synced late) takes its place in device-time order and the card is replayed (see
    `card_reviews_append`). The answer time counts for at most MAX_ANSWER_TIME; what the student
    typed or picked is graded and kept with the review. `now` is the server's time (by default
    the clock's; the simulation passes its own).

    The usual review takes two statements in its transaction: one read that locks the card and
    looks for the client id (`Card.objects.locked_for_review`), and one write
    (`Card.save_reviewed`)."""
    now = now or timezone.now()
    response = response.strip()
    _review_validate(
        rating=rating,
        reviewed_at=reviewed_at,
        duration=duration,
        client_id=client_id,
        response=response,
        now=now,
    )
    if card.student_id != student.pk:
        raise LearningError(NOT_YOURS.message)
    record = functools.partial(
        _review_record,
        student=student,
        card_id=card.pk,
        rating=rating,
        reviewed_at=reviewed_at,
        duration=min(duration, MAX_ANSWER_TIME),
        client_id=client_id,
        response=response,
        now=now,
    )
    try:
        return record()
    except IntegrityError:
        # The client id was stored meanwhile: by a retry of this review that held the card's lock
        # while this one waited for it (the locking read looked too early to see it), or at the
        # same moment for another card. A second pass finds it.
        return record()


def _review_refusal(card: Card) -> Refusal | None:
    if card.is_withdrawn:
        return WITHDRAWN
    if card.suspended:
        # The review page no longer shows it; a page left open from before cannot grade it.
        return SUSPENDED
    return None


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
    student: User,
    card_id: int,
    rating: int,
    reviewed_at: datetime,
    duration: timedelta,
    client_id: str,
    response: str,
    now: datetime,
) -> Review:
    card = Card.objects.locked_for_review(card_id, student_id=student.pk, client_ids=[client_id])
    if card.stored_review_id is not None:
        return _stored_review(card=card, review_id=card.stored_review_id)
    if refusal := _review_refusal(card):
        raise LearningError(refusal.message)
    # The caller's student, whose settings (read with the request) schedule the review.
    card.student = student
    grade = response_grade(card=card, response=response)
    review = Review(
        card=card,
        student=student,
        rating=rating,
        reviewed_at=reviewed_at,
        duration=duration,
        desired_retention=student.desired_retention,
        client_id=client_id,
        question_version=card.question.version,
        response=response if grade else "",
        response_correct=grade.correct if grade else None,
    )
    card_reviews_append(card=card, reviews=[review], now=now)
    return review


def card_reviews_append(*, card: Card, reviews: list[Review], now: datetime) -> None:
    """Append new reviews (unsaved, each with its desired retention) to the card's log, and make
    the card the replay of its whole log in device-time order (`scheduling.log_order`), so that
    it does not depend on the order reviews arrive in. The caller holds the card's row lock, in
    its transaction, and has set the card's student. The reviews, the card and the burial of
    its siblings are written in one statement (`Card.save_reviewed`).

    The usual review is the card's newest: it is applied to the card's stored state, and nothing
    else is read. One dated at or before the card's last review (from a device that synced
    late, or two devices) replays the whole log from the first review.

    Each new review records the state before and after it as the replay gives them now. The log
    is append-only, so when a later arrival is slotted in before it those stay as they were: they
    say what the review did when it was recorded. The card row is what is rebuilt; `rebuild` of
    the log gives it at any time."""
    reviews = sorted(reviews, key=log_order)
    if card.last_review is None or reviews[0].reviewed_at > card.last_review:
        start = RebuiltCard(card.to_fsrs(), card.reps, card.lapses, card.suspended)
        log = reviews
    else:
        start = RebuiltCard.new(card_id=card.pk, created_at=card.created_at)
        # Not `card.reviews`: a related manager sets each review's card from its card_id, which
        # `only` would leave out, one query per review to fetch it.
        stored = Review.objects.filter(card_id=card.pk).only(
            "rating", "reviewed_at", "client_id", "desired_retention"
        )
        log = [*stored, *reviews]
    end = start
    for review, before, after in replay_steps(start, log):
        if review.pk is None:
            review.state_before = before.memory.to_dict()
            review.state_after = after.memory.to_dict()
        end = after
    card.set_fsrs(end.memory)
    if end.lapses != card.lapses:
        # A replay from the first review cannot know of a suspension changed by hand in the
        # admin: the flag follows the replay only when the lapses changed (as at a review).
        card.suspended = end.suspended
    card.reps, card.lapses = end.reps, end.lapses
    # Reviewing buries the card's siblings for the rest of the day of the newest review, and
    # brings the card itself back from a burial; a day already over has nothing left to bury.
    until = card.student.day_start(reviews[-1].reviewed_at, days=1)
    if until > now:
        card.buried_until = None
    card.save_reviewed(reviews, bury_siblings_until=until if until > now else None)

"""Offline review sync: reviews made on a device without a connection, sent later in batches.

Each review is stored once under the id the device gave it, and each card becomes the replay of
all its reviews in device-time order (`card_reviews_append`), so the cards come out the same
whatever order the batches arrive in, from however many devices."""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from django.db import IntegrityError, transaction

from learning.errors import LearningError
from learning.models import Card, Review, User
from learning.scheduling import MAX_ANSWER_TIME
from learning.services.reviews import (
    FUTURE,
    NOT_YOURS,
    WITHDRAWN,
    Refusal,
    card_reviews_append,
    in_the_future,
    response_grade,
)


@dataclass(frozen=True)
class ReviewInput:
    """One review as the device made it; `id` is the device's, the same on every resend."""

    id: uuid.UUID
    card_id: int
    rating: int
    reviewed_at: datetime
    duration: timedelta
    response: str = ""  # what the student typed or picked, if anything


class Outcome(StrEnum):
    CREATED = "created"  # stored by this call
    DUPLICATE = "duplicate"  # stored before, or earlier in this batch: nothing new written
    REJECTED = "rejected"  # not stored: `code` and `reason` say why
    CONFLICT = "conflict"  # the id is stored with another card, rating, time or duration


CONFLICT = Refusal(
    "conflict", "This review id was already used for a different review; it was not recorded."
)
INVALID = "invalid"


@dataclass(frozen=True)
class ReviewOutcome:
    id: uuid.UUID
    card_id: int
    outcome: Outcome
    # The stored review: the one created, the one stored before, or the one holding a
    # conflicting id; None when nothing is stored under the id.
    review: Review | None = None
    code: str = ""  # for rejected and conflict: "invalid", "future", "not_your_card", ...
    reason: str = ""  # a message fit to show the user


@dataclass(frozen=True)
class SyncResult:
    reviews: list[ReviewOutcome]  # one for each review sent, in the order sent
    cards: list[Card]  # the student's cards the batch named, as it left them, by id


def reviews_sync(*, student: User, reviews: list[ReviewInput], now: datetime) -> SyncResult:
    """Store a batch of a student's reviews, each once, and replay each card they touch.

    A review dated more than CLOCK_SKEW after `now`, of a card that is not the student's, or of a
    question withdrawn since, is rejected with its reason; the others are stored. A suspended
    card's reviews are stored too: the device made them before it learned of the suspension,
    and refusing them would make the card depend on which batch arrived first.

    The batch is written card by card, each card in a transaction of its own with its row
    locked, so an error rolls back only its own card: those before it stay stored, and a resend
    of the batch finds them as duplicates."""
    if now.tzinfo is None:
        raise LearningError("Times must be timezone-aware.")
    outcomes: dict[int, ReviewOutcome] = {}
    first_sent: dict[uuid.UUID, int] = {}
    by_card: dict[int, list[tuple[int, ReviewInput]]] = defaultdict(list)
    for position, item in enumerate(reviews):
        if problem := _malformed(item):
            outcomes[position] = ReviewOutcome(
                item.id, item.card_id, Outcome.REJECTED, code=INVALID, reason=problem
            )
        elif first_sent.setdefault(item.id, position) == position:
            by_card[item.card_id].append((position, item))
    cards = []
    for card_id in sorted(by_card):
        card, card_outcomes = _card_sync(
            student=student, card_id=card_id, items=by_card[card_id], now=now
        )
        outcomes |= card_outcomes
        if card is not None:
            cards.append(card)
    for position, item in enumerate(reviews):
        if position not in outcomes:  # an id sent twice in the batch: the first one counts
            first = first_sent[item.id]
            outcomes[position] = _repeat(item, reviews[first], outcomes[first])
    return SyncResult(reviews=[outcomes[position] for position in range(len(reviews))], cards=cards)


def _malformed(item: ReviewInput) -> str:
    if item.rating not in Review.Rating.values:
        return "Rate the card 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)."
    if item.reviewed_at.tzinfo is None:
        return "The review time must be timezone-aware."
    if item.duration < timedelta(0):
        return "A review cannot take a negative time."
    return ""


def _card_sync(
    *, student: User, card_id: int, items: list[tuple[int, ReviewInput]], now: datetime
) -> tuple[Card | None, dict[int, ReviewOutcome]]:
    try:
        return _card_sync_once(student=student, card_id=card_id, items=items, now=now)
    except IntegrityError:
        # One of these ids was stored at the same moment: for another card (the card's lock
        # keeps out only the same card's twins), or for this one by a twin that held the lock
        # while this pass waited for it. A second pass finds it: a conflict, or a duplicate.
        return _card_sync_once(student=student, card_id=card_id, items=items, now=now)


@transaction.atomic
def _card_sync_once(
    *, student: User, card_id: int, items: list[tuple[int, ReviewInput]], now: datetime
) -> tuple[Card | None, dict[int, ReviewOutcome]]:
    ids = [str(item.id) for _, item in items]
    try:
        # Whether any id was stored before comes in the same statement: the usual batch holds
        # only new reviews and needs no second read. (Seen in the statement's snapshot: a twin
        # that stores one while this waits for the lock makes the insert fail, and
        # `_card_sync` then runs again and finds it.)
        card = Card.objects.locked_for_review(card_id, student_id=student.pk, client_ids=ids)
    except Card.DoesNotExist:
        card = None
    else:
        card.student = student  # the caller's: no second read of the user
    stored = {}
    if card is None or card.stored_review_id is not None:
        already = Review.objects.filter(student=student, client_id__in=ids)
        stored = {review.client_id: review for review in already}
    outcomes: dict[int, ReviewOutcome] = {}
    new: list[tuple[int, ReviewInput, Review]] = []
    for position, item in items:
        if review := stored.get(str(item.id)):
            outcomes[position] = _against_stored(item, review)
        elif refusal := _refusal(card, item, now):
            outcomes[position] = ReviewOutcome(
                item.id, item.card_id, Outcome.REJECTED, code=refusal.code, reason=refusal.message
            )
        else:
            try:
                grade = response_grade(card=card, response=item.response.strip())
            except LearningError as error:
                outcomes[position] = ReviewOutcome(
                    item.id, item.card_id, Outcome.REJECTED, code=INVALID, reason=str(error)
                )
                continue
            new.append((position, item, _review_new(card, item, grade)))
    if new:
        card_reviews_append(card=card, reviews=[review for _, _, review in new], now=now)
    for position, item, review in new:
        outcomes[position] = ReviewOutcome(item.id, item.card_id, Outcome.CREATED, review)
    return card, outcomes


def _refusal(card: Card | None, item: ReviewInput, now: datetime) -> Refusal | None:
    # A card that does not exist is answered as another student's: ids reveal nothing.
    if card is None:
        return NOT_YOURS
    if in_the_future(item.reviewed_at, now):
        return FUTURE
    if card.is_withdrawn:
        return WITHDRAWN
    return None


def _review_new(card: Card, item: ReviewInput, grade) -> Review:
    return Review(
        card=card,
        student=card.student,
        rating=item.rating,
        reviewed_at=item.reviewed_at,
        duration=min(item.duration, MAX_ANSWER_TIME),
        desired_retention=card.student.desired_retention,
        client_id=str(item.id),
        question_version=card.question.version,
        response=item.response.strip() if grade else "",
        response_correct=grade.correct if grade else None,
    )


def _body(review: ReviewInput | Review) -> tuple:
    # The duration is stored capped, so a resend with the device's own figure is the same review.
    return (
        review.card_id,
        review.rating,
        review.reviewed_at,
        min(review.duration, MAX_ANSWER_TIME),
    )


def _against_stored(item: ReviewInput, review: Review) -> ReviewOutcome:
    if _body(item) == _body(review):
        return ReviewOutcome(item.id, item.card_id, Outcome.DUPLICATE, review)
    return _conflict(item, review)


def _repeat(item: ReviewInput, first: ReviewInput, first_outcome: ReviewOutcome) -> ReviewOutcome:
    if _body(item) != _body(first):
        return _conflict(item, first_outcome.review)
    if first_outcome.outcome in (Outcome.CREATED, Outcome.DUPLICATE):
        return ReviewOutcome(item.id, item.card_id, Outcome.DUPLICATE, first_outcome.review)
    return first_outcome  # rejected or in conflict, as the first one was


def _conflict(item: ReviewInput, review: Review | None) -> ReviewOutcome:
    return ReviewOutcome(
        item.id,
        item.card_id,
        Outcome.CONFLICT,
        review,
        code=CONFLICT.code,
        reason=CONFLICT.message,
    )

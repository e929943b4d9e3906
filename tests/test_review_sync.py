"""Offline review sync: batches of reviews made on devices, arriving late and in any order."""

import dataclasses
import itertools
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.db import transaction

from learning.models import Card, Review
from learning.scheduling import LEECH_THRESHOLD, MAX_ANSWER_TIME, rebuild
from learning.services import Outcome, ReviewInput, reviews_sync
from learning.services.reviews import CLOCK_SKEW
from quizzes.models import Question
from tests.factories import CardFactory, QuestionFactory, StudentFactory

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=30)
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture(autouse=True)
def _clock(time_machine):
    # Cards made by the factories are introduced "now": make now T0.
    time_machine.move_to(T0, tick=False)


def _made(card, rating, at, **changes) -> ReviewInput:
    """A review as a device made it: a fresh id, five seconds to answer."""
    made = ReviewInput(uuid.uuid4(), card.pk, rating, at, timedelta(seconds=5))
    return dataclasses.replace(made, **changes)


def _sync(card, reviews, now=NOW):
    return reviews_sync(student=card.student, reviews=reviews, now=now)


def _state(card) -> tuple:
    card.refresh_from_db()
    return (
        card.state,
        card.step,
        card.stability,
        card.difficulty,
        card.due,
        card.last_review,
        card.reps,
        card.lapses,
        card.suspended,
    )


def _rebuilt_state(card) -> tuple:
    rebuilt = rebuild(card_id=card.pk, created_at=card.created_at, reviews=card.reviews.all())
    memory = rebuilt.memory
    return (
        memory.state.value,
        memory.step,
        memory.stability,
        memory.difficulty,
        memory.due,
        memory.last_review,
        rebuilt.reps,
        rebuilt.lapses,
        rebuilt.suspended,
    )


def _arriving(card, batches) -> tuple:
    """The card that these batches leave, sent in this order; then undone, for the next order."""
    with transaction.atomic():
        for batch in batches:
            _sync(card, batch)
        state = _state(card)
        assert state == _rebuilt_state(card)
        transaction.set_rollback(True)
    return state


def _two_devices_history(card) -> list[ReviewInput]:
    # Learning steps on a laptop and a phone, a review days later, then a lapse.
    return [
        _made(card, GOOD, T0),
        _made(card, GOOD, T0 + timedelta(minutes=10)),
        _made(card, GOOD, T0 + timedelta(days=5)),
        _made(card, AGAIN, T0 + timedelta(days=20)),
    ]


def test_every_arrival_order_of_the_same_reviews_gives_the_same_card(card):
    history = _two_devices_history(card)
    finals = {
        _arriving(card, [[review] for review in order]) for order in itertools.permutations(history)
    }
    assert finals == {_arriving(card, [history])}
    state, _, _, _, _, last_review, reps, lapses, _ = finals.pop()
    assert (state, last_review, reps, lapses) == (
        Card.State.RELEARNING,
        T0 + timedelta(days=20),
        4,
        1,
    )


def test_two_devices_batches_give_the_same_card_whichever_arrives_first(card):
    first, second, third, fourth = _two_devices_history(card)
    laptop, phone = [first, third], [second, fourth]
    assert _arriving(card, [laptop, phone]) == _arriving(card, [phone, laptop])
    assert _arriving(card, [phone, laptop]) == _arriving(card, [[first, second, third, fourth]])


def test_reviews_made_at_the_same_moment_give_the_same_card_in_either_order(card):
    again = _made(card, AGAIN, T0, id=uuid.UUID(int=1))
    good = _made(card, GOOD, T0, id=uuid.UUID(int=2))
    assert _arriving(card, [[again], [good]]) == _arriving(card, [[good], [again]])


def test_a_late_review_is_kept_with_the_states_it_was_recorded_with(card):
    later = _sync(card, [_made(card, GOOD, T0 + timedelta(minutes=10))]).reviews[0].review
    _sync(card, [_made(card, AGAIN, T0)])
    # The log is append-only: the first review recorded still says it started from a new card,
    # though the replay now puts the late one before it. The card is what is rebuilt.
    assert Review.objects.get(pk=later.pk).state_before["last_review"] is None
    assert _state(card) == _rebuilt_state(card)


def test_a_leechs_history_synced_backwards_suspends_the_card(card):
    history = [_made(card, GOOD, T0), _made(card, GOOD, T0 + timedelta(minutes=10))]
    for day in range(1, LEECH_THRESHOLD + 1):
        history.append(_made(card, AGAIN, T0 + timedelta(days=day)))
        history.append(_made(card, GOOD, T0 + timedelta(days=day, minutes=10)))
    for review in reversed(history):
        _sync(card, [review])
    card.refresh_from_db()
    assert (card.lapses, card.suspended) == (LEECH_THRESHOLD, True)
    assert _state(card) == _rebuilt_state(card)


def test_the_result_gives_each_reviews_outcome_and_the_cards_it_left(card):
    review = _made(card, GOOD, T0)
    result = _sync(card, [review])
    [outcome] = result.reviews
    assert (outcome.id, outcome.card_id, outcome.outcome) == (review.id, card.pk, Outcome.CREATED)
    assert outcome.review == Review.objects.get(client_id=str(review.id))
    assert [(c.pk, c.reps, c.last_review) for c in result.cards] == [(card.pk, 1, T0)]


def test_a_review_sent_again_is_a_duplicate_and_writes_nothing(card):
    review = _made(card, GOOD, T0)
    first = _sync(card, [review]).reviews[0]
    state = _state(card)
    again = _sync(card, [review]).reviews[0]
    assert (again.outcome, again.review.pk) == (Outcome.DUPLICATE, first.review.pk)
    assert (Review.objects.count(), _state(card)) == (1, state)


def test_a_review_sent_twice_in_one_batch_is_stored_once(card):
    review = _made(card, GOOD, T0)
    outcomes = _sync(card, [review, review]).reviews
    assert [o.outcome for o in outcomes] == [Outcome.CREATED, Outcome.DUPLICATE]
    assert outcomes[0].review.pk == outcomes[1].review.pk
    assert Card.objects.get(pk=card.pk).reps == 1


def test_a_resend_of_a_review_whose_time_was_capped_is_a_duplicate(card):
    review = _made(card, GOOD, T0, duration=timedelta(minutes=5))
    _sync(card, [review])
    assert _sync(card, [review]).reviews[0].outcome == Outcome.DUPLICATE
    assert Review.objects.get().duration == MAX_ANSWER_TIME


@pytest.mark.parametrize(
    "changes",
    [
        {"rating": EASY},
        {"reviewed_at": T0 + timedelta(seconds=1)},
        {"duration": timedelta(seconds=6)},
        {"card_id": None},  # another card of the student's
    ],
)
def test_the_same_id_with_a_different_review_is_a_conflict(card, changes):
    review = _made(card, GOOD, T0)
    stored = _sync(card, [review]).reviews[0].review
    if "card_id" in changes:
        changes = {"card_id": CardFactory(student=card.student).pk}
    outcome = _sync(card, [dataclasses.replace(review, **changes)]).reviews[0]
    assert (outcome.outcome, outcome.code, outcome.review) == (Outcome.CONFLICT, "conflict", stored)
    assert Review.objects.count() == 1


def test_the_same_id_twice_in_a_batch_with_different_reviews_is_a_conflict(card):
    review = _made(card, GOOD, T0)
    outcomes = _sync(card, [review, dataclasses.replace(review, rating=AGAIN)]).reviews
    assert [o.outcome for o in outcomes] == [Outcome.CREATED, Outcome.CONFLICT]
    assert Review.objects.get().rating == GOOD


def test_a_review_dated_beyond_the_clock_skew_is_rejected_and_the_rest_stored(card):
    now = T0 + timedelta(hours=1)
    ahead = _made(card, GOOD, now + CLOCK_SKEW + timedelta(seconds=1))
    outcomes = _sync(card, [_made(card, GOOD, T0), ahead], now=now).reviews
    assert [(o.outcome, o.code) for o in outcomes] == [
        (Outcome.CREATED, ""),
        (Outcome.REJECTED, "future"),
    ]
    assert "future" in outcomes[1].reason
    assert Review.objects.count() == 1


def test_a_review_dated_within_the_clock_skew_is_stored(card):
    now = T0 + timedelta(hours=1)
    outcome = _sync(card, [_made(card, GOOD, now + CLOCK_SKEW)], now=now).reviews[0]
    assert outcome.outcome == Outcome.CREATED


def test_another_students_card_is_rejected_and_the_rest_stored(card):
    others = CardFactory(student=StudentFactory(username="other"))
    outcomes = _sync(card, [_made(others, GOOD, T0), _made(card, GOOD, T0)]).reviews
    assert [(o.outcome, o.code) for o in outcomes] == [
        (Outcome.REJECTED, "not_your_card"),
        (Outcome.CREATED, ""),
    ]
    assert (others.reviews.count(), card.reviews.count()) == (0, 1)


def test_a_card_that_does_not_exist_is_rejected_as_not_the_students(card):
    outcome = _sync(card, [_made(card, GOOD, T0, card_id=card.pk + 1000)]).reviews[0]
    assert (outcome.outcome, outcome.code) == (Outcome.REJECTED, "not_your_card")


@pytest.mark.parametrize("status", [Question.Status.REJECTED, Question.Status.RETIRED])
def test_a_withdrawn_questions_review_is_rejected_and_the_rest_stored(student, card, status):
    withdrawn = CardFactory(student=student, question=QuestionFactory(status=status))
    outcomes = _sync(card, [_made(withdrawn, GOOD, T0), _made(card, GOOD, T0)]).reviews
    assert [(o.outcome, o.code) for o in outcomes] == [
        (Outcome.REJECTED, "withdrawn"),
        (Outcome.CREATED, ""),
    ]
    assert (withdrawn.reviews.count(), card.reviews.count()) == (0, 1)


def test_a_malformed_review_is_rejected_and_the_rest_stored(card):
    outcomes = _sync(card, [_made(card, 5, T0), _made(card, GOOD, T0)]).reviews
    assert [(o.outcome, o.code) for o in outcomes] == [
        (Outcome.REJECTED, "invalid"),
        (Outcome.CREATED, ""),
    ]


def test_a_suspended_cards_reviews_from_a_device_are_kept(card):
    Card.objects.filter(pk=card.pk).update(suspended=True)
    outcome = _sync(card, [_made(card, GOOD, T0)]).reviews[0]
    card.refresh_from_db()
    assert (outcome.outcome, card.reps, card.suspended) == (Outcome.CREATED, 1, True)


def test_a_synced_review_of_today_buries_the_cards_siblings(student, card):
    sibling = CardFactory(student=student, question=QuestionFactory(fact=card.fact), due=T0)
    _sync(card, [_made(card, GOOD, T0)], now=T0 + timedelta(hours=1))
    sibling.refresh_from_db()
    assert sibling.buried_until == datetime(2025, 3, 4, tzinfo=UTC)


def test_a_synced_review_of_a_day_already_over_buries_nothing(student, card):
    sibling = CardFactory(student=student, question=QuestionFactory(fact=card.fact), due=T0)
    _sync(card, [_made(card, GOOD, T0)], now=T0 + timedelta(days=1))
    sibling.refresh_from_db()
    assert sibling.buried_until is None


def test_a_batch_of_new_reviews_of_a_card_is_one_read_and_one_write(
    card, django_assert_num_queries
):
    reviews = [_made(card, 3, NOW - timedelta(minutes=10)), _made(card, 1, NOW)]
    # The read locks the card and asks whether any id was seen before; none was, so nothing
    # more is read. The savepoint and its release stand for BEGIN and COMMIT.
    with django_assert_num_queries(4):
        _sync(card, reviews)
    # Sent again: the stored reviews are read instead of anything written.
    with django_assert_num_queries(4):
        result = _sync(card, reviews)
    assert [outcome.outcome for outcome in result.reviews] == ["duplicate", "duplicate"]

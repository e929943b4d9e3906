"""Concurrent reviews on the real database: threads, each with its own connection, committing."""

import functools
import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from learning.models import Review
from learning.scheduling import replay
from learning.services import review_record
from tests.factories import CardFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
THREADS = 6


def _at_once(calls: list) -> list:
    """Run the calls at the same moment, each in a thread with its own connection; their results."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def run(call) -> None:
        try:
            barrier.wait()
            results.append(call())
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    return results


def _in_threads(card, client_ids: list[str]) -> list:
    return _at_once(
        [
            functools.partial(
                review_record,
                student=card.student,
                card=card,
                rating=3,
                reviewed_at=T0,
                duration=timedelta(seconds=4),
                client_id=client_id,
            )
            for client_id in client_ids
        ]
    )


def test_concurrent_reviews_of_one_card_apply_one_after_another():
    card = CardFactory(due=T0, created_at=T0)
    _in_threads(card, [f"client-{n}" for n in range(THREADS)])
    card.refresh_from_db()
    log = list(card.reviews.all())
    # None was lost or doubled, and the card is what doing them one after another gives, in
    # device-time order (all made at T0, so in client id order, whichever arrived first).
    assert card.reps == len(log) == THREADS
    rebuilt = replay(card_id=card.pk, created_at=card.created_at, reviews=log)
    assert rebuilt.to_dict() == card.to_fsrs().to_dict()


def test_concurrent_retries_of_one_review_store_it_once():
    card = CardFactory(due=T0, created_at=T0)
    results = _in_threads(card, ["the-same-click"] * THREADS)
    card.refresh_from_db()
    assert Review.objects.count() == 1
    assert {review.pk for review in results} == {Review.objects.get().pk}
    assert card.reps == 1

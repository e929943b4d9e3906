"""Concurrent reviews and quiz starts on the real database: threads, each with its own
connection, committing."""

import functools
import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from rest_framework.test import APIClient

from learning.models import Attempt, Review
from learning.scheduling import replay
from learning.services import ReviewInput, review_record, reviews_sync
from tests.factories import (
    ArticleFactory,
    CardFactory,
    CourseFactory,
    EnrollmentFactory,
    QuestionFactory,
    QuizFactory,
    QuizSlotFactory,
    StudentFactory,
)

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


def _synced_in_threads(student, batches: list[list[ReviewInput]]) -> list:
    """Each batch synced at the same moment; the outcomes of all their reviews."""
    now = T0 + timedelta(minutes=1)
    calls = [functools.partial(reviews_sync, student=student, reviews=b, now=now) for b in batches]
    return [outcome for result in _at_once(calls) for outcome in result.reviews]


def test_fifty_copies_of_one_review_sent_at_once_store_it_once():
    card = CardFactory(due=T0, created_at=T0)
    review = ReviewInput(uuid.uuid4(), card.pk, 3, T0, timedelta(seconds=4))
    outcomes = _synced_in_threads(card.student, [[review]] * 50)
    card.refresh_from_db()
    assert sorted(outcome.outcome for outcome in outcomes) == ["created"] + ["duplicate"] * 49
    assert {outcome.review.pk for outcome in outcomes} == {Review.objects.get().pk}
    assert card.reps == 1


def test_one_id_sent_at_once_for_two_cards_is_stored_once_and_the_other_is_a_conflict():
    card = CardFactory(due=T0, created_at=T0)
    other = CardFactory(student=card.student, due=T0, created_at=T0)
    same_id = uuid.uuid4()
    batches = [
        [ReviewInput(same_id, each.pk, 3, T0, timedelta(seconds=4))] for each in (card, other)
    ]
    outcomes = _synced_in_threads(card.student, batches)
    assert sorted(outcome.outcome for outcome in outcomes) == ["conflict", "created"]
    assert Review.objects.get().client_id == str(same_id)


def test_five_starts_of_a_quiz_at_once_create_one_attempt_and_say_so_once():
    student = StudentFactory()
    course = CourseFactory()
    course.articles.add(article := ArticleFactory(owner=course.instructor))
    EnrollmentFactory(course=course, student=student)
    quiz = QuizFactory(course=course)
    QuizSlotFactory(quiz=quiz, position=1, question=QuestionFactory(fact__article=article))

    def start() -> int:
        client = APIClient()
        client.force_authenticate(student)
        return client.post(f"/api/v1/quizzes/{quiz.pk}/attempts/").status_code

    codes = _at_once([start] * 5)
    assert sorted(codes) == [200, 200, 200, 200, 201]
    assert Attempt.objects.count() == 1

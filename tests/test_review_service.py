import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.models import AppendOnlyError, Card, Review
from learning.scheduling import LEECH_THRESHOLD, MAX_ANSWER_TIME, rebuild
from learning.services import LearningError, review_next, review_record, study_settings_update
from learning.services.reviews import CLOCK_SKEW
from quizzes.models import Question
from tests.factories import CardFactory, QuestionFactory, StudentFactory

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture(autouse=True)
def _clock(time_machine):
    # Cards made by the factories are due "now": make now T0.
    time_machine.move_to(T0, tick=False)


def _review(card, rating, at, client_id=None, *, now=None):
    """Review the card at `at`, as its student, with the clock showing that time (or `now`)."""
    with time_machine.travel(now or at, tick=False):
        return review_record(
            student=card.student,
            card=card,
            rating=rating,
            reviewed_at=at,
            duration=timedelta(seconds=6),
            client_id=client_id or uuid.uuid4().hex,
        )


def _interval(card) -> timedelta:
    card.refresh_from_db()
    return card.due - card.last_review


def _graduate(card, at=T0):
    """Take a new card through its learning steps with Good; return the time of the last step."""
    _review(card, GOOD, at)
    _review(card, GOOD, at + timedelta(minutes=10))
    card.refresh_from_db()
    assert card.state == Card.State.REVIEW
    return at + timedelta(minutes=10)


def test_a_new_card_comes_up_at_once(student, card):
    assert review_next(student=student, now=T0) == card


def test_good_on_a_new_card_starts_the_learning_steps(card):
    _review(card, GOOD, T0)
    card.refresh_from_db()
    assert (card.state, card.due) == (Card.State.LEARNING, T0 + timedelta(minutes=10))


def test_good_grows_the_interval_each_time(card):
    _graduate(card)
    intervals = [_interval(card)]
    for _ in range(3):
        _review(card, GOOD, card.due)
        intervals.append(_interval(card))
    assert intervals == sorted(intervals)
    assert intervals[-1] > 3 * intervals[0]


def test_again_shrinks_the_interval(card):
    _graduate(card)
    for _ in range(3):
        _review(card, GOOD, card.due)
    before = _interval(card)
    _review(card, AGAIN, card.due)
    card.refresh_from_db()
    assert (card.state, card.lapses) == (Card.State.RELEARNING, 1)
    assert card.due - card.last_review == timedelta(minutes=10)
    _review(card, GOOD, card.due)
    assert _interval(card) < before


def test_reviewing_a_card_buries_its_due_siblings_until_the_next_day(student, card):
    sibling = CardFactory(
        student=student, question=QuestionFactory(fact=card.fact, prompt="Another form"), due=T0
    )
    _review(card, GOOD, T0)
    sibling.refresh_from_db()
    assert sibling.buried_until == datetime(2025, 3, 4, tzinfo=UTC)
    assert sibling not in Card.objects.due_for(student, T0 + timedelta(hours=2))


def test_buried_siblings_come_back_the_next_day(student, card):
    sibling = CardFactory(student=student, question=QuestionFactory(fact=card.fact), due=T0)
    _review(card, EASY, T0)
    assert review_next(student=student, now=T0 + timedelta(minutes=1)) is None
    assert review_next(student=student, now=datetime(2025, 3, 4, 0, 1, tzinfo=UTC)) == sibling


def test_a_sibling_in_a_learning_step_is_buried_too(student, card):
    sibling = CardFactory(student=student, question=QuestionFactory(fact=card.fact), due=T0)
    _review(sibling, AGAIN, T0)
    _review(card, GOOD, T0)
    sibling.refresh_from_db()
    assert sibling.state == Card.State.LEARNING
    assert sibling.buried_until == datetime(2025, 3, 4, tzinfo=UTC)


def test_no_new_sibling_is_introduced_on_the_day_its_fact_was_studied(student, card):
    QuestionFactory(fact=card.fact)
    _review(card, EASY, T0)
    assert review_next(student=student, now=T0 + timedelta(minutes=5)) is None


def test_eight_lapses_suspend_the_card_as_a_leech(card):
    moment = _graduate(card)
    for lapse in range(1, LEECH_THRESHOLD + 1):
        card.refresh_from_db()
        assert not card.suspended
        moment = max(card.due, moment + timedelta(days=1))
        _review(card, AGAIN, moment)
        if lapse < LEECH_THRESHOLD:
            _review(card, GOOD, moment + timedelta(minutes=10))
    card.refresh_from_db()
    assert (card.lapses, card.suspended) == (LEECH_THRESHOLD, True)
    assert card in Card.objects.leeches()
    rebuilt = rebuild(
        card_id=card.pk, created_at=card.created_at, reviews=card.reviews.order_by("id")
    )
    assert (rebuilt.reps, rebuilt.lapses, rebuilt.suspended) == (card.reps, LEECH_THRESHOLD, True)


def test_a_leech_is_listed_for_the_student_and_the_courses_instructor(client, student, card):
    moment = _graduate(card)
    for _lapse in range(LEECH_THRESHOLD):
        card.refresh_from_db()
        moment = max(card.due, moment + timedelta(days=1))
        _review(card, AGAIN, moment)
        if not Card.objects.get(pk=card.pk).suspended:
            _review(card, GOOD, moment + timedelta(minutes=10))
    prompt = card.question.prompt
    client.force_login(student)
    assert prompt in client.get(reverse("learning:leeches")).content.decode()
    client.force_login(card.question.article.courses.get().instructor)
    assert prompt in client.get(reverse("learning:teach_leeches")).content.decode()


def test_a_suspended_card_leaves_the_queue_and_cannot_be_reviewed(student, card):
    Card.objects.filter(pk=card.pk).update(suspended=True)
    card.refresh_from_db()
    assert review_next(student=student, now=T0) is None
    with pytest.raises(LearningError, match="suspended"):
        _review(card, GOOD, T0)


def test_the_same_client_id_stores_one_review(card):
    first = _review(card, GOOD, T0, client_id="tab-1-card-9")
    second = _review(card, GOOD, T0 + timedelta(seconds=2), client_id="tab-1-card-9")
    card.refresh_from_db()
    assert second.pk == first.pk
    assert (Review.objects.count(), card.reps) == (1, 1)


def test_a_retry_that_read_before_its_twin_stored_the_review_returns_that_review(card, monkeypatch):
    first = _review(card, GOOD, T0, client_id="tab-1-card-9")
    read = Card.objects.locked_for_review
    passes = []

    def read_before_the_twin_committed(pk, **kwargs):
        locked = read(pk, **kwargs)
        if not passes:  # what a retry waiting for the card's lock sees (concurrency tests race)
            locked.stored_review_id = None
        passes.append(locked)
        return locked

    monkeypatch.setattr(Card.objects, "locked_for_review", read_before_the_twin_committed)
    second = _review(card, GOOD, T0 + timedelta(seconds=2), client_id="tab-1-card-9")
    card.refresh_from_db()
    assert (len(passes), second.pk, Review.objects.count(), card.reps) == (2, first.pk, 1, 1)


def test_a_client_id_used_for_another_card_is_refused(student, card):
    other = CardFactory(student=student)
    _review(card, GOOD, T0, client_id="same")
    with pytest.raises(LearningError, match="another card"):
        _review(other, GOOD, T0, client_id="same")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"rating": 5}, "Rate the card"),
        ({"reviewed_at": datetime(2025, 3, 3, 9, 0)}, "timezone-aware"),
        ({"duration": timedelta(seconds=-1)}, "negative"),
        ({"client_id": ""}, "client id"),
    ],
)
def test_a_malformed_review_is_refused(card, changes, message):
    arguments = {
        "student": card.student,
        "card": card,
        "rating": GOOD,
        "reviewed_at": T0,
        "duration": timedelta(seconds=1),
        "client_id": "x",
    } | changes
    with pytest.raises(LearningError, match=message):
        review_record(**arguments)


def test_the_log_rebuilds_the_stored_state(student, card):
    study_settings_update(
        student=student, time_zone="UTC", desired_retention=0.85, new_cards_per_day=20
    )
    moment = T0
    for rating in [GOOD, GOOD, GOOD, GOOD, AGAIN, HARD, GOOD, EASY, GOOD, AGAIN, GOOD, GOOD]:
        _review(card, rating, moment)
        card.refresh_from_db()
        moment = card.due + timedelta(hours=3)
    rebuilt = rebuild(
        card_id=card.pk, created_at=card.created_at, reviews=card.reviews.order_by("id")
    )
    assert rebuilt.memory.to_dict() == card.to_fsrs().to_dict()
    assert card.lapses == 2
    assert (rebuilt.reps, rebuilt.lapses, rebuilt.suspended) == (
        card.reps,
        card.lapses,
        card.suspended,
    )


def test_each_review_logs_the_state_before_and_after(card):
    first = _review(card, GOOD, T0)
    second = _review(card, GOOD, T0 + timedelta(minutes=10))
    assert first.state_after == second.state_before
    assert (second.state_before["state"], second.state_after["state"]) == (1, 2)


def test_reviews_cannot_be_changed_by_the_model(card):
    review = _review(card, GOOD, T0)
    review.rating = AGAIN
    with pytest.raises(AppendOnlyError):
        review.save()
    with pytest.raises(AppendOnlyError):
        review.delete()


def test_the_database_refuses_to_change_or_delete_a_review(card):
    _review(card, GOOD, T0)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Review.objects.update(rating=AGAIN)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Review.objects.all().delete()


def test_review_cards_come_up_on_their_day_not_their_hour(student, card):
    _review(card, EASY, T0)
    card.refresh_from_db()
    due_day_morning = card.due.replace(hour=6)
    assert card.due.hour == 9
    assert review_next(student=student, now=due_day_morning) == card


def test_learning_cards_wait_for_their_step(student, card):
    _review(card, GOOD, T0)
    assert review_next(student=student, now=T0 + timedelta(minutes=5)) is None
    assert review_next(student=student, now=T0 + timedelta(minutes=10)) == card


def _questions(article, count):
    return [QuestionFactory(fact__article=article) for _ in range(count)]


def test_new_cards_stop_at_the_daily_limit(student, enrolled_article):
    _questions(enrolled_article, 4)
    student.new_cards_per_day = 3
    student.save()
    met = []
    while card := review_next(student=student, now=T0 + timedelta(minutes=len(met))):
        met.append(card)
        _review(card, EASY, T0 + timedelta(minutes=len(met)))
    assert len(met) == 3
    assert review_next(student=student, now=datetime(2025, 3, 4, 0, 1, tzinfo=UTC)) is not None


def test_the_new_card_limit_resets_at_the_students_midnight_not_utcs(student, enrolled_article):
    _questions(enrolled_article, 3)
    study_settings_update(
        student=student, time_zone="America/New_York", desired_retention=0.9, new_cards_per_day=1
    )
    # 18:00 in New York on 3 March is 23:00 UTC.
    evening = datetime(2025, 3, 3, 23, 0, tzinfo=UTC)
    _review(review_next(student=student, now=evening), EASY, evening)
    # 20:00 in New York: a new UTC day, the same local day.
    assert review_next(student=student, now=datetime(2025, 3, 4, 1, 0, tzinfo=UTC)) is None
    # 00:30 in New York on 4 March.
    assert review_next(student=student, now=datetime(2025, 3, 4, 5, 30, tzinfo=UTC)) is not None


def test_siblings_are_buried_until_the_students_midnight(student, card):
    student.time_zone = "Asia/Tokyo"
    student.save()
    sibling = CardFactory(student=student, question=QuestionFactory(fact=card.fact), due=T0)
    _review(card, GOOD, T0)  # 18:00 in Tokyo
    sibling.refresh_from_db()
    assert sibling.buried_until == datetime(2025, 3, 3, 15, 0, tzinfo=UTC)  # midnight in Tokyo


def test_new_cards_come_from_the_students_courses_only(student, enrolled_article):
    QuestionFactory()  # an approved question of an article in no course of theirs
    mine = QuestionFactory(fact__article=enrolled_article)
    assert review_next(student=student, now=T0).question == mine
    _review(Card.objects.get(question=mine), EASY, T0)
    assert review_next(student=student, now=T0 + timedelta(minutes=1)) is None


def test_questions_that_are_not_approved_give_no_cards(student, enrolled_article):
    QuestionFactory(fact__article=enrolled_article, status="candidate")
    assert review_next(student=student, now=T0) is None


def test_a_question_rejected_after_its_card_was_made_no_longer_comes_up(student, card):
    card.question.status = "rejected"
    card.question.save()
    assert review_next(student=student, now=T0) is None


def test_settings_refuse_an_unknown_time_zone(student):
    with pytest.raises(LearningError, match="time zone"):
        study_settings_update(
            student=student, time_zone="Mars/Olympus", desired_retention=0.9, new_cards_per_day=20
        )


@pytest.mark.parametrize("retention", [0.5, 0.995])
def test_settings_refuse_a_desired_retention_out_of_range(student, retention):
    with pytest.raises(LearningError, match=r"between 0\.7 and 0\.99"):
        study_settings_update(
            student=student, time_zone="UTC", desired_retention=retention, new_cards_per_day=20
        )


def test_a_review_is_scheduled_with_the_students_desired_retention(student, card):
    study_settings_update(
        student=student, time_zone="UTC", desired_retention=0.75, new_cards_per_day=20
    )
    assert _review(card, GOOD, T0).desired_retention == 0.75


@pytest.mark.parametrize("status", [Question.Status.REJECTED, Question.Status.RETIRED])
def test_a_withdrawn_questions_card_cannot_be_graded(card, status):
    Question.objects.filter(pk=card.question_id).update(status=status)
    with pytest.raises(LearningError, match="withdrawn"):
        _review(card, GOOD, T0)
    card.refresh_from_db()
    assert (Review.objects.count(), card.reps) == (0, 0)


def test_another_students_card_is_refused(card):
    other = StudentFactory(username="other")
    with pytest.raises(LearningError, match="not yours"):
        review_record(
            student=other,
            card=card,
            rating=GOOD,
            reviewed_at=T0,
            duration=timedelta(seconds=3),
            client_id="x",
        )
    assert not Review.objects.exists()


def test_a_review_dated_beyond_the_clock_skew_is_refused(card):
    with pytest.raises(LearningError, match="future"):
        review_record(
            student=card.student,
            card=card,
            rating=GOOD,
            reviewed_at=T0 + CLOCK_SKEW + timedelta(seconds=1),
            duration=timedelta(seconds=3),
            client_id="x",
        )
    assert not Review.objects.exists()


def test_a_review_dated_within_the_clock_skew_is_recorded(card):
    review = review_record(
        student=card.student,
        card=card,
        rating=GOOD,
        reviewed_at=T0 + CLOCK_SKEW,
        duration=timedelta(seconds=3),
        client_id="x",
    )
    card.refresh_from_db()
    assert card.last_review == review.reviewed_at == T0 + CLOCK_SKEW


def test_a_review_dated_before_the_cards_last_review_is_replayed_in_device_time_order(card):
    _review(card, GOOD, T0 + timedelta(minutes=5))
    late = _review(card, AGAIN, T0 + timedelta(minutes=1), now=T0 + timedelta(minutes=6))
    card.refresh_from_db()
    # Again at 09:01 (first step, due a minute later), then Good at 09:05 (second step, due ten
    # minutes later); in arrival order the card would be due at 09:07 and last reviewed at 09:06.
    assert (card.reps, card.step, card.due, card.last_review) == (
        2,
        1,
        T0 + timedelta(minutes=15),
        T0 + timedelta(minutes=5),
    )
    assert late.state_before["last_review"] is None
    rebuilt = rebuild(card_id=card.pk, created_at=card.created_at, reviews=card.reviews.all())
    assert rebuilt.memory.to_dict() == card.to_fsrs().to_dict()


def test_the_newest_review_reads_none_of_the_log(card):
    for minutes in (0, 10):
        _review(card, GOOD, T0 + timedelta(minutes=minutes))
    reads_the_log = '"learning_review"."card_id" ='
    with CaptureQueriesContext(connection) as newest:
        _review(card, GOOD, T0 + timedelta(days=3))
    with CaptureQueriesContext(connection) as late:
        _review(card, GOOD, T0 + timedelta(days=2), now=T0 + timedelta(days=3, minutes=1))
    assert not any(reads_the_log in query["sql"] for query in newest.captured_queries)
    assert any(reads_the_log in query["sql"] for query in late.captured_queries)


def test_a_review_is_recorded_in_one_read_and_one_write(student, card, django_assert_num_queries):
    CardFactory(student=student, question=QuestionFactory(fact=card.fact), due=T0)  # to bury
    # The read locks the card and looks for the client id; the write appends the review, saves
    # the card and buries its sibling. Outside a test's transaction, BEGIN and COMMIT take the
    # places of the savepoint and its release.
    with django_assert_num_queries(4):
        _review(card, GOOD, T0)


def test_a_late_review_reads_the_log_in_one_query_however_long_it_is(card):
    counts = []
    for days in (1, 2):
        for minutes in (0, 10, 20):
            _review(card, GOOD, T0 + timedelta(days=days, minutes=minutes))
        with CaptureQueriesContext(connection) as late:
            _review(card, GOOD, T0 + timedelta(days=days, minutes=5), now=T0 + timedelta(days=3))
        counts.append(len(late.captured_queries))
    assert counts[0] == counts[1]


def test_the_answer_time_counts_for_at_most_a_minute(card):
    review = review_record(
        student=card.student,
        card=card,
        rating=GOOD,
        reviewed_at=T0,
        duration=timedelta(minutes=20),
        client_id="x",
    )
    assert review.duration == MAX_ANSWER_TIME


def test_a_typed_answer_is_graded_and_kept_with_the_review(card):
    review = review_record(
        student=card.student,
        card=card,
        rating=GOOD,
        reviewed_at=T0,
        duration=timedelta(seconds=4),
        client_id="x",
        response=" tuesdya ",
    )
    assert (review.response, review.response_correct) == ("tuesdya", True)


def test_a_review_without_a_typed_answer_keeps_none(card):
    review = _review(card, GOOD, T0)
    assert (review.response, review.response_correct) == ("", None)

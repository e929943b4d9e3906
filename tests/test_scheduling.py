from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import fsrs
import pytest

from learning.scheduling import (
    day_start,
    format_interval,
    preview_dues,
    replay,
    scheduler_for,
)

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def _review_state_card(days: float) -> fsrs.Card:
    return fsrs.Card(
        card_id=7,
        state=fsrs.State.Review,
        stability=days,
        difficulty=5.0,
        due=T0,
        last_review=T0 - timedelta(days=days),
    )


@pytest.mark.parametrize(
    ("interval", "label"),
    [
        (timedelta(seconds=20), "<1m"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(hours=5), "5h"),
        (timedelta(days=3), "3d"),
        (timedelta(days=45), "1.5mo"),
        (timedelta(days=730), "2y"),
    ],
)
def test_intervals_read_as_under_ankis_buttons(interval, label):
    assert format_interval(interval) == label


def test_the_preview_orders_the_ratings_from_again_to_easy():
    dues = preview_dues(_review_state_card(10), desired_retention=0.9, now=T0)
    again, hard, good, easy = (dues[rating] for rating in fsrs.Rating)
    assert again < hard < good < easy


def test_a_new_cards_preview_shows_the_learning_steps():
    dues = preview_dues(fsrs.Card(card_id=1, due=T0), desired_retention=0.9, now=T0)
    assert dues[fsrs.Rating.Again] - T0 == timedelta(minutes=1)
    assert dues[fsrs.Rating.Good] - T0 == timedelta(minutes=10)


def test_a_higher_desired_retention_schedules_sooner():
    strict = preview_dues(_review_state_card(30), desired_retention=0.97, now=T0)
    relaxed = preview_dues(_review_state_card(30), desired_retention=0.8, now=T0)
    assert strict[fsrs.Rating.Good] < relaxed[fsrs.Rating.Good]


def test_fuzz_is_the_same_for_the_same_card_and_time():
    card = _review_state_card(40)
    first = scheduler_for(0.9).review_card(card, fsrs.Rating.Good, T0)[0].due
    again = scheduler_for(0.9).review_card(card, fsrs.Rating.Good, T0)[0].due
    assert first == again


def test_fuzz_spreads_cards_reviewed_at_the_same_time():
    dues = {
        scheduler_for(0.9).review_card(
            fsrs.Card(card_id=n, state=fsrs.State.Review, stability=40, difficulty=5,
                      due=T0, last_review=T0 - timedelta(days=40)),
            fsrs.Rating.Good,
            T0,
        )[0].due
        for n in range(30)
    }  # fmt: skip
    assert len(dues) > 1


def test_replaying_a_log_reproduces_the_scheduler():
    scheduler = scheduler_for(0.9)
    card = fsrs.Card(card_id=3, due=T0)
    log = []
    moment = T0
    for rating in [3, 3, 3, 1, 3, 4, 2, 3]:
        card, _ = scheduler.review_card(card, fsrs.Rating(rating), moment)
        log.append(
            SimpleNamespace(
                rating=rating, reviewed_at=moment, desired_retention=0.9, client_id=str(len(log))
            )
        )
        moment = card.due
    assert replay(card_id=3, created_at=T0, reviews=log).to_dict() == card.to_dict()


def _logged(rating: int, at: datetime, client_id: str) -> SimpleNamespace:
    return SimpleNamespace(
        rating=rating, reviewed_at=at, desired_retention=0.9, client_id=client_id
    )


def test_a_replay_takes_the_reviews_in_device_time_order_whatever_order_they_come_in():
    log = [_logged(3, T0, "b"), _logged(3, T0 + timedelta(minutes=10), "a")]
    log.append(_logged(1, T0 + timedelta(days=4), "c"))
    in_order = replay(card_id=3, created_at=T0, reviews=log)
    assert replay(card_id=3, created_at=T0, reviews=log[::-1]).to_dict() == in_order.to_dict()
    assert in_order.last_review == T0 + timedelta(days=4)


def test_a_replay_takes_reviews_made_at_the_same_moment_in_client_id_order():
    again, good = _logged(1, T0, "a"), _logged(3, T0, "b")
    replayed = replay(card_id=3, created_at=T0, reviews=[good, again])
    # Again then Good: the second learning step, due ten minutes on.
    assert (replayed.step, replayed.due) == (1, T0 + timedelta(minutes=10))


def test_a_day_starts_at_local_midnight():
    # 03:00 UTC on 2 March is still 1 March in New York (UTC-5).
    start = day_start("America/New_York", datetime(2025, 3, 2, 3, 0, tzinfo=UTC))
    assert start == datetime(2025, 3, 1, 5, 0, tzinfo=UTC)


def test_the_next_day_starts_at_the_next_local_midnight_across_a_dst_change():
    # New York moves its clocks forward on 9 March 2025: that day has 23 hours.
    start = day_start("America/New_York", datetime(2025, 3, 9, 12, 0, tzinfo=UTC), days=1)
    assert start == datetime(2025, 3, 10, 4, 0, tzinfo=UTC)

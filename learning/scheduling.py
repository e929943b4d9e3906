"""FSRS scheduling: the one place that talks to the `fsrs` package, and a student's day.

A card's state is fsrs's Card (state, step, stability, difficulty, due, last_review); this module
builds the scheduler for a student's settings, previews each rating's next interval, replays a
card's review log, and finds where a student's local day starts and ends.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import fsrs
from fsrs.scheduler import FUZZ_RANGES

# Anki's defaults: two learning steps, one relearning step, a leech after eight lapses.
LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
RELEARNING_STEPS = (timedelta(minutes=10),)
MAXIMUM_INTERVAL_DAYS = 36500
LEECH_THRESHOLD = 8
DEFAULT_DESIRED_RETENTION = 0.9
MIN_DESIRED_RETENTION = 0.7
MAX_DESIRED_RETENTION = 0.99
DEFAULT_NEW_CARDS_PER_DAY = 20
MAX_NEW_CARDS_PER_DAY = 1000
# As in Anki, an answer counts for at most a minute in the log (a tab left open is not study).
MAX_ANSWER_TIME = timedelta(seconds=60)

Rating = fsrs.Rating
State = fsrs.State
RATING_LABELS = {
    Rating.Again: "Again",
    Rating.Hard: "Hard",
    Rating.Good: "Good",
    Rating.Easy: "Easy",
}


class Scheduler(fsrs.Scheduler):
    """fsrs's scheduler with fuzz drawn from a generator seeded by the card and the review time.

    fsrs draws fuzz from the process-wide `random`, so replaying a card's log would land on other
    due dates than the ones stored. Seeding by (card, time) keeps the spread of due dates that
    fuzz exists for, and makes a replay reproduce every stored state exactly."""

    def review_card(self, card, rating, review_datetime=None, review_duration=None):
        seed = f"{card.card_id}:{review_datetime.isoformat() if review_datetime else ''}"
        self._fuzz_random = random.Random(seed)  # noqa: S311 - spreading due dates, not security
        return super().review_card(card, rating, review_datetime, review_duration)

    def _get_fuzzed_interval(self, *, interval: timedelta) -> timedelta:
        # The same ranges as fsrs.Scheduler._get_fuzzed_interval, with the seeded generator.
        days = interval.days
        if days < 2.5:
            return interval
        delta = 1.0
        for fuzz_range in FUZZ_RANGES:
            span = min(float(days), fuzz_range["end"]) - fuzz_range["start"]
            delta += fuzz_range["factor"] * max(span, 0.0)
        max_ivl = min(round(days + delta), self.maximum_interval)
        min_ivl = min(max(2, round(days - delta)), max_ivl)
        fuzzed = self._fuzz_random.random() * (max_ivl - min_ivl + 1) + min_ivl
        return timedelta(days=min(round(fuzzed), self.maximum_interval))


def scheduler_for(desired_retention: float, *, fuzz: bool = True) -> Scheduler:
    return Scheduler(
        desired_retention=desired_retention,
        learning_steps=LEARNING_STEPS,
        relearning_steps=RELEARNING_STEPS,
        maximum_interval=MAXIMUM_INTERVAL_DAYS,
        enable_fuzzing=fuzz,
    )


def as_utc(moment: datetime) -> datetime:
    """fsrs accepts only datetimes whose tzinfo is exactly datetime.UTC."""
    if moment.tzinfo is None:
        raise ValueError("Times must be timezone-aware.")
    return moment.astimezone(UTC)


def preview_dues(card: fsrs.Card, *, desired_retention: float, now: datetime) -> dict:
    """Each rating's next due date, without saving anything. Unfuzzed, as Anki shows them."""
    scheduler = scheduler_for(desired_retention, fuzz=False)
    now = as_utc(now)
    return {rating: scheduler.review_card(card, rating, now)[0].due for rating in Rating}


def format_interval(interval: timedelta) -> str:
    """A short interval label as under Anki's buttons: "1m", "10m", "3h", "4d", "1.5mo", "2y"."""
    seconds = max(interval.total_seconds(), 0)
    if seconds < 60:
        return "<1m"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{_one_decimal(days / 30)}mo"
    return f"{_one_decimal(days / 365)}y"


def _one_decimal(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def log_order(review) -> tuple[datetime, str]:
    """The order a card's reviews are replayed in: the time on the device that made them, ties
    broken by the client's id. Arrival order plays no part, so reviews synced late, or two
    devices' reviews of one card, give the same card whatever order they reach the server in."""
    return (review.reviewed_at, review.client_id)


def is_lapse(state_before: State, rating: Rating) -> bool:
    """Forgetting a card that had graduated; eight of these make a leech."""
    return state_before == State.Review and rating == Rating.Again


@dataclass(frozen=True)
class RebuiltCard:
    """A card as its reviews leave it: its fsrs state, its counts and its leech flag."""

    memory: fsrs.Card
    reps: int
    lapses: int
    suspended: bool

    @classmethod
    def new(cls, *, card_id: int, created_at: datetime) -> "RebuiltCard":
        return cls(fsrs.Card(card_id=card_id, due=as_utc(created_at)), 0, 0, False)

    def reviewed(self, review) -> "RebuiltCard":
        """The card after one more review. Each review carries the desired retention it was
        scheduled with, so a student changing the setting later does not change the past. The
        leech flag is set at a lapse (the eighth or any after it) and otherwise left as it was."""
        rating = Rating(review.rating)
        memory, _ = scheduler_for(review.desired_retention).review_card(
            self.memory, rating, as_utc(review.reviewed_at)
        )
        if not is_lapse(self.memory.state, rating):
            return RebuiltCard(memory, self.reps + 1, self.lapses, self.suspended)
        lapses = self.lapses + 1
        return RebuiltCard(memory, self.reps + 1, lapses, lapses >= LEECH_THRESHOLD)


def replay_steps(start: RebuiltCard, reviews) -> Iterator[tuple[Any, RebuiltCard, RebuiltCard]]:
    """Each review in `log_order`, with the card before and after it, starting from `start`."""
    card = start
    for review in sorted(reviews, key=log_order):
        after = card.reviewed(review)
        yield review, card, after
        card = after


def rebuild(*, card_id: int, created_at: datetime, reviews) -> RebuiltCard:
    """Rebuild a card from its whole review log, replayed in `log_order` whatever order the
    reviews are given in: its fsrs state, its counts and whether it is a suspended leech."""
    card = RebuiltCard.new(card_id=card_id, created_at=created_at)
    for _review, _before, after in replay_steps(card, reviews):
        card = after
    return card


def replay(*, card_id: int, created_at: datetime, reviews) -> fsrs.Card:
    """The fsrs state alone, as `rebuild` finds it."""
    return rebuild(card_id=card_id, created_at=created_at, reviews=reviews).memory


def day_start(time_zone: str, now: datetime, *, days: int = 0) -> datetime:
    """Midnight (in UTC) that starts the student's local day holding `now`, shifted by `days`."""
    zone = ZoneInfo(time_zone)
    local_date = now.astimezone(zone).date() + timedelta(days=days)
    return datetime.combine(local_date, time(0), tzinfo=zone).astimezone(UTC)

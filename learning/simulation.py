"""Synthetic students who study through the real review service, for `manage.py simulate_reviews`.

Each one sits down once a day and works through their queue. Whether they recall a card is drawn
from FSRS's own prediction (its retrievability at that moment) scaled by the student's ability,
so a run shows whether the scheduler keeps true retention near the desired retention.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q

from learning.models import Card, Review, User
from learning.progress import card_states
from learning.roles import STUDENT, role_group
from learning.scheduling import scheduler_for
from learning.services import LearningError, review_next, review_record
from quizzes.models import Course, Question
from quizzes.services import course_enroll

# A learning step due within this long is waited for, as a student would before closing the app.
WAIT_FOR_STEPS = timedelta(minutes=20)
MAX_REVIEWS_PER_DAY = 300
FIRST_SIGHT_RECALL = 0.5


@dataclass(frozen=True)
class SyntheticStudent:
    user: User
    ability: float


def _students(count: int, seed: int, rng: random.Random) -> list[SyntheticStudent]:
    run = 0
    while User.objects.filter(username__startswith=f"sim{seed}-{run}-").exists():
        run += 1  # a later run with the same seed gets fresh students
    group = role_group(STUDENT)
    made = []
    for index in range(count):
        user = User(username=f"sim{seed}-{run}-{index}")
        user.set_unusable_password()
        user.save()
        user.groups.add(group)
        made.append(SyntheticStudent(user=user, ability=min(max(rng.gauss(1.0, 0.06), 0.8), 1.1)))
    return made


def _recall_chance(card: Card, student: SyntheticStudent, now: datetime) -> float:
    if card.reps == 0:
        chance = FIRST_SIGHT_RECALL
    else:
        scheduler = scheduler_for(student.user.desired_retention)
        chance = scheduler.get_card_retrievability(card.to_fsrs(), now)
    return min(max(chance * student.ability, 0.02), 0.98)


def _rating(recalled: bool, rng: random.Random) -> int:
    if not recalled:
        return Review.Rating.AGAIN
    draw = rng.random()
    if draw < 0.12:
        return Review.Rating.HARD
    return Review.Rating.EASY if draw > 0.92 else Review.Rating.GOOD


def _next_step(user: User, now: datetime) -> datetime | None:
    soon = Card.objects.filter(
        student=user,
        suspended=False,
        buried_until__isnull=True,
        due__gt=now,
        due__lte=now + WAIT_FOR_STEPS,
    ).exclude(state=Card.State.REVIEW)
    return soon.order_by("due").values_list("due", flat=True).first()


def _study_day(student: SyntheticStudent, now: datetime, rng: random.Random) -> int:
    done = 0
    while done < MAX_REVIEWS_PER_DAY:
        card = review_next(student=student.user, now=now)
        if card is None:
            step = _next_step(student.user, now)
            if step is None:
                return done
            now = step
            continue
        duration = timedelta(seconds=rng.uniform(3, 15))
        recalled = rng.random() < _recall_chance(card, student, now)
        review_record(
            student=student.user,
            card=card,
            rating=_rating(recalled, rng),
            reviewed_at=now,
            duration=duration,
            client_id=f"sim-{card.pk}-{card.reps}",
            now=now,
        )
        now += duration + timedelta(seconds=2)
        done += 1
    return done


def simulate(*, students: int, days: int, seed: int, end: datetime) -> dict:
    """Simulate `days` days of study, the last one the day before `end`; return a report."""
    courses = Course.objects.filter(articles__questions__status=Question.Status.APPROVED)
    courses = list(courses.distinct())
    if not courses:
        raise LearningError(
            "There are no approved questions in any course to study. Run "
            "`python manage.py load_demo` first, or approve questions at /teach/."
        )
    rng = random.Random(seed)  # noqa: S311 - a reproducible simulation, not security
    cohort = _students(students, seed, rng)
    for student in cohort:
        for course in courses:
            course_enroll(course=course, student=student.user)
    # The last simulated day is the one before `end`'s, so no review is dated in the future.
    first_day = cohort[0].user.day_start(end, days=-days) if cohort else end
    reviews = 0
    for day in range(days):
        for student in cohort:
            sitting = first_day + timedelta(days=day, hours=rng.uniform(7, 21))
            reviews += _study_day(student, sitting, rng)
    users = [student.user for student in cohort]
    log = Review.objects.filter(student__in=users)
    in_review = Q(state_before__state=Card.State.REVIEW)
    totals = log.aggregate(
        reviewed=Count("id", filter=in_review),
        passed=Count("id", filter=in_review & ~Q(rating=Review.Rating.AGAIN)),
    )
    states: dict[str, int] = {}
    for user in users:
        for state, count in card_states(user).items():
            states[state] = states.get(state, 0) + count
    return {
        "students": [user.username for user in users],
        "days": days,
        "seed": seed,
        "reviews": reviews,
        "cards": states,
        "retention": {
            "true": round(totals["passed"] / totals["reviewed"], 4) if totals["reviewed"] else None,
            "desired": users[0].desired_retention if users else None,
            "review_state_reviews": totals["reviewed"],
        },
    }

"""Benchmarks of the study side, run by `make bench`:

1. recording one review through `learning.services.review_record` (target: median under 5 ms),
   timed beside a bare transaction of one UPDATE of a card and one INSERT of a review, the least
   any recorded review costs (target: review_record's median within 2x of the bare one's);
2. the review page's due-queue query at 10,000 cards, then at 1,000,000 cards and 10,000,000
   review rows (target: median under 5 ms, and within 1.5x of the time at 10,000 cards).

`--quick` stops after 10,000 cards and checks the review_record targets there: a few seconds
instead of minutes, for working on review_record.

Everything happens in a separate database, `bench_reviews`, on the same server as the app (the
embedded PostgreSQL unless DATABASE_URL is set), made and migrated by Django's test-database
machinery and dropped at the end. Rows are generated in SQL with generate_series.
"""

import argparse
import contextlib
import os
import random
import statistics
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import DatabaseError, connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from learning.models import Card, User  # noqa: E402
from learning.services import review_record  # noqa: E402
from quizzes.models import Fact, Question  # noqa: E402
from tests.factories import ArticleFactory, CourseFactory  # noqa: E402

QUESTIONS = 1000  # cards per student
QUESTIONS_PER_FACT = 2  # each fact asked two ways: every review buries a sibling
SMALL_STUDENTS = 10  # 10,000 cards
LARGE_STUDENTS = 1000  # 1,000,000 cards
REVIEWS_PER_CARD = 10  # 10,000,000 reviews at the large size
RECORD_RUNS = 500
QUERY_RUNS = 300
NOW = timezone.now()


def say(message: str) -> None:
    print(message, flush=True)


def execute(sql: str, params: dict | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params or {})


def make_questions() -> int:
    """The benchmark's article, its questions and the course that holds it; returns the
    course's id."""
    article = ArticleFactory(title="Benchmark article")
    facts = Fact.objects.bulk_create(
        Fact(article=article, kind="place", text=f"Fact {n}", sentence=article.text, start=0, end=1)
        for n in range(QUESTIONS // QUESTIONS_PER_FACT)
    )
    template = {"article": article, "type": "short_answer", "answer": "Tuesday",
                "sentence": article.text, "start": 0, "end": 1, "score": 0.5,
                "status": Question.Status.APPROVED}  # fmt: skip
    Question.objects.bulk_create(
        Question(prompt=f"Benchmark question {n}", fact=facts[n // QUESTIONS_PER_FACT], **template)
        for n in range(QUESTIONS)
    )
    return CourseFactory(instructor=article.owner, articles=[article]).pk


def bulk_session() -> None:
    """Settings for loading rows only: the timings run on a plain session."""
    execute("SET synchronous_commit = off")
    # Skips the per-row foreign-key triggers (the rows are made consistent by construction).
    # Needs a superuser, which the embedded server's postgres is; elsewhere, load slower.
    with contextlib.suppress(DatabaseError):
        execute("SET session_replication_role = replica")


def add_students(first: int, last: int) -> None:
    execute(
        """
        INSERT INTO learning_user (password, is_superuser, username, first_name, last_name, email,
            is_staff, is_active, date_joined, time_zone, desired_retention, new_cards_per_day)
        SELECT '!', false, 'bench' || n, '', '', '', false, true, now(), 'UTC', 0.9, 20
        FROM generate_series(%(first)s, %(last)s) AS n
        """,
        {"first": first, "last": last},
    )


def add_enrollments(course_id: int, first: int, last: int) -> None:
    """Students bench<first>..bench<last> in the benchmark's course: only cards of a course one
    is in come up."""
    execute(
        """
        INSERT INTO quizzes_enrollment (course_id, student_id, enrolled_at)
        SELECT %(course)s, u.id, %(now)s FROM learning_user u WHERE u.username = ANY(%(names)s)
        """,
        {
            "course": course_id,
            "now": NOW,
            "names": [f"bench{n}" for n in range(first, last + 1)],
        },
    )


def add_cards(first: int, last: int) -> None:
    """A card for every question, for students bench<first>..bench<last>, as in steady use: a
    few overdue, most due over the next three months, 2% suspended, 1% buried."""
    execute(
        """
        INSERT INTO learning_card (student_id, question_id, fact_id, state, step, stability,
            difficulty, due, last_review, reps, lapses, suspended, buried_until, created_at)
        SELECT u.id, q.id, q.fact_id, 2, NULL, 5 + random() * 60, 2 + random() * 6,
               %(now)s + (random() * 100 - 5) * interval '1 day',
               %(now)s - random() * interval '60 days', 10, (random() * 3)::int,
               random() < 0.02,
               CASE WHEN random() < 0.01 THEN %(now)s + interval '1 day' END,
               %(now)s - interval '90 days'
        FROM learning_user u CROSS JOIN quizzes_question q
        WHERE u.username = ANY(%(names)s)
        """,
        {"now": NOW, "names": [f"bench{n}" for n in range(first, last + 1)]},
    )


STATE = '{"card_id": 0, "state": 2, "step": null, "stability": 12.5, "difficulty": 5.1, "due": "2025-01-01T00:00:00+00:00", "last_review": "2024-12-20T00:00:00+00:00"}'  # noqa: E501


def add_reviews(min_card: int, max_card: int) -> None:
    execute(
        """
        INSERT INTO learning_review (card_id, student_id, rating, reviewed_at, duration,
            state_before, state_after, desired_retention, client_id, recorded_at,
            question_version, response)
        SELECT c.id, c.student_id, 1 + (random() * 3)::int,
               %(now)s - (n * 9 + random() * 9) * interval '1 day', interval '8 seconds',
               %(state)s::jsonb, %(state)s::jsonb, 0.9, 'b' || c.id || '-' || n, %(now)s, 1, ''
        FROM learning_card c CROSS JOIN generate_series(1, %(per_card)s) AS n
        WHERE c.id BETWEEN %(low)s AND %(high)s
        """,
        {"now": NOW, "state": STATE, "per_card": REVIEWS_PER_CARD, "low": min_card,
         "high": max_card},
    )  # fmt: skip


def _reviews_chunk(low: int, high: int) -> None:
    try:
        bulk_session()
        add_reviews(low, high)
    finally:
        connection.close()


def fill(course_id: int, first_student: int, last_student: int) -> None:
    started = time.perf_counter()
    bulk_session()
    add_students(first_student, last_student)
    add_enrollments(course_id, first_student, last_student)
    chunk = 100
    for low in range(first_student, last_student + 1, chunk):
        add_cards(low, min(low + chunk - 1, last_student))
    say(f"    {Card.objects.count():>11,} cards ({time.perf_counter() - started:.0f} s)")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT min(c.id), max(c.id) FROM learning_card c JOIN learning_user u "
            "ON u.id = c.student_id WHERE u.username = ANY(%s)",
            [[f"bench{n}" for n in range(first_student, last_student + 1)]],
        )
        low, high = cursor.fetchone()
    step = 50_000
    chunks = [(start, min(start + step - 1, high)) for start in range(low, high + 1, step)]
    # One loader per core: the server does the work, each thread only waits on its connection.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for done, _ in enumerate(pool.map(lambda c: _reviews_chunk(*c), chunks), start=1):
            if done % 4 == 0 or done == len(chunks):
                rows = sum(h - lo + 1 for lo, h in chunks[:done]) * REVIEWS_PER_CARD
                say(f"    {rows:>11,} reviews written ({time.perf_counter() - started:.0f} s)")
    execute("RESET session_replication_role")
    execute("RESET synchronous_commit")
    # A database in steady use has been vacuumed by autovacuum and checkpointed. Straight after
    # a bulk load, autovacuum would start on the new rows in the middle of the timings, and the
    # first reads of each page would set hint bits (writes): both skew the figures.
    execute("VACUUM ANALYZE learning_card, learning_review")
    execute("ANALYZE")
    # Only a superuser (or pg_checkpoint) may; without it the figures are a little noisier.
    with contextlib.suppress(DatabaseError):
        execute("CHECKPOINT")
    cards, reviews = Card.objects.count(), count("learning_review")
    say(f"    now {cards:,} cards, {reviews:,} reviews ({time.perf_counter() - started:.0f} s)")


def count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - a fixed table name
        return cursor.fetchone()[0]


def ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"


def time_due_queue(students: list[User]) -> list[float]:
    """The review page's query: the student's first due, studyable card with its question."""
    rng = random.Random(1)
    for student in students[:20]:  # warm the cache, as a running server has it
        Card.objects.due_for(student, NOW).studyable(student).select_related("question").first()
    samples = []
    for _ in range(QUERY_RUNS):
        student = rng.choice(students)
        started = time.perf_counter()
        Card.objects.due_for(student, NOW).studyable(student).select_related(
            "question", "question__article"
        ).first()
        samples.append(time.perf_counter() - started)
    return samples


def review_once(student: User, card: Card) -> None:
    review_record(
        student=student,
        card=card,
        rating=random.choice([1, 3, 3, 3, 4]),
        reviewed_at=timezone.now(),
        duration=timedelta(seconds=6),
        client_id=uuid.uuid4().hex,
    )


def bare_once(card: Card) -> None:
    """The floor under review_record: one UPDATE of a card row (the columns a review sets, due
    among them, so its indexes change as they do at a review) and one INSERT of a review row,
    in one transaction, with no reads and no Python in between."""
    now = timezone.now()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE learning_card SET state = 2, step = NULL, stability = 31.2, difficulty = 5.1,
                due = %(due)s, last_review = %(now)s, reps = reps + 1
            WHERE id = %(card)s
            """,
            {"due": now + timedelta(days=30), "now": now, "card": card.pk},
        )
        cursor.execute(
            """
            INSERT INTO learning_review (card_id, student_id, rating, reviewed_at, duration,
                state_before, state_after, desired_retention, client_id, recorded_at,
                question_version, response)
            VALUES (%(card)s, %(student)s, 3, %(now)s, interval '6 seconds', %(state)s::jsonb,
                %(state)s::jsonb, 0.9, %(client)s, %(now)s, 1, '')
            """,
            {"card": card.pk, "student": card.student_id, "now": now, "state": STATE,
             "client": uuid.uuid4().hex},
        )  # fmt: skip


def time_recording(student: User, other: User) -> tuple[list[float], list[float]]:
    """review_record on the student's cards and the bare transaction on another student's, taken
    in turns on one connection, so that whatever else the machine does weighs on both alike."""
    warm_up = 10
    cards = list(Card.objects.filter(student=student, suspended=False)[: warm_up + RECORD_RUNS])
    others = list(Card.objects.filter(student=other)[: warm_up + RECORD_RUNS])
    for card, bare_card in zip(cards[:warm_up], others[:warm_up], strict=True):
        review_once(student, card)
        bare_once(bare_card)
    records, bares = [], []
    for card, bare_card in zip(cards[warm_up:], others[warm_up:], strict=True):
        started = time.perf_counter()
        review_once(student, card)
        records.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare_once(bare_card)
        bares.append(time.perf_counter() - started)
    return records, bares


def say_recording(records: list[float], bares: list[float]) -> None:
    say(f"  review_record:    {ms(records)}")
    say(f"  bare transaction: {ms(bares)}")
    say(f"  review_record / bare transaction: {ratio(records, bares):.2f}x")


def ratio(samples: list[float], baseline: list[float]) -> float:
    return statistics.median(samples) / statistics.median(baseline)


def run(*, quick: bool) -> bool:
    """Fill, time and judge; whether every target was met."""
    course_id = make_questions()
    say(f"== {SMALL_STUDENTS * QUESTIONS:,} cards ==")
    fill(course_id, 0, SMALL_STUDENTS - 1)
    small_students = list(User.objects.filter(username__startswith="bench").order_by("id"))
    small = time_due_queue(small_students)
    say(f"  due queue:     {ms(small)}")
    records, bares = time_recording(small_students[0], small_students[1])
    say_recording(records, bares)
    if quick:
        say("== Results (10,000 cards only) ==")
        return record_verdicts(records, bares)

    large_cards = LARGE_STUDENTS * QUESTIONS
    say(f"== {large_cards:,} cards, {large_cards * REVIEWS_PER_CARD:,} reviews ==")
    fill(course_id, SMALL_STUDENTS, LARGE_STUDENTS - 1)
    large_students = list(User.objects.filter(username__startswith="bench").order_by("id"))
    large = time_due_queue(large_students)
    say(f"  due queue:     {ms(large)}")
    records, bares = time_recording(large_students[-1], large_students[-2])
    say_recording(records, bares)

    growth = ratio(large, small)
    say("== Results ==")
    met = record_verdicts(records, bares)
    met &= verdict(
        f"due queue at 1M cards {median_ms(large)} ms (target < 5 ms)", median_ms(large) < 5
    )
    met &= verdict(f"due queue 1M / 10k cards: {growth:.2f}x (target <= 1.5x)", growth <= 1.5)
    return met


def record_verdicts(records: list[float], bares: list[float]) -> bool:
    met = verdict(
        f"review_record median {median_ms(records)} ms (target < 5 ms)", median_ms(records) < 5
    )
    times = ratio(records, bares)
    return met & verdict(
        f"review_record {times:.2f}x the bare transaction (target within 2x)", times <= 2
    )


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def verdict(figure: str, met: bool) -> bool:
    say(f"  {figure}: {'ok' if met else 'MISSED'}")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="10,000 cards only: the review_record targets"
    )
    options = parser.parse_args()
    # Production settings for the timing: no query log kept in memory.
    settings.DEBUG = False
    connection.settings_dict["TEST"]["NAME"] = "bench_reviews"
    started = time.perf_counter()
    say("Creating and migrating the bench_reviews database...")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        met = run(quick=options.quick)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    say(f"Done in {time.perf_counter() - started:.0f} s.")
    return 0 if met else 2


if __name__ == "__main__":
    sys.exit(main())

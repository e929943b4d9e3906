"""The due queue is read from its partial index in due order, with no sort, at realistic sizes."""

from datetime import UTC, datetime

import pytest
from django.db import connection

from learning.models import Card
from quizzes.models import Question
from tests.factories import CourseFactory, EnrollmentFactory, FactFactory, StudentFactory

pytestmark = pytest.mark.usefixtures("fast_passwords")
NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
STUDENTS = 50
QUESTIONS = 1000  # 50,000 cards


@pytest.fixture
def many_cards(db):
    fact = FactFactory()
    template = {"article": fact.article, "fact": fact, "type": "cloze", "answer": "x",
                "sentence": "s", "start": 0, "end": 1, "score": 0.5,
                "status": "approved"}  # fmt: skip
    Question.objects.bulk_create(
        Question(prompt=f"Question {n}", **template) for n in range(QUESTIONS)
    )
    students = [StudentFactory() for _ in range(STUDENTS)]
    course = CourseFactory(instructor=fact.article.owner, articles=[fact.article])
    for student in students:
        EnrollmentFactory(course=course, student=student)
    with connection.cursor() as cursor:
        # As in steady use: a few cards overdue, most due over the next months, a few suspended
        # or buried.
        cursor.execute(
            """
            INSERT INTO learning_card (student_id, question_id, fact_id, state, step, stability,
                difficulty, due, last_review, reps, lapses, suspended, buried_until, created_at)
            SELECT u.id, q.id, q.fact_id, 2, NULL, 10, 5,
                   %(now)s + (random() * 100 - 5) * interval '1 day',
                   %(now)s - interval '30 days', 4, 0, random() < 0.02,
                   CASE WHEN random() < 0.01 THEN %(now)s + interval '1 day' END,
                   %(now)s - interval '40 days'
            FROM learning_user u CROSS JOIN quizzes_question q
            WHERE u.id = ANY(%(students)s)
            """,
            {"now": NOW, "students": [s.pk for s in students]},
        )
        cursor.execute("ANALYZE")
    return students


def test_a_page_of_the_due_queue_is_an_index_scan_without_a_sort(many_cards):
    # The queue is read a page at a time (the review page takes its first card): PostgreSQL then
    # walks the partial index in (due, id) order and stops, whatever the backlog.
    assert Card.objects.count() == STUDENTS * QUESTIONS
    plan = Card.objects.due_for(many_cards[0], NOW)[:20].explain()
    assert "Index Scan using card_due_queue" in plan
    assert "Sort" not in plan


def test_the_review_pages_next_card_query_is_an_index_scan_without_a_sort(many_cards):
    queryset = Card.objects.due_for(many_cards[0], NOW).studyable(many_cards[0])
    plan = queryset.select_related("question", "question__article")[:1].explain()
    assert "Index Scan using card_due_queue" in plan
    assert "Sort" not in plan

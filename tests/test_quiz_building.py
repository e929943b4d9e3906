"""Building a quiz, and the item analysis of its results."""

from datetime import UTC, datetime, timedelta

import pytest

from learning.item_analysis import correlation, item_statistics
from learning.services import attempt_answer_save, attempt_start, attempt_submit
from quizzes.models import Question, QuestionFlag, Quiz
from quizzes.services import (
    ContentError,
    QuizSettings,
    quiz_create,
    quiz_delete,
    quiz_publish,
    quiz_questions_add,
    quiz_random_add,
    quiz_slot_move,
    quiz_slot_remove,
)
from tests.factories import (
    ArticleFactory,
    CourseFactory,
    EnrollmentFactory,
    QuestionFactory,
    StudentFactory,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def course(instructor):
    course = CourseFactory(instructor=instructor)
    course.articles.add(ArticleFactory(owner=instructor))
    return course


@pytest.fixture
def questions(course):
    article = course.articles.get()
    return QuestionFactory.create_batch(3, fact__article=article, answer="x")


@pytest.fixture
def quiz(course):
    return quiz_create(course=course, settings=QuizSettings(title="Week 1"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": " "}, "title"),
        ({"time_limit": timedelta(seconds=10)}, "time limit"),
        ({"attempts_allowed": 101}, "Attempts allowed"),
        ({"opens_at": T0, "closes_at": T0}, "close after it opens"),
        ({"review_policy": "after_close"}, "closing time"),
    ],
)
def test_bad_settings_are_explained_and_make_no_quiz(course, changes, message):
    with pytest.raises(ContentError, match=message):
        quiz_create(course=course, settings=QuizSettings(**({"title": "Q"} | changes)))
    assert not Quiz.objects.exists()


def test_chosen_questions_are_added_once_in_order(quiz, questions):
    assert quiz_questions_add(quiz=quiz, questions=questions[:2]) == 2
    assert quiz_questions_add(quiz=quiz, questions=questions) == 1
    assert list(quiz.slots.values_list("position", "question")) == [
        (1, questions[0].pk), (2, questions[1].pk), (3, questions[2].pk),
    ]  # fmt: skip


def test_only_approved_questions_of_the_course_can_be_added(quiz, questions):
    elsewhere = QuestionFactory()
    candidate = QuestionFactory(fact__article=questions[0].article, status="candidate")
    for question in (elsewhere, candidate):
        with pytest.raises(ContentError, match="approved questions of the course"):
            quiz_questions_add(quiz=quiz, questions=[question])
    assert not quiz.slots.exists()


def test_random_draws_cannot_outnumber_their_pool(quiz, questions):
    quiz_questions_add(quiz=quiz, questions=questions[:1])
    with pytest.raises(ContentError, match="2 questions not chosen already"):
        quiz_random_add(quiz=quiz, count=3)
    assert quiz_random_add(quiz=quiz, count=2) == 2


def test_removing_a_question_closes_the_gap(quiz, questions):
    quiz_questions_add(quiz=quiz, questions=questions)
    quiz_slot_remove(slot=quiz.slots.get(position=1))
    assert list(quiz.slots.values_list("position", "question")) == [
        (1, questions[1].pk), (2, questions[2].pk),
    ]  # fmt: skip


def test_moving_a_question_swaps_it_with_its_neighbour(quiz, questions):
    quiz_questions_add(quiz=quiz, questions=questions)
    quiz_slot_move(slot=quiz.slots.get(position=3), offset=-1)
    assert list(quiz.slots.values_list("question", flat=True)) == [
        questions[0].pk, questions[2].pk, questions[1].pk,
    ]  # fmt: skip


def test_an_empty_quiz_cannot_be_published(quiz):
    with pytest.raises(ContentError, match="Add questions"):
        quiz_publish(quiz=quiz, published=True)


def test_a_quiz_with_a_withdrawn_question_cannot_be_published(quiz, questions):
    quiz_questions_add(quiz=quiz, questions=questions)
    Question.objects.filter(pk=questions[1].pk).update(status="rejected")
    with pytest.raises(ContentError, match="Question 2 is no longer approved"):
        quiz_publish(quiz=quiz, published=True)


# Item analysis, on a hand-computed example: four students, three one-point questions.
RIGHT = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]]


def _sit(quiz, course, rows):
    for number, row in enumerate(rows):
        student = StudentFactory(username=f"s{number}")
        EnrollmentFactory(course=course, student=student)
        attempt = attempt_start(student=student, quiz=quiz, now=T0)
        for answer, right in zip(attempt.answers.all(), row, strict=True):
            response = "x" if right else "wrong"
            attempt_answer_save(
                student=student, attempt=attempt, position=answer.position, response=response,
                now=T0,
            )  # fmt: skip
        attempt_submit(student=student, attempt=attempt, now=T0 + timedelta(minutes=1))


def test_the_facility_index_is_the_mean_score(quiz, course, questions):
    quiz_questions_add(quiz=quiz, questions=questions)
    quiz_publish(quiz=quiz, published=True)
    _sit(quiz, course, RIGHT)
    facilities = [item.facility for item in item_statistics(quiz, T0 + timedelta(hours=1))]
    assert facilities == [0.75, 0.5, 0.25]


def test_the_discrimination_index_correlates_with_the_rest_of_the_test(quiz, course, questions):
    quiz_questions_add(quiz=quiz, questions=questions)
    quiz_publish(quiz=quiz, published=True)
    _sit(quiz, course, RIGHT)
    first = item_statistics(quiz, T0 + timedelta(hours=1))[0]
    # Question 1 against the rest (2, 1, 0, 0): covariance 0.75 over sqrt(0.75 * 2.75).
    assert first.discrimination == pytest.approx(0.75 / (0.75 * 2.75) ** 0.5)
    assert first.discrimination_percent == 52


def test_a_constant_score_has_no_correlation():
    assert correlation([1, 1, 1], [0, 1, 2]) is None


def test_questions_are_flagged_after_enough_attempts(quiz, course, questions):
    quiz_questions_add(quiz=quiz, questions=questions[:2])
    quiz_publish(quiz=quiz, published=True)
    _sit(quiz, course, [[1, 0]] * 9 + [[1, 1]])
    flags = set(QuestionFlag.objects.values_list("question", "reason"))
    assert (questions[0].pk, QuestionFlag.Reason.TOO_EASY) in flags
    assert (questions[1].pk, QuestionFlag.Reason.TOO_EASY) not in flags


def test_a_chosen_question_that_would_empty_a_random_pool_is_refused(quiz, questions):
    quiz_random_add(quiz=quiz, count=3)
    with pytest.raises(ContentError, match="could not all be drawn"):
        quiz_questions_add(quiz=quiz, questions=questions[:1])
    assert quiz.slots.count() == 3


def test_overlapping_pools_draw_the_narrowest_first(quiz, questions, course, student):
    quiz_random_add(quiz=quiz, count=1)
    quiz_random_add(quiz=quiz, count=2, article=course.articles.get())
    quiz_publish(quiz=quiz, published=True)
    EnrollmentFactory(course=course, student=student)
    attempt = attempt_start(student=student, quiz=quiz, now=T0)
    assert len({answer.question_id for answer in attempt.answers.all()}) == 3


def test_a_quiz_nobody_started_can_be_deleted_but_not_one_with_attempts(
    quiz, questions, course, student
):
    quiz_questions_add(quiz=quiz, questions=questions[:1])
    quiz_publish(quiz=quiz, published=True)
    EnrollmentFactory(course=course, student=student)
    attempt_start(student=student, quiz=quiz, now=T0)
    with pytest.raises(ContentError, match="take it back instead"):
        quiz_delete(quiz=quiz)
    empty = quiz_create(course=course, settings=QuizSettings(title="Unused"))
    quiz_delete(quiz=empty)
    assert not Quiz.objects.filter(title="Unused").exists()

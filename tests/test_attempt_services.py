"""Quiz attempts: starting, saving answers, immediate feedback, submitting, deadlines."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command

from learning.models import Attempt, Card
from learning.services import (
    LearningError,
    attempt_answer_check,
    attempt_answer_save,
    attempt_start,
    attempt_submit,
    attempts_close_overdue,
)
from quizzes.models import Question, Quiz
from quizzes.services import QuestionContent, question_update
from tests.factories import (
    ArticleFactory,
    CourseFactory,
    EnrollmentFactory,
    QuestionFactory,
    QuizFactory,
    QuizSlotFactory,
    StudentFactory,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def quiz(student):
    course = CourseFactory()
    article = ArticleFactory(owner=course.instructor)
    course.articles.add(article)
    EnrollmentFactory(course=course, student=student)
    quiz = QuizFactory(course=course, time_limit=timedelta(minutes=20))
    QuizSlotFactory(
        quiz=quiz, position=1, question=QuestionFactory(fact__article=article), points=2
    )
    QuizSlotFactory(
        quiz=quiz,
        position=2,
        question=QuestionFactory(
            fact__article=article, type="multiple_choice", answer="Hanoi",
            choices=["Hanoi", "Seoul", "Moscow"],
        ),
    )  # fmt: skip
    return quiz


def _start(student, quiz, at=T0):
    return attempt_start(student=student, quiz=quiz, now=at)


def test_starting_draws_the_questions_with_their_points_and_deadline(student, quiz):
    attempt = _start(student, quiz)
    assert [(a.position, a.points) for a in attempt.answers.all()] == [(1, 2.0), (2, 1.0)]
    assert (attempt.number, attempt.max_score) == (1, 3)
    assert attempt.deadline == T0 + timedelta(minutes=20)


def test_starting_twice_gives_the_attempt_in_progress(student, quiz):
    assert _start(student, quiz).pk == _start(student, quiz, T0 + timedelta(minutes=1)).pk
    assert Attempt.objects.count() == 1


def test_the_deadline_is_the_closing_time_when_that_comes_first(student, quiz):
    Quiz.objects.filter(pk=quiz.pk).update(closes_at=T0 + timedelta(minutes=5))
    quiz.refresh_from_db()
    assert _start(student, quiz).deadline == T0 + timedelta(minutes=5)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"published_at": None}, "not open to you"),
        ({"opens_at": T0 + timedelta(days=1)}, "opens on"),
        ({"closes_at": T0 - timedelta(days=1), "opens_at": T0 - timedelta(days=2)}, "closed on"),
    ],
)
def test_a_quiz_that_is_not_open_cannot_be_started(student, quiz, change, message):
    Quiz.objects.filter(pk=quiz.pk).update(**change)
    quiz.refresh_from_db()
    with pytest.raises(LearningError, match=message):
        _start(student, quiz)
    assert not Attempt.objects.exists()


def test_a_student_outside_the_course_cannot_start(quiz, db):
    with pytest.raises(LearningError, match="not open to you"):
        _start(StudentFactory(username="outsider"), quiz)


def test_the_attempts_allowed_are_counted(student, quiz):
    for minute in (0, 1):
        at = T0 + timedelta(minutes=minute)
        attempt_submit(student=student, attempt=_start(student, quiz, at), now=at)
    with pytest.raises(LearningError, match="used your 2 attempts"):
        _start(student, quiz, T0 + timedelta(minutes=3))


def test_answers_are_graded_when_saved_and_summed_on_submit(student, quiz):
    attempt = _start(student, quiz)
    attempt_answer_save(student=student, attempt=attempt, position=1, response="tuesdya", now=T0)
    attempt_answer_save(student=student, attempt=attempt, position=2, response="Seoul", now=T0)
    submitted = attempt_submit(student=student, attempt=attempt, now=T0 + timedelta(minutes=2))
    assert (submitted.score, submitted.max_score, submitted.percent) == (2, 3, 67)


def test_the_same_answer_sent_twice_is_saved_once(student, quiz):
    attempt = _start(student, quiz)
    first = attempt_answer_save(student=student, attempt=attempt, position=1, response="x", now=T0)
    again = attempt_answer_save(
        student=student, attempt=attempt, position=1, response="x", now=T0 + timedelta(seconds=5)
    )
    assert again.saved_at == first.saved_at == T0


def test_an_option_that_is_not_offered_is_refused_and_nothing_saved(student, quiz):
    attempt = _start(student, quiz)
    with pytest.raises(LearningError, match="Choose one of the options"):
        attempt_answer_save(student=student, attempt=attempt, position=2, response="Paris", now=T0)
    assert attempt.answers.get(position=2).response is None


def test_a_save_after_submitting_changes_nothing_and_says_why(student, quiz):
    attempt = _start(student, quiz)
    attempt_submit(student=student, attempt=attempt, now=T0)
    with pytest.raises(LearningError, match="was submitted on"):
        attempt_answer_save(student=student, attempt=attempt, position=1, response="x", now=T0)
    assert attempt.answers.get(position=1).response is None


def test_a_second_submit_changes_nothing_and_says_why(student, quiz):
    attempt = _start(student, quiz)
    attempt_submit(student=student, attempt=attempt, now=T0)
    with pytest.raises(LearningError, match=r"submitted on .* already"):
        attempt_submit(student=student, attempt=attempt, now=T0 + timedelta(minutes=1))
    attempt.refresh_from_db()
    assert attempt.submitted_at == T0


def test_a_save_after_the_deadline_is_refused(student, quiz):
    attempt = _start(student, quiz)
    with pytest.raises(LearningError, match="Time is up"):
        attempt_answer_save(
            student=student, attempt=attempt, position=1, response="Tuesday",
            now=T0 + timedelta(minutes=21),
        )  # fmt: skip


def test_an_attempt_left_past_its_deadline_counts_as_submitted_at_it(student, quiz):
    attempt = _start(student, quiz)
    attempt_answer_save(student=student, attempt=attempt, position=1, response="Tuesday", now=T0)
    later = T0 + timedelta(hours=1)
    assert attempt.is_finished(later)
    assert attempt.finished_at(later) == T0 + timedelta(minutes=20)
    call_command("close_overdue_attempts", stdout=io.StringIO())
    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.score) == (T0 + timedelta(minutes=20), 2)


def test_starting_again_after_an_overdue_attempt_closes_it_first(student, quiz):
    first = _start(student, quiz)
    second = _start(student, quiz, T0 + timedelta(hours=1))
    first.refresh_from_db()
    assert first.submitted_at == first.deadline
    assert second.number == 2


def test_another_students_attempt_is_refused(student, quiz):
    attempt = _start(student, quiz)
    with pytest.raises(LearningError, match="not yours"):
        attempt_submit(student=StudentFactory(username="other"), attempt=attempt, now=T0)


def test_questions_answered_wrongly_become_cards(student, quiz):
    attempt = _start(student, quiz)
    attempt_answer_save(student=student, attempt=attempt, position=1, response="Tuesday", now=T0)
    attempt_answer_save(student=student, attempt=attempt, position=2, response="Seoul", now=T0)
    attempt_submit(student=student, attempt=attempt, now=T0)
    wrong = attempt.answers.get(position=2).question
    assert list(Card.objects.filter(student=student).values_list("question", flat=True)) == [
        wrong.pk
    ]


def test_no_cards_when_the_quiz_says_so(student, quiz):
    Quiz.objects.filter(pk=quiz.pk).update(mistakes_to_cards=False)
    quiz.refresh_from_db()
    attempt = _start(student, quiz)
    attempt_answer_save(student=student, attempt=attempt, position=2, response="Seoul", now=T0)
    attempt_submit(student=student, attempt=attempt, now=T0)
    assert not Card.objects.exists()


def test_an_edit_after_the_start_does_not_change_the_grading(student, quiz, instructor):
    attempt = _start(student, quiz)
    question = attempt.answers.get(position=1).question
    content = QuestionContent(
        type="short_answer", prompt=question.prompt, answer="Wednesday", accepted=[], choices=[],
        tolerance=None, explanation="", sentence_start=0,
    )  # fmt: skip
    question_update(question=question, content=content, editor=instructor)
    saved = attempt_answer_save(
        student=student, attempt=attempt, position=1, response="Tuesday", now=T0
    )
    assert (saved.question_version, saved.score) == (1, 1.0)


def test_a_withdrawn_question_is_left_out_of_new_attempts(student, quiz):
    first = quiz.slots.get(position=1).question
    Question.objects.filter(pk=first.pk).update(status=Question.Status.REJECTED)
    attempt = _start(student, quiz)
    assert [a.position for a in attempt.answers.all()] == [1]
    assert attempt.max_score == 1


def test_random_slots_draw_distinct_questions_from_their_pool(student, quiz):
    article = quiz.course.articles.get()
    QuestionFactory.create_batch(3, fact__article=article, type="numeric", answer=5, tolerance=0)
    for position in (3, 4, 5):
        QuizSlotFactory(quiz=quiz, position=position, question=None, pool_type="numeric")
    attempt = _start(student, quiz)
    drawn = [a.question for a in attempt.answers.filter(position__gte=3)]
    assert len({q.pk for q in drawn}) == 3
    assert {q.type for q in drawn} == {"numeric"}


def test_immediate_feedback_locks_the_checked_answer(student, quiz):
    Quiz.objects.filter(pk=quiz.pk).update(review_policy=Quiz.ReviewPolicy.IMMEDIATELY)
    quiz.refresh_from_db()
    attempt = _start(student, quiz)
    attempt_answer_save(student=student, attempt=attempt, position=2, response="Seoul", now=T0)
    attempt_answer_check(student=student, attempt=attempt, position=2, now=T0)
    with pytest.raises(LearningError, match="checked"):
        attempt_answer_save(student=student, attempt=attempt, position=2, response="Hanoi", now=T0)


def test_checking_needs_the_immediate_policy(student, quiz):
    attempt = _start(student, quiz)
    attempt_answer_save(student=student, attempt=attempt, position=2, response="Seoul", now=T0)
    with pytest.raises(LearningError, match="after the attempt"):
        attempt_answer_check(student=student, attempt=attempt, position=2, now=T0)


def test_close_overdue_closes_only_overdue_attempts(student, quiz, time_machine):
    time_machine.move_to(T0 + timedelta(minutes=5))
    _start(student, quiz)
    assert attempts_close_overdue(now=T0 + timedelta(minutes=5)) == 0
    assert attempts_close_overdue(now=T0 + timedelta(minutes=30)) == 1


# Fixes from trying to break quizzes.


def _answer_wrongly_and_submit(student, quiz, at=T0):
    attempt = _start(student, quiz, at)
    attempt_answer_save(student=student, attempt=attempt, position=2, response="Seoul", now=at)
    attempt_submit(student=student, attempt=attempt, now=at)
    return attempt


def test_mistakes_do_not_become_cards_when_the_answers_are_never_shown(student, quiz):
    Quiz.objects.filter(pk=quiz.pk).update(review_policy=Quiz.ReviewPolicy.NEVER)
    quiz.refresh_from_db()
    _answer_wrongly_and_submit(student, quiz)
    assert not Card.objects.exists()


def test_mistakes_become_cards_only_once_a_quiz_showing_answers_after_closing_closes(student, quiz):
    Quiz.objects.filter(pk=quiz.pk).update(
        review_policy=Quiz.ReviewPolicy.AFTER_CLOSE, closes_at=T0 + timedelta(days=1)
    )
    quiz.refresh_from_db()
    _answer_wrongly_and_submit(student, quiz)
    assert not Card.objects.exists()
    attempts_close_overdue(now=T0 + timedelta(days=2))
    assert Card.objects.filter(student=student).count() == 1


def test_moving_the_closing_time_moves_the_deadline_of_attempts_in_progress(student, quiz):
    attempt = _start(student, quiz)
    Quiz.objects.filter(pk=quiz.pk).update(closes_at=T0 + timedelta(minutes=2))
    attempt = Attempt.objects.select_related("quiz").get(pk=attempt.pk)
    assert attempt.deadline == T0 + timedelta(minutes=2)
    assert attempt.is_finished(T0 + timedelta(minutes=3))


def test_answers_of_a_quiz_closed_early_are_not_shown_in_an_attempt_before_it_ends(student, quiz):
    Quiz.objects.filter(pk=quiz.pk).update(review_policy=Quiz.ReviewPolicy.AFTER_CLOSE,
                                           closes_at=T0 + timedelta(days=1))  # fmt: skip
    quiz.refresh_from_db()
    assert not quiz.answers_shown(submitted=False, now=T0 + timedelta(days=2))


@pytest.mark.parametrize(("response", "message"), [("x\x00y", "NUL"), ("x" * 3000, "too long")])
def test_malformed_typed_answers_are_refused(student, quiz, response, message):
    attempt = _start(student, quiz)
    with pytest.raises(LearningError, match=message):
        attempt_answer_save(student=student, attempt=attempt, position=1, response=response, now=T0)


def test_a_quiz_taken_back_takes_no_more_answers(student, quiz):
    attempt = _start(student, quiz)
    Quiz.objects.filter(pk=quiz.pk).update(published_at=None)
    with pytest.raises(LearningError, match="no longer open to you"):
        attempt_answer_save(student=student, attempt=attempt, position=1, response="x", now=T0)


def test_open_quiz_questions_stay_out_of_new_review_cards(student, quiz):
    from learning.queue import new_questions

    in_quiz = set(quiz.slots.values_list("question", flat=True))
    assert not set(new_questions(student, T0).values_list("pk", flat=True)) & in_quiz
    Quiz.objects.filter(pk=quiz.pk).update(published_at=None)
    assert set(new_questions(student, T0).values_list("pk", flat=True)) >= in_quiz


def test_random_draws_avoid_a_second_question_on_a_fact_already_asked(student, quiz):
    fixed = quiz.slots.get(position=1).question
    sibling = QuestionFactory(fact=fixed.fact, type="numeric", answer=7, tolerance=0)
    other = QuestionFactory(fact__article=fixed.article, type="numeric", answer=8, tolerance=0)
    QuizSlotFactory(quiz=quiz, position=3, question=None, pool_type="numeric")
    for number in range(8):
        pupil = StudentFactory(username=f"pupil{number}")
        EnrollmentFactory(course=quiz.course, student=pupil)
        attempt = _start(pupil, quiz)
        assert attempt.answers.get(position=3).question_id == other.pk != sibling.pk

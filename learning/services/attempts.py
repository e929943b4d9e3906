"""Workflows of quiz attempts: starting one, saving answers as they change, checking one
(immediate feedback), submitting, and closing attempts whose time ran out.

Each takes the attempt's row lock, so a double submit, a save racing a submit, or two tabs
saving at once apply one after another; a save after the end changes nothing and says why."""

import random
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from learning.errors import LearningError
from learning.item_analysis import MIN_ATTEMPTS, flags_refresh
from learning.models import Attempt, AttemptAnswer, Card, User
from quizzes import question_types
from quizzes.models import Question, Quiz

# Drawing questions for random slots: unpredictable to students.
_draw = random.SystemRandom()


def _at(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "j M Y, H:i")


def _close(attempt: Attempt, *, at: datetime) -> Attempt:
    """Mark the attempt submitted at `at` with its score; the questions answered wrongly become
    cards when the quiz says so. The caller holds the attempt's lock."""
    answers = list(attempt.answers.select_related("question"))
    attempt.submitted_at = at
    attempt.score = round(sum(answer.points_earned for answer in answers), 4)
    attempt.save(update_fields=["submitted_at", "score"])
    if attempt.quiz.mistakes_to_cards:
        for answer in answers:
            if answer.is_answered and (answer.score or 0) < 1:
                Card.objects.get_or_create(
                    student_id=attempt.student_id,
                    question_id=answer.question_id,
                    defaults={"fact_id": answer.question.fact_id, "due": at, "created_at": at},
                )
    return attempt


@transaction.atomic
def attempts_close_overdue(*, now: datetime, quiz: Quiz | None = None, student=None) -> int:
    """Close every attempt whose deadline has passed unsubmitted, as submitted at its deadline
    with the answers saved by then."""
    overdue = Attempt.objects.overdue(now).select_related("quiz")
    if quiz is not None:
        overdue = overdue.filter(quiz=quiz)
    if student is not None:
        overdue = overdue.of(student)
    closed: list[Attempt] = []
    for attempt in overdue.select_for_update(of=("self",), skip_locked=True):
        closed.append(_close(attempt, at=attempt.deadline))
    for changed in {attempt.quiz for attempt in closed}:
        _flags_refresh(changed, now)
    return len(closed)


def _flags_refresh(quiz: Quiz, now: datetime) -> None:
    # Flags need MIN_ATTEMPTS answers to mean anything: before that, nothing to recompute.
    if Attempt.objects.filter(quiz=quiz).finished(now).count() >= MIN_ATTEMPTS:
        flags_refresh(quiz=quiz, now=now)


def _draw_questions(quiz: Quiz) -> list[tuple[float, Question]]:
    """The attempt's questions in the quiz's order: each chosen question (left out once
    withdrawn), and for each random slot one question of its pool not asked elsewhere."""
    slots = list(quiz.slots.select_related("question").order_by("position"))
    taken = {slot.question_id for slot in slots if not slot.is_random}
    drawn: list[tuple[float, Question]] = []
    for slot in slots:
        if not slot.is_random:
            if slot.question.status == Question.Status.APPROVED:
                drawn.append((slot.points, slot.question))
            continue
        pool = list(slot.pool().exclude(pk__in=taken).only("pk", "version"))
        if not pool:
            raise LearningError(
                "This quiz cannot be started: a random question's pool has run out. "
                "Tell your instructor."
            )
        question = _draw.choice(pool)
        taken.add(question.pk)
        drawn.append((slot.points, question))
    return drawn


@transaction.atomic
def attempt_start(*, student, quiz: Quiz, now: datetime) -> Attempt:
    """The student's attempt in progress at this quiz, or a new one if they have attempts left.
    Starting twice (a double click, a second tab) gives the same attempt."""
    User.objects.select_for_update().filter(pk=student.pk).first()
    if not Quiz.objects.for_student(student).filter(pk=quiz.pk).exists():
        raise LearningError("This quiz is not open to you.")
    if quiz.opens_at and now < quiz.opens_at:
        raise LearningError(f"This quiz opens on {_at(quiz.opens_at)}.")
    if quiz.is_closed(now):
        raise LearningError(f"This quiz closed on {_at(quiz.closes_at)}.")
    attempts_close_overdue(now=now, quiz=quiz, student=student)
    mine = Attempt.objects.of(student).filter(quiz=quiz)
    if (current := mine.in_progress(now).first()) is not None:
        return current
    used = mine.count()
    if quiz.attempts_allowed and used >= quiz.attempts_allowed:
        raise LearningError(
            f"You have used your {quiz.attempts_allowed} attempt"
            f"{'s' if quiz.attempts_allowed != 1 else ''} at this quiz."
        )
    drawn = _draw_questions(quiz)
    if not drawn:
        raise LearningError("This quiz has no questions yet.")
    ends = [
        end for end in (now + quiz.time_limit if quiz.time_limit else None, quiz.closes_at) if end
    ]
    attempt = Attempt.objects.create(
        quiz=quiz,
        student=student,
        number=used + 1,
        started_at=now,
        deadline=min(ends) if ends else None,
        max_score=sum(points for points, _ in drawn),
    )
    AttemptAnswer.objects.bulk_create(
        AttemptAnswer(
            attempt=attempt,
            position=position,
            points=points,
            question=question,
            question_version=question.version,
        )
        for position, (points, question) in enumerate(drawn, start=1)
    )
    return attempt


def _locked(attempt: Attempt, student) -> Attempt:
    if attempt.student_id != student.pk:
        raise LearningError("This attempt is not yours.")
    return Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)


def _refuse_if_over(attempt: Attempt, now: datetime) -> None:
    if attempt.submitted_at is not None:
        raise LearningError(
            f"This attempt was submitted on {_at(attempt.submitted_at)}: nothing more is saved."
        )
    if attempt.is_finished(now):
        raise LearningError("Time is up: this attempt was submitted with the answers saved before.")


def _answer(attempt: Attempt, position: int) -> AttemptAnswer:
    answer = attempt.answers.select_related("question").filter(position=position).first()
    if answer is None:
        raise LearningError("This attempt has no such question.")
    return answer


def _empty(response) -> bool:
    return response is None or response == "" or response == [] or response == {}


@transaction.atomic
def attempt_answer_save(
    *, student, attempt: Attempt, position: int, response, now: datetime
) -> AttemptAnswer:
    """Save (and grade) the answer to one question of an attempt in progress. The same answer
    sent twice is saved once; an empty one clears it."""
    attempt = _locked(attempt, student)
    _refuse_if_over(attempt, now)
    answer = _answer(attempt, position)
    if answer.checked_at is not None:
        raise LearningError("This answer was checked and can no longer change.")
    if response == answer.response or (_empty(response) and _empty(answer.response)):
        return answer
    if _empty(response):
        answer.response, answer.score = None, None
    else:
        question = answer.question.as_of(answer.question_version)
        try:
            grade = question_types.grade(question, response)
        except question_types.ResponseError as error:
            raise LearningError(str(error)) from None
        answer.response, answer.score = response, grade.score
    answer.saved_at = now
    answer.save(update_fields=["response", "score", "saved_at"])
    return answer


@transaction.atomic
def attempt_answer_check(
    *, student, attempt: Attempt, position: int, now: datetime
) -> AttemptAnswer:
    """Immediate feedback: lock in the answer to one question and show whether it is right."""
    attempt = _locked(attempt, student)
    _refuse_if_over(attempt, now)
    if attempt.quiz.review_policy != Quiz.ReviewPolicy.IMMEDIATELY:
        raise LearningError(
            "This quiz shows the answers after the attempt, not question by question."
        )
    answer = _answer(attempt, position)
    if not answer.is_answered:
        raise LearningError("Answer the question before checking it.")
    if answer.checked_at is None:
        answer.checked_at = now
        answer.save(update_fields=["checked_at"])
    return answer


@transaction.atomic
def attempt_submit(*, student, attempt: Attempt, now: datetime) -> Attempt:
    """Submit the attempt with its saved answers. A second submit changes nothing and says so;
    one after the deadline closes it as it was at the deadline."""
    attempt = _locked(attempt, student)
    if attempt.submitted_at is not None:
        raise LearningError(f"This attempt was submitted on {_at(attempt.submitted_at)} already.")
    closed = _close(attempt, at=attempt.deadline if attempt.is_finished(now) else now)
    _flags_refresh(closed.quiz, now)
    return closed

"""Workflows of quiz attempts: starting one, saving answers as they change, checking one
(immediate feedback), submitting, and closing attempts whose time ran out.

Each takes the attempt's row lock, so a double submit, a save racing a submit, or two tabs
saving at once apply one after another; a save after the end changes nothing and says why."""

import json
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
from quizzes.services.quizzes import draw_plan

# Drawing questions for random slots: unpredictable to students.
_draw = random.SystemRandom()


def _at(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "j M Y, H:i")


def _close(attempt: Attempt, *, at: datetime, now: datetime) -> Attempt:
    """Mark the attempt submitted at `at` with its score, and card its mistakes if the answers
    may be seen now. The caller holds the attempt's lock."""
    answers = list(attempt.answers.all())
    attempt.submitted_at = at
    attempt.score = round(sum(answer.points_earned for answer in answers), 4)
    attempt.save(update_fields=["submitted_at", "score"])
    _card_mistakes(attempt, now=now)
    return attempt


def _card_mistakes(attempt: Attempt, *, now: datetime) -> None:
    """The questions answered wrongly become review cards when the quiz says so, but only once
    its answers may be seen: a card's back shows the answer, which must not come before the
    quiz's review policy allows (after it closes; never, for "never")."""
    quiz = attempt.quiz
    if attempt.mistakes_carded or not quiz.mistakes_to_cards:
        return
    if not quiz.answers_shown(submitted=True, now=now):
        return
    for answer in attempt.answers.select_related("question"):
        if answer.is_answered and (answer.score or 0) < 1:
            Card.objects.get_or_create(
                student_id=attempt.student_id,
                question_id=answer.question_id,
                defaults={"fact_id": answer.question.fact_id, "due": now, "created_at": now},
            )
    attempt.mistakes_carded = True
    attempt.save(update_fields=["mistakes_carded"])


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
        closed.append(_close(attempt, at=attempt.deadline, now=now))
    for changed in {attempt.quiz for attempt in closed}:
        _flags_refresh(changed, now)
    # Quizzes that show their answers once closed: their attempts' mistakes become cards now.
    waiting = Attempt.objects.filter(
        submitted_at__isnull=False,
        mistakes_carded=False,
        quiz__mistakes_to_cards=True,
        quiz__review_policy=Quiz.ReviewPolicy.AFTER_CLOSE,
        quiz__closes_at__lte=now,
    ).select_related("quiz")
    if quiz is not None:
        waiting = waiting.filter(quiz=quiz)
    if student is not None:
        waiting = waiting.of(student)
    for attempt in waiting.select_for_update(of=("self",), skip_locked=True):
        _card_mistakes(attempt, now=now)
    return len(closed)


def _flags_refresh(quiz: Quiz, now: datetime) -> None:
    # Flags need MIN_ATTEMPTS answers to mean anything: before that, nothing to recompute.
    if Attempt.objects.filter(quiz=quiz).finished(now).count() >= MIN_ATTEMPTS:
        flags_refresh(quiz=quiz, now=now)


DRAW_TRIES = 20


def _draw_once(slots, plan: dict[int, list[int]], by_pk) -> dict[int, Question] | None:
    """One random draw for the random slots; None if a slot found nothing left (a rare
    unlucky order: the caller draws again)."""
    taken = {slot.question_id for slot in slots if not slot.is_random}
    facts = {slot.question.fact_id for slot in slots if not slot.is_random}
    chosen: dict[int, Question] = {}
    for slot_pk in sorted(plan, key=lambda pk: len(plan[pk])):
        options = [by_pk[pk] for pk in plan[slot_pk] if pk not in taken]
        if not options:
            return None
        fresh = [question for question in options if question.fact_id not in facts]
        question = _draw.choice(fresh or options)
        taken.add(question.pk)
        facts.add(question.fact_id)
        chosen[slot_pk] = question
    return chosen


def _draw_questions(quiz: Quiz) -> list[tuple[float, Question]]:
    """The attempt's questions in the quiz's order: each chosen question (left out once
    withdrawn), and for each random slot one question of its pool asked nowhere else in the
    attempt, and on another fact when the pools allow (so one question never answers another).
    The slots with the smallest pools draw first."""
    plan = draw_plan(quiz, exclude_facts=True) or draw_plan(quiz, exclude_facts=False)
    if plan is None:
        raise LearningError(
            "This quiz cannot be started: a random question's pool has run out. "
            "Tell your instructor."
        )
    slots = list(quiz.slots.select_related("question").order_by("position"))
    by_pk = Question.objects.in_bulk([pk for pks in plan.values() for pk in pks])
    for _ in range(DRAW_TRIES):
        chosen = _draw_once(slots, plan, by_pk)
        if chosen is not None:
            break
    else:
        raise LearningError("This quiz cannot be started just now; please try again.")
    drawn: list[tuple[float, Question]] = []
    for slot in slots:
        if slot.is_random:
            drawn.append((slot.points, chosen[slot.pk]))
        elif slot.question.status == Question.Status.APPROVED:
            drawn.append((slot.points, slot.question))
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
    attempt = Attempt.objects.create(
        quiz=quiz,
        student=student,
        number=used + 1,
        started_at=now,
        limit_ends=now + quiz.time_limit if quiz.time_limit else None,
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
    locked = Attempt.objects.select_for_update(of=("self",)).select_related("quiz")
    locked = locked.get(pk=attempt.pk)
    if not Quiz.objects.for_student(student).filter(pk=locked.quiz_id).exists():
        # Taken back by the instructor, or the student left the course.
        raise LearningError("This quiz is no longer open to you: nothing was saved.")
    return locked


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


RESPONSE_MAX_LENGTH = 2000


def _refuse_malformed(response) -> None:
    text = json.dumps(response, ensure_ascii=False)
    if len(text) > RESPONSE_MAX_LENGTH:
        raise LearningError("This answer is too long.")
    if "\\u0000" in text or "\x00" in text:
        raise LearningError("This answer contains a NUL character; remove it.")


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
        _refuse_malformed(response)
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
    closed = _close(attempt, at=attempt.deadline if attempt.is_finished(now) else now, now=now)
    _flags_refresh(closed.quiz, now)
    return closed

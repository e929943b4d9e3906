"""A student's quizzes: the list, a quiz's page, an attempt (answers saved as they change),
submitting it, and its result as the quiz's review policy allows."""

import dataclasses
import random
from dataclasses import dataclass

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from learning.models import Attempt, AttemptAnswer
from learning.services import (
    LearningError,
    attempt_answer_check,
    attempt_answer_save,
    attempt_start,
    attempt_submit,
    attempts_close_overdue,
)
from learning.views.decorators import study_required
from quizzes import question_types
from quizzes.models import Quiz


@dataclass
class QuizRow:
    quiz: Quiz
    used: int
    in_progress: Attempt | None
    best: Attempt | None

    @property
    def attempts_left(self) -> int | None:
        allowed = self.quiz.attempts_allowed
        return None if not allowed else max(0, allowed - self.used)


def _rows(student, now) -> list[QuizRow]:
    attempts_close_overdue(now=now, student=student)
    quizzes = (
        Quiz.objects.for_student(student).select_related("course").order_by("closes_at", "title")
    )
    attempts: dict[int, list[Attempt]] = {}
    for attempt in Attempt.objects.of(student).filter(quiz__in=quizzes).order_by("number"):
        attempts.setdefault(attempt.quiz_id, []).append(attempt)
    rows = []
    for quiz in quizzes:
        mine = attempts.get(quiz.pk, [])
        finished = [a for a in mine if a.submitted_at is not None]
        rows.append(
            QuizRow(
                quiz=quiz,
                used=len(mine),
                in_progress=next((a for a in mine if a.submitted_at is None), None),
                best=max(finished, key=lambda a: a.score or 0, default=None),
            )
        )
    return rows


@study_required
@require_safe
def quiz_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    rows = _rows(request.user, now)
    context = {
        "open": [row for row in rows if row.quiz.is_open(now)],
        "upcoming": [row for row in rows if row.quiz.opens_at and now < row.quiz.opens_at],
        "closed": [row for row in rows if row.quiz.is_closed(now)],
        "now": now,
    }
    return render(request, "learning/quiz_list.html", context)


def _student_quiz(request: HttpRequest, pk: int) -> Quiz:
    return get_object_or_404(Quiz.objects.for_student(request.user).select_related("course"), pk=pk)


@study_required
@require_http_methods(["GET", "HEAD", "POST"])
def quiz_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The quiz's rules, the student's attempts, and Start (or Continue)."""
    quiz = _student_quiz(request, pk)
    now = timezone.now()
    if request.method == "POST":
        try:
            attempt = attempt_start(student=request.user, quiz=quiz, now=now)
        except LearningError as error:
            messages.error(request, str(error))
            return redirect("learning:quiz", pk=quiz.pk)
        return redirect("learning:attempt", pk=attempt.pk)
    row = next(row for row in _rows(request.user, now) if row.quiz.pk == quiz.pk)
    attempts = Attempt.objects.of(request.user).filter(quiz=quiz).order_by("number")
    context = {
        "quiz": quiz,
        "row": row,
        "attempts": attempts,
        "now": now,
        "is_open": quiz.is_open(now),
    }
    return render(request, "learning/quiz_page.html", context)


def _student_attempt(request: HttpRequest, pk: int) -> Attempt:
    attempts = Attempt.objects.of(request.user).select_related("quiz", "quiz__course")
    return get_object_or_404(attempts, pk=pk)


@dataclass
class ShownQuestion:
    """One question of an attempt as the page shows it: its front, the student's answer, and
    the feedback when the policy allows it."""

    answer: AttemptAnswer
    # The question as the student saw it (the version the attempt drew).
    question: object
    front: question_types.Front
    feedback: object = None  # a Flashcard (the back) when answers may be shown

    @property
    def response(self):
        return self.answer.response

    @property
    def places(self) -> list[int]:
        """For an ordering, the place the student gave each item shown (1-based; 0 for none)."""
        if not isinstance(self.response, list):
            return [0] * len(self.front.options)
        order = {item: place for place, item in enumerate(self.response, start=1)}
        return [order.get(item, 0) for item in self.front.options]

    @property
    def matches(self) -> list[str]:
        chosen = self.response if isinstance(self.response, dict) else {}
        return [chosen.get(left, "") for left in self.front.left]


def _shown(answer: AttemptAnswer, *, feedback: bool) -> ShownQuestion:
    question = answer.question.as_of(answer.question_version)
    card = question_types.flashcard(question)
    front = card.front()
    if front.picks and len(front.options) > 2:
        # As Moodle shuffles within questions: each attempt its own order of the options, the
        # same on every showing of that attempt.
        options = list(front.options)
        random.Random(f"{answer.attempt_id}:{answer.position}").shuffle(options)  # noqa: S311
        front = dataclasses.replace(front, options=options)
    return ShownQuestion(
        answer=answer, question=question, front=front, feedback=card if feedback else None
    )


def _feedback_now(attempt: Attempt, answer: AttemptAnswer, now) -> bool:
    if attempt.quiz.review_policy == Quiz.ReviewPolicy.IMMEDIATELY and answer.checked_at:
        return True
    return attempt.quiz.answers_shown(submitted=attempt.is_finished(now), now=now)


@study_required
@require_safe
def attempt_page(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _student_attempt(request, pk)
    now = timezone.now()
    if attempt.is_finished(now):
        return redirect("learning:attempt_result", pk=attempt.pk)
    answers = list(attempt.answers.select_related("question"))
    per_page = 1 if attempt.quiz.layout == Quiz.Layout.ONE else len(answers)
    page = Paginator(answers, per_page).get_page(request.GET.get("page"))
    shown = [_shown(answer, feedback=_feedback_now(attempt, answer, now)) for answer in page]
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "page": page,
        "questions": shown,
        "answered": sum(answer.is_answered for answer in answers),
        "total": len(answers),
        "seconds_left": attempt.seconds_left(now),
    }
    return render(request, "learning/attempt.html", context)


def _save_posted(request: HttpRequest, attempt: Attempt, answer: AttemptAnswer, now):
    """Save the answer the form posted; a checked answer's form posts nothing to save."""
    if answer.checked_at is not None:
        return answer
    kind = question_types.question_type(answer.question.type)
    question = answer.question.as_of(answer.question_version)
    response = kind.response_from_form(question, request.POST)
    return attempt_answer_save(
        student=request.user, attempt=attempt, position=answer.position, response=response, now=now
    )


def _question_url(attempt: Attempt, position: int, page: str = "") -> str:
    url = redirect("learning:attempt", pk=attempt.pk).url
    if not page and attempt.quiz.layout == Quiz.Layout.ONE:
        page = str(position)
    return f"{url}?page={page}#q-{position}" if page else f"{url}#q-{position}"


@study_required
@require_POST
def attempt_answer(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    """Save one answer (htmx, on every change; or a plain form post)."""
    attempt = _student_attempt(request, pk)
    answer = get_object_or_404(attempt.answers.select_related("question"), position=position)
    now = timezone.now()
    error = ""
    try:
        answer = _save_posted(request, attempt, answer, now)
    except (LearningError, question_types.ResponseError) as exc:
        error = str(exc)
    if request.htmx:
        answered = sum(saved.is_answered for saved in attempt.answers.all())
        context = {"answer": answer, "error": error, "answered": answered}
        return render(request, "learning/_answer_status.html", context)
    if error:
        messages.error(request, error)
    target = request.POST.get("go", "")
    if target == "submit":
        return redirect("learning:attempt_submit", pk=attempt.pk)
    page = target if target.isascii() and target.isdigit() else ""
    return redirect(_question_url(attempt, position, page))


@study_required
@require_POST
def attempt_check(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    """Immediate feedback: lock in one answer and show whether it is right."""
    attempt = _student_attempt(request, pk)
    answer = get_object_or_404(attempt.answers.select_related("question"), position=position)
    now = timezone.now()
    try:
        # The answer as it stands in the form is saved first: a click right after choosing
        # must not check the answer saved before.
        _save_posted(request, attempt, answer, now)
        attempt_answer_check(student=request.user, attempt=attempt, position=position, now=now)
    except (LearningError, question_types.ResponseError) as error:
        messages.error(request, str(error))
    return redirect(_question_url(attempt, position))


@study_required
@require_http_methods(["GET", "HEAD", "POST"])
def attempt_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks for confirmation, then submits."""
    attempt = _student_attempt(request, pk)
    now = timezone.now()
    if request.method == "POST":
        try:
            attempt_submit(student=request.user, attempt=attempt, now=now)
        except LearningError as error:
            messages.info(request, str(error))
        return redirect("learning:attempt_result", pk=attempt.pk)
    if attempt.is_finished(now):
        return redirect("learning:attempt_result", pk=attempt.pk)
    answers = list(attempt.answers.all())
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "unanswered": [answer.position for answer in answers if not answer.is_answered],
        "total": len(answers),
        "seconds_left": attempt.seconds_left(now),
    }
    return render(request, "learning/attempt_submit.html", context)


@study_required
@require_safe
def attempt_result(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _student_attempt(request, pk)
    now = timezone.now()
    if not attempt.is_finished(now):
        return redirect("learning:attempt", pk=attempt.pk)
    attempts_close_overdue(now=now, quiz=attempt.quiz, student=request.user)
    attempt.refresh_from_db()
    shown_answers = attempt.quiz.answers_shown(submitted=True, now=now)
    answers = list(attempt.answers.select_related("question", "question__article"))
    context = {
        "attempt": attempt,
        "quiz": attempt.quiz,
        "questions": [_shown(answer, feedback=shown_answers) for answer in answers],
        "answers_shown": shown_answers,
        "time_taken": attempt.submitted_at - attempt.started_at,
    }
    return render(request, "learning/attempt_result.html", context)

"""What instructors read of their quizzes: results per student, one student's attempts answer by
answer, a CSV of the results, and the item analysis."""

import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from learning.item_analysis import MIN_ATTEMPTS, flags_refresh
from learning.models import Attempt, User
from learning.results import attempt_answers, quiz_results, reported_quiz
from quizzes.exchange.spreadsheet import write_safe_csv
from quizzes.models import Quiz
from quizzes.permissions import teacher_required


def _quiz(request: HttpRequest, pk: int) -> Quiz:
    return reported_quiz(instructor=request.user, pk=pk, now=timezone.now())


@teacher_required
@require_safe
def quiz_results_view(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = _quiz(request, pk)
    rows = quiz_results(quiz, timezone.now())
    return render(request, "learning/quiz_results.html", {"quiz": quiz, "rows": rows})


def _score(attempt: Attempt | None) -> str:
    if attempt is None or attempt.score is None:
        return ""
    return f"{attempt.score:g}"


@teacher_required
@require_safe
def quiz_results_csv(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = _quiz(request, pk)
    rows = quiz_results(quiz, timezone.now())
    out = io.StringIO()
    write_safe_csv(
        out,
        [
            "student",
            "attempts",
            "in progress",
            "best score",
            "last score",
            "out of",
            "last time taken (s)",
        ],
        [
            [
                row.student.username,
                row.attempts,
                "yes" if row.in_progress else "",
                _score(row.best),
                _score(row.last),
                f"{row.last.max_score:g}" if row.last else "",
                int(row.time_taken.total_seconds()) if row.time_taken else "",
            ]
            for row in rows
        ],
    )
    response = HttpResponse(out.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    name = slugify(quiz.title)[:80] or "quiz"
    response["Content-Disposition"] = f'attachment; filename="{name}-results.csv"'
    return response


@teacher_required
@require_safe
def quiz_student_view(request: HttpRequest, pk: int, student_pk: int) -> HttpResponse:
    quiz = _quiz(request, pk)
    student = get_object_or_404(User.objects.filter(attempts__quiz=quiz).distinct(), pk=student_pk)
    attempts = [
        (attempt, attempt_answers(attempt))
        for attempt in Attempt.objects.filter(quiz=quiz, student=student).order_by("number")
    ]
    context = {"quiz": quiz, "student": student, "attempts": attempts, "now": timezone.now()}
    return render(request, "learning/quiz_student.html", context)


@teacher_required
@require_safe
def quiz_analysis_view(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = _quiz(request, pk)
    statistics = flags_refresh(quiz=quiz, now=timezone.now())
    context = {"quiz": quiz, "statistics": statistics, "min_attempts": MIN_ATTEMPTS}
    return render(request, "learning/quiz_analysis.html", context)

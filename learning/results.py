"""What instructors read of a quiz's attempts: a row per student, and one student's attempts
answer by answer. Attempts past their deadline count as submitted at it."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import (
    Avg,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Subquery,
)
from django.db.models.functions import Coalesce, NullIf
from django.shortcuts import get_object_or_404

from learning.models import Attempt, AttemptAnswer, User
from learning.services import attempts_close_overdue
from quizzes.models import Quiz


def reported_quiz(*, instructor: User, pk: int, now: datetime) -> Quiz:
    """One of the instructor's quizzes (404 for anyone else's), with its attempts past their
    deadline closed, since every report counts them as submitted at it."""
    quiz = get_object_or_404(Quiz.objects.editable_by(instructor).select_related("course"), pk=pk)
    attempts_close_overdue(now=now, quiz=quiz)
    return quiz


@dataclass(frozen=True)
class StudentResult:
    student: User
    attempts: int
    best: Attempt | None
    last: Attempt | None
    in_progress: bool

    @property
    def time_taken(self) -> timedelta | None:
        """How long the last finished attempt took."""
        if self.last is None or self.last.submitted_at is None:
            return None
        return self.last.submitted_at - self.last.started_at


def quiz_results(quiz: Quiz, now: datetime) -> list[StudentResult]:
    attempts = (
        Attempt.objects.filter(quiz=quiz)
        .select_related("student", "quiz")  # is_finished reads the quiz's closing time
        .order_by("student", "number")
    )
    by_student: dict[int, list[Attempt]] = {}
    for attempt in attempts:
        by_student.setdefault(attempt.student_id, []).append(attempt)
    rows = []
    for group in by_student.values():
        finished = [attempt for attempt in group if attempt.is_finished(now)]
        rows.append(
            StudentResult(
                student=group[0].student,
                attempts=len(group),
                best=max(finished, key=lambda a: (a.score or 0, -a.number), default=None),
                last=finished[-1] if finished else None,
                in_progress=len(finished) < len(group),
            )
        )
    return sorted(rows, key=lambda row: row.student.username.casefold())


def attempt_answers(attempt: Attempt) -> list[AttemptAnswer]:
    """The attempt's answers, each with `shown` set to the question as the student saw it."""
    answers = list(
        attempt.answers.select_related("question").prefetch_related("question__versions")
    )
    for answer in answers:
        answer.shown = answer.question.as_of(answer.question_version)
    return answers


def course_quiz_summaries(course, now: datetime):
    """The course's quizzes, newest first, each with how many students finished an attempt and
    their mean score on the first one they finished (a share of the points, 0 to 1)."""
    first_finished = (
        Attempt.objects.filter(quiz__course=course)
        .finished(now)
        .order_by("quiz_id", "student_id", "number")
        .distinct("quiz_id", "student_id")
        .values("pk")
    )
    firsts = Attempt.objects.filter(pk__in=first_finished, quiz=OuterRef("pk")).order_by()
    share = ExpressionWrapper(
        Coalesce(F("score"), 0.0) / NullIf(F("max_score"), 0.0), output_field=FloatField()
    )
    return course.quizzes.order_by("-id").annotate(
        students_finished=Coalesce(
            Subquery(firsts.values("quiz").annotate(n=Count("id")).values("n")[:1]),
            0,
            output_field=IntegerField(),
        ),
        mean_score=Subquery(firsts.values("quiz").annotate(m=Avg(share)).values("m")[:1]),
    )

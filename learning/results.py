"""What instructors read of a quiz's attempts: a row per student, and one student's attempts
answer by answer. Attempts past their deadline count as submitted at it."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from learning.models import Attempt, AttemptAnswer, User
from quizzes.models import Quiz


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
        Attempt.objects.filter(quiz=quiz).select_related("student").order_by("student", "number")
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

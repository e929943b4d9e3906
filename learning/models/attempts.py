"""Quiz attempts: the questions drawn for one sitting of a quiz and every answer given.

An attempt is over when it is submitted or when its deadline has passed: the end of its time
limit or the quiz's closing time, whichever comes first, read from the quiz as it is now (so an
instructor moving the closing time moves the deadline of attempts in progress, as in Moodle). One
whose student never came back counts as submitted at its deadline on every read (`is_finished`,
`finished`), and `close_overdue_attempts` writes that down in bulk."""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q

from quizzes.models import Question, Quiz


def _past_deadline(now: datetime) -> Q:
    return Q(limit_ends__lte=now) | Q(quiz__closes_at__lte=now)


class AttemptQuerySet(models.QuerySet):
    def of(self, student) -> "AttemptQuerySet":
        return self.filter(student_id=student.pk)

    def finished(self, now: datetime) -> "AttemptQuerySet":
        return self.filter(Q(submitted_at__isnull=False) | _past_deadline(now))

    def in_progress(self, now: datetime) -> "AttemptQuerySet":
        return self.filter(submitted_at__isnull=True).exclude(_past_deadline(now))

    def overdue(self, now: datetime) -> "AttemptQuerySet":
        return self.filter(_past_deadline(now), submitted_at__isnull=True)

    def of_quizzes_taught_by(self, instructor) -> "AttemptQuerySet":
        return self.filter(quiz__in=Quiz.objects.editable_by(instructor))


class Attempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    # When the time limit runs out (none without one); see `deadline`.
    limit_ends = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Points earned, out of max_score, set when the attempt is closed.
    score = models.FloatField(null=True, blank=True)
    max_score = models.FloatField()
    # The questions answered wrongly became review cards (once the answers could be seen).
    mistakes_carded = models.BooleanField(default=False)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["quiz", "student", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "student", "number"], name="one_attempt_per_number"
            ),
            # At most one attempt in progress per student and quiz, even with two tabs.
            models.UniqueConstraint(
                fields=["quiz", "student"],
                condition=Q(submitted_at__isnull=True),
                name="one_open_attempt",
            ),
        ]
        indexes = [models.Index(fields=["student", "quiz"], name="attempt_student_quiz")]

    def __str__(self) -> str:
        return f"{self.student} · {self.quiz} #{self.number}"

    @property
    def deadline(self) -> datetime | None:
        """The end of the time limit or the quiz's closing time, whichever comes first."""
        ends = [end for end in (self.limit_ends, self.quiz.closes_at) if end is not None]
        return min(ends) if ends else None

    def is_finished(self, now: datetime) -> bool:
        deadline = self.deadline
        return self.submitted_at is not None or (deadline is not None and now >= deadline)

    def finished_at(self, now: datetime) -> datetime | None:
        """When it ended: its submission, or its deadline if that passed first."""
        if self.submitted_at is not None:
            return self.submitted_at
        return self.deadline if self.is_finished(now) else None

    def seconds_left(self, now: datetime) -> int | None:
        if self.deadline is None:
            return None
        return max(0, int((self.deadline - now).total_seconds()))

    @property
    def percent(self) -> int | None:
        if self.score is None or not self.max_score:
            return None
        return round(100 * self.score / self.max_score)


class AttemptAnswer(models.Model):
    """One question of an attempt, as drawn at its start, and the student's answer to it."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveIntegerField()
    points = models.FloatField()
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    # The version the student saw: an edit of the question later changes nothing here.
    question_version = models.PositiveIntegerField()
    # What the student answered, in the form the question type grades: text, an option,
    # true/false, the items in order, or {left: right}.
    response = models.JSONField(null=True, blank=True)
    # The share of the points earned, graded when the answer is saved (0 to 1).
    score = models.FloatField(null=True, blank=True)
    saved_at = models.DateTimeField(null=True, blank=True)
    # Immediate feedback: the answer was checked and can no longer change.
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="one_answer_per_position")
        ]

    def __str__(self) -> str:
        return f"{self.attempt} · {self.position}"

    @property
    def is_answered(self) -> bool:
        return self.response not in (None, "", [], {})

    @property
    def points_earned(self) -> float:
        return (self.score or 0) * self.points

"""Quizzes: a course's set of questions with its rules (time, attempts, when it opens and closes,
when students see the answers), built by its instructor."""

from datetime import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse

from quizzes.models.articles import Article
from quizzes.models.courses import Course
from quizzes.models.questions import Question


class QuizQuerySet(models.QuerySet):
    def editable_by(self, user) -> "QuizQuerySet":
        """The quizzes a user may see and change as an instructor: those of their courses."""
        return self.filter(course__in=Course.objects.editable_by(user))

    def published(self) -> "QuizQuerySet":
        return self.filter(published_at__isnull=False)

    def for_student(self, student) -> "QuizQuerySet":
        """Published quizzes of the courses the student is in, open or not."""
        return self.published().filter(course__in=Course.objects.studied_by(student))

    def open_at(self, now: datetime) -> "QuizQuerySet":
        return self.filter(
            Q(opens_at__isnull=True) | Q(opens_at__lte=now),
            Q(closes_at__isnull=True) | Q(closes_at__gt=now),
        )


class Quiz(models.Model):
    class Layout(models.TextChoices):
        ALL = "all", "All questions on one page"
        ONE = "one", "One question per page"

    class ReviewPolicy(models.TextChoices):
        # When students see the right answers and the explanations (their score they see once
        # the attempt is submitted, whatever the policy).
        IMMEDIATELY = "immediately", "Immediately after each question"
        AFTER_SUBMIT = "after_submit", "After submitting"
        AFTER_CLOSE = "after_close", "After the quiz closes"
        NEVER = "never", "Never"

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="quizzes")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    # No limit when empty.
    time_limit = models.DurationField(null=True, blank=True)
    # 0 means any number.
    attempts_allowed = models.PositiveSmallIntegerField(default=1)
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    layout = models.CharField(max_length=3, choices=Layout.choices, default=Layout.ALL)
    review_policy = models.CharField(
        max_length=12, choices=ReviewPolicy.choices, default=ReviewPolicy.AFTER_SUBMIT
    )
    # Questions answered wrongly become cards in the student's review queue.
    mistakes_to_cards = models.BooleanField(default=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuizQuerySet.as_manager()

    class Meta:
        ordering = ["course", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")),
                name="quiz_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("quizzes:quiz_detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def is_open(self, now: datetime) -> bool:
        return (
            self.is_published
            and (self.opens_at is None or self.opens_at <= now)
            and (self.closes_at is None or now < self.closes_at)
        )

    def is_closed(self, now: datetime) -> bool:
        return self.closes_at is not None and now >= self.closes_at

    def answers_shown(self, *, submitted: bool, now: datetime) -> bool:
        """Whether a student sees the right answers and explanations of an attempt."""
        policy = self.ReviewPolicy
        if self.review_policy == policy.NEVER:
            return False
        if self.review_policy == policy.AFTER_CLOSE:
            return submitted and self.is_closed(now)
        return submitted

    @property
    def max_score(self) -> float:
        return sum(slot.points for slot in self.slots.all())


class QuizSlot(models.Model):
    """One place in a quiz: a chosen question, or one drawn at random for each attempt from a
    pool (the approved questions of an article of the course, of one type or any)."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="slots")
    position = models.PositiveIntegerField()
    points = models.FloatField(default=1)
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, null=True, blank=True, related_name="quiz_slots"
    )
    pool_article = models.ForeignKey(
        Article, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    pool_type = models.CharField(max_length=20, blank=True, choices=Question.Type.choices)

    class Meta:
        ordering = ["quiz", "position"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "position"], name="one_slot_per_position"),
            models.CheckConstraint(condition=Q(points__gt=0), name="slot_points_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.position}"

    @property
    def is_random(self) -> bool:
        return self.question_id is None

    def pool(self):
        """The questions a random slot draws from."""
        questions = Question.objects.approved().filter(article__in=self.quiz.course.articles.all())
        if self.pool_article_id:
            questions = questions.filter(article_id=self.pool_article_id)
        if self.pool_type:
            questions = questions.filter(type=self.pool_type)
        return questions

    def describe(self) -> str:
        if not self.is_random:
            return self.question.prompt
        where = f"“{self.pool_article.title}”" if self.pool_article_id else "the course's articles"
        kind = Question.Type(self.pool_type).label.lower() if self.pool_type else "question"
        return f"A random {kind} from {where}"

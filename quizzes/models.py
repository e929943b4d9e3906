from django.conf import settings
from django.db import models
from django.urls import reverse

from quizzes import question_types


class ArticleQuerySet(models.QuerySet):
    def editable_by(self, user) -> "ArticleQuerySet":
        """The articles a user may see and change as an instructor: their own."""
        return self.filter(owner_id=user.pk) if user.is_authenticated else self.none()

    def in_courses_of(self, student) -> "ArticleQuerySet":
        return self.filter(courses__in=Course.objects.studied_by(student)).distinct()


class Article(models.Model):
    title = models.CharField(max_length=300)
    outlet = models.CharField(max_length=200, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=500, blank=True)
    published = models.DateField(null=True, blank=True)
    # What the instructor gave us, and the article once page boilerplate is removed: facts and
    # questions point into `text` by character offsets.
    raw_text = models.TextField()
    text = models.TextField()
    # Importing the same text twice must not create a second article for the same owner; two
    # instructors may each import it.
    content_hash = models.CharField(max_length=64)
    # The instructor who imported it: only they see it on the teaching pages and change it.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="articles"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "content_hash"], name="one_article_per_text_per_owner"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("quizzes:article_detail", args=[self.pk])


class CourseQuerySet(models.QuerySet):
    def editable_by(self, user) -> "CourseQuerySet":
        """The courses a user may see and change as an instructor: the ones they teach."""
        return self.filter(instructor_id=user.pk) if user.is_authenticated else self.none()

    def studied_by(self, student) -> "CourseQuerySet":
        return self.filter(enrollments__student=student)


class Course(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    instructor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="courses_taught"
    )
    articles = models.ManyToManyField(Article, blank=True, related_name="courses")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title


class Enrollment(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrollments")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["course", "student"], name="one_enrollment_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.student} in {self.course}"


class FactQuerySet(models.QuerySet):
    def current(self) -> "FactQuerySet":
        return self.filter(is_current=True)


class Fact(models.Model):
    """One thing worth learning, found in one sentence of an article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(max_length=20)
    text = models.TextField()
    value = models.JSONField(null=True)
    extra = models.JSONField(default=dict, blank=True)
    sentence = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    # A corrected version of the article retires the facts whose sentence changed instead of
    # deleting them: learners' cards and answers may point at them.
    is_current = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FactQuerySet.as_manager()

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["article", "start"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"


def reviewable_q(prefix: str = "") -> models.Q:
    """Questions still in the article (not retired), as a condition; `prefix` reaches them
    through a relation ("questions__")."""
    return ~models.Q(**{f"{prefix}status": Question.Status.RETIRED})


class QuestionQuerySet(models.QuerySet):
    def editable_by(self, user) -> "QuestionQuerySet":
        """Questions of the articles the user may change."""
        return self.filter(article__in=Article.objects.editable_by(user))

    def approved(self) -> "QuestionQuerySet":
        return self.filter(status=Question.Status.APPROVED)

    def reviewable(self) -> "QuestionQuerySet":
        return self.filter(reviewable_q())


class Question(models.Model):
    # The types and what they mean live in `quizzes.question_types`.
    Type = models.TextChoices(
        "Type", [(name.upper(), (name, label)) for name, label in question_types.CHOICES]
    )

    class Status(models.TextChoices):
        CANDIDATE = "candidate", "Candidate"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        # Its sentence is gone from a corrected version of the article.
        RETIRED = "retired", "Retired"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="questions")
    fact = models.ForeignKey(Fact, on_delete=models.PROTECT, related_name="questions")
    facts = models.ManyToManyField(Fact, related_name="questions_using", blank=True)
    type = models.CharField(max_length=20, choices=Type.choices)
    prompt = models.TextField()
    answer = models.JSONField()
    accepted = models.JSONField(default=list, blank=True)
    choices = models.JSONField(default=list, blank=True)
    tolerance = models.FloatField(null=True, blank=True)
    sentence = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    explanation = models.TextField(blank=True)
    score = models.FloatField()
    # Position in the generator's order: best first, spread over facts and types, so it is not
    # plain score order.
    rank = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CANDIDATE)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions_reviewed",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["rank", "id"]
        indexes = [models.Index(fields=["article", "status", "rank"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=0) & models.Q(score__lte=1), name="score_in_0_1"
            )
        ]

    def __str__(self) -> str:
        return self.prompt

    @property
    def score_percent(self) -> int:
        return round(self.score * 100)

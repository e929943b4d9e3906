"""Questions on an article's facts, and the earlier versions of each."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from quizzes import question_types
from quizzes.models.articles import Article, Fact


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

    def in_open_quizzes(self, now) -> "QuestionQuerySet":
        """Questions chosen for a published quiz that has not closed: kept out of the review
        queue meanwhile, so a card's back does not give a quiz's answer away."""
        open_slots = models.Q(quiz_slots__quiz__published_at__isnull=False) & (
            models.Q(quiz_slots__quiz__closes_at__isnull=True)
            | models.Q(quiz_slots__quiz__closes_at__gt=now)
        )
        return self.filter(open_slots).distinct()

    def flagged(self) -> "QuestionQuerySet":
        """Questions the item analysis of a quiz flagged for another look."""
        return self.filter(flags__isnull=False).distinct()

    def bank(
        self, *, status=None, type=None, text: str = "", flagged: bool = False
    ) -> "QuestionQuerySet":
        """The question bank's filters: live questions of a status and a type, whose prompt,
        answer or source sentence mentions the text."""
        questions = self.reviewable()
        if flagged:
            questions = questions.flagged()
        if status:
            questions = questions.filter(status=status)
        if type:
            questions = questions.filter(type=type)
        for word in text.split():
            questions = questions.filter(
                models.Q(prompt__icontains=word)
                | models.Q(answer__icontains=word)
                | models.Q(sentence__icontains=word)
            )
        return questions


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

    class Origin(models.TextChoices):
        GENERATED = "generated", "Generated"
        WRITTEN = "written", "Written by hand"
        IMPORTED = "imported", "Imported"

    # What an instructor edits; each save keeps the previous values as a QuestionVersion.
    CONTENT_FIELDS = (
        "type", "prompt", "answer", "accepted", "choices", "tolerance", "explanation",
        "sentence", "start", "end",
    )  # fmt: skip

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
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.GENERATED)
    # The ranker's feature values for a generated question (numbers by name), kept so that the
    # instructor's decision on it can teach the ranker (`manage.py train_ranker`).
    ranking_features = models.JSONField(default=dict, blank=True)
    # The current version's number, and who made it when (nobody for a generated first version).
    version = models.PositiveIntegerField(default=1)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions_edited",
    )
    edited_at = models.DateTimeField(null=True, blank=True)
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

    def get_absolute_url(self) -> str:
        return reverse("quizzes:question_detail", args=[self.pk])

    @property
    def score_percent(self) -> int:
        return round(self.score * 100)

    @property
    def is_edited(self) -> bool:
        return self.version > 1

    @property
    def is_authored(self) -> bool:
        """An instructor wrote, imported or edited it: a re-import never overwrites it."""
        return self.origin != self.Origin.GENERATED or self.is_edited

    def content(self) -> dict:
        return {name: getattr(self, name) for name in self.CONTENT_FIELDS}

    def as_of(self, version: int):
        """The question as it was at a version: itself, or the kept QuestionVersion. Either has
        every field a question type reads."""
        if version == self.version:
            return self
        return self.versions.get(number=version)


class QuestionVersion(models.Model):
    """An earlier version of a question, kept when an instructor saves a new one, so reviews and
    quiz answers made on it still show what the student saw."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    type = models.CharField(max_length=20, choices=Question.Type.choices)
    prompt = models.TextField()
    answer = models.JSONField()
    accepted = models.JSONField(default=list, blank=True)
    choices = models.JSONField(default=list, blank=True)
    tolerance = models.FloatField(null=True, blank=True)
    explanation = models.TextField(blank=True)
    sentence = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    # Who made this version and when; nobody for the generator's first version.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    authored_at = models.DateTimeField()

    class Meta:
        ordering = ["question", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["question", "number"], name="one_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.question_id} v{self.number}: {self.prompt}"


class QuestionFlag(models.Model):
    """A reason, found in quiz results, to look at a question again: it discriminates badly,
    nearly everyone gets it right or wrong, or nobody picks one of its options. Written by the
    item analysis (`learning.item_analysis`) and kept, so generated questions that fail can be
    found and the generator improved."""

    class Reason(models.TextChoices):
        LOW_DISCRIMINATION = "low_discrimination", "Discriminates badly"
        TOO_EASY = "too_easy", "Nearly everyone gets it right"
        TOO_HARD = "too_hard", "Nearly everyone gets it wrong"
        UNUSED_OPTION = "unused_option", "An option nobody picks"

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="flags")
    quiz = models.ForeignKey("quizzes.Quiz", on_delete=models.CASCADE, related_name="flags")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    detail = models.CharField(max_length=300)
    attempts = models.PositiveIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["question", "reason"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "quiz", "reason"], name="one_flag_per_reason"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.detail}"

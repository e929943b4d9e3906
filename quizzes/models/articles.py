"""Articles as instructors give them, and the facts found in them."""

from django.conf import settings
from django.db import models
from django.urls import reverse


class ArticleQuerySet(models.QuerySet):
    def editable_by(self, user) -> "ArticleQuerySet":
        """The articles a user may see and change as an instructor: their own."""
        return self.filter(owner_id=user.pk) if user.is_authenticated else self.none()

    def in_courses_of(self, student) -> "ArticleQuerySet":
        from quizzes.models.courses import studied_articles  # courses refer to articles

        # A semi-join (IN): an article in two of the student's courses comes once.
        return self.filter(pk__in=studied_articles(student))


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
    # (start, end) of each sentence of `text`: a question's source sentence is one of them.
    # Empty for articles stored before it was kept; `quizzes.sentences` fills it on first use.
    sentences = models.JSONField(default=list, blank=True)
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

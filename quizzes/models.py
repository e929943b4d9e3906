from django.conf import settings
from django.db import models


class ArticleQuerySet(models.QuerySet):
    def in_courses_of(self, student) -> "ArticleQuerySet":
        return self.filter(courses__enrollments__student=student).distinct()


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
    # Importing the same text twice must not create a second article.
    content_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles_created",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class CourseQuerySet(models.QuerySet):
    def taught_by(self, instructor) -> "CourseQuerySet":
        return self.filter(instructor=instructor)

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

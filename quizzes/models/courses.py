"""Courses, their join codes, and the students enrolled in them."""

import secrets
import unicodedata

from django.conf import settings
from django.db import models
from django.db.models.expressions import RawSQL
from django.urls import reverse

from quizzes.models.articles import Article

# Easy to read aloud and to type: no 0/O, 1/I/L.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(typed: str) -> str:
    """A code as a student types it: any case or width, spaces or dashes ("nkr-ussia")."""
    folded = unicodedata.normalize("NFKC", typed).upper()
    return "".join(char for char in folded if char.isalnum())


def studied_courses(student) -> RawSQL:
    """The one statement of which courses a student is in (enrolled, not left): the ids, for
    `pk__in=`. SQL rather than a queryset because the review page asks it for every card: the
    ORM takes about a millisecond to compile the nested subquery, the database microseconds to
    run it. Only table names are put into the text; the student's id is a parameter."""
    sql = f"SELECT course_id FROM {Enrollment._meta.db_table} WHERE student_id = %s AND left_at IS NULL"  # noqa: E501, S608
    return RawSQL(sql, [student.pk])  # noqa: S611


def studied_articles(student) -> RawSQL:
    """The ids of the articles of the courses a student is in, as `studied_courses`."""
    courses = studied_courses(student)
    through = Course.articles.through._meta.db_table
    sql = f"SELECT article_id FROM {through} WHERE course_id IN ({courses.sql})"  # noqa: S608
    return RawSQL(sql, courses.params)  # noqa: S611


class CourseQuerySet(models.QuerySet):
    def editable_by(self, user) -> "CourseQuerySet":
        """The courses a user may see and change as an instructor: the ones they teach."""
        return self.filter(instructor_id=user.pk) if user.is_authenticated else self.none()

    def studied_by(self, student) -> "CourseQuerySet":
        """The courses a student is enrolled in and has not left."""
        return self.filter(pk__in=studied_courses(student))

    def active(self) -> "CourseQuerySet":
        return self.filter(archived_at__isnull=True)

    def archived(self) -> "CourseQuerySet":
        return self.filter(archived_at__isnull=False)


class Course(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    instructor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="courses_taught"
    )
    articles = models.ManyToManyField(Article, blank=True, related_name="courses")
    # Students join with it at /study/join/ or /join/<code>/; regenerating it retires the old one.
    join_code = models.CharField(max_length=JOIN_CODE_LENGTH, unique=True, default=new_join_code)
    # An archived course takes no new students and leaves the instructor's list of courses;
    # its students keep studying it.
    archived_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("quizzes:course_detail", args=[self.pk])

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class EnrollmentQuerySet(models.QuerySet):
    def current(self) -> "EnrollmentQuerySet":
        return self.filter(left_at__isnull=True)


class Enrollment(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrollments")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    # Set when the student leaves or is removed; their cards and reviews stay, out of the queue,
    # and rejoining clears it.
    left_at = models.DateTimeField(null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["course", "student"], name="one_enrollment_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.student} in {self.course}"

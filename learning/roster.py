"""What an instructor sees of a course's students: when they joined, when they last studied
the course's articles and how many reviews they made on them."""

from django.db.models import Count, IntegerField, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce

from learning.models import Review
from quizzes.models import Course, Enrollment


def course_roster(course: Course):
    reviews = Review.objects.filter(
        student=OuterRef("student"), card__question__article__in=course.articles.all()
    ).order_by()
    per_student = reviews.values("student")
    return (
        Enrollment.objects.current()
        .filter(course=course)
        .select_related("student")
        .annotate(
            review_count=Coalesce(
                Subquery(per_student.annotate(n=Count("id")).values("n")[:1]),
                0,
                output_field=IntegerField(),
            ),
            last_activity=Subquery(
                per_student.annotate(last=Max("reviewed_at")).values("last")[:1]
            ),
        )
        .order_by("student__username")
    )

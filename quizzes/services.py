"""Workflows of the content side: reviewing questions, courses and enrollments.

Importing articles lives in `quizzes.importing`.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from quizzes.errors import ContentError
from quizzes.models import Article, Course, Enrollment, Question

__all__ = [
    "ContentError",
    "article_approve_best",
    "course_enroll",
    "course_ensure",
    "question_review",
]


@transaction.atomic
def question_review(*, question: Question, status: str, reviewer) -> Question:
    if status not in {
        Question.Status.APPROVED,
        Question.Status.REJECTED,
        Question.Status.CANDIDATE,
    }:
        raise ContentError(f"A question cannot be marked {status!r}.")
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.status == Question.Status.RETIRED:
        raise ContentError(
            "This question's sentence is gone from the article; it can't be reviewed."
        )
    question.status = status
    question.reviewed_by = reviewer
    question.reviewed_at = timezone.now()
    question.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    return question


@transaction.atomic
def article_approve_best(*, article: Article, count: int, reviewer) -> int:
    """Approve the article's `count` best-ranked questions that are still candidates.

    Ranks among all live questions, so running it twice approves nothing more."""
    best = list(
        article.questions.exclude(status=Question.Status.RETIRED)
        .order_by("rank", "id")
        .values_list("pk", flat=True)[:count]
    )
    return Question.objects.filter(pk__in=best, status=Question.Status.CANDIDATE).update(
        status=Question.Status.APPROVED, reviewed_by=reviewer, reviewed_at=timezone.now()
    )


@transaction.atomic
def course_ensure(*, title: str, instructor, articles: list[Article]) -> Course:
    course, _ = Course.objects.get_or_create(
        slug=slugify(title), defaults={"title": title, "instructor": instructor}
    )
    course.articles.add(*articles)
    return course


def course_enroll(*, course: Course, student) -> Enrollment:
    enrollment, _ = Enrollment.objects.get_or_create(course=course, student=student)
    return enrollment

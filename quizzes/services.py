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
        article.questions.reviewable().order_by("rank", "id").values_list("pk", flat=True)[:count]
    )
    return Question.objects.filter(pk__in=best, status=Question.Status.CANDIDATE).update(
        status=Question.Status.APPROVED, reviewed_by=reviewer, reviewed_at=timezone.now()
    )


def _unique_slug(title: str) -> str:
    base = slugify(title)[:190] or "course"
    slug, number = base, 1
    while Course.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def course_ensure(*, title: str, instructor, articles: list[Article]) -> Course:
    """The instructor's course of this title, created if they have none, holding `articles`."""
    if any(article.owner_id != instructor.pk for article in articles):
        raise ContentError("A course can only hold its instructor's own articles.")
    course = Course.objects.editable_by(instructor).filter(title=title).first()
    if course is None:
        course = Course.objects.create(title=title, instructor=instructor, slug=_unique_slug(title))
    course.articles.add(*articles)
    return course


def course_enroll(*, course: Course, student) -> Enrollment:
    enrollment, _ = Enrollment.objects.get_or_create(course=course, student=student)
    return enrollment

"""Workflows of the content side: articles and courses."""

import datetime
import hashlib

from django.db import transaction
from django.utils.text import slugify

from quizzes.models import Article, Course, Enrollment


class ContentError(Exception):
    """A request the content side refuses, with a message fit to show the user."""


def content_hash(raw_text: str) -> str:
    return hashlib.sha256(raw_text.strip().encode("utf-8")).hexdigest()


@transaction.atomic
def article_create(
    *,
    raw_text: str,
    title: str,
    outlet: str = "",
    byline: str = "",
    url: str = "",
    published: datetime.date | None = None,
    created_by=None,
) -> Article:
    if not raw_text.strip():
        raise ContentError("The article is empty.")
    article, _ = Article.objects.get_or_create(
        content_hash=content_hash(raw_text),
        defaults={
            "raw_text": raw_text,
            "text": raw_text.strip(),
            "title": title,
            "outlet": outlet,
            "byline": byline,
            "url": url,
            "published": published,
            "created_by": created_by,
        },
    )
    return article


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

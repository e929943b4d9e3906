"""The demo data that `manage.py load_demo` creates: seed articles, a course, two accounts."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from learning.models import User
from learning.roles import INSTRUCTOR, STUDENT, role_group
from quizzes.importing import article_import
from quizzes.models import Article, Course, new_join_code
from quizzes.services import article_approve_best, course_enroll, course_ensure

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"
DEMO_COURSE_TITLE = "North Korea and Russia, 2019"
# A fixed code, so the README can show it.
DEMO_JOIN_CODE = "NKRUSSIA"
# Enough approved questions per seed for a few days of study; the rest wait for review.
APPROVED_PER_ARTICLE = 20
DEMO_ACCOUNTS = {
    INSTRUCTOR: ("instructor", "instructor-demo"),
    STUDENT: ("student", "student-demo"),
}


@dataclass
class DemoData:
    instructor: User
    student: User
    course: Course
    articles: list[Article]


def _demo_user(role: str) -> User:
    username, password = DEMO_ACCOUNTS[role]
    user, _ = User.objects.get_or_create(username=username)
    # Reset every time, so the logins the command prints always work.
    user.set_password(password)
    user.save()
    user.groups.add(role_group(role))
    return user


def seed_articles(*, owner: User) -> list[Article]:
    manifest = json.loads((SEEDS_DIR / "articles.json").read_text(encoding="utf-8"))
    return [
        article_import(
            raw_text=(SEEDS_DIR / entry["file"]).read_text(encoding="utf-8"),
            title=entry["title"],
            outlet=entry.get("outlet", ""),
            byline=entry.get("byline", ""),
            owner=owner,
        ).article
        for entry in manifest
    ]


def demo_load() -> DemoData:
    instructor = _demo_user(INSTRUCTOR)
    student = _demo_user(STUDENT)
    articles = seed_articles(owner=instructor)
    for article in articles:
        article_approve_best(article=article, count=APPROVED_PER_ARTICLE, reviewer=instructor)
    course = course_ensure(title=DEMO_COURSE_TITLE, instructor=instructor, articles=articles)
    if course.join_code != DEMO_JOIN_CODE:
        Course.objects.filter(join_code=DEMO_JOIN_CODE).update(join_code=new_join_code())
        course.join_code = DEMO_JOIN_CODE
        course.save(update_fields=["join_code"])
    course_enroll(course=course, student=student)
    return DemoData(instructor=instructor, student=student, course=course, articles=articles)

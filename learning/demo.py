"""The demo data that `manage.py load_demo` creates: seed articles, a course, two accounts."""

import json
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings

from learning.models import User
from learning.roles import INSTRUCTOR, STUDENT, role_group
from quizzes.importing import article_import
from quizzes.models import Article, Course, Question, Quiz, new_join_code
from quizzes.services import (
    QuizSettings,
    article_approve_best,
    course_enroll,
    course_ensure,
    quiz_create,
    quiz_publish,
    quiz_questions_add,
)

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"
DEMO_COURSE_TITLE = "North Korea and Russia, 2019"
# A fixed code, so the README can show it.
DEMO_JOIN_CODE = "NKRUSSIA"
DEMO_QUIZ_TITLE = "Kim and Putin, 2019"
DEMO_QUIZ_QUESTIONS = 10
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
    quiz: Quiz


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
    quiz = _demo_quiz(course, articles)
    return DemoData(
        instructor=instructor, student=student, course=course, articles=articles, quiz=quiz
    )


def _mixed(articles: list[Article], count: int) -> list[Question]:
    """`count` approved questions taking turns between the articles and, within each, between
    the types, best-ranked first."""
    queues = []
    for article in articles:
        by_type: dict[str, list[Question]] = {}
        for question in article.questions.approved().order_by("rank", "id"):
            by_type.setdefault(question.type, []).append(question)
        queues.append(list(by_type.values()))
    chosen: list[Question] = []
    while len(chosen) < count and any(queues):
        for types in queues:
            if types and len(chosen) < count:
                questions = types.pop(0)
                chosen.append(questions.pop(0))
                if questions:
                    types.append(questions)  # this type's next question waits its turn
    return chosen


def _demo_quiz(course: Course, articles: list[Article]) -> Quiz:
    quiz = course.quizzes.filter(title=DEMO_QUIZ_TITLE).first()
    if quiz is None:
        settings = QuizSettings(
            title=DEMO_QUIZ_TITLE,
            description="Ten questions on the two articles of the course.",
            time_limit=timedelta(minutes=20),
            attempts_allowed=2,
            review_policy=Quiz.ReviewPolicy.AFTER_SUBMIT,
        )
        quiz = quiz_create(course=course, settings=settings)
        quiz_questions_add(quiz=quiz, questions=_mixed(articles, DEMO_QUIZ_QUESTIONS))
    return quiz_publish(quiz=quiz, published=True)

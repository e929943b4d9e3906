"""Workflows of courses: creating and archiving them, their articles, join codes and students."""

import unicodedata

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from quizzes.errors import ContentError
from quizzes.models import Article, Course, Enrollment, new_join_code, normalise_join_code

TITLE_MAX_LENGTH = Course._meta.get_field("title").max_length
DESCRIPTION_MAX_LENGTH = 5000


def _unique_slug(title: str, *, course: Course | None = None) -> str:
    base = slugify(title)[:190] or "course"
    taken = Course.objects.exclude(pk=course.pk if course else None)
    slug, number = base, 1
    while taken.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def clean_text(text: str) -> str:
    """Text without invisible characters (zero-width spaces, bidi marks) or NULs."""
    return "".join(
        char for char in text if unicodedata.category(char) not in {"Cf", "Cc"} or char in "\n\t"
    )


def _clean_title(title: str) -> str:
    title = " ".join(clean_text(title).split())
    if not title:
        raise ContentError("Give the course a title.")
    if len(title) > TITLE_MAX_LENGTH:
        raise ContentError(f"A course title can be at most {TITLE_MAX_LENGTH} characters.")
    return title


def _own_articles(*, course: Course, articles) -> list[Article]:
    articles = list(articles)
    if any(article.owner_id != course.instructor_id for article in articles):
        raise ContentError("A course can only hold its instructor's own articles.")
    return articles


def clean_description(description: str) -> str:
    description = clean_text(description).strip()
    if len(description) > DESCRIPTION_MAX_LENGTH:
        raise ContentError(f"A description can be at most {DESCRIPTION_MAX_LENGTH:,} characters.")
    return description


def _refuse_taken_title(*, instructor, title: str, course: Course | None = None) -> None:
    # Two courses of one name could not be told apart in lists, menus and export file names;
    # it also makes a double-clicked "Create" make one course, not two.
    taken = Course.objects.editable_by(instructor).filter(title__iexact=title)
    if taken.exclude(pk=course.pk if course else None).exists():
        raise ContentError(f"You already have a course called “{title}”.")


def _save_with_unique_slug(course: Course, **save) -> Course:
    for _ in range(5):
        course.slug = _unique_slug(course.title, course=course if course.pk else None)
        try:
            with transaction.atomic():
                course.save(**save)
                return course
        except IntegrityError:
            others = Course.objects.exclude(pk=course.pk)
            if others.filter(join_code=course.join_code).exists():
                course.join_code = new_join_code()  # drawn twice: draw again
                continue
            if others.filter(slug=course.slug).exists():
                continue  # another course took the slug at that moment: try the next one
            raise
    raise ContentError("The course could not be saved; please try again.")


def _lock_instructor(pk: int) -> None:
    # One course saved at a time per instructor, so the title check holds against a double click.
    get_user_model().objects.select_for_update().filter(pk=pk).first()


@transaction.atomic
def course_create(*, instructor, title: str, description: str = "") -> Course:
    title = _clean_title(title)
    description = clean_description(description)
    _lock_instructor(instructor.pk)
    _refuse_taken_title(instructor=instructor, title=title)
    course = Course(
        instructor=instructor, title=title, description=description, join_code=new_join_code()
    )
    return _save_with_unique_slug(course)


@transaction.atomic
def course_update(*, course: Course, title: str, description: str) -> Course:
    title = _clean_title(title)
    description = clean_description(description)
    _lock_instructor(course.instructor_id)
    _refuse_taken_title(instructor=course.instructor, title=title, course=course)
    course.title, course.description = title, description
    return _save_with_unique_slug(course, update_fields=["title", "description", "slug"])


@transaction.atomic
def course_archive(*, course: Course, archived: bool) -> Course:
    """Archive (or restore) a course: archived, it takes no new students and leaves the
    instructor's list; its students keep their cards and go on studying."""
    if archived != course.is_archived:
        course.archived_at = timezone.now() if archived else None
        course.save(update_fields=["archived_at"])
    return course


@transaction.atomic
def course_ensure(*, title: str, instructor, articles: list[Article]) -> Course:
    """The instructor's course of this title, created if they have none, holding `articles`."""
    course = Course.objects.editable_by(instructor).filter(title=title).first()
    if course is None:
        course = course_create(instructor=instructor, title=title)
    course.articles.add(*_own_articles(course=course, articles=articles))
    return course


@transaction.atomic
def course_articles_add(*, course: Course, articles) -> int:
    """Add the instructor's articles to the course; their approved questions reach its
    students from then on. Returns how many were not in it yet."""
    articles = _own_articles(course=course, articles=articles)
    present = set(course.articles.values_list("pk", flat=True))
    course.articles.add(*articles)
    return len({article.pk for article in articles} - present)


@transaction.atomic
def course_article_remove(*, course: Course, article: Article) -> None:
    """Take an article out of the course: its cards leave the students' queues (kept, not
    deleted, and back if the article returns)."""
    course.articles.remove(article)


@transaction.atomic
def course_code_regenerate(*, course: Course) -> Course:
    """A new join code; the old one stops working at once."""
    old = course.join_code
    for _ in range(5):
        code = new_join_code()
        if code != old and not Course.objects.filter(join_code=code).exists():
            course.join_code = code
            course.save(update_fields=["join_code"])
            return course
    raise ContentError("No new code could be drawn; please try again.")


def course_for_code(code: str) -> Course:
    """The course a join code opens, or a ContentError a student can act on."""
    normalised = normalise_join_code(code)
    if not normalised:
        raise ContentError("Type the course's join code.")
    course = Course.objects.filter(join_code=normalised).select_related("instructor").first()
    if course is None:
        raise ContentError(
            f"No course has the code {normalised}. Check it with your instructor: a code stops "
            "working when they make a new one."
        )
    if course.is_archived:
        raise ContentError(f"{course.title} is archived and takes no new students.")
    return course


@transaction.atomic
def course_join(*, student, code: str) -> Enrollment:
    """Enroll the student in the course of this code. Joining twice changes nothing; joining a
    course they left brings their cards back."""
    return course_enroll(course=course_for_code(code), student=student)


@transaction.atomic
def course_enroll(*, course: Course, student) -> Enrollment:
    enrollment, _ = Enrollment.objects.select_for_update().get_or_create(
        course=course, student=student
    )
    if enrollment.left_at is not None:
        enrollment.left_at = None
        enrollment.save(update_fields=["left_at"])
    return enrollment


@transaction.atomic
def course_leave(*, course: Course, student) -> Enrollment:
    """The student leaves (or is removed from) the course: their cards and reviews are kept,
    out of their queue, and come back if they rejoin."""
    enrollment = (
        Enrollment.objects.select_for_update()
        .filter(course=course, student=student, left_at__isnull=True)
        .first()
    )
    if enrollment is None:
        raise ContentError("This student is not in the course.")
    enrollment.left_at = timezone.now()
    enrollment.save(update_fields=["left_at"])
    return enrollment

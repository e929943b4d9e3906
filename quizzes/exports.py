"""A course's or an article's approved questions as a file for Moodle (GIFT), Anki (.apkg) or a
spreadsheet (CSV): what the download buttons and `manage.py export_questions` hand out."""

import io
from dataclasses import dataclass, field

from django.utils.text import slugify

from quizzes.errors import ContentError
from quizzes.exchange.anki import write_apkg
from quizzes.exchange.gift import questions_to_gift
from quizzes.exchange.spreadsheet import questions_to_csv
from quizzes.models import Article, Course, Question

FORMATS = {
    "gift": ("txt", "text/plain; charset=utf-8"),
    "apkg": ("apkg", "application/octet-stream"),
    "csv": ("csv", "text/csv; charset=utf-8"),
}


@dataclass(frozen=True)
class Export:
    filename: str
    content_type: str
    content: bytes
    count: int
    # Questions the format cannot carry (orderings in GIFT), with the reason.
    skipped: list = field(default_factory=list)


def _approved(articles) -> list[tuple[Article, list[Question]]]:
    questions = Question.objects.approved().filter(article__in=articles).select_related("article")
    by_article: dict[int, list[Question]] = {}
    for question in questions.order_by("article_id", "rank", "id"):
        by_article.setdefault(question.article_id, []).append(question)
    return [(article, by_article.get(article.pk, [])) for article in articles]


def _one_line(text: str, limit: int = 60) -> str:
    return " ".join(text.split())[:limit]


def questions_export(
    *, format: str, course: Course | None = None, article: Article | None = None
) -> Export:
    """The approved questions of a course (every article in it) or of one article."""
    if format not in FORMATS:
        raise ContentError(f"Export as gift, apkg or csv, not {format!r}.")
    if (course is None) == (article is None):
        raise ContentError("Export a course or an article.")
    articles = list(course.articles.order_by("title", "id")) if course else [article]
    groups = _approved(articles)
    questions = [question for _, group in groups for question in group]
    name = slugify(course.title if course else article.title)[:80] or "questions"
    extension, content_type = FORMATS[format]
    skipped: list = []
    if format == "gift":
        gift = questions_to_gift(questions, category=course.title if course else article.title)
        skipped = gift.skipped
        # Said at the top of the file, where whoever imports it into Moodle reads it.
        left_out = "".join(
            f"// Left out: question {question.pk} ({_one_line(question.prompt)}): {reason}\n"
            for question, reason in skipped
        )
        content = (left_out + ("\n" if left_out else "") + gift.text).encode("utf-8")
    elif format == "csv":
        content = questions_to_csv(questions).encode("utf-8")
    else:
        out = io.BytesIO()
        write_apkg(
            out,
            course_title=course.title if course else None,
            decks=[(item.title, group) for item, group in groups if group],
        )
        content = out.getvalue()
    return Export(
        filename=f"{name}.{extension}",
        content_type=content_type,
        content=content,
        count=len(questions) - len(skipped),
        skipped=skipped,
    )

from pathlib import Path

from django.core.management.base import CommandError

from quizzes.errors import ContentError
from quizzes.exports import FORMATS, questions_export
from quizzes.management.base import MigratedCommand
from quizzes.models import Article, Course


class Command(MigratedCommand):
    help = (
        "Write the approved questions of a course or an article to a file for Moodle (gift), "
        "Anki (apkg) or a spreadsheet (csv)."
    )

    def add_arguments(self, parser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--course", metavar="SLUG", help="every article of the course")
        which.add_argument("--article", metavar="ID", type=int, help="one article")
        parser.add_argument("--format", required=True, choices=sorted(FORMATS))
        parser.add_argument("--output", required=True, metavar="FILE")

    def handle(self, *args, course, article, format, output, **options) -> None:
        target = {}
        if course:
            target["course"] = Course.objects.filter(slug=course).first()
            if target["course"] is None:
                raise CommandError(f"There is no course {course!r}.")
        else:
            target["article"] = Article.objects.filter(pk=article).first()
            if target["article"] is None:
                raise CommandError(f"There is no article {article}.")
        try:
            export = questions_export(format=format, **target)
        except ContentError as error:
            raise CommandError(str(error)) from None
        try:
            Path(output).write_bytes(export.content)
        except OSError as error:
            raise CommandError(f"{output}: {error.strerror}.") from None
        for question, reason in export.skipped:
            self.stderr.write(f"Skipped question {question.pk}: {reason}")
        self.stdout.write(self.style.SUCCESS(f"Wrote {export.count} questions to {output}."))

from pathlib import Path

from django.core.management.base import CommandError

from quizzes.errors import ContentError
from quizzes.management.base import MigratedCommand
from quizzes.models import Article
from quizzes.services import questions_import_gift


class Command(MigratedCommand):
    help = (
        "Add the questions of a Moodle GIFT file to an article, approved, as its owner's. "
        "Every bad question is reported with its line, and then nothing is written."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--article", required=True, type=int, metavar="ID")
        parser.add_argument("file", metavar="FILE")

    def handle(self, *args, article: int, file: str, **options) -> None:
        target = Article.objects.select_related("owner").filter(pk=article).first()
        if target is None:
            raise CommandError(f"There is no article {article}.")
        try:
            text = Path(file).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise CommandError(f"{file}: no such file.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{file} is not UTF-8 text.") from None
        try:
            created = questions_import_gift(article=target, text=text, author=target.owner)
        except ContentError as error:
            raise CommandError(f"{file}: nothing was imported.\n{error}") from None
        self.stdout.write(
            self.style.SUCCESS(f"Imported {len(created)} questions into “{target.title}”.")
        )

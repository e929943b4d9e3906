from django.core.management.base import BaseCommand, CommandError

from quizzes.errors import ContentError
from quizzes.importing import article_import
from quizzes.management.commands._article_files import parse_date, read_article_file


class Command(BaseCommand):
    help = (
        "Import an article file with its facts and candidate questions, in one transaction. "
        "A file whose URL (or, without --url, title) matches a stored article updates it, "
        "keeping every fact and question whose sentence did not change."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--title", default="")
        parser.add_argument("--outlet", default="")
        parser.add_argument("--byline", default="")
        parser.add_argument("--url", default="")
        parser.add_argument("--published", type=parse_date, help="YYYY-MM-DD")

    def handle(self, *args, file: str, published, **options) -> None:
        text = read_article_file(file)
        try:
            result = article_import(
                raw_text=text,
                title=options["title"],
                outlet=options["outlet"],
                byline=options["byline"],
                url=options["url"],
                published=published,
            )
        except ContentError as error:
            raise CommandError(f"{file}: {error}") from None
        article = result.article
        if result.outcome == "unchanged":
            self.stdout.write(f"Unchanged: article {article.pk} ({article.title}) has this text.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.outcome.capitalize()} article {article.pk}: {article.title}\n"
                f"  facts: {result.facts_added} added, {result.facts_retired} retired\n"
                f"  questions: {result.questions_added} added (as candidates), "
                f"{result.questions_retired} retired"
            )
        )

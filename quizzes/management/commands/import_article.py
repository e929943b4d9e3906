from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from quizzes.errors import ContentError
from quizzes.importing import article_import
from quizzes.management.base import MigratedCommand
from quizzes.management.commands._article_files import parse_date, read_article_file
from quizzes.permissions import can_teach


class Command(MigratedCommand):
    help = (
        "Import an article file with its facts and candidate questions, in one transaction. "
        "A file whose URL (or, without --url, title) matches a stored article updates it, "
        "keeping every fact and question whose sentence did not change. The article belongs "
        "to the instructor named by --owner; only their own articles are matched."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument(
            "--owner", required=True, metavar="USERNAME", help="the instructor who owns it"
        )
        parser.add_argument("--title", default="")
        parser.add_argument("--outlet", default="")
        parser.add_argument("--byline", default="")
        parser.add_argument("--url", default="")
        parser.add_argument("--published", type=parse_date, help="YYYY-MM-DD")

    def handle(self, *args, file: str, owner: str, published, **options) -> None:
        instructor = get_user_model().objects.filter(username=owner).first()
        if instructor is None or not can_teach(instructor):
            raise CommandError(f"There is no instructor {owner!r}.")
        text = read_article_file(file)
        try:
            result = article_import(
                raw_text=text,
                title=options["title"],
                outlet=options["outlet"],
                byline=options["byline"],
                url=options["url"],
                published=published,
                owner=instructor,
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

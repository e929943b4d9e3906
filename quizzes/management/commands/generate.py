import json

from django.core.management.base import BaseCommand, CommandError

from quizzes.errors import ContentError
from quizzes.importing import article_generate
from quizzes.management.commands._article_files import parse_date, read_article_file


class Command(BaseCommand):
    help = "Print the facts and questions generated from article files; writes nothing."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--json", action="store_true", help="Print JSON instead of a summary.")
        parser.add_argument("--published", type=parse_date, help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--top", type=int, default=15, help="Questions shown in the summary.")

    def handle(self, *args, files: list[str], json: bool, published, top: int, **options):
        articles = []
        for path in files:
            text = read_article_file(path)
            try:
                generated = article_generate(text, published=published)
            except ContentError as error:
                raise CommandError(f"{path}: {error}") from None
            articles.append(generated.to_dict(source=path))
        if json:
            self.stdout.write(_dumps({"articles": articles}))
            return
        for article in articles:
            self._summary(article, top)

    def _summary(self, article: dict, top: int) -> None:
        facts, questions = article["facts"], article["questions"]
        kinds: dict[str, int] = {}
        for fact in facts:
            kinds[fact["kind"]] = kinds.get(fact["kind"], 0) + 1
        self.stdout.write(self.style.MIGRATE_HEADING(f"{article['source']}: {article['title']}"))
        self.stdout.write(
            f"  {len(facts)} facts ("
            + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
            + f"), {len(questions)} questions. Best {min(top, len(questions))}:"
        )
        for number, question in enumerate(questions[:top], start=1):
            answer = question["answer"]
            self.stdout.write(
                f"  {number:>2}. [{question['type']}, {question['score']:.2f}] {question['prompt']}"
            )
            self.stdout.write(f"      answer: {answer}")


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)

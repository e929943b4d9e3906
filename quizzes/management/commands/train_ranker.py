from django.core.management.base import BaseCommand, CommandError

from quizzes.errors import ContentError
from quizzes.ranker import ranker_train


class Command(BaseCommand):
    help = (
        "Refit the question ranker from the shipped rated set and this deployment's instructors' "
        "decisions (approvals, rejections, edits, quiz flags); switch to it if it ranks better."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Report the change; keep the ranker in use."
        )

    def handle(self, *args, dry_run: bool, **options):
        try:
            report = ranker_train(write=not dry_run)
        except ContentError as error:
            raise CommandError(str(error)) from None
        except ImportError:
            raise CommandError(
                "Training needs scikit-learn, a development dependency: run `make install`."
            ) from None
        self.stdout.write(
            f"Rated questions: {report.shipped_rows} shipped, {report.decisions} decisions on "
            f"{report.groups} articles of this deployment.\n"
            f"Precision at 5 on those articles: {report.current_precision:.3f} with the "
            f"{report.current} weights, {report.new_precision:.3f} refitted "
            f"(cross-validated by article)."
        )
        if report.switched:
            self.stdout.write(
                self.style.SUCCESS(f"Switched to the new weights ({report.model.version}).")
            )
        elif report.model is not None:
            self.stdout.write("Dry run: the weights in use are unchanged.")
        else:
            self.stdout.write("The refit does no better: the weights in use are unchanged.")

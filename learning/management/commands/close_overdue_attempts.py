from django.utils import timezone

from learning.services import attempts_close_overdue
from quizzes.management.base import MigratedCommand


class Command(MigratedCommand):
    help = (
        "Close every quiz attempt whose time ran out unsubmitted, as submitted at its deadline "
        "with the answers saved by then. Pages already count them so; this writes it down."
    )

    def handle(self, *args, **options) -> None:
        closed = attempts_close_overdue(now=timezone.now())
        self.stdout.write(f"Closed {closed} overdue attempt{'s' if closed != 1 else ''}.")

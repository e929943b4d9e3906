import json

from django.core.management.base import CommandError
from django.utils import timezone

from learning.services import LearningError
from learning.simulation import simulate
from quizzes.management.base import MigratedCommand


class Command(MigratedCommand):
    help = (
        "Create synthetic students and let them study the courses with approved questions for a "
        "number of days, through the real review service; print a JSON summary."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--students", type=int, default=5, help="how many (default 5)")
        parser.add_argument("--days", type=int, default=30, help="days of study (default 30)")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    def handle(self, *args, students: int, days: int, seed: int, **options) -> None:
        if students < 1 or days < 1:
            raise CommandError("--students and --days must be at least 1.")
        try:
            # The simulated days end yesterday, so the progress pages show a history.
            summary = simulate(students=students, days=days, seed=seed, end=timezone.now())
        except LearningError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(json.dumps(summary, indent=2))

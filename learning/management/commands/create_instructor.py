import getpass
import sys

from django.core.management.base import CommandError

from learning.services import LearningError, instructor_create
from quizzes.management.base import MigratedCommand


class Command(MigratedCommand):
    help = "Create an instructor account. Asks for the password unless --password is given."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="Avoid on shared machines: it stays in history.")

    def handle(self, *args, username: str, email: str, password: str | None, **options) -> None:
        if password is None:
            if not sys.stdin.isatty():
                raise CommandError("No terminal to ask for a password: pass --password.")
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ.")
        try:
            user = instructor_create(username=username, email=email, password=password)
        except LearningError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Instructor {user.username!r} created."))

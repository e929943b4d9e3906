from learning.demo import DEMO_ACCOUNTS, demo_load
from quizzes.management.base import MigratedCommand


class Command(MigratedCommand):
    help = "Create (or refresh) the seed articles, a demo course and the two demo accounts."

    def handle(self, *args, **options) -> None:
        demo = demo_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo course {demo.course.title!r} with {len(demo.articles)} articles is ready; "
                f"students join it with the code {demo.course.join_code}. Its quiz "
                f"{demo.quiz.title!r} is published."
            )
        )
        self.stdout.write("Log in with:")
        for role, (username, password) in DEMO_ACCOUNTS.items():
            self.stdout.write(f"  {role:<10}  username: {username:<12}  password: {password}")

from pathlib import Path

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.db.models.signals import post_migrate


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Learning"

    def ready(self) -> None:
        from learning.health import check_static_manifest
        from learning.roles import ensure_role_groups

        # Production without `collectstatic` fails on every page: refuse to start instead.
        checks.register(check_static_manifest)

        # After every migrate, so a new model's permissions reach the roles without a data
        # migration per model.
        post_migrate.connect(ensure_role_groups, sender=self, dispatch_uid="ensure_role_groups")

        # In every process, even one that never connects, and from the main thread (runserver
        # connects from another one).
        for database in settings.DATABASES.values():
            if database["ENGINE"] == "learning.embedded_postgres":
                from learning.embedded_postgres.server import leave_at_exit

                leave_at_exit(Path(database["PGDATA"]))

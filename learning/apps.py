from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Learning"

    def ready(self) -> None:
        from learning.roles import ensure_role_groups

        # After every migrate, so a new model's permissions reach the roles without a data
        # migration per model.
        post_migrate.connect(ensure_role_groups, sender=self, dispatch_uid="ensure_role_groups")

        if any(db["ENGINE"] == "learning.embedded_postgres" for db in settings.DATABASES.values()):
            from learning.embedded_postgres.server import leave_on_sigterm

            # Here, in the main thread: runserver opens its first connection in another one.
            leave_on_sigterm()

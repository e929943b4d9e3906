"""The base of the project's commands that read or write the database's tables."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


class MigratedCommand(BaseCommand):
    """Stops with what to run, instead of a "relation does not exist" traceback, when the
    database is not migrated: a fresh clone after `make install`, or a pull with new migrations.

    Django's own check (`requires_migrations_checks`) only prints a notice and carries on.
    """

    requires_migrations_checks = True

    def check_migrations(self) -> None:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            raise CommandError(
                f"The database is not set up: {len(plan)} migration(s) are not applied. "
                "Run `make run`, or `.venv/bin/python manage.py migrate`, first."
            )

"""Sessions logged in before the permission backend changed name the old one, which Django no
longer knows and would treat as logged out: they are moved to the new one."""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations

OLD = "django.contrib.auth.backends.ModelBackend"
NEW = "learning.permission_backend.ModelBackendInOneQuery"


def _move(apps, schema_editor, *, old: str, new: str) -> None:
    Session = apps.get_model("sessions", "Session")
    store = SessionStore()
    for session in Session.objects.using(schema_editor.connection.alias).iterator():
        data = store.decode(session.session_data)
        if data.get(BACKEND_SESSION_KEY) == old:
            data[BACKEND_SESSION_KEY] = new
            session.session_data = store.encode(data)
            session.save(update_fields=["session_data"])


def forwards(apps, schema_editor):
    _move(apps, schema_editor, old=OLD, new=NEW)


def backwards(apps, schema_editor):
    _move(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0007_attempts"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

"""Django's model backend, reading a user's permissions in one statement instead of two.

Every API request and teaching page checks a role permission, and Django's `ModelBackend` reads
the user's own permissions and their groups' permissions in two ORM queries, built anew each
request. Roles are groups (`learning.roles`), so both reads are needed, but not two round trips
nor the ORM's compiling: here they are one fixed statement of two indexed subqueries. The
answer is the same set, cached on the user as Django caches it.
"""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

# As AUTHENTICATION_BACKENDS names it; a login that picks its backend (sign-up) uses this.
BACKEND_PATH = "learning.permission_backend.ModelBackendInOneQuery"


def _through(model, field_name: str) -> tuple[str, str, str]:
    """The table of a many-to-many field and its two columns: the owner's, then the other's."""
    field = model._meta.get_field(field_name)
    through = field.remote_field.through._meta
    return through.db_table, field.m2m_column_name(), field.m2m_reverse_name()


@cache
def _permissions_sql() -> str:
    quote = connection.ops.quote_name
    user_permissions, user_column, permission_column = _through(
        get_user_model(), "user_permissions"
    )
    user_groups, member_column, group_column = _through(get_user_model(), "groups")
    group_permissions, owner_group_column, group_permission_column = _through(Group, "permissions")
    # Joining both paths and filtering with OR would read every user's memberships; each
    # subquery here reads one user's rows through its index.
    return f"""
        SELECT content_type.{quote("app_label")}, permission.{quote("codename")}
        FROM {quote(Permission._meta.db_table)} permission
        JOIN {quote(ContentType._meta.db_table)} content_type
          ON content_type.{quote("id")} = permission.{quote("content_type_id")}
        WHERE permission.{quote("id")} IN (
                SELECT {quote(permission_column)} FROM {quote(user_permissions)}
                WHERE {quote(user_column)} = %s)
           OR permission.{quote("id")} IN (
                SELECT {quote(group_permission_column)} FROM {quote(group_permissions)}
                WHERE {quote(owner_group_column)} IN (
                    SELECT {quote(group_column)} FROM {quote(user_groups)}
                    WHERE {quote(member_column)} = %s))
    """  # noqa: S608 - names from the models' metadata, quoted


class ModelBackendInOneQuery(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            with connection.cursor() as cursor:
                cursor.execute(_permissions_sql(), [user_obj.pk, user_obj.pk])
                user_obj._perm_cache = {f"{app}.{codename}" for app, codename in cursor}
        return user_obj._perm_cache

"""The two roles, instructor and student, as groups holding permissions.

Views check permissions (never group names), so an admin can grant a single permission to
someone without making them a full instructor.
"""

from django.contrib.auth.models import Group, Permission

INSTRUCTOR = "instructor"
STUDENT = "student"

# The permission that makes a user a student; `quizzes.permissions.TEACH_PERMISSION` makes them
# an instructor.
STUDY_PERMISSION = "learning.study"

# "app_label.*" grants every permission of that app, including models added later.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    INSTRUCTOR: ["quizzes.*"],
    STUDENT: [STUDY_PERMISSION],
}


def _permissions(patterns: list[str]) -> list[Permission]:
    found: list[Permission] = []
    for pattern in patterns:
        app_label, codename = pattern.split(".", 1)
        permissions = Permission.objects.filter(content_type__app_label=app_label)
        if codename != "*":
            permissions = permissions.filter(codename=codename)
        found.extend(permissions)
    return found


def ensure_role_groups(**kwargs) -> None:
    for name, patterns in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(patterns))


def role_group(name: str) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    if not group.permissions.exists():
        group.permissions.add(*_permissions(ROLE_PERMISSIONS[name]))
    return group

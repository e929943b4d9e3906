"""Who may teach: the permission every teaching page and command checks.

Holding it makes a user an instructor (the role groups in `learning.roles` grant it); what they
may then see and change is their own work, as `editable_by` on the querysets says.
"""

from django.contrib.auth.decorators import login_required, permission_required

TEACH_PERMISSION = "quizzes.add_article"


def can_teach(user) -> bool:
    return user.is_active and user.has_perm(TEACH_PERMISSION)


def teacher_required(view):
    """Instructors only: anonymous visitors are sent to log in, other users get 403."""
    return login_required(permission_required(TEACH_PERMISSION, raise_exception=True)(view))

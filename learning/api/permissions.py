from rest_framework.permissions import BasePermission

from learning.roles import STUDY_PERMISSION


class CanStudy(BasePermission):
    """The API's form of `study_required`: students only (403 for other users)."""

    message = "Only students may do this."

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm(STUDY_PERMISSION))

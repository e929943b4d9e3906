from django.contrib.auth.models import AbstractUser

from learning.roles import STUDY_PERMISSION, TEACH_PERMISSION


class User(AbstractUser):
    """The site's user. Custom from the first migration, as Django advises, so fields can be added
    later (a student's time zone, their desired retention) without swapping models."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        permissions = [("study", "Can study courses and review cards")]

    @property
    def is_instructor(self) -> bool:
        return self.has_perm(TEACH_PERMISSION)

    @property
    def is_student(self) -> bool:
        return self.has_perm(STUDY_PERMISSION)

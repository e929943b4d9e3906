from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from learning.models import Attempt, AttemptAnswer, Card, Review, SignUp, User


@admin.register(User)
class StudyUserAdmin(UserAdmin):
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Study", {"fields": ("time_zone", "desired_retention", "new_cards_per_day")}),
    )


@admin.register(Card)
class CardAdmin(admin.ModelAdmin):
    list_display = ["student", "question", "state", "due", "reps", "lapses", "suspended"]
    list_filter = ["state", "suspended"]
    search_fields = ["student__username", "question__prompt"]
    list_select_related = ["student", "question"]
    raw_id_fields = ["student", "question", "fact"]
    # Scheduling fields change only through reviews, so the log can always rebuild them.
    readonly_fields = [
        "state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses",
        "created_at",
    ]  # fmt: skip


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    """Read-only: the review log is append-only (the database refuses changes too)."""

    list_display = ["card", "student", "rating", "reviewed_at", "duration"]
    list_filter = ["rating"]
    search_fields = ["student__username", "client_id"]
    list_select_related = ["card__question", "card__student", "student"]
    date_hierarchy = "reviewed_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SignUp)
class SignUpAdmin(admin.ModelAdmin):
    """The last hour's sign-ups by address. Deleting an address's rows lifts its limit, for a
    school whose pupils all sign up from one address."""

    list_display = ["ip_address", "created_at"]
    search_fields = ["ip_address"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class AttemptAnswerInline(admin.TabularInline):
    model = AttemptAnswer
    extra = 0
    raw_id_fields = ["question"]
    readonly_fields = ["question_version", "response", "score", "saved_at", "checked_at"]


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["quiz", "student", "number", "started_at", "submitted_at", "score"]
    list_select_related = ["quiz", "student"]
    search_fields = ["student__username", "quiz__title"]
    raw_id_fields = ["quiz", "student"]
    inlines = [AttemptAnswerInline]


@admin.register(AttemptAnswer)
class AttemptAnswerAdmin(admin.ModelAdmin):
    list_display = ["attempt", "position", "question", "score", "saved_at"]
    list_select_related = ["attempt__quiz", "attempt__student", "question"]
    raw_id_fields = ["attempt", "question"]

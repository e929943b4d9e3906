from django import forms
from django.contrib import admin
from django.db import models

from quizzes.models import (
    Article,
    Course,
    Enrollment,
    Fact,
    Question,
    QuestionFlag,
    QuestionVersion,
    Quiz,
    QuizSlot,
)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "outlet", "published", "created_at"]
    list_select_related = ["owner"]
    search_fields = ["title", "outlet", "byline", "owner__username"]
    raw_id_fields = ["owner"]
    readonly_fields = ["content_hash", "sentences", "created_at", "updated_at"]
    # A pasted "example.com/story" means HTTPS today (Django 6's default too).
    formfield_overrides = {
        models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"},
    }


class EnrollmentInline(admin.TabularInline):
    model = Enrollment
    extra = 0
    autocomplete_fields = ["student"]


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "instructor", "join_code", "archived_at", "created_at"]
    list_select_related = ["instructor"]
    search_fields = ["title", "join_code", "instructor__username"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["articles"]
    inlines = [EnrollmentInline]


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ["student", "course", "enrolled_at", "left_at"]
    list_select_related = ["student", "course"]
    autocomplete_fields = ["student", "course"]


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "article", "is_current"]
    list_filter = ["kind", "is_current"]
    list_select_related = ["article"]
    search_fields = ["text", "sentence"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["prompt", "type", "status", "origin", "version", "score", "article"]
    list_filter = ["type", "status", "origin"]
    list_select_related = ["article"]
    search_fields = ["prompt", "sentence"]
    raw_id_fields = ["article", "fact", "facts", "reviewed_by", "edited_by"]
    readonly_fields = ["version", "edited_by", "edited_at"]


@admin.register(QuestionVersion)
class QuestionVersionAdmin(admin.ModelAdmin):
    """Read-only: earlier versions are history, kept as they were."""

    list_display = ["question", "number", "type", "author", "authored_at"]
    list_select_related = ["question", "author"]
    search_fields = ["prompt"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class QuizSlotInline(admin.TabularInline):
    model = QuizSlot
    extra = 0
    raw_id_fields = ["question", "pool_article"]


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "published_at", "opens_at", "closes_at"]
    list_select_related = ["course"]
    search_fields = ["title", "course__title"]
    raw_id_fields = ["course"]
    inlines = [QuizSlotInline]


@admin.register(QuizSlot)
class QuizSlotAdmin(admin.ModelAdmin):
    list_display = ["quiz", "position", "points", "question", "pool_type"]
    list_select_related = ["quiz", "question"]
    raw_id_fields = ["quiz", "question", "pool_article"]


@admin.register(QuestionFlag)
class QuestionFlagAdmin(admin.ModelAdmin):
    list_display = ["question", "reason", "detail", "attempts", "quiz", "updated_at"]
    list_filter = ["reason"]
    list_select_related = ["question", "quiz"]
    raw_id_fields = ["question", "quiz"]

from django import forms
from django.contrib import admin
from django.db import models

from quizzes.models import Article, Course, Enrollment, Fact, Question


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published", "created_at"]
    search_fields = ["title", "outlet", "byline"]
    readonly_fields = ["content_hash", "created_at", "updated_at"]
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
    list_display = ["title", "instructor", "created_at"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["articles"]
    inlines = [EnrollmentInline]


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ["student", "course", "enrolled_at"]
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
    list_display = ["prompt", "type", "status", "score", "article"]
    list_filter = ["type", "status"]
    list_select_related = ["article"]
    search_fields = ["prompt", "sentence"]
    raw_id_fields = ["fact", "facts", "reviewed_by"]

"""Courses: the list, creating and editing one, its articles, join code and archiving."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from quizzes.errors import ContentError
from quizzes.forms import CourseArticlesForm, CourseForm
from quizzes.models import Course
from quizzes.permissions import teacher_required
from quizzes.services import (
    course_archive,
    course_article_remove,
    course_articles_add,
    course_code_regenerate,
    course_create,
    course_update,
)
from quizzes.views.articles import owned_article


def owned_course(request: HttpRequest, pk: int) -> Course:
    return get_object_or_404(Course.objects.editable_by(request.user), pk=pk)


@teacher_required
@require_safe
def course_list(request: HttpRequest) -> HttpResponse:
    courses = Course.objects.editable_by(request.user).annotate(
        article_count=Count("articles", distinct=True),
        student_count=Count(
            "enrollments", filter=Q(enrollments__left_at__isnull=True), distinct=True
        ),
    )
    context = {"courses": courses.active(), "archived": courses.archived()}
    return render(request, "quizzes/course_list.html", context)


@teacher_required
@require_http_methods(["GET", "HEAD", "POST"])
def course_new(request: HttpRequest) -> HttpResponse:
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            course = course_create(instructor=request.user, **form.cleaned_data)
        except ContentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, f"Course created. Students join with the code {course.join_code}."
            )
            return redirect(course)
    return render(request, "quizzes/course_form.html", {"form": form})


@teacher_required
@require_http_methods(["GET", "HEAD", "POST"])
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    course = owned_course(request, pk)
    initial = {"title": course.title, "description": course.description}
    form = CourseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            course_update(course=course, **form.cleaned_data)
        except ContentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Course saved.")
            return redirect(course)
    return render(request, "quizzes/course_form.html", {"form": form, "course": course})


@teacher_required
@require_safe
def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    course = owned_course(request, pk)
    articles = course.articles.annotate(
        approved_count=Count("questions", filter=Q(questions__status="approved"))
    ).order_by("title")
    context = {
        "course": course,
        "articles": articles,
        "add_form": CourseArticlesForm(course=course),
        "join_url": request.build_absolute_uri(
            reverse("learning:join_link", args=[course.join_code])
        ),
        "student_count": course.enrollments.current().count(),
        "quizzes": course.quizzes.order_by("title"),
    }
    return render(request, "quizzes/course_detail.html", context)


@teacher_required
@require_POST
def course_articles_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    course = owned_course(request, pk)
    form = CourseArticlesForm(request.POST, course=course)
    if form.is_valid():
        added = course_articles_add(course=course, articles=form.cleaned_data["articles"])
        messages.success(request, f"{added} article{'s' if added != 1 else ''} added.")
    else:
        messages.error(request, next(iter(form.errors.values()))[0])
    return redirect(course)


@teacher_required
@require_POST
def course_article_remove_view(request: HttpRequest, pk: int, article_pk: int) -> HttpResponse:
    course = owned_course(request, pk)
    article = owned_article(request, article_pk)
    course_article_remove(course=course, article=article)
    messages.success(
        request, f"“{article.title}” is out of the course; its cards leave the students' queues."
    )
    return redirect(course)


@teacher_required
@require_POST
def course_code_regenerate_view(request: HttpRequest, pk: int) -> HttpResponse:
    course = owned_course(request, pk)
    try:
        course_code_regenerate(course=course)
    except ContentError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"The new code is {course.join_code}; the old one no longer works."
        )
    return redirect(course)


@teacher_required
@require_POST
def course_archive_view(request: HttpRequest, pk: int) -> HttpResponse:
    course = owned_course(request, pk)
    archived = request.POST.get("archived") == "1"
    course_archive(course=course, archived=archived)
    messages.success(
        request,
        "Course archived: it takes no new students." if archived else "Course restored.",
    )
    return redirect(course)

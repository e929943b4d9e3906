"""A student's side of courses: joining with a code or a link, and leaving."""

from contextlib import suppress

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from learning.forms import JoinForm
from learning.views.decorators import study_required
from quizzes.errors import ContentError
from quizzes.models import JOIN_CODE_LENGTH, Course
from quizzes.services import course_for_code, course_join, course_leave


def _join(request: HttpRequest, code: str) -> HttpResponse:
    """Join the course of the code and say so; a ContentError explains a bad or old code."""
    course = course_for_code(code)
    if Course.objects.studied_by(request.user).filter(pk=course.pk).exists():
        messages.info(request, f"You are in {course.title} already.")
    else:
        course = course_join(student=request.user, code=code).course
        messages.success(
            request, f"You are in {course.title}. Its cards join your reviews from today."
        )
    return redirect("learning:study_home")


@study_required
@require_http_methods(["GET", "HEAD", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    """Join a course by typing its code."""
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            return _join(request, form.cleaned_data["code"])
        except ContentError as error:
            form.add_error("code", str(error))
    return render(request, "learning/join.html", {"form": form})


@study_required
@require_http_methods(["GET", "HEAD", "POST"])
def join_link(request: HttpRequest, code: str) -> HttpResponse:
    """A course's join link: anonymous visitors log in or sign up first and land back here."""
    try:
        if request.method == "POST":
            return _join(request, code)
        course = course_for_code(code)
    except ContentError as error:
        # The code is echoed in the message: a link's code may be any length.
        message = str(error) if len(code) <= JOIN_CODE_LENGTH else "This join link is not valid."
        return render(request, "learning/join.html", {"form": JoinForm(), "error": message})
    enrolled = Course.objects.studied_by(request.user).filter(pk=course.pk).exists()
    return render(request, "learning/join_link.html", {"course": course, "enrolled": enrolled})


@study_required
@require_POST
def leave(request: HttpRequest, pk: int) -> HttpResponse:
    course = get_object_or_404(Course.objects.studied_by(request.user), pk=pk)
    with suppress(ContentError):  # left a moment ago (a double click): the same outcome
        course_leave(course=course, student=request.user)
    messages.success(
        request,
        f"You left {course.title}. Your cards and reviews are kept; join again to get them back.",
    )
    return redirect("learning:study_home")

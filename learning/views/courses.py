"""A student's side of courses: joining with a code or a link, and leaving."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from learning.forms import JoinForm
from learning.views.decorators import study_required
from quizzes.errors import ContentError
from quizzes.models import Course
from quizzes.services import course_for_code, course_join, course_leave


def _joined(request: HttpRequest, course: Course) -> HttpResponse:
    messages.success(request, f"You are in {course.title}. Its cards join your reviews from today.")
    return redirect("learning:study_home")


@study_required
def join(request: HttpRequest) -> HttpResponse:
    """Join a course by typing its code."""
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            enrollment = course_join(student=request.user, code=form.cleaned_data["code"])
        except ContentError as error:
            form.add_error("code", str(error))
        else:
            return _joined(request, enrollment.course)
    return render(request, "learning/join.html", {"form": form})


@study_required
def join_link(request: HttpRequest, code: str) -> HttpResponse:
    """A course's join link: anonymous visitors log in or sign up first and land back here."""
    try:
        course = course_for_code(code)
    except ContentError as error:
        return render(request, "learning/join.html", {"form": JoinForm(), "error": str(error)})
    if request.method == "POST":
        course_join(student=request.user, code=code)
        return _joined(request, course)
    enrolled = Course.objects.studied_by(request.user).filter(pk=course.pk).exists()
    return render(request, "learning/join_link.html", {"course": course, "enrolled": enrolled})


@study_required
@require_POST
def leave(request: HttpRequest, pk: int) -> HttpResponse:
    course = get_object_or_404(Course.objects.studied_by(request.user), pk=pk)
    course_leave(course=course, student=request.user)
    messages.success(
        request,
        f"You left {course.title}. Your cards and reviews are kept; join again to get them back.",
    )
    return redirect("learning:study_home")

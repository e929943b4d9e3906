"""What instructors see of their students' study; the rest of /teach/ is the quizzes app's."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from learning.models import Card
from learning.roster import course_roster
from quizzes.errors import ContentError
from quizzes.models import Course
from quizzes.permissions import teacher_required
from quizzes.services import course_leave


@teacher_required
@require_safe
def teach_leeches(request: HttpRequest) -> HttpResponse:
    cards = (
        Card.objects.leeches()
        .of_students_taught_by(request.user)
        .select_related("student", "question", "question__article")
        .order_by("question__article", "question", "student__username")
    )
    return render(request, "learning/teach_leeches.html", {"cards": cards})


@teacher_required
@require_safe
def course_roster_view(request: HttpRequest, pk: int) -> HttpResponse:
    course = get_object_or_404(Course.objects.editable_by(request.user), pk=pk)
    context = {"course": course, "enrollments": course_roster(course)}
    return render(request, "learning/course_roster.html", context)


@teacher_required
@require_POST
def course_student_remove(request: HttpRequest, pk: int, student_pk: int) -> HttpResponse:
    course = get_object_or_404(Course.objects.editable_by(request.user), pk=pk)
    enrollment = get_object_or_404(course.enrollments.current(), student_id=student_pk)
    student = enrollment.student
    try:
        course_leave(course=course, student=student)
    except ContentError as error:  # removed at this very moment in another tab
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"{student.username} is out of the course. Their history is kept; the join code "
            "still lets them back in, so make a new code if they must not return.",
        )
    return redirect("learning:course_roster", pk=course.pk)

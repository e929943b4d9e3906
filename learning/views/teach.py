"""What instructors see of their students' study; the rest of /teach/ is the quizzes app's."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from learning.models import Card
from quizzes.permissions import teacher_required


@teacher_required
@require_GET
def teach_leeches(request: HttpRequest) -> HttpResponse:
    cards = (
        Card.objects.leeches()
        .of_students_taught_by(request.user)
        .select_related("student", "question", "question__article")
        .order_by("question__article", "question", "student__username")
    )
    return render(request, "learning/teach_leeches.html", {"cards": cards})

"""The quiz builder: settings, chosen and random questions, their order and points, publishing."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from quizzes.errors import ContentError
from quizzes.forms import QuizForm, QuizQuestionsForm, QuizRandomForm, SlotPointsForm
from quizzes.models import Quiz, QuizSlot
from quizzes.permissions import teacher_required
from quizzes.services import (
    quiz_create,
    quiz_delete,
    quiz_publish,
    quiz_questions_add,
    quiz_random_add,
    quiz_slot_move,
    quiz_slot_points,
    quiz_slot_remove,
    quiz_update,
)
from quizzes.views.courses import owned_course


def owned_quiz(request: HttpRequest, pk: int) -> Quiz:
    quizzes = Quiz.objects.editable_by(request.user).select_related("course")
    return get_object_or_404(quizzes, pk=pk)


def _owned_slot(request: HttpRequest, pk: int) -> QuizSlot:
    slots = QuizSlot.objects.filter(quiz__in=Quiz.objects.editable_by(request.user))
    return get_object_or_404(slots.select_related("quiz"), pk=pk)


def _first_error(form) -> str:
    return next(iter(form.errors.values()))[0]


@teacher_required
@require_http_methods(["GET", "HEAD", "POST"])
def quiz_new(request: HttpRequest, pk: int) -> HttpResponse:
    course = owned_course(request, pk)
    form = QuizForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            quiz = quiz_create(course=course, settings=form.settings())
        except ContentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Quiz created: now add its questions.")
            return redirect(quiz)
    return render(request, "quizzes/quiz_form.html", {"form": form, "course": course})


@teacher_required
@require_http_methods(["GET", "HEAD", "POST"])
def quiz_edit(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = owned_quiz(request, pk)
    form = QuizForm(request.POST or None, initial=QuizForm.initial_for(quiz))
    if request.method == "POST" and form.is_valid():
        try:
            quiz_update(quiz=quiz, settings=form.settings())
        except ContentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Quiz settings saved.")
            return redirect(quiz)
    context = {"form": form, "course": quiz.course, "quiz": quiz}
    return render(request, "quizzes/quiz_form.html", context)


@teacher_required
@require_safe
def quiz_detail(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = owned_quiz(request, pk)
    wanted = request.GET.get("article", "")
    article = None
    if wanted.isascii() and wanted.isdigit():
        article = quiz.course.articles.filter(pk=int(wanted)).first()
    slots = list(quiz.slots.select_related("question", "question__article", "pool_article"))
    context = {
        "quiz": quiz,
        "slots": slots,
        "max_score": sum(slot.points for slot in slots),
        "articles": quiz.course.articles.order_by("title"),
        "article": article,
        "questions_form": QuizQuestionsForm(quiz=quiz, article=article),
        "random_form": QuizRandomForm(quiz=quiz),
        "attempt_count": quiz.attempts.count(),
    }
    return render(request, "quizzes/quiz_detail.html", context)


@teacher_required
@require_POST
def quiz_questions_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = owned_quiz(request, pk)
    form = QuizQuestionsForm(request.POST, quiz=quiz)
    if form.is_valid():
        try:
            added = quiz_questions_add(
                quiz=quiz,
                questions=form.cleaned_data["questions"],
                points=form.cleaned_data["points"],
            )
        except ContentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{added} question{'s' if added != 1 else ''} added.")
    else:
        messages.error(request, _first_error(form))
    return redirect(f"{quiz.get_absolute_url()}#questions")


@teacher_required
@require_POST
def quiz_random_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = owned_quiz(request, pk)
    form = QuizRandomForm(request.POST, quiz=quiz)
    if form.is_valid():
        data = form.cleaned_data
        try:
            added = quiz_random_add(
                quiz=quiz,
                count=data["count"],
                article=data["article"],
                type=data["type"],
                points=data["points"],
            )
        except ContentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{added} random question{'s' if added != 1 else ''} added.")
    else:
        messages.error(request, _first_error(form))
    return redirect(f"{quiz.get_absolute_url()}#questions")


@teacher_required
@require_POST
def quiz_slot_change(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a question up or down, change its points, or remove it."""
    slot = _owned_slot(request, pk)
    action = request.POST.get("action", "")
    try:
        if action in ("up", "down"):
            quiz_slot_move(slot=slot, offset=-1 if action == "up" else 1)
        elif action == "remove":
            quiz_slot_remove(slot=slot)
            messages.success(request, f"Question {slot.position} removed.")
        elif action == "points":
            form = SlotPointsForm(request.POST)
            if not form.is_valid():
                raise ContentError(_first_error(form))
            quiz_slot_points(slot=slot, points=form.cleaned_data["points"])
            messages.success(request, f"Question {slot.position} is worth {slot.points:g} now.")
        else:
            raise ContentError("Move, score or remove the question.")
    except ContentError as error:
        messages.error(request, str(error))
    return redirect(f"{slot.quiz.get_absolute_url()}#questions")


@teacher_required
@require_POST
def quiz_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = owned_quiz(request, pk)
    published = request.POST.get("published") == "1"
    try:
        quiz_publish(quiz=quiz, published=published)
    except ContentError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            "Published: the course's students see it."
            if published
            else "Taken back from students.",
        )
    return redirect(quiz)


@teacher_required
@require_POST
def quiz_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    quiz = owned_quiz(request, pk)
    course = quiz.course
    try:
        quiz_delete(quiz=quiz)
    except ContentError as error:
        messages.error(request, str(error))
        return redirect(quiz)
    messages.success(request, f"“{quiz.title}” is deleted.")
    return redirect(course)

"""The review page: a card's front, its back with the ratings, and recording the rating.

htmx swaps each side into the page; without JavaScript the same forms work with page loads."""

import uuid
from datetime import UTC, datetime, timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from learning.forms import ReviewGradeForm, TypedAnswerForm
from learning.models import Card
from learning.queue import next_due, study_counts
from learning.scheduling import RATING_LABELS, format_interval, preview_dues
from learning.services import LearningError, review_next, review_record, typed_answer_grade
from learning.views.decorators import study_required
from quizzes import question_types
from quizzes.models import Course


def _front_context(student, card: Card | None, now) -> dict:
    context = {"card": card, "counts": study_counts(student, now)}
    if card is None:
        context["next_due"] = next_due(student, now)
        context["has_courses"] = Course.objects.studied_by(student).exists()
        return context
    context["question"] = card.question
    context["flash"] = question_types.flashcard(card.question)
    context["client_id"] = uuid.uuid4().hex
    context["shown_at"] = int(now.timestamp() * 1000)
    return context


def _render_front(request: HttpRequest, card: Card | None, now, **extra) -> HttpResponse:
    context = _front_context(request.user, card, now) | extra
    template = "learning/review_card.html" if request.htmx else "learning/review.html"
    return render(request, template, context)


@study_required
@require_GET
def review(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    return _render_front(request, review_next(student=request.user, now=now), now)


def _student_card(request: HttpRequest, pk: int) -> Card:
    cards = Card.objects.of(request.user).select_related("question", "question__article")
    return get_object_or_404(cards, pk=pk)


@study_required
@require_GET
def review_answer(request: HttpRequest, pk: int) -> HttpResponse:
    card = _student_card(request, pk)
    form = TypedAnswerForm(request.GET)
    form.is_valid()  # every field is optional and falls back to a fresh value
    typed = form.cleaned_data.get("typed") or ""
    now = timezone.now()
    dues = preview_dues(card.to_fsrs(), desired_retention=request.user.desired_retention, now=now)
    context = {
        "card": card,
        "question": card.question,
        "flash": question_types.flashcard(card.question),
        "typed": typed_answer_grade(card=card, typed_answer=typed),
        "ratings": [
            {
                "value": int(rating),
                "label": RATING_LABELS[rating],
                "interval": format_interval(due - now),
            }
            for rating, due in dues.items()
        ],
        "client_id": form.cleaned_data.get("client_id") or uuid.uuid4().hex,
        "shown_at": form.cleaned_data.get("shown_at") or "",
        "counts": study_counts(request.user, now),
    }
    template = "learning/review_back.html" if request.htmx else "learning/review_answer.html"
    return render(request, template, context)


def _time_since(shown_at: int | None, now) -> timedelta:
    # A client clock running ahead must not make a negative time; the service caps long ones.
    if shown_at is None:
        return timedelta(0)
    return max(now - datetime.fromtimestamp(shown_at / 1000, tz=UTC), timedelta(0))


@study_required
@require_POST
def review_grade(request: HttpRequest, pk: int) -> HttpResponse:
    card = _student_card(request, pk)
    form = ReviewGradeForm(request.POST)
    now = timezone.now()
    error = ""
    if form.is_valid():
        try:
            review_record(
                student=request.user,
                card=card,
                rating=form.cleaned_data["rating"],
                reviewed_at=now,
                duration=_time_since(form.cleaned_data["shown_at"], now),
                client_id=form.cleaned_data["client_id"],
                typed_answer=form.cleaned_data["typed"],
            )
        except LearningError as exc:
            error = str(exc)
    else:
        error = form.error_text()
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect("learning:review")
    next_card = review_next(student=request.user, now=now)
    return _render_front(request, next_card, now, error=error)

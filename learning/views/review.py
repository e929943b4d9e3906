"""The review page: a card's front, its back with the ratings, and recording the rating.

htmx swaps each side into the page; without JavaScript the same forms work with page loads.
Every form carries the review's scope (all courses, one course or one article)."""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from learning.forms import ReviewGradeForm, ReviewShowForm
from learning.models import Card
from learning.queue import next_due, study_counts
from learning.scheduling import RATING_LABELS, format_interval, preview_dues
from learning.services import LearningError, response_grade, review_next, review_record
from learning.views.decorators import study_required
from quizzes import question_types
from quizzes.models import Article, Course


@dataclass(frozen=True)
class ReviewScope:
    """Which cards the review page draws from: all the student's courses, or one of them, or
    one article."""

    label: str = ""
    articles: object = None
    params: dict = field(default_factory=dict)

    @property
    def query(self) -> str:
        query = QueryDict(mutable=True)
        query.update(self.params)
        return query.urlencode()


class ScopeGone(Exception):
    """The course or article asked for is not (or no longer) one of the student's."""


def _one_of(queryset, value: str):
    found = queryset.filter(pk=int(value)).first() if value.isascii() and value.isdigit() else None
    if found is None:
        raise ScopeGone
    return found


def _scope(request: HttpRequest) -> ReviewScope:
    data = request.POST if request.method == "POST" else request.GET
    if course_id := data.get("course", ""):
        course = _one_of(Course.objects.studied_by(request.user), course_id)
        return ReviewScope(course.title, course.articles.all(), {"course": course.pk})
    if article_id := data.get("article", ""):
        article = _one_of(Article.objects.in_courses_of(request.user), article_id)
        only = Article.objects.filter(pk=article.pk)
        return ReviewScope(article.title, only, {"article": article.pk})
    return ReviewScope()


def _scope_gone(request: HttpRequest) -> HttpResponse:
    messages.info(
        request, "That course or article is not one of yours now: here are all your cards."
    )
    url = redirect("learning:review").url
    if request.htmx:
        # htmx would swap a whole page into the card: have it load the page instead.
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def _front_context(student, card: Card | None, now, scope: ReviewScope) -> dict:
    context = {
        "card": card,
        "scope": scope,
        "counts": study_counts(student, now, articles=scope.articles),
    }
    if card is None:
        context["next_due"] = next_due(student, now, articles=scope.articles)
        context["has_courses"] = Course.objects.studied_by(student).exists()
        return context
    context["question"] = card.question
    context["flash"] = question_types.flashcard(card.question)
    context["client_id"] = uuid.uuid4().hex
    context["shown_at"] = int(now.timestamp() * 1000)
    return context


def _render_front(request: HttpRequest, card: Card | None, now, scope, **extra) -> HttpResponse:
    context = _front_context(request.user, card, now, scope) | extra
    if request.htmx:
        return render(request, "learning/review_card.html", context)
    context["courses"] = Course.objects.studied_by(request.user).order_by("title")
    return render(request, "learning/review.html", context)


@study_required
@require_safe
def review(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    try:
        scope = _scope(request)
    except ScopeGone:
        return _scope_gone(request)
    card = review_next(student=request.user, now=now, articles=scope.articles)
    return _render_front(request, card, now, scope)


def _student_card(request: HttpRequest, pk: int) -> Card:
    # Only cards of the student's current courses: a course they left is out of their reviews.
    cards = Card.objects.of(request.user).in_current_courses(request.user)
    return get_object_or_404(cards.select_related("question", "question__article"), pk=pk)


@study_required
@require_safe
def review_answer(request: HttpRequest, pk: int) -> HttpResponse:
    card = _student_card(request, pk)
    try:
        scope = _scope(request)
    except ScopeGone:
        return _scope_gone(request)
    form = ReviewShowForm(request.GET)
    form.is_valid()  # every field is optional and falls back to a fresh value
    now = timezone.now()
    try:
        grade = response_grade(card=card, response=form.cleaned_data.get("response") or "")
    except LearningError:
        grade = None  # an option that is not on the card: show the answer without a verdict
    dues = preview_dues(card.to_fsrs(), desired_retention=request.user.desired_retention, now=now)
    context = {
        "card": card,
        "scope": scope,
        "question": card.question,
        "flash": question_types.flashcard(card.question),
        "grade": grade,
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
        "counts": study_counts(request.user, now, articles=scope.articles),
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
    try:
        scope = _scope(request)
    except ScopeGone:
        scope = ReviewScope()  # record the rating all the same, then show any course's next card
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
                response=form.cleaned_data["response"],
            )
        except LearningError as exc:
            error = str(exc)
    else:
        error = form.error_text()
    if not request.htmx:
        if error:
            messages.error(request, error)
        url = redirect("learning:review").url
        return redirect(f"{url}?{scope.query}" if scope.query else url)
    next_card = review_next(student=request.user, now=now, articles=scope.articles)
    return _render_front(request, next_card, now, scope, error=error)

import uuid
from datetime import UTC, datetime, timedelta
from functools import wraps
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from learning.flashcards import flashcard
from learning.forms import ReviewGradeForm, SignUpForm, StudySettingsForm
from learning.grading import TYPED_TYPES, grade_typed
from learning.models import Card
from learning.progress import progress_charts, student_progress
from learning.queue import new_cards_left, next_due
from learning.roles import STUDY_PERMISSION, TEACH_PERMISSION
from learning.scheduling import MAX_ANSWER_TIME, RATING_LABELS, format_interval, preview_dues
from learning.services import (
    LearningError,
    cards_unbury,
    review_next,
    review_record,
    student_sign_up,
    study_settings_update,
)
from quizzes.highlighting import sentence_segments
from quizzes.models import Article, Course, Enrollment


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return redirect("login")
    if user.is_instructor:
        return redirect("quizzes:teach_home")
    if user.is_student:
        return redirect("learning:study_home")
    return render(request, "learning/no_role.html")


def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = student_sign_up(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
            )
        except LearningError as error:
            form.add_error(None, str(error))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome, {user.username}! Your student account is ready.")
            return redirect("home")
    return render(request, "registration/signup.html", {"form": form})


@login_required
@permission_required(STUDY_PERMISSION, raise_exception=True)
def study_home(request: HttpRequest) -> HttpResponse:
    courses = Course.objects.studied_by(request.user).select_related("instructor")
    courses = courses.prefetch_related("articles")
    now = timezone.now()
    cards_unbury(student=request.user, now=now)  # a new day returns yesterday's buried cards
    context = {
        "courses": courses,
        "due_count": Card.objects.due_for(request.user, now).studyable().count(),
        "new_left": new_cards_left(request.user, now),
    }
    return render(request, "learning/study_home.html", context)


def study_required(view):
    """Students only; their times are shown in their own time zone."""

    @wraps(view)
    def in_time_zone(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        with timezone.override(ZoneInfo(request.user.time_zone)):
            return view(request, *args, **kwargs)

    return login_required(permission_required(STUDY_PERMISSION, raise_exception=True)(in_time_zone))


def _front_context(student, card: Card | None, now) -> dict:
    context = {
        "card": card,
        "due_count": Card.objects.due_for(student, now).studyable().count(),
        "new_left": new_cards_left(student, now),
    }
    if card is None:
        context["next_due"] = next_due(student, now)
        return context
    context["question"] = card.question
    context["flash"] = flashcard(card.question)
    context["client_id"] = uuid.uuid4().hex
    context["shown_at"] = int(now.timestamp() * 1000)
    context["typed_input"] = card.question.type in TYPED_TYPES
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
    cards = Card.objects.select_related("question", "question__article")
    return get_object_or_404(cards, pk=pk, student=request.user)


@study_required
@require_GET
def review_answer(request: HttpRequest, pk: int) -> HttpResponse:
    card = _student_card(request, pk)
    now = timezone.now()
    typed = request.GET.get("typed", "").strip()[:500]
    dues = preview_dues(card.to_fsrs(), desired_retention=request.user.desired_retention, now=now)
    context = {
        "card": card,
        "question": card.question,
        "flash": flashcard(card.question),
        "typed": grade_typed(card.question, typed) if typed else None,
        "ratings": [
            {
                "value": int(rating),
                "label": RATING_LABELS[rating],
                "interval": format_interval(due - now),
            }
            for rating, due in dues.items()
        ],
        "client_id": request.GET.get("client_id", "")[:64] or uuid.uuid4().hex,
        "shown_at": request.GET.get("shown_at", ""),
        "due_count": Card.objects.due_for(request.user, now).studyable().count(),
        "new_left": new_cards_left(request.user, now),
    }
    template = "learning/review_back.html" if request.htmx else "learning/review_answer.html"
    return render(request, template, context)


def _answer_time(shown_at: int | None, now) -> timedelta:
    # The client's clock and a tab left open must not skew the statistics: as in Anki, an answer
    # counts for at most a minute.
    if shown_at is None:
        return timedelta(0)
    elapsed = now - datetime.fromtimestamp(shown_at / 1000, tz=UTC)
    return min(max(elapsed, timedelta(0)), MAX_ANSWER_TIME)


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
                card=card,
                rating=form.cleaned_data["rating"],
                reviewed_at=now,
                duration=_answer_time(form.cleaned_data["shown_at"], now),
                client_id=form.cleaned_data["client_id"],
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


@study_required
@require_GET
def progress(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    cards_unbury(student=request.user, now=now)
    data = student_progress(request.user, now)
    context = {"progress": data, "charts": progress_charts(data)}
    return render(request, "learning/progress.html", context)


@study_required
def study_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    initial = {
        "time_zone": user.time_zone,
        "desired_retention": user.desired_retention,
        "new_cards_per_day": user.new_cards_per_day,
    }
    form = StudySettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            study_settings_update(student=user, **form.cleaned_data)
        except LearningError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your study settings are saved.")
            return redirect("learning:study_settings")
    return render(request, "learning/study_settings.html", {"form": form})


@study_required
@require_GET
def study_article(request: HttpRequest, pk: int) -> HttpResponse:
    # Only articles of the student's own courses; any other id is a 404, as if it did not exist.
    article = get_object_or_404(Article.objects.in_courses_of(request.user), pk=pk)
    spans = article.questions.approved().values_list("start", "end")
    context = {"article": article, "segments": sentence_segments(article.text, list(spans))}
    return render(request, "learning/study_article.html", context)


@study_required
@require_GET
def leeches(request: HttpRequest) -> HttpResponse:
    cards = Card.objects.filter(student=request.user).leeches()
    cards = cards.select_related("question", "question__article").order_by(
        "question__article", "id"
    )
    return render(request, "learning/leeches.html", {"cards": cards})


@login_required
@permission_required(TEACH_PERMISSION, raise_exception=True)
@require_GET
def teach_leeches(request: HttpRequest) -> HttpResponse:
    # A leech shows here when its student is enrolled in one of the instructor's courses that
    # holds the card's article.
    in_my_course = Enrollment.objects.filter(
        course__instructor=request.user,
        course__articles=OuterRef("question__article"),
        student=OuterRef("student"),
    )
    cards = (
        Card.objects.leeches()
        .filter(Exists(in_my_course))
        .select_related("student", "question", "question__article")
        .order_by("question__article", "question", "student__username")
    )
    return render(request, "learning/teach_leeches.html", {"cards": cards})

"""A student's own pages besides reviewing: home, settings, articles, leeches."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from learning.forms import StudySettingsForm
from learning.models import Card
from learning.progress import progress_charts, student_progress
from learning.queue import study_counts
from learning.services import LearningError, cards_unbury, study_settings_update
from learning.views.decorators import study_required
from quizzes.highlighting import sentence_segments
from quizzes.models import Article, Course


@study_required
@require_safe
def study_home(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    cards_unbury(student=request.user, now=now)  # a new day returns yesterday's buried cards
    courses = list(
        Course.objects.studied_by(request.user)
        .select_related("instructor")
        .prefetch_related("articles")
        .order_by("title")
    )
    counts = study_counts(request.user, now)
    for course in courses:
        course.due_now = counts.due_in(course.articles.all())
    context = {"courses": courses, "counts": counts}
    return render(request, "learning/study_home.html", context)


@study_required
@require_http_methods(["GET", "HEAD", "POST"])
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
@require_safe
def study_article(request: HttpRequest, pk: int) -> HttpResponse:
    # Only articles of the student's own courses; any other id is a 404, as if it did not exist.
    article = get_object_or_404(Article.objects.in_courses_of(request.user), pk=pk)
    spans = article.questions.approved().values_list("start", "end")
    context = {"article": article, "segments": sentence_segments(article.text, list(spans))}
    return render(request, "learning/study_article.html", context)


@study_required
@require_safe
def leeches(request: HttpRequest) -> HttpResponse:
    cards = Card.objects.of(request.user).leeches()
    cards = cards.select_related("question", "question__article").order_by(
        "question__article", "id"
    )
    return render(request, "learning/leeches.html", {"cards": cards})


@study_required
@require_safe
def progress(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    cards_unbury(student=request.user, now=now)
    data = student_progress(request.user, now)
    context = {"progress": data, "charts": progress_charts(data)}
    return render(request, "learning/progress.html", context)

"""The teaching home, adding an article, and an article's question bank."""

from django.contrib import messages
from django.core.exceptions import RequestDataTooBig
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from quizzes.errors import ContentError
from quizzes.forms import (
    ApproveBestForm,
    ArticleCourseForm,
    ArticleImportForm,
    BulkReviewForm,
    QuestionFilterForm,
)
from quizzes.highlighting import sentence_segments
from quizzes.importing import article_import, article_too_long
from quizzes.models import Article, Course, Question, reviewable_q
from quizzes.permissions import teacher_required
from quizzes.question_types import TYPES
from quizzes.services import article_approve_best, course_articles_add, questions_review

QUESTIONS_PER_PAGE = 20


def owned_article(request: HttpRequest, pk: int) -> Article:
    return get_object_or_404(Article.objects.editable_by(request.user), pk=pk)


@teacher_required
@require_safe
def teach_home(request: HttpRequest) -> HttpResponse:
    courses = (
        Course.objects.editable_by(request.user)
        .active()
        .annotate(
            article_count=Count("articles", distinct=True),
            student_count=Count(
                "enrollments", filter=Q(enrollments__left_at__isnull=True), distinct=True
            ),
        )
    )
    articles = Article.objects.editable_by(request.user).annotate(
        question_count=Count("questions", filter=reviewable_q("questions__")),
        approved_count=Count("questions", filter=Q(questions__status=Question.Status.APPROVED)),
    )[:100]
    return render(request, "quizzes/teach_home.html", {"courses": courses, "articles": articles})


@teacher_required
@csrf_exempt  # the CSRF check is _article_new's, once the body is known to be readable
@require_http_methods(["GET", "HEAD", "POST"])
def article_new(request: HttpRequest) -> HttpResponse:
    # A paste over DATA_UPLOAD_MAX_MEMORY_SIZE makes reading the form raise RequestDataTooBig.
    # CsrfViewMiddleware reads the form before any view, and would turn that into a bare 400,
    # so this view is exempt from it and reads the form first.
    if request.method == "POST":
        try:
            request.POST  # noqa: B018 - parses the body, files included
        except RequestDataTooBig:
            _discard_body(request)
            form = ArticleImportForm(owner=request.user)
            context = {"form": form, "error": str(article_too_long())}
            return render(request, "quizzes/article_new.html", context, status=400)
    return _article_new(request)


def _discard_body(request: HttpRequest) -> None:
    # Read the rest, so the server does not close the connection on a client still sending
    # (it would see a reset, not this page). Nothing is kept.
    while request.read(1 << 16):
        pass


@csrf_protect
def _article_new(request: HttpRequest) -> HttpResponse:
    initial = (
        {"course": request.GET.get("course")} if request.GET.get("course", "").isdigit() else {}
    )
    form = ArticleImportForm(
        request.POST or None, request.FILES or None, owner=request.user, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = article_import(
                raw_text=data["text"],
                title=data["title"],
                outlet=data["outlet"],
                url=data["url"],
                published=data["published"],
                owner=request.user,
            )
            if data["course"]:
                course_articles_add(course=data["course"], articles=[result.article])
        except ContentError as error:
            form.add_error(None, str(error))
        else:
            if result.outcome == "unchanged":
                messages.info(request, "This text was imported before; here is that article.")
            else:
                messages.success(
                    request,
                    f"Article {result.outcome}: {result.facts_added} facts and "
                    f"{result.questions_added} candidate questions added.",
                )
            if data["course"]:
                messages.success(request, f"It is in {data['course'].title}.")
            return redirect("quizzes:article_detail", pk=result.article.pk)
    return render(request, "quizzes/article_new.html", {"form": form})


@teacher_required
@require_safe
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The article's question bank, a page at a time, beside the article's text."""
    article = owned_article(request, pk)
    live = article.questions.reviewable()
    counts = dict(live.values_list("status").annotate(n=Count("id")).order_by())
    filters = QuestionFilterForm(request.GET)
    questions = filters.questions(article.questions.all()).prefetch_related("flags__quiz")
    page = Paginator(questions, QUESTIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    facts = list(article.facts.current())
    context = {
        "article": article,
        "facts": facts,
        "page": page,
        "filters": filters,
        "query": query.urlencode(),
        "counts": counts,
        "total": sum(counts.values()),
        "segments": sentence_segments(article.text, [(f.start, f.end) for f in facts]),
        "bulk_form": BulkReviewForm(questions=live),
        "best_form": ApproveBestForm(),
        "course_form": ArticleCourseForm(article=article),
        "courses": article.courses.filter(instructor=request.user),
        "types": TYPES.values(),
    }
    return render(request, "quizzes/article_detail.html", context)


def _back_to_bank(request: HttpRequest, article: Article) -> HttpResponse:
    # Back to the page of the bank the instructor was on, filters and all.
    query = request.POST.get("return_query", "")
    url = article.get_absolute_url()
    return redirect(f"{url}?{query}" if query else url)


@teacher_required
@require_POST
def article_questions_review(request: HttpRequest, pk: int) -> HttpResponse:
    article = owned_article(request, pk)
    form = BulkReviewForm(request.POST, questions=article.questions.reviewable())
    if form.is_valid():
        questions = article.questions.filter(pk__in=form.cleaned_data["selected"])
        status = form.cleaned_data["status"]
        done = questions_review(questions=questions, status=status, reviewer=request.user)
        messages.success(request, f"{done} question{'s' if done != 1 else ''} {status}.")
    else:
        messages.error(request, next(iter(form.errors.values()))[0])
    return _back_to_bank(request, article)


@teacher_required
@require_POST
def article_approve_best_view(request: HttpRequest, pk: int) -> HttpResponse:
    article = owned_article(request, pk)
    form = ApproveBestForm(request.POST)
    if form.is_valid():
        count = form.cleaned_data["count"]
        done = article_approve_best(article=article, count=count, reviewer=request.user)
        messages.success(
            request,
            f"Approved {done} candidate{'s' if done != 1 else ''} among the {count} best questions;"
            " the others there were approved or rejected before.",
        )
    else:
        messages.error(request, next(iter(form.errors.values()))[0])
    return _back_to_bank(request, article)


@teacher_required
@require_POST
def article_course_add(request: HttpRequest, pk: int) -> HttpResponse:
    article = owned_article(request, pk)
    form = ArticleCourseForm(request.POST, article=article)
    if form.is_valid():
        course = form.cleaned_data["course"]
        course_articles_add(course=course, articles=[article])
        messages.success(request, f"Added to {course.title}.")
    else:
        messages.error(request, next(iter(form.errors.values()))[0])
    return redirect(reverse("quizzes:article_detail", args=[article.pk]) + "#courses")

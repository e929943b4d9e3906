from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from quizzes.errors import ContentError
from quizzes.forms import ArticleImportForm, QuestionReviewForm
from quizzes.highlighting import sentence_segments
from quizzes.importing import article_import
from quizzes.models import Article, Course, Question, reviewable_q
from quizzes.permissions import teacher_required
from quizzes.services import question_review


@teacher_required
def teach_home(request: HttpRequest) -> HttpResponse:
    courses = Course.objects.editable_by(request.user).annotate(
        article_count=Count("articles", distinct=True),
        student_count=Count("enrollments", distinct=True),
    )
    articles = Article.objects.editable_by(request.user).annotate(
        question_count=Count("questions", filter=reviewable_q("questions__")),
        approved_count=Count("questions", filter=Q(questions__status=Question.Status.APPROVED)),
    )[:100]
    return render(request, "quizzes/teach_home.html", {"courses": courses, "articles": articles})


@teacher_required
def article_new(request: HttpRequest) -> HttpResponse:
    form = ArticleImportForm(request.POST or None, request.FILES or None)
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
            return redirect("quizzes:article_detail", pk=result.article.pk)
    return render(request, "quizzes/article_new.html", {"form": form})


@teacher_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.editable_by(request.user), pk=pk)
    status = request.GET.get("status", "")
    questions = article.questions.reviewable()
    counts = dict(questions.values_list("status").annotate(n=Count("id")).order_by())
    if status in Question.Status.values:
        questions = questions.filter(status=status)
    facts = list(article.facts.current())
    spans = [(f.start, f.end) for f in facts]
    context = {
        "article": article,
        "facts": facts,
        "questions": questions.select_related("fact"),
        "segments": sentence_segments(article.text, spans),
        "status": status,
        "counts": counts,
        "statuses": Question.Status.choices[:3],
    }
    return render(request, "quizzes/article_detail.html", context)


@require_POST
@login_required
@permission_required("quizzes.change_question", raise_exception=True)
def question_review_view(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question.objects.editable_by(request.user), pk=pk)
    form = QuestionReviewForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            question = question_review(
                question=question, status=form.cleaned_data["status"], reviewer=request.user
            )
        except ContentError as exc:
            error = str(exc)
    else:
        error = "Choose approve, reject or undo."
    if request.htmx:
        return render(request, "quizzes/question_card.html", {"question": question, "error": error})
    if error:
        messages.error(request, error)
    return redirect(f"{question.article.get_absolute_url()}#q-{question.pk}")

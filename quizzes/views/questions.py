"""One question: approving it in place, its page with its versions, editing and writing one."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from quizzes import question_types
from quizzes.errors import ContentError
from quizzes.forms import QuestionForm, QuestionReviewForm
from quizzes.models import Question
from quizzes.permissions import teacher_required
from quizzes.sentences import sentence_choices
from quizzes.services import question_create, question_review, question_update
from quizzes.views.articles import owned_article


def owned_question(request: HttpRequest, pk: int) -> Question:
    questions = Question.objects.editable_by(request.user).select_related("article")
    return get_object_or_404(questions, pk=pk)


@teacher_required
@require_POST
def question_review_view(request: HttpRequest, pk: int) -> HttpResponse:
    question = owned_question(request, pk)
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
        context = {"question": question, "error": error, "bulk": request.POST.get("bulk") == "1"}
        return render(request, "quizzes/question_card.html", context)
    if error:
        messages.error(request, error)
    return redirect(f"{question.article.get_absolute_url()}#q-{question.pk}")


@teacher_required
@require_safe
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = owned_question(request, pk)
    versions = question.versions.select_related("author")
    context = {"question": question, "article": question.article, "versions": versions}
    return render(request, "quizzes/question_detail.html", context)


@teacher_required
@require_http_methods(["GET", "HEAD", "POST"])
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = owned_question(request, pk)
    kind = question_types.question_type(question.type)
    form = QuestionForm(
        request.POST or None,
        kind=kind,
        sentences=sentence_choices(question.article, current=question),
        initial=QuestionForm.initial_for(question),
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = question_update(question=question, content=form.content(), editor=request.user)
        except ContentError as error:
            form.add_error(None, str(error))
        else:
            if saved.version == question.version:
                messages.info(request, "Nothing changed, so no new version was saved.")
            else:
                messages.success(request, f"Saved as version {saved.version}.")
            return redirect(saved)
    context = {"form": form, "question": question, "article": question.article, "kind": kind}
    return render(request, "quizzes/question_edit.html", context)


@teacher_required
@require_http_methods(["GET", "HEAD", "POST"])
def question_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Write a question by hand: first its type, then the type's form."""
    article = owned_article(request, pk)
    kind = question_types.TYPES.get(request.GET.get("type", ""))
    if kind is None:
        context = {"article": article, "types": question_types.TYPES.values()}
        return render(request, "quizzes/question_new_type.html", context)
    form = QuestionForm(request.POST or None, kind=kind, sentences=sentence_choices(article))
    if request.method == "POST" and form.is_valid():
        try:
            question = question_create(article=article, content=form.content(), author=request.user)
        except ContentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Question saved and approved.")
            return redirect(question)
    return render(
        request, "quizzes/question_edit.html", {"form": form, "article": article, "kind": kind}
    )

"""Downloads for Moodle, Anki and spreadsheets, and GIFT uploads."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from quizzes.errors import ContentError
from quizzes.exports import FORMATS, Export, questions_export
from quizzes.forms import GiftUploadForm
from quizzes.permissions import teacher_required
from quizzes.services import questions_import_gift
from quizzes.views.articles import owned_article
from quizzes.views.courses import owned_course


def _download(export: Export) -> HttpResponse:
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


def _format(format: str) -> str:
    if format not in FORMATS:
        raise Http404("Export as gift, apkg or csv.")
    return format


@teacher_required
@require_safe
def course_export(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    course = owned_course(request, pk)
    return _download(questions_export(format=_format(format), course=course))


@teacher_required
@require_safe
def article_export(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    article = owned_article(request, pk)
    return _download(questions_export(format=_format(format), article=article))


@teacher_required
@require_http_methods(["GET", "HEAD", "POST"])
def article_import_gift(request: HttpRequest, pk: int) -> HttpResponse:
    article = owned_article(request, pk)
    form = GiftUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = questions_import_gift(
                article=article, text=form.cleaned_data["file"], author=request.user
            )
        except ContentError as error:
            form.add_error(None, f"Nothing was imported. {error}")
        else:
            messages.success(
                request,
                f"Imported {len(created)} questions, approved."
                if created
                else "The article has every question of this file already: nothing was added.",
            )
            return redirect(article)
    return render(request, "quizzes/gift_import.html", {"form": form, "article": article})

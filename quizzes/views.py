from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from quizzes.models import Article, Course


@login_required
@permission_required("quizzes.add_article", raise_exception=True)
def teach_home(request: HttpRequest) -> HttpResponse:
    courses = Course.objects.taught_by(request.user).annotate(
        article_count=Count("articles", distinct=True),
        student_count=Count("enrollments", distinct=True),
    )
    articles = Article.objects.all()[:50]
    return render(request, "quizzes/teach_home.html", {"courses": courses, "articles": articles})

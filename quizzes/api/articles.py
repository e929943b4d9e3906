"""Articles: a student reads those of their courses; an instructor lists theirs and posts new
ones, getting their facts (and, through /questions/, their questions) back."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from quizzes.api.conditional import ETAG, IF_NONE_MATCH, NOT_MODIFIED, etagged
from quizzes.api.serializers import ArticleDetailOut, ArticleIn, ArticleOut, ImportOut
from quizzes.errors import ContentError
from quizzes.importing import article_import
from quizzes.models import Article, Course
from quizzes.permissions import CanTeach, can_teach
from quizzes.services import course_articles_add


def readable_articles(user):
    """An instructor's own articles; a student's, those of their courses."""
    if can_teach(user):
        return Article.objects.editable_by(user)
    return Article.objects.in_courses_of(user)


class Articles(ListAPIView):
    serializer_class = ArticleOut

    def get_queryset(self):
        return readable_articles(self.request.user)

    def get_permissions(self):
        # Everyone reads the articles they may; only instructors import.
        if self.request.method == "POST":
            return [CanTeach()]
        return super().get_permissions()

    @extend_schema(summary="Articles: an instructor's own, or a student's courses'")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=ArticleIn,
        responses={201: ImportOut, 200: ImportOut},
        summary="Import an article (instructors): its facts and candidate questions are made",
    )
    def post(self, request):
        data = ArticleIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        course = None
        if values["course"] is not None:
            course = Course.objects.editable_by(request.user).filter(pk=values["course"]).first()
            if course is None:
                raise ContentError("Choose one of your courses.")
        result = article_import(
            raw_text=values["text"],
            title=values["title"],
            outlet=values["outlet"],
            url=values["url"],
            published=values["published"],
            owner=request.user,
        )
        if course is not None:
            course_articles_add(course=course, articles=[result.article])
        body = ImportOut(
            {
                "outcome": result.outcome,
                "facts_added": result.facts_added,
                "questions_added": result.questions_added,
                "article": result.article,
            }
        ).data
        created = result.outcome == "created"
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class ArticleDetail(APIView):
    @extend_schema(
        parameters=[IF_NONE_MATCH, ETAG],
        responses={200: ArticleDetailOut, 304: NOT_MODIFIED},
        summary="An article with its facts (with an ETag)",
    )
    def get(self, request, pk: int):
        article = get_object_or_404(readable_articles(request.user), pk=pk)
        return etagged(request, ArticleDetailOut(article).data)

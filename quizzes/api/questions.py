"""The question bank for instructors: list with the bank's filters, read with versions and
flags, approve or reject, edit (a new version), write by hand."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from quizzes.api.pagination import ByRank
from quizzes.api.serializers import (
    QuestionContentIn,
    QuestionCreateIn,
    QuestionDetailOut,
    QuestionOut,
)
from quizzes.forms import QuestionFilterForm
from quizzes.models import Article, Question
from quizzes.permissions import CanTeach
from quizzes.services import question_create, question_review, question_update

BOOLEANS = {"true": True, "1": True, "false": False, "0": False}
FILTERS = [
    OpenApiParameter("article", OpenApiTypes.INT, description="Only this article's"),
    OpenApiParameter("status", OpenApiTypes.STR, enum=["candidate", "approved", "rejected"]),
    OpenApiParameter("type", OpenApiTypes.STR, enum=Question.Type.values),
    OpenApiParameter("q", OpenApiTypes.STR, description="Words in the prompt, answer or sentence"),
    OpenApiParameter("flagged", OpenApiTypes.BOOL, description="Only those flagged by quizzes"),
]


class Questions(ListAPIView):
    permission_classes = [CanTeach]
    serializer_class = QuestionOut
    filter_form = QuestionFilterForm
    pagination_class = ByRank

    def get_queryset(self):
        # The bank page's own filter form, so both read the filters by one rule; an API
        # client is told what is wrong instead of silently getting everything.
        params = self.request.query_params.copy()
        # The page's checkbox sends a value only when ticked; an app says true or false.
        flagged = params.pop("flagged", [None])[-1]
        if flagged is not None and flagged.lower() not in BOOLEANS:
            raise ValidationError({"flagged": ["Say true or false."]})
        if BOOLEANS.get((flagged or "").lower()):
            params["flagged"] = "on"
        filters = self.filter_form(params)
        if not filters.is_valid():
            raise ValidationError(filters.errors)
        questions = Question.objects.editable_by(self.request.user)
        article = self.request.query_params.get("article")
        if article is not None:
            if not (article.isascii() and article.isdigit()):
                raise ValidationError({"article": ["Give an article's id."]})
            questions = questions.filter(article_id=int(article))
        return filters.questions(questions)

    @extend_schema(parameters=FILTERS, summary="Your questions, with the bank's filters")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=QuestionCreateIn,
        responses={201: QuestionDetailOut},
        summary="Write a question by hand on one of your articles (approved)",
    )
    def post(self, request):
        data = QuestionCreateIn(data=request.data)
        data.is_valid(raise_exception=True)
        article = (
            Article.objects.editable_by(request.user)
            .filter(pk=data.validated_data["article"])
            .first()
        )
        if article is None:
            raise ValidationError({"article": ["Choose one of your articles."]})
        question = question_create(article=article, content=data.content(), author=request.user)
        return Response(QuestionDetailOut(question).data, status=status.HTTP_201_CREATED)


def _owned(request, pk: int) -> Question:
    questions = Question.objects.editable_by(request.user).prefetch_related("versions", "flags")
    return get_object_or_404(questions, pk=pk)


class QuestionDetail(APIView):
    permission_classes = [CanTeach]

    @extend_schema(responses=QuestionDetailOut, summary="A question with its versions and flags")
    def get(self, request, pk: int):
        return Response(QuestionDetailOut(_owned(request, pk)).data)

    @extend_schema(
        request=QuestionContentIn,
        responses=QuestionDetailOut,
        summary="Edit a question: saves a new version, keeping the one before",
    )
    def put(self, request, pk: int):
        question = _owned(request, pk)
        data = QuestionContentIn(data=request.data)
        data.is_valid(raise_exception=True)
        saved = question_update(question=question, content=data.content(), editor=request.user)
        return Response(QuestionDetailOut(_owned(request, saved.pk)).data)


class QuestionReview(APIView):
    """Approve or reject a question: the subclass says which."""

    permission_classes = [CanTeach]
    status_value = ""

    def post(self, request, pk: int):
        question = question_review(
            question=_owned(request, pk), status=self.status_value, reviewer=request.user
        )
        return Response(QuestionOut(question).data)


@extend_schema(request=None, responses=QuestionOut, summary="Approve a question: students get it")
class QuestionApprove(QuestionReview):
    status_value = Question.Status.APPROVED


@extend_schema(
    request=None,
    responses=QuestionOut,
    summary="Reject a question: it leaves the bank, and students' cards of it stop",
)
class QuestionReject(QuestionReview):
    status_value = Question.Status.REJECTED

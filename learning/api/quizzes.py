"""Quizzes for students through the API: open quizzes, starting an attempt, saving answers,
submitting, and reading an attempt with its results as the review policy allows. Nothing of a
question's answer is in a response before the policy allows it: questions are sent as their
front only."""

import dataclasses
import random

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.api.permissions import CanStudy
from learning.models import Attempt, AttemptAnswer
from learning.services import (
    attempt_answer_save,
    attempt_start,
    attempt_submit,
    attempts_close_overdue,
)
from quizzes import question_types
from quizzes.api.serializers import FrontOut
from quizzes.models import Quiz


class QuizOut(serializers.ModelSerializer):
    course = serializers.CharField(source="course.title")
    attempts_left = serializers.SerializerMethodField()

    class Meta:
        model = Quiz
        fields = ["id", "title", "description", "course", "time_limit", "attempts_allowed",
                  "attempts_left", "opens_at", "closes_at", "review_policy"]  # fmt: skip

    def get_attempts_left(self, quiz) -> int | None:
        if not quiz.attempts_allowed:
            return None
        return max(0, quiz.attempts_allowed - self.context["used"].get(quiz.pk, 0))


def _front(answer: AttemptAnswer) -> dict:
    question = answer.question.as_of(answer.question_version)
    front = question_types.flashcard(question).front()
    if front.picks and len(front.options) > 2:
        options = list(front.options)  # each attempt its own order, as the page shows it
        random.Random(f"{answer.attempt_id}:{answer.position}").shuffle(options)  # noqa: S311
        front = dataclasses.replace(front, options=options)
    return dataclasses.asdict(front)


def _feedback(answer: AttemptAnswer) -> dict:
    question = answer.question.as_of(answer.question_version)
    card = question_types.flashcard(question)
    return {
        "score": answer.score,
        "points_earned": answer.points_earned,
        "answer": card.answer_items or card.answer,
        "also_accepted": card.also_accepted,
        "explanation": card.explanation,
        "sentence": question.sentence,
        "article": answer.question.article_id,
        "sentence_start": question.start,
    }


def attempt_body(attempt: Attempt, now) -> dict:
    finished = attempt.is_finished(now)
    shown = attempt.quiz.answers_shown(submitted=finished, now=now)
    questions = []
    for answer in attempt.answers.select_related("question"):
        item = {
            "question_id": answer.question_id,
            "position": answer.position,
            "points": answer.points,
            "front": _front(answer),
            "response": answer.response,
            "saved_at": answer.saved_at,
        }
        checked = answer.checked_at is not None
        if shown or (checked and attempt.quiz.review_policy == Quiz.ReviewPolicy.IMMEDIATELY):
            item["feedback"] = _feedback(answer)
        questions.append(item)
    return {
        "id": attempt.pk,
        "quiz": attempt.quiz_id,
        "number": attempt.number,
        "started_at": attempt.started_at,
        "deadline": attempt.deadline,
        "seconds_left": None if finished else attempt.seconds_left(now),
        "submitted_at": attempt.finished_at(now),
        "score": attempt.score if finished else None,
        "max_score": attempt.max_score,
        "answers_shown": shown,
        "questions": questions,
    }


@extend_schema_serializer(
    examples=[
        OpenApiExample("Typed or picked", value={"response": "Vladivostok"}),
        OpenApiExample("True or false", value={"response": True}),
        OpenApiExample("Items in order", value={"response": ["First", "Second", "Third"]}),
        OpenApiExample("Matching", value={"response": {"Kim Jong Un": "North Korea"}}),
        OpenApiExample("Clear the answer", value={"response": None}),
    ]
)
class AnswerIn(serializers.Serializer):
    response = serializers.JSONField(
        allow_null=True,
        help_text="Text, an option, true/false, the items in order, or {left: right}; null clears",
    )


class FeedbackOut(serializers.Serializer):
    """A question's result: only when the quiz's review policy allows."""

    score = serializers.FloatField(allow_null=True, help_text="0 to 1; null while not graded")
    points_earned = serializers.FloatField(allow_null=True)
    answer = serializers.JSONField(help_text="The right answer: text, or the items in order")
    also_accepted = serializers.ListField(child=serializers.CharField())
    explanation = serializers.CharField(allow_blank=True)
    sentence = serializers.CharField(help_text="The article's sentence the question comes from")
    article = serializers.IntegerField()
    sentence_start = serializers.IntegerField(help_text="Where the sentence starts in the text")


class AttemptQuestionOut(serializers.Serializer):
    question_id = serializers.IntegerField()
    position = serializers.IntegerField()
    points = serializers.FloatField()
    front = FrontOut()
    response = serializers.JSONField(allow_null=True, help_text="The answer saved, if any")
    saved_at = serializers.DateTimeField(allow_null=True)
    feedback = FeedbackOut(required=False)


class AttemptOut(serializers.Serializer):
    """An attempt: its questions' fronts and the answers saved; `feedback` on a question and the
    score only as the quiz's review policy allows."""

    id = serializers.IntegerField()
    quiz = serializers.IntegerField()
    number = serializers.IntegerField()
    started_at = serializers.DateTimeField()
    deadline = serializers.DateTimeField(allow_null=True)
    seconds_left = serializers.IntegerField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)
    score = serializers.FloatField(allow_null=True)
    max_score = serializers.FloatField()
    answers_shown = serializers.BooleanField()
    questions = AttemptQuestionOut(many=True)


class Quizzes(ListAPIView):
    permission_classes = [CanStudy]
    serializer_class = QuizOut

    def get_queryset(self):
        return Quiz.objects.for_student(self.request.user).select_related("course")

    def get_serializer_context(self):
        used: dict[int, int] = {}
        for quiz_id in Attempt.objects.of(self.request.user).values_list("quiz_id", flat=True):
            used[quiz_id] = used.get(quiz_id, 0) + 1
        return {**super().get_serializer_context(), "used": used}

    @extend_schema(summary="Published quizzes of my courses, newest first")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class Attempts(APIView):
    permission_classes = [CanStudy]

    @extend_schema(
        request=None,
        responses={201: AttemptOut, 200: AttemptOut},
        summary="Start an attempt (or get the one in progress)",
    )
    def post(self, request, pk: int):
        quiz = get_object_or_404(Quiz.objects.for_student(request.user), pk=pk)
        now = timezone.now()
        attempt = attempt_start(student=request.user, quiz=quiz, now=now)
        # Made by this call if it started now: a start that waited for a twin's lock gets the
        # twin's attempt, started a moment before.
        created = attempt.started_at == now
        answer = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(attempt_body(attempt, now), status=answer)


def _attempt(request, pk: int) -> Attempt:
    attempts = Attempt.objects.of(request.user).select_related("quiz")
    return get_object_or_404(attempts, pk=pk)


class AttemptDetail(APIView):
    permission_classes = [CanStudy]

    @extend_schema(responses=AttemptOut, summary="An attempt, with results as the policy allows")
    def get(self, request, pk: int):
        attempt = _attempt(request, pk)
        now = timezone.now()
        attempts_close_overdue(now=now, quiz=attempt.quiz, student=request.user)
        attempt.refresh_from_db()
        return Response(attempt_body(attempt, now))


class Answer(APIView):
    permission_classes = [CanStudy]

    @extend_schema(
        request=AnswerIn,
        responses=AttemptOut,
        summary="Save the answer to one question (the same twice is one save)",
    )
    def put(self, request, pk: int, question_id: int):
        attempt = _attempt(request, pk)
        answer = get_object_or_404(attempt.answers, question_id=question_id)
        data = AnswerIn(data=request.data)
        data.is_valid(raise_exception=True)
        now = timezone.now()
        attempt_answer_save(
            student=request.user,
            attempt=attempt,
            position=answer.position,
            response=data.validated_data["response"],
            now=now,
        )
        return Response(attempt_body(attempt, now))


class Submit(APIView):
    permission_classes = [CanStudy]

    @extend_schema(
        request=None,
        responses=AttemptOut,
        summary="Submit the attempt (a second submit changes nothing: 400)",
    )
    def post(self, request, pk: int):
        attempt = _attempt(request, pk)
        now = timezone.now()
        submitted = attempt_submit(student=request.user, attempt=attempt, now=now)
        return Response(attempt_body(submitted, now))

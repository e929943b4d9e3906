"""Reviewing from an app: the cards to study (fronts only), a card's back once asked for, one
review, and a batch of reviews made offline.

The due list carries what a client needs to show each card's front and to schedule offline
(state, due, stability, difficulty), never the answer; `GET /cards/{id}/` gives the back."""

import dataclasses
import datetime as dt

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_serializer,
)
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.api.errors import Conflict
from learning.api.permissions import CanStudy
from learning.api.schema import CONFLICT, error_response
from learning.models import Card
from learning.services import LearningError, cards_for_review
from learning.services.sync import Outcome, ReviewInput, reviews_sync
from quizzes import question_types
from quizzes.api.conditional import ETAG, IF_NONE_MATCH, NOT_MODIFIED, etagged
from quizzes.api.serializers import ArticleRefOut, FrontOut

MAX_BATCH = 500
MAX_DUE = 100


def card_state(card: Card) -> dict:
    return {
        "id": card.pk,
        "state": card.state_label.lower(),
        "due": card.due,
        "last_review": card.last_review,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "reps": card.reps,
        "lapses": card.lapses,
        "suspended": card.suspended,
    }


def card_front(card: Card) -> dict:
    question = card.question
    front = question_types.flashcard(question).front()
    return card_state(card) | {
        "question": {"id": question.pk, "version": question.version, **dataclasses.asdict(front)},
        "article": {"id": question.article_id, "title": question.article.title},
    }


def card_back(request, card: Card) -> dict:
    question = card.question
    back = question_types.flashcard(question)
    link = reverse("learning:study_article", args=[question.article_id])
    return card_front(card) | {
        "answer": back.answer_items or back.answer,
        "tolerance": back.tolerance,
        "also_accepted": back.also_accepted,
        "explanation": back.explanation,
        "sentence": question.sentence,
        "sentence_url": request.build_absolute_uri(f"{link}#s-{question.start}"),
    }


class CardStateOut(serializers.Serializer):
    """A card's scheduling state (FSRS)."""

    id = serializers.IntegerField()
    state = serializers.ChoiceField(choices=["new", "learning", "review", "relearning"])
    due = serializers.DateTimeField()
    last_review = serializers.DateTimeField(allow_null=True)
    stability = serializers.FloatField(allow_null=True)
    difficulty = serializers.FloatField(allow_null=True)
    reps = serializers.IntegerField()
    lapses = serializers.IntegerField()
    suspended = serializers.BooleanField()


class CardQuestionOut(FrontOut):
    id = serializers.IntegerField()
    version = serializers.IntegerField()


class CardOut(CardStateOut):
    """A card: its scheduling state, and its question's front (type, prompt, options...)."""

    question = CardQuestionOut()
    article = ArticleRefOut()


class CardBackOut(CardOut):
    answer = serializers.JSONField()
    tolerance = serializers.CharField(allow_blank=True)
    also_accepted = serializers.ListField(child=serializers.CharField())
    explanation = serializers.CharField(allow_blank=True)
    sentence = serializers.CharField()
    sentence_url = serializers.URLField()


class DueOut(serializers.Serializer):
    cards = CardOut(many=True)


class DeviceTime(serializers.DateTimeField):
    """A time as the device gives it: ISO 8601 with its offset. DRF would read a time without
    one as UTC, which for most devices is a different moment."""

    default_error_messages = {"naive": "Give the time with its offset (ISO 8601)."}

    def to_internal_value(self, value):
        if isinstance(value, str):
            try:
                parsed = parse_datetime(value.strip())
            except ValueError:  # well formed, but no such time ("12:99"): DRF's own message
                parsed = None
            if parsed is not None and parsed.tzinfo is None:
                self.fail("naive")
        return super().to_internal_value(value)


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "A review",
            value={"id": "6f1c2b9e-3a7d-4c1e-9b8a-2d5e7f0a1c3b", "card": 42, "rating": 3,
                   "reviewed_at": "2026-11-30T08:15:00+01:00", "duration": 7.5,
                   "response": "April 25"},
        )
    ]
)  # fmt: skip
class ReviewIn(serializers.Serializer):
    id = serializers.UUIDField(help_text="Chosen by the client; the same id twice is one review")
    card = serializers.IntegerField(min_value=1)
    rating = serializers.IntegerField(min_value=1, max_value=4, help_text="1 Again ... 4 Easy")
    reviewed_at = DeviceTime(help_text="When it happened on the device, with offset")
    duration = serializers.FloatField(min_value=0, max_value=86_400, help_text="Seconds")
    response = serializers.CharField(required=False, default="", allow_blank=True, max_length=500,
                                     help_text="What the student typed or picked")  # fmt: skip


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Two reviews made offline",
            value={"reviews": [
                {"id": "0b2e4a8e-3f1c-4f53-9a59-0d6c1b2a3c4d", "card": 42, "rating": 1,
                 "reviewed_at": "2026-11-29T21:02:11+01:00", "duration": 12},
                {"id": "a4d1f9c2-7e3b-4b6a-8c5d-1e2f3a4b5c6d", "card": 42, "rating": 3,
                 "reviewed_at": "2026-11-29T21:09:40+01:00", "duration": 4},
            ]},
        )
    ]
)  # fmt: skip
class SyncIn(serializers.Serializer):
    reviews = ReviewIn(many=True, allow_empty=False, max_length=MAX_BATCH)


class ReviewOutcomeOut(serializers.Serializer):
    id = serializers.UUIDField()
    card = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=[o.value for o in Outcome])
    code = serializers.CharField(allow_blank=True)
    reason = serializers.CharField(allow_blank=True)


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "One stored, one sent before, one refused",
            value={
                "reviews": [
                    {"id": "0b2e4a8e-3f1c-4f53-9a59-0d6c1b2a3c4d", "card": 42,
                     "outcome": "created", "code": "", "reason": ""},
                    {"id": "a4d1f9c2-7e3b-4b6a-8c5d-1e2f3a4b5c6d", "card": 42,
                     "outcome": "duplicate", "code": "", "reason": ""},
                    {"id": "c0ffee00-1111-4222-8333-444455556666", "card": 7,
                     "outcome": "rejected", "code": "withdrawn",
                     "reason": "This question was withdrawn by the instructor; the review "
                               "was not recorded."},
                ],
                "cards": [
                    {"id": 42, "state": "review", "due": "2026-12-03T20:09:40Z",
                     "last_review": "2026-11-29T20:09:40Z", "stability": 3.17,
                     "difficulty": 5.28, "reps": 2, "lapses": 0, "suspended": False},
                ],
            },
        )
    ]
)  # fmt: skip
class SyncOut(serializers.Serializer):
    reviews = ReviewOutcomeOut(many=True)
    cards = CardStateOut(many=True, help_text="The states now of the cards reviewed")


def _input(data: dict) -> ReviewInput:
    return ReviewInput(
        id=data["id"],
        card_id=data["card"],
        rating=data["rating"],
        reviewed_at=data["reviewed_at"],
        duration=dt.timedelta(seconds=data["duration"]),
        response=data["response"],
    )


class Due(APIView):
    permission_classes = [CanStudy]

    @extend_schema(
        parameters=[
            OpenApiParameter("limit", OpenApiTypes.INT, description=f"1 to {MAX_DUE}"),
            IF_NONE_MATCH,
            ETAG,
        ],
        responses={200: DueOut, 304: NOT_MODIFIED},
        summary="Cards to study now: due ones first, then new ones as today's limit allows",
    )
    def get(self, request):
        raw = request.query_params.get("limit", "20")
        limit = min(max(int(raw), 1), MAX_DUE) if raw.isascii() and raw.isdigit() else 20
        cards = cards_for_review(student=request.user, now=timezone.now(), limit=limit)
        return etagged(request, DueOut({"cards": [card_front(card) for card in cards]}).data)


class CardDetail(APIView):
    permission_classes = [CanStudy]

    @extend_schema(responses=CardBackOut, summary="A card's back: its answer and source")
    def get(self, request, pk: int):
        cards = Card.objects.of(request.user).in_current_courses(request.user)
        card = get_object_or_404(cards.select_related("question__article"), pk=pk)
        return Response(CardBackOut(card_back(request, card)).data)


class Reviews(APIView):
    permission_classes = [CanStudy]

    @extend_schema(
        request=ReviewIn,
        responses={
            201: CardOut,
            200: CardOut,
            422: error_response("This id was sent before with a different review", CONFLICT),
        },
        summary="Record one review; the same id again returns the stored result (200)",
    )
    def post(self, request):
        data = ReviewIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        result = reviews_sync(student=request.user, reviews=[_input(values)], now=timezone.now())
        outcome = result.reviews[0]
        if outcome.outcome == Outcome.CONFLICT:
            raise Conflict(outcome.reason)
        if outcome.outcome == Outcome.REJECTED:
            if outcome.code == "not_your_card":
                raise LearningError("There is no such card of yours.")
            raise LearningError(outcome.reason)
        # The card as the service left it, with its question and its article's title.
        card = next(card for card in result.cards if card.pk == outcome.card_id)
        created = outcome.outcome == Outcome.CREATED
        return Response(card_front(card), status=201 if created else 200)


class Sync(APIView):
    permission_classes = [CanStudy]

    @extend_schema(
        request=SyncIn,
        responses=SyncOut,
        summary="Reviews made offline, in any order: each one's outcome, and the cards' states",
    )
    def post(self, request):
        data = SyncIn(data=request.data)
        data.is_valid(raise_exception=True)
        inputs = [_input(item) for item in data.validated_data["reviews"]]
        result = reviews_sync(student=request.user, reviews=inputs, now=timezone.now())
        body = {
            "reviews": [
                {"id": o.id, "card": o.card_id, "outcome": o.outcome.value, "code": o.code,
                 "reason": o.reason}
                for o in result.reviews
            ],
            "cards": [card_state(card) for card in result.cards],
        }  # fmt: skip
        return Response(SyncOut(body).data, status=status.HTTP_200_OK)

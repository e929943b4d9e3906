"""The content side's API shapes: separate input and output serializers, no rules in them."""

from django.conf import settings
from drf_spectacular.utils import OpenApiExample, extend_schema_serializer
from rest_framework import serializers

from quizzes.models import Article, Fact, Question, QuestionVersion
from quizzes.services import QuestionContent


class ArticleOut(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "outlet", "byline", "url", "published", "created_at"]


class FactOut(serializers.ModelSerializer):
    class Meta:
        model = Fact
        fields = ["id", "kind", "text", "value", "sentence", "start", "end"]


class ArticleDetailOut(ArticleOut):
    facts = FactOut(many=True, source="facts.current", help_text="Those of its current text")

    class Meta(ArticleOut.Meta):
        fields = [*ArticleOut.Meta.fields, "text", "facts"]


class ArticleRefOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class FrontOut(serializers.Serializer):
    """A question's front: what a student sees before answering. Never its answer."""

    type = serializers.ChoiceField(choices=Question.Type.choices)
    prompt = serializers.CharField()
    instruction = serializers.CharField(allow_blank=True, help_text="How to answer, for people")
    options = serializers.ListField(
        child=serializers.CharField(), help_text="The options to pick from, or the items to order"
    )
    left = serializers.ListField(child=serializers.CharField(), help_text="Matching: the items")
    right = serializers.ListField(
        child=serializers.CharField(), help_text="Matching: what each item is matched to"
    )
    typed = serializers.BooleanField(help_text="The answer is typed (text or a number)")
    picks = serializers.BooleanField(help_text="The answer is one of `options` (true/false too)")
    ordered = serializers.BooleanField(help_text="The answer is all of `options`, in order")


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "A pasted article",
            value={
                "text": "Kim and Putin meet in Vladivostok\n\nNorth Korean leader Kim Jong Un "
                "arrived in Vladivostok on Wednesday for the April 25 summit...",
                "outlet": "Example News",
                "url": "https://news.example/kim-putin-summit",
                "published": "2019-04-24",
                "course": 3,
            },
        )
    ]
)
class ArticleIn(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False)
    title = serializers.CharField(max_length=300, required=False, default="")
    outlet = serializers.CharField(max_length=200, required=False, default="")
    url = serializers.URLField(max_length=500, required=False, default="")
    published = serializers.DateField(required=False, default=None)
    course = serializers.IntegerField(required=False, default=None, help_text="A course of yours")

    def validate_text(self, text: str) -> str:
        # The same limit as the upload page's, told the same way.
        if len(text.encode("utf-8")) > settings.ARTICLE_MAX_BYTES:
            raise serializers.ValidationError(
                f"The article is longer than the limit of {settings.ARTICLE_MAX_BYTES:,} bytes."
            )
        if "\x00" in text:
            raise serializers.ValidationError("The text contains NUL characters: is it binary?")
        return text


class ImportOut(serializers.Serializer):
    outcome = serializers.CharField(help_text="created, updated or unchanged")
    facts_added = serializers.IntegerField()
    questions_added = serializers.IntegerField()
    article = ArticleDetailOut()


class QuestionOut(serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = [
            "id", "article", "type", "prompt", "answer", "accepted", "choices", "tolerance",
            "explanation", "sentence", "start", "end", "score", "rank", "status", "origin",
            "version", "created_at",
        ]  # fmt: skip


class QuestionVersionOut(serializers.ModelSerializer):
    class Meta:
        model = QuestionVersion
        fields = ["number", "type", "prompt", "answer", "accepted", "choices", "tolerance",
                  "explanation", "sentence", "start", "end", "authored_at"]  # fmt: skip


class QuestionDetailOut(QuestionOut):
    versions = QuestionVersionOut(many=True, read_only=True)
    flags = serializers.SerializerMethodField()

    class Meta(QuestionOut.Meta):
        fields = [*QuestionOut.Meta.fields, "versions", "flags"]

    def get_flags(self, question) -> list[dict]:
        return [
            {"reason": flag.reason, "detail": flag.detail, "quiz": flag.quiz_id}
            for flag in question.flags.all()
        ]


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "A numeric question with a tolerance",
            value={"type": "numeric", "prompt": "What share of North Korea's foreign trade is "
                   "now sanctioned, in per cent?", "answer": 95, "tolerance": 2,
                   "sentence_start": 310, "explanation": "Almost 95%, the article says."},
        )
    ]
)  # fmt: skip
class QuestionContentIn(serializers.Serializer):
    """A question as its author writes it; the type's rules are checked by the service."""

    type = serializers.ChoiceField(choices=Question.Type.choices)
    prompt = serializers.CharField(max_length=2000)
    answer = serializers.JSONField(
        help_text="A string, a number, true/false, the items in order, or [left, right] pairs"
    )
    accepted = serializers.ListField(child=serializers.CharField(max_length=500), required=False,
                                     default=list, max_length=50)  # fmt: skip
    choices = serializers.ListField(child=serializers.JSONField(), required=False, default=list,
                                    max_length=50)  # fmt: skip
    tolerance = serializers.FloatField(required=False, default=None, allow_null=True, min_value=0)
    explanation = serializers.CharField(max_length=5000, required=False, default="",
                                        allow_blank=True)  # fmt: skip
    sentence_start = serializers.IntegerField(
        min_value=0, help_text="Where the source sentence starts in the article's text"
    )

    def content(self) -> QuestionContent:
        return QuestionContent(**self.validated_data)


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "A short answer",
            value={"article": 12, "type": "short_answer",
                   "prompt": "In which city did Kim and Putin meet?", "answer": "Vladivostok",
                   "accepted": ["Vladivostok, Russia"], "sentence_start": 0,
                   "explanation": "The summit was held on Russky Island, off Vladivostok."},
        ),
        OpenApiExample(
            "Multiple choice",
            value={"article": 12, "type": "multiple_choice",
                   "prompt": "Who travelled to Russia by armoured train?", "answer": "Kim Jong Un",
                   "choices": ["Kim Jong Un", "Moon Jae-in", "Shinzo Abe"], "sentence_start": 120},
        ),
    ]
)  # fmt: skip
class QuestionCreateIn(QuestionContentIn):
    article = serializers.IntegerField()

    def content(self) -> QuestionContent:
        values = dict(self.validated_data)
        values.pop("article")
        return QuestionContent(**values)

"""The content side's API shapes: separate input and output serializers, no rules in them."""

from django.conf import settings
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
    facts = serializers.SerializerMethodField()

    class Meta(ArticleOut.Meta):
        fields = [*ArticleOut.Meta.fields, "text", "facts"]

    def get_facts(self, article) -> list[dict]:
        return FactOut(article.facts.current(), many=True).data


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


class QuestionCreateIn(QuestionContentIn):
    article = serializers.IntegerField()

    def content(self) -> QuestionContent:
        values = dict(self.validated_data)
        values.pop("article")
        return QuestionContent(**values)

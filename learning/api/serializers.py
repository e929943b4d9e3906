"""The study side's API shapes: separate input and output serializers, no rules in them."""

from drf_spectacular.utils import OpenApiExample, extend_schema_serializer
from rest_framework import serializers

from learning.models import User
from learning.scheduling import MAX_DESIRED_RETENTION, MAX_NEW_CARDS_PER_DAY, MIN_DESIRED_RETENTION
from quizzes.models import Course


class MeOut(serializers.ModelSerializer):
    role = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "username", "email", "role", "time_zone", "desired_retention",
                  "new_cards_per_day"]  # fmt: skip

    def get_role(self, user) -> str:
        if user.is_instructor:
            return "instructor"
        return "student" if user.is_student else "none"


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Change some settings",
            value={"time_zone": "Europe/Paris", "desired_retention": 0.9, "new_cards_per_day": 15},
        )
    ]
)
class SettingsIn(serializers.Serializer):
    time_zone = serializers.CharField(max_length=64, required=False)
    desired_retention = serializers.FloatField(
        min_value=MIN_DESIRED_RETENTION, max_value=MAX_DESIRED_RETENTION, required=False
    )
    new_cards_per_day = serializers.IntegerField(
        min_value=0, max_value=MAX_NEW_CARDS_PER_DAY, required=False
    )


class CourseOut(serializers.ModelSerializer):
    instructor = serializers.CharField(source="instructor.username")
    articles = serializers.SerializerMethodField()

    class Meta:
        model = Course
        fields = ["id", "title", "description", "instructor", "articles"]

    def get_articles(self, course) -> list[dict]:
        return [{"id": article.pk, "title": article.title} for article in course.articles.all()]


@extend_schema_serializer(examples=[OpenApiExample("A join code", value={"code": "NKRUSSIA"})])
class JoinIn(serializers.Serializer):
    code = serializers.CharField(max_length=40)

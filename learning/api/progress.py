"""A student's progress: the figures of the progress page, as data."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.api.permissions import CanStudy
from learning.progress import student_progress
from learning.services import cards_unbury


class DayCount(serializers.Serializer):
    day = serializers.DateField()
    count = serializers.IntegerField()


class MasteryOut(serializers.Serializer):
    article = serializers.IntegerField()
    title = serializers.CharField()
    questions = serializers.IntegerField()
    seen = serializers.IntegerField()
    mature = serializers.IntegerField()
    percent = serializers.IntegerField()


class ProgressOut(serializers.Serializer):
    due_today = serializers.IntegerField()
    new_left_today = serializers.IntegerField()
    retention = serializers.FloatField(allow_null=True, help_text="True retention, 30 days")
    reviews_per_day = DayCount(many=True)
    states = serializers.DictField(child=serializers.IntegerField())
    forecast = DayCount(many=True)
    mastery = MasteryOut(many=True)


class Progress(APIView):
    permission_classes = [CanStudy]

    @extend_schema(responses=ProgressOut, summary="My progress (the progress page's figures)")
    def get(self, request):
        now = timezone.now()
        cards_unbury(student=request.user, now=now)
        data = student_progress(request.user, now)
        body = {
            "due_today": data.due_today,
            "new_left_today": data.new_left_today,
            "retention": data.retention,
            "reviews_per_day": [{"day": d, "count": n} for d, n in data.reviews_per_day],
            "states": data.states,
            "forecast": [{"day": d, "count": n} for d, n in data.forecast],
            "mastery": [
                {
                    "article": m.article.pk,
                    "title": m.article.title,
                    "questions": m.questions,
                    "seen": m.seen,
                    "mature": m.mature,
                    "percent": m.percent,
                }
                for m in data.mastery
            ],
        }
        return Response(ProgressOut(body).data)

"""Instructors' reports through the API: a course's students and quizzes, and a quiz's results
per student with its item analysis. The same reads as the /teach/ pages."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.item_analysis import MIN_ATTEMPTS, item_statistics
from learning.results import course_quiz_summaries, quiz_results, reported_quiz
from learning.roster import course_roster
from quizzes.models import Course
from quizzes.permissions import CanTeach


class RosterRowOut(serializers.Serializer):
    student_id = serializers.IntegerField(source="student.pk")
    student = serializers.CharField(source="student.username")
    joined_at = serializers.DateTimeField(source="enrolled_at")
    reviews = serializers.IntegerField(source="review_count", help_text="On the course's articles")
    last_activity = serializers.DateTimeField(allow_null=True, help_text="Their latest review")


class QuizSummaryOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)
    opens_at = serializers.DateTimeField(allow_null=True)
    closes_at = serializers.DateTimeField(allow_null=True)
    students_finished = serializers.IntegerField()
    mean_score = serializers.FloatField(
        allow_null=True, help_text="Share of the points on each student's first finished attempt"
    )


class CourseReportOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    join_code = serializers.CharField()
    students = RosterRowOut(many=True)
    quizzes = QuizSummaryOut(many=True)


class StudentResultOut(serializers.Serializer):
    student_id = serializers.IntegerField(source="student.pk")
    student = serializers.CharField(source="student.username")
    attempts = serializers.IntegerField()
    in_progress = serializers.BooleanField()
    best_score = serializers.FloatField(source="best.score", allow_null=True, default=None)
    last_score = serializers.FloatField(source="last.score", allow_null=True, default=None)
    max_score = serializers.FloatField(source="last.max_score", allow_null=True, default=None)
    last_seconds_taken = serializers.SerializerMethodField()

    def get_last_seconds_taken(self, row) -> int | None:
        return int(row.time_taken.total_seconds()) if row.time_taken else None


class PickOut(serializers.Serializer):
    option = serializers.CharField()
    picked = serializers.IntegerField()


class FlagOut(serializers.Serializer):
    reason = serializers.CharField()
    detail = serializers.CharField()


class ItemOut(serializers.Serializer):
    question_id = serializers.IntegerField(source="question.pk")
    type = serializers.CharField(source="question.type")
    prompt = serializers.CharField(source="question.prompt")
    attempts = serializers.IntegerField()
    facility = serializers.FloatField(allow_null=True, help_text="Mean share of points, 0 to 1")
    discrimination = serializers.FloatField(
        allow_null=True, help_text="Correlation with the rest of the attempt, -1 to 1"
    )
    picks = serializers.SerializerMethodField()
    flags = serializers.SerializerMethodField()

    @extend_schema_field(PickOut(many=True))
    def get_picks(self, item) -> list[dict]:
        return [{"option": option, "picked": n} for option, n in item.picks.items()]

    @extend_schema_field(FlagOut(many=True))
    def get_flags(self, item) -> list[dict]:
        return [{"reason": reason, "detail": detail} for reason, detail in item.flags]


class QuizReportOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    course = serializers.IntegerField(source="course_id")
    results = StudentResultOut(many=True)
    items = ItemOut(many=True, help_text="Over each student's first finished attempt")
    min_attempts = serializers.IntegerField(help_text="Attempts needed before items are flagged")


class CourseReport(APIView):
    permission_classes = [CanTeach]

    @extend_schema(responses=CourseReportOut, summary="A course of yours: students and quizzes")
    def get(self, request, pk: int):
        course = get_object_or_404(Course.objects.editable_by(request.user), pk=pk)
        body = {
            "id": course.pk,
            "title": course.title,
            "join_code": course.join_code,
            "students": course_roster(course),
            "quizzes": course_quiz_summaries(course, timezone.now()),
        }
        return Response(CourseReportOut(body).data)


class QuizReport(APIView):
    permission_classes = [CanTeach]

    @extend_schema(
        responses=QuizReportOut,
        summary="A quiz of yours: results per student, and the item analysis",
    )
    def get(self, request, pk: int):
        now = timezone.now()
        quiz = reported_quiz(instructor=request.user, pk=pk, now=now)
        body = {
            "id": quiz.pk,
            "title": quiz.title,
            "course_id": quiz.course_id,
            "results": quiz_results(quiz, now),
            "items": item_statistics(quiz, now),
            "min_attempts": MIN_ATTEMPTS,
        }
        return Response(QuizReportOut(body).data)

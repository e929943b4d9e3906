"""Courses as an app sees them: a student's (joining with a code, leaving), an instructor's."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from learning.api.permissions import CanStudy
from learning.api.serializers import CourseOut, JoinIn
from quizzes.api.pagination import ByTitle
from quizzes.models import Course
from quizzes.permissions import can_teach
from quizzes.services import course_join, course_leave


class Courses(ListAPIView):
    serializer_class = CourseOut
    pagination_class = ByTitle

    def get_queryset(self):
        user = self.request.user
        courses = (
            Course.objects.editable_by(user) if can_teach(user) else Course.objects.studied_by(user)
        )
        return courses.select_related("instructor").prefetch_related("articles")

    @extend_schema(summary="My courses: those a student is in, or those an instructor teaches")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class Join(APIView):
    permission_classes = [CanStudy]

    @extend_schema(
        request=JoinIn,
        responses={201: CourseOut, 200: CourseOut},
        summary="Join a course with its code (again: nothing changes)",
    )
    def post(self, request):
        data = JoinIn(data=request.data)
        data.is_valid(raise_exception=True)
        already = set(Course.objects.studied_by(request.user).values_list("pk", flat=True))
        course = course_join(student=request.user, code=data.validated_data["code"]).course
        answer = status.HTTP_200_OK if course.pk in already else status.HTTP_201_CREATED
        return Response(CourseOut(course).data, status=answer)


class Leave(APIView):
    permission_classes = [CanStudy]

    @extend_schema(
        request=None,
        responses={204: None},
        summary="Leave a course: its cards leave the queue, kept for a return",
    )
    def post(self, request, pk: int):
        course = get_object_or_404(Course.objects.studied_by(request.user), pk=pk)
        course_leave(course=course, student=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

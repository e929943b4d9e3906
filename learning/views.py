from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required, permission_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from learning.forms import SignUpForm
from learning.roles import STUDY_PERMISSION
from learning.services import LearningError, student_sign_up
from quizzes.models import Course


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return redirect("login")
    if user.is_instructor:
        return redirect("quizzes:teach_home")
    if user.is_student:
        return redirect("learning:study_home")
    return render(request, "learning/no_role.html")


def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = student_sign_up(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
            )
        except LearningError as error:
            form.add_error(None, str(error))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome, {user.username}! Your student account is ready.")
            return redirect("home")
    return render(request, "registration/signup.html", {"form": form})


@login_required
@permission_required(STUDY_PERMISSION, raise_exception=True)
def study_home(request: HttpRequest) -> HttpResponse:
    courses = Course.objects.studied_by(request.user).select_related("instructor")
    courses = courses.prefetch_related("articles")
    return render(request, "learning/study_home.html", {"courses": courses})


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except (DatabaseError, OSError):
        return JsonResponse({"database": "unavailable"}, status=503)
    return JsonResponse({"database": "ok"})

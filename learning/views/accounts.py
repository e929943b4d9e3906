from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from learning.forms import SignUpForm
from learning.login_protection import client_ip
from learning.permission_backend import BACKEND_PATH
from learning.services import LearningError, student_sign_up


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return redirect("login")
    if user.is_instructor:
        return redirect("quizzes:teach_home")
    if user.is_student:
        return redirect("learning:study_home")
    return render(request, "learning/no_role.html")


@require_http_methods(["GET", "HEAD", "POST"])
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
                ip_address=client_ip(request),
            )
        except LearningError as error:
            form.add_error(None, str(error))
        else:
            login(request, user, backend=BACKEND_PATH)
            messages.success(request, f"Welcome, {user.username}! Your student account is ready.")
            return redirect(_next_page(request) or "home")
    return render(request, "registration/signup.html", {"form": form, "next": _next_page(request)})


def _next_page(request: HttpRequest) -> str:
    """Where to land after signing up (a join link, say), if it is a page of this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else ""

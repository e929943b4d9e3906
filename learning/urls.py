from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from learning import views

study_patterns = (
    [path("", views.study_home, name="study_home")],
    "learning",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/signup/", views.sign_up, name="signup"),
    path("study/", include(study_patterns)),
    path("teach/", include("quizzes.urls")),
    path("admin/", admin.site.urls),
]

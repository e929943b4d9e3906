from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from learning import health, views

learning_patterns = (
    [
        path("study/", views.study_home, name="study_home"),
        path("study/settings/", views.study_settings, name="study_settings"),
        path("study/articles/<int:pk>/", views.study_article, name="study_article"),
        path("study/leeches/", views.leeches, name="leeches"),
        path("review/", views.review, name="review"),
        path("review/cards/<int:pk>/answer/", views.review_answer, name="review_answer"),
        path("review/cards/<int:pk>/grade/", views.review_grade, name="review_grade"),
        path("progress/", views.progress, name="progress"),
        # The instructor's view of their students' leeches; the rest of /teach/ is quizzes'.
        path("teach/leeches/", views.teach_leeches, name="teach_leeches"),
    ],
    "learning",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/signup/", views.sign_up, name="signup"),
    path("", include(learning_patterns)),
    path("teach/", include("quizzes.urls")),
    path("admin/", admin.site.urls),
]

# While static files are not collected every page fails; the handler says why (see health.py).
handler500 = "learning.health.server_error"

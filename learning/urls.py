from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from learning import health
from learning.views import accounts, courses, quizzes, results, review, study, teach

learning_patterns = (
    [
        path("study/", study.study_home, name="study_home"),
        path("study/settings/", study.study_settings, name="study_settings"),
        path("study/articles/<int:pk>/", study.study_article, name="study_article"),
        path("study/leeches/", study.leeches, name="leeches"),
        path("study/join/", courses.join, name="join"),
        path("study/courses/<int:pk>/leave/", courses.leave, name="course_leave"),
        path("join/<str:code>/", courses.join_link, name="join_link"),
        path("study/quizzes/", quizzes.quiz_list, name="quiz_list"),
        path("study/quizzes/<int:pk>/", quizzes.quiz_page, name="quiz"),
        path("study/attempts/<int:pk>/", quizzes.attempt_page, name="attempt"),
        path(
            "study/attempts/<int:pk>/answers/<int:position>/",
            quizzes.attempt_answer,
            name="attempt_answer",
        ),
        path(
            "study/attempts/<int:pk>/answers/<int:position>/check/",
            quizzes.attempt_check,
            name="attempt_check",
        ),
        path("study/attempts/<int:pk>/submit/", quizzes.attempt_submit_view, name="attempt_submit"),
        path("study/attempts/<int:pk>/result/", quizzes.attempt_result, name="attempt_result"),
        path("review/", review.review, name="review"),
        path("review/cards/<int:pk>/answer/", review.review_answer, name="review_answer"),
        path("review/cards/<int:pk>/grade/", review.review_grade, name="review_grade"),
        path("progress/", study.progress, name="progress"),
        # The instructor's view of their students' leeches; the rest of /teach/ is quizzes'.
        path("teach/leeches/", teach.teach_leeches, name="teach_leeches"),
        path("teach/courses/<int:pk>/students/", teach.course_roster_view, name="course_roster"),
        path("teach/quizzes/<int:pk>/results/", results.quiz_results_view, name="quiz_results"),
        path(
            "teach/quizzes/<int:pk>/results.csv", results.quiz_results_csv, name="quiz_results_csv"
        ),
        path(
            "teach/quizzes/<int:pk>/results/<int:student_pk>/",
            results.quiz_student_view,
            name="quiz_student",
        ),
        path("teach/quizzes/<int:pk>/analysis/", results.quiz_analysis_view, name="quiz_analysis"),
        path(
            "teach/courses/<int:pk>/students/<int:student_pk>/remove/",
            teach.course_student_remove,
            name="course_student_remove",
        ),
    ],
    "learning",
)

urlpatterns = [
    path("", accounts.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/signup/", accounts.sign_up, name="signup"),
    path("", include(learning_patterns)),
    path("teach/", include("quizzes.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("learning.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    # The documentation pages draw their icons as data: images; ReDoc also styles itself with
    # <style> elements it writes at run time and searches in a blob: worker. Only these pages
    # allow those (scripts still come only from this site).
    path(
        "api/docs/",
        csp_update({"img-src": [SELF, "data:"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api_schema")
        ),
        name="api_docs",
    ),
    path(
        "api/redoc/",
        csp_update(
            {
                "style-src": [SELF, UNSAFE_INLINE],
                "img-src": [SELF, "data:"],
                "worker-src": [SELF, "blob:"],
            }
        )(SpectacularRedocView.as_view(url_name="api_schema")),
        name="api_redoc",
    ),
]

# While static files are not collected every page fails; the handler says why (see health.py).
handler500 = "learning.health.server_error"

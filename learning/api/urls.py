"""/api/v1/: the study side's routes and the content side's (`quizzes.api.urls`)."""

from django.urls import include, path, re_path

from learning.api import account, auth, courses, missing, progress, quizzes, reports, reviews

app_name = "api"
urlpatterns = [
    path("auth/token/", auth.TokenObtain.as_view(), name="token"),
    path("auth/token/refresh/", auth.TokenRefresh.as_view(), name="token_refresh"),
    path("auth/logout/", auth.Logout.as_view(), name="logout"),
    path("me/", account.Me.as_view(), name="me"),
    path("me/settings/", account.Settings.as_view(), name="settings"),
    path("courses/", courses.Courses.as_view(), name="courses"),
    path("courses/join/", courses.Join.as_view(), name="course_join"),
    path("courses/<int:pk>/leave/", courses.Leave.as_view(), name="course_leave"),
    path("courses/<int:pk>/report/", reports.CourseReport.as_view(), name="course_report"),
    path("quizzes/<int:pk>/report/", reports.QuizReport.as_view(), name="quiz_report"),
    path("progress/", progress.Progress.as_view(), name="progress"),
    path("reviews/due/", reviews.Due.as_view(), name="due"),
    path("reviews/", reviews.Reviews.as_view(), name="reviews"),
    path("reviews/sync/", reviews.Sync.as_view(), name="sync"),
    path("cards/<int:pk>/", reviews.CardDetail.as_view(), name="card"),
    path("quizzes/", quizzes.Quizzes.as_view(), name="quizzes"),
    path("quizzes/<int:pk>/attempts/", quizzes.Attempts.as_view(), name="attempts"),
    path("attempts/<int:pk>/", quizzes.AttemptDetail.as_view(), name="attempt"),
    path("attempts/<int:pk>/answers/<int:question_id>/", quizzes.Answer.as_view(), name="answer"),
    path("attempts/<int:pk>/submit/", quizzes.Submit.as_view(), name="submit"),
    path("", include("quizzes.api.urls")),
    # Last: any other path under /api/v1/ is the API's own JSON 404, not the site's page.
    re_path(r"^", missing.NoSuchOperation.as_view(), name="no_such_operation"),
]

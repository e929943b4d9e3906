from django.urls import path

from quizzes.api import articles, questions

urlpatterns = [
    path("articles/", articles.Articles.as_view(), name="articles"),
    path("articles/<int:pk>/", articles.ArticleDetail.as_view(), name="article"),
    path("questions/", questions.Questions.as_view(), name="questions"),
    path("questions/<int:pk>/", questions.QuestionDetail.as_view(), name="question"),
    path(
        "questions/<int:pk>/approve/",
        questions.QuestionApprove.as_view(),
        name="question_approve",
    ),
    path(
        "questions/<int:pk>/reject/",
        questions.QuestionReject.as_view(),
        name="question_reject",
    ),
]

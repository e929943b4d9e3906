from django.urls import path

from quizzes.api import articles, questions
from quizzes.models import Question

urlpatterns = [
    path("articles/", articles.Articles.as_view(), name="articles"),
    path("articles/<int:pk>/", articles.ArticleDetail.as_view(), name="article"),
    path("questions/", questions.Questions.as_view(), name="questions"),
    path("questions/<int:pk>/", questions.QuestionDetail.as_view(), name="question"),
    path(
        "questions/<int:pk>/approve/",
        questions.QuestionReview.as_view(status_value=Question.Status.APPROVED),
        name="question_approve",
    ),
    path(
        "questions/<int:pk>/reject/",
        questions.QuestionReview.as_view(status_value=Question.Status.REJECTED),
        name="question_reject",
    ),
]

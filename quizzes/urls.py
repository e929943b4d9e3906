from django.urls import path

from quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("", views.teach_home, name="teach_home"),
    path("articles/new/", views.article_new, name="article_new"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("questions/<int:pk>/review/", views.question_review_view, name="question_review"),
]

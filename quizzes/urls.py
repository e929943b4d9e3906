from django.urls import path

from quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("", views.teach_home, name="teach_home"),
]

from django.urls import path

from quizzes.views import articles, courses, exchange, questions, quizzes

app_name = "quizzes"
urlpatterns = [
    path("", articles.teach_home, name="teach_home"),
    path("articles/new/", articles.article_new, name="article_new"),
    path("articles/<int:pk>/", articles.article_detail, name="article_detail"),
    path(
        "articles/<int:pk>/questions/review/",
        articles.article_questions_review,
        name="article_questions_review",
    ),
    path(
        "articles/<int:pk>/questions/approve-best/",
        articles.article_approve_best_view,
        name="article_approve_best",
    ),
    path("articles/<int:pk>/questions/new/", questions.question_new, name="question_new"),
    path("articles/<int:pk>/courses/", articles.article_course_add, name="article_course_add"),
    path("articles/<int:pk>/export/<str:format>/", exchange.article_export, name="article_export"),
    path(
        "articles/<int:pk>/import-gift/", exchange.article_import_gift, name="article_import_gift"
    ),
    path("questions/<int:pk>/", questions.question_detail, name="question_detail"),
    path("questions/<int:pk>/edit/", questions.question_edit, name="question_edit"),
    path("questions/<int:pk>/review/", questions.question_review_view, name="question_review"),
    path("courses/", courses.course_list, name="course_list"),
    path("courses/new/", courses.course_new, name="course_new"),
    path("courses/<int:pk>/", courses.course_detail, name="course_detail"),
    path("courses/<int:pk>/edit/", courses.course_edit, name="course_edit"),
    path(
        "courses/<int:pk>/articles/", courses.course_articles_add_view, name="course_articles_add"
    ),
    path(
        "courses/<int:pk>/articles/<int:article_pk>/remove/",
        courses.course_article_remove_view,
        name="course_article_remove",
    ),
    path("courses/<int:pk>/code/", courses.course_code_regenerate_view, name="course_code"),
    path("courses/<int:pk>/archive/", courses.course_archive_view, name="course_archive"),
    path("courses/<int:pk>/export/<str:format>/", exchange.course_export, name="course_export"),
    path("courses/<int:pk>/quizzes/new/", quizzes.quiz_new, name="quiz_new"),
    path("quizzes/<int:pk>/", quizzes.quiz_detail, name="quiz_detail"),
    path("quizzes/<int:pk>/edit/", quizzes.quiz_edit, name="quiz_edit"),
    path("quizzes/<int:pk>/questions/", quizzes.quiz_questions_add_view, name="quiz_questions"),
    path("quizzes/<int:pk>/random/", quizzes.quiz_random_add_view, name="quiz_random"),
    path("quizzes/<int:pk>/publish/", quizzes.quiz_publish_view, name="quiz_publish"),
    path("quizzes/<int:pk>/delete/", quizzes.quiz_delete_view, name="quiz_delete"),
    path("quiz-slots/<int:pk>/", quizzes.quiz_slot_change, name="quiz_slot"),
]

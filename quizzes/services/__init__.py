"""Workflows of the content side. Importing articles lives in `quizzes.importing`."""

from quizzes.errors import ContentError
from quizzes.services.courses import (
    course_archive,
    course_article_remove,
    course_articles_add,
    course_code_regenerate,
    course_create,
    course_enroll,
    course_ensure,
    course_for_code,
    course_join,
    course_leave,
    course_update,
)
from quizzes.services.exchange import questions_import_gift
from quizzes.services.questions import (
    QuestionContent,
    article_approve_best,
    question_create,
    question_review,
    question_update,
    questions_review,
)
from quizzes.services.quizzes import (
    QuizSettings,
    quiz_create,
    quiz_delete,
    quiz_publish,
    quiz_questions_add,
    quiz_random_add,
    quiz_slot_move,
    quiz_slot_points,
    quiz_slot_remove,
    quiz_update,
)

__all__ = [
    "ContentError",
    "QuestionContent",
    "QuizSettings",
    "article_approve_best",
    "course_archive",
    "course_article_remove",
    "course_articles_add",
    "course_code_regenerate",
    "course_create",
    "course_enroll",
    "course_ensure",
    "course_for_code",
    "course_join",
    "course_leave",
    "course_update",
    "question_create",
    "question_review",
    "question_update",
    "questions_import_gift",
    "questions_review",
    "quiz_create",
    "quiz_delete",
    "quiz_publish",
    "quiz_questions_add",
    "quiz_random_add",
    "quiz_slot_move",
    "quiz_slot_points",
    "quiz_slot_remove",
    "quiz_update",
]

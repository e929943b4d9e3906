"""The content side's models: articles and facts, courses, questions and their versions."""

from quizzes.models.articles import Article, Fact
from quizzes.models.courses import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    Course,
    Enrollment,
    new_join_code,
    normalise_join_code,
)
from quizzes.models.questions import Question, QuestionFlag, QuestionVersion, reviewable_q
from quizzes.models.quizzes import Quiz, QuizSlot

__all__ = [
    "JOIN_CODE_ALPHABET",
    "JOIN_CODE_LENGTH",
    "Article",
    "Course",
    "Enrollment",
    "Fact",
    "Question",
    "QuestionFlag",
    "QuestionVersion",
    "Quiz",
    "QuizSlot",
    "new_join_code",
    "normalise_join_code",
    "reviewable_q",
]

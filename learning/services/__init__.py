"""Workflows of the study side: typed, keyword-only functions that views, commands and the API
share. Each raises LearningError with a message fit to show the user."""

from learning.errors import LearningError
from learning.services.accounts import instructor_create, student_sign_up, study_settings_update
from learning.services.attempts import (
    attempt_answer_check,
    attempt_answer_save,
    attempt_start,
    attempt_submit,
    attempts_close_overdue,
)
from learning.services.reviews import (
    cards_for_review,
    cards_unbury,
    response_grade,
    review_next,
    review_record,
)
from learning.services.sync import Outcome, ReviewInput, ReviewOutcome, SyncResult, reviews_sync

__all__ = [
    "LearningError",
    "Outcome",
    "ReviewInput",
    "ReviewOutcome",
    "SyncResult",
    "attempt_answer_check",
    "attempt_answer_save",
    "attempt_start",
    "attempt_submit",
    "attempts_close_overdue",
    "cards_for_review",
    "cards_unbury",
    "instructor_create",
    "response_grade",
    "review_next",
    "review_record",
    "reviews_sync",
    "student_sign_up",
    "study_settings_update",
]

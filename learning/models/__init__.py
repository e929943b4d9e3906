"""The study side's models: users, flashcards and their review log, quiz attempts."""

from learning.models.attempts import Attempt, AttemptAnswer
from learning.models.cards import AppendOnlyError, Card, Review
from learning.models.users import SignUp, User, validate_time_zone

__all__ = [
    "AppendOnlyError",
    "Attempt",
    "AttemptAnswer",
    "Card",
    "Review",
    "SignUp",
    "User",
    "validate_time_zone",
]

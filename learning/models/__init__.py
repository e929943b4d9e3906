"""The study side's models: users, flashcards and their review log, quiz attempts."""

from learning.models.cards import AppendOnlyError, Card, Review
from learning.models.users import SignUp, User, validate_time_zone

__all__ = ["AppendOnlyError", "Card", "Review", "SignUp", "User", "validate_time_zone"]

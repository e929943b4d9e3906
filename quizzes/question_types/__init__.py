"""Everything that depends on a question's type, in one place, in plain Python.

Each type says what makes a question of it valid, how a student's answer to it is graded
(leniently for typed text, within the tolerance for numbers, with partial credit for orderings
and matchings) and how it shows as a card. The model's choices, the generator's checks, the
study pages, quizzes, the editor, the exports and the API all ask this package, so adding a type
means adding one class here.
"""

from .arrangement import Matching, Ordering
from .base import Grade, QuestionType, ResponseError
from .choice import MultipleChoice, QuoteAttribution, TrueFalse
from .display import Flashcard, Front, answer_text, other_accepted
from .free_text import BLANK, Cloze, Numeric, ShortAnswer
from .text_matching import normalise, same_text

TYPES: dict[str, QuestionType] = {
    kind.name: kind
    for kind in (
        Cloze(),
        MultipleChoice(),
        TrueFalse(),
        Numeric(),
        ShortAnswer(),
        Ordering(),
        Matching(),
        QuoteAttribution(),
    )
}
# For the model field's `choices`.
CHOICES = [(kind.name, kind.label) for kind in TYPES.values()]
TYPED_TYPES = frozenset(name for name, kind in TYPES.items() if kind.typed)


class UnknownTypeError(ValueError):
    pass


def question_type(name: str) -> QuestionType:
    try:
        return TYPES[name]
    except KeyError:
        raise UnknownTypeError(f"There is no question type {name!r}.") from None


def problems(question) -> list[str]:
    """Why the question cannot be asked, one sentence each; empty when it can."""
    if question.type not in TYPES:
        return [f"There is no question type {question.type!r}."]
    return TYPES[question.type].problems(question)


def grade(question, response) -> Grade:
    return question_type(question.type).grade(question, response)


def flashcard(question) -> Flashcard:
    return question_type(question.type).flashcard(question)


__all__ = [
    "BLANK",
    "CHOICES",
    "TYPED_TYPES",
    "TYPES",
    "Flashcard",
    "Front",
    "Grade",
    "QuestionType",
    "ResponseError",
    "UnknownTypeError",
    "answer_text",
    "flashcard",
    "grade",
    "normalise",
    "other_accepted",
    "problems",
    "question_type",
    "same_text",
]

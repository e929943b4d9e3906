"""What every question type knows: its rules, how an answer to it is graded, how it is shown."""

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar

from .display import Flashcard, answer_text, other_accepted
from .text_matching import normalise


class ResponseError(ValueError):
    """An answer that cannot be graded (not one of the options, not a list of the items...),
    with a message fit to show the student or an API client."""


@dataclass(frozen=True)
class Grade:
    # 1 for right, 0 for wrong, in between for partly right orderings and matchings.
    score: float
    # What the student gave, as text to show back to them.
    response: str = ""
    # Right only thanks to the typo allowance, so the page can show the spelling.
    near_miss: bool = False

    @property
    def correct(self) -> bool:
        return self.score >= 1

    @property
    def verdict(self) -> str:
        if self.correct:
            return "Correct, with a small typo" if self.near_miss else "Correct"
        if self.score > 0:
            return f"Partly right ({math.floor(self.score * 100)}%)"
        return "Not quite"


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


class QuestionType(ABC):
    """One question type. `question` is anything with the Question model's fields (`prompt`,
    `answer`, `accepted`, `choices`, `tolerance`, `sentence`, `explanation`): a stored question,
    a generated one or an editor's form data."""

    name: ClassVar[str]
    label: ClassVar[str]
    # What the front of a card tells the student to do.
    instruction: ClassVar[str]
    # The student types the answer (a card offers a box for it)...
    typed: ClassVar[bool] = False
    # ...or picks one of the options shown (a card offers them as buttons).
    picks: ClassVar[bool] = False
    # The editor's fields besides prompt, answer, explanation and source sentence.
    extra_fields: ClassVar[tuple[str, ...]] = ()
    # How to write the answer in the editor.
    answer_help: ClassVar[str] = ""

    def parse_answer(self, text: str):
        """The answer as the editor's text box holds it, made a value; ValueError explains."""
        text = text.strip()
        if not text:
            raise ValueError("Write the answer.")
        return text

    def format_answer(self, answer) -> str:
        """The inverse of `parse_answer`, to fill the editor."""
        return answer_text(answer)

    def default_choices(self, answer) -> list:
        """What the card shows when the author gives no choices."""
        return []

    def problems(self, question) -> list[str]:
        """Why the question cannot be asked, one sentence each; empty when it can."""
        found = [] if is_text(question.prompt) else ["Write a prompt."]
        return found + self.answer_problems(question)

    @abstractmethod
    def answer_problems(self, question) -> list[str]:
        """The type's own rules for the answer, accepted answers, choices and tolerance."""

    @abstractmethod
    def grade(self, question, response) -> Grade:
        """Grade a student's response; ResponseError when it is not an answer of this type."""

    def card_sides(self, question) -> dict:
        """The type's own parts of the card (options, columns, items)."""
        return {}

    def flashcard(self, question) -> Flashcard:
        instruction = self.instruction
        if question.prompt.casefold().startswith(instruction.casefold().rstrip(".?")):
            instruction = ""  # the prompt says it already ("True or false: ...")
        explanation = question.explanation or ""
        if question.sentence and question.sentence in explanation:
            explanation = ""  # it only repeats the source sentence, which the back shows anyway
        return Flashcard(
            type=self.name,
            prompt=question.prompt,
            instruction=instruction,
            answer=answer_text(question.answer),
            also_accepted=other_accepted(question, same=normalise),
            explanation=""
            if question.sentence and question.sentence in explanation
            else explanation,
            typed=self.typed,
            picks=self.picks,
            **self.card_sides(question),
        )

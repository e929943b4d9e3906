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


# Long enough for any real question; short enough that grading a typed answer stays instant.
PROMPT_MAX_LENGTH = 2000
ANSWER_MAX_LENGTH = 500
EXPLANATION_MAX_LENGTH = 5000


def _texts_in(value) -> list[str]:
    if isinstance(value, list | tuple):
        return [text for item in value for text in _texts_in(item)]
    return [str(value)] if value is not None else []


def _length_problems(question) -> list[str]:
    found = []
    if len(question.prompt or "") > PROMPT_MAX_LENGTH:
        found.append(f"A prompt can be at most {PROMPT_MAX_LENGTH:,} characters.")
    answers = _texts_in([question.answer, question.accepted, question.choices])
    if any(len(text) > ANSWER_MAX_LENGTH for text in answers):
        found.append(
            f"An answer, accepted answer, choice or item can be at most {ANSWER_MAX_LENGTH} "
            "characters."
        )
    if len(getattr(question, "explanation", "") or "") > EXPLANATION_MAX_LENGTH:
        found.append(f"An explanation can be at most {EXPLANATION_MAX_LENGTH:,} characters.")
    texts = [question.prompt or "", getattr(question, "explanation", "") or "", *answers]
    if any("\x00" in text for text in texts):
        found.append("The question contains a NUL character; remove it.")
    return found


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
    # How to write the answer in the editor, and the answers to pick from if it is one of a few.
    answer_help: ClassVar[str] = ""
    answer_options: ClassVar[tuple[str, ...]] = ()

    def parse_answer(self, text: str):
        """The answer as the editor's text box holds it, made a value; ValueError explains."""
        text = text.strip()
        if not text:
            raise ValueError("Write the answer.")
        return text

    def format_answer(self, answer) -> str:
        """The inverse of `parse_answer`, to fill the editor."""
        return answer_text(answer)

    @staticmethod
    def format_number(value):
        """A number as the editor shows it: 30, not 30.0."""
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    def default_choices(self, answer) -> list:
        """What the card shows when the author gives no choices."""
        return []

    def problems(self, question) -> list[str]:
        """Why the question cannot be asked, one sentence each; empty when it can."""
        found = [] if is_text(question.prompt) else ["Write a prompt."]
        found += _length_problems(question)
        return found + self.answer_problems(question)

    @abstractmethod
    def answer_problems(self, question) -> list[str]:
        """The type's own rules for the answer, accepted answers, choices and tolerance."""

    @abstractmethod
    def grade(self, question, response) -> Grade:
        """Grade a student's response; ResponseError when it is not an answer of this type."""

    def response_from_form(self, question, data):
        """A response from a form's fields (a QueryDict): `response` holds the text typed or the
        option picked. None when nothing was given; ResponseError when it makes no sense."""
        text = (data.get("response") or "").strip()
        return text or None

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

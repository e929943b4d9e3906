"""Types whose answer the student types: cloze, short answer and numeric."""

import re

from .base import Grade, QuestionType, ResponseError, is_number, is_text
from .display import answer_text
from .text_matching import parse_number, text_match

# A blank in a cloze prompt: three underscores or more (the generator writes five).
BLANK = re.compile(r"_{3,}")


def _typed(response) -> str:
    if isinstance(response, bool) or not isinstance(response, str | int | float):
        raise ResponseError("Type the answer as text.")
    return str(response).strip()


class TextAnswer(QuestionType):
    typed = True
    extra_fields = ("accepted",)
    answer_help = "The answer as it reads in the article."

    def answer_problems(self, question) -> list[str]:
        found = [] if is_text(question.answer) else ["The answer must be some text."]
        if not all(is_text(variant) for variant in question.accepted or []):
            found.append("Each accepted answer must be some text.")
        return found

    def grade(self, question, response) -> Grade:
        typed = _typed(response)
        answers = [str(question.answer), *(str(variant) for variant in question.accepted or [])]
        matched, near = text_match(typed, answers)
        return Grade(score=1.0 if matched else 0.0, response=typed, near_miss=near)


class Cloze(TextAnswer):
    name = "cloze"
    label = "Cloze"
    instruction = "Fill in the blank."

    def answer_problems(self, question) -> list[str]:
        found = super().answer_problems(question)
        if not BLANK.search(question.prompt or ""):
            found.append("A cloze prompt needs a blank: write _____ where the answer goes.")
        return found


class ShortAnswer(TextAnswer):
    name = "short_answer"
    label = "Short answer"
    instruction = "Answer in a few words."


class Numeric(QuestionType):
    name = "numeric"
    label = "Numeric"
    instruction = "Give the number."
    typed = True
    extra_fields = ("tolerance",)
    answer_help = "A number, such as 95, 2.5 or 2,500,000."

    def parse_answer(self, text: str):
        value = parse_number(text)
        if value is None:
            raise ValueError("The answer must be a number, such as 95, 2.5 or 2,500,000.")
        return int(value) if value.is_integer() else value

    def format_answer(self, answer) -> str:
        return str(self.format_number(answer))

    def answer_problems(self, question) -> list[str]:
        found = [] if is_number(question.answer) else ["The answer must be a number."]
        tolerance = question.tolerance
        if tolerance is not None and not (is_number(tolerance) and tolerance >= 0):
            found.append("The tolerance must be a number, zero or more.")
        return found

    def grade(self, question, response) -> Grade:
        typed = _typed(response)
        value = parse_number(typed)
        if value is None or not is_number(question.answer):
            return Grade(score=0.0, response=typed)
        answer = float(question.answer)
        # A hair of slack so that float rounding never fails "0.3" against 0.1 + 0.2.
        slack = (question.tolerance or 0) + 1e-9 * max(1.0, abs(answer))
        return Grade(score=1.0 if abs(value - answer) <= slack else 0.0, response=typed)

    def card_sides(self, question) -> dict:
        return {"tolerance": answer_text(question.tolerance) if question.tolerance else ""}

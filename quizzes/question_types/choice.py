"""Types where the student picks one option: multiple choice, quote attribution, true/false."""

from .base import Grade, QuestionType, ResponseError
from .display import answer_text
from .text_matching import normalise


class OneOfChoices(QuestionType):
    picks = True
    extra_fields = ("choices",)
    answer_help = "The right choice, written as it is among the choices."

    def answer_problems(self, question) -> list[str]:
        choices = [answer_text(choice) for choice in question.choices or []]
        if any(not choice.strip() for choice in choices):
            return ["Every choice needs some text."]
        if len({normalise(choice) for choice in choices}) != len(choices):
            return ["The choices must all differ."]
        if len(choices) < 2:
            return ["Give at least two choices."]
        if answer_text(question.answer) not in choices:
            return ["The answer must be one of the choices."]
        return []

    def grade(self, question, response) -> Grade:
        if not isinstance(response, str):
            raise ResponseError("Choose one of the options.")
        options = {normalise(answer_text(choice)) for choice in question.choices or []}
        picked = normalise(response)
        if picked not in options:
            raise ResponseError("Choose one of the options.")
        right = picked == normalise(answer_text(question.answer))
        return Grade(score=1.0 if right else 0.0, response=response)

    def card_sides(self, question) -> dict:
        return {"options": [answer_text(choice) for choice in question.choices or []]}


class MultipleChoice(OneOfChoices):
    name = "multiple_choice"
    label = "Multiple choice"
    instruction = "Choose one."


class QuoteAttribution(OneOfChoices):
    name = "quote_attribution"
    label = "Quote attribution"
    instruction = "Who said it?"


_TRUTH = {"true": True, "false": False}


class TrueFalse(QuestionType):
    name = "true_false"
    label = "True / false"
    instruction = "True or false?"
    picks = True
    answer_help = "Is the statement in the prompt true or false?"
    answer_options = ("True", "False")

    def response_from_form(self, question, data):
        text = (data.get("response") or "").strip().casefold()
        if text and text not in _TRUTH:
            raise ResponseError("Answer true or false.")
        return _TRUTH.get(text)

    def parse_answer(self, text: str):
        value = _TRUTH.get(text.strip().casefold())
        if value is None:
            raise ValueError("The answer must be True or False.")
        return value

    def answer_problems(self, question) -> list[str]:
        return [] if isinstance(question.answer, bool) else ["The answer must be true or false."]

    def grade(self, question, response) -> Grade:
        if isinstance(response, str):
            response = _TRUTH.get(response.strip().casefold(), response)
        if not isinstance(response, bool):
            raise ResponseError("Answer true or false.")
        return Grade(score=1.0 if response is question.answer else 0.0, response=str(response))

    def card_sides(self, question) -> dict:
        return {"options": ["True", "False"]}

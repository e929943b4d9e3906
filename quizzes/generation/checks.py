"""Structural rules every generated question must keep; an empty list means it is fine."""

import re

from .. import question_types
from .questions import normalised_prompt
from .questions.context import mentions_any
from .questions.wording import BLANK
from .records import Question

LEADING_PRONOUN = re.compile(
    r"^(?:True or false:\s*|Fill in the number:\s*|Choose the \w+ that completes the sentence:\s*)?"
    r"[\"“]?\s*(?:He|She|They|His|Her|Their|Him|Them)\b"
)
GENERATED_MIN_CHOICES = {"multiple_choice": 4, "quote_attribution": 3}
GIVE_AWAY_EXEMPT = frozenset({"matching", "ordering", "true_false"})


def give_away_problems(question: Question) -> list[str]:
    if question.type in GIVE_AWAY_EXEMPT:
        return []
    prompt = question.prompt.replace(BLANK, " ")
    forms = [question.answer, *question.accepted]
    if question.type == "numeric":
        forms = [str(form) for form in question.accepted]
    if mentions_any(prompt, [str(form) for form in forms if str(form).strip()]):
        return ["the prompt gives the answer away"]
    return []


def shape_problems(question: Question) -> list[str]:
    """The question type's own rules, and the generator's higher bar for choices: a generated
    question offers more options than an instructor's must."""
    problems = question_types.problems(question)
    minimum = GENERATED_MIN_CHOICES.get(question.type, 0)
    if len(question.choices) < minimum:
        problems.append(f"{question.type} needs at least {minimum} choices")
    if question.type == "numeric" and question.tolerance is None:
        problems.append("a numeric question needs a tolerance of 0 or more")
    return problems


def question_problems(question: Question, article) -> list[str]:
    problems = []
    if question.type not in question_types.TYPES:
        return [f"unknown question type {question.type!r}"]
    prompt = question.prompt.strip()
    if prompt and not (
        prompt.endswith(("?", ".")) or BLANK in prompt or prompt.endswith(("”", '"'))
    ):
        problems.append("the prompt does not read as a question or statement")
    if LEADING_PRONOUN.match(prompt):
        problems.append("the prompt starts with an unresolved pronoun")
    problems += give_away_problems(question)
    problems += shape_problems(question)
    if article.text[question.start : question.end] != question.sentence:
        problems.append("the source sentence is not at [start:end] of the article text")
    if not 0 <= question.score <= 1:
        problems.append("score outside [0, 1]")
    if not question.explanation.startswith("According to the article"):
        problems.append("the explanation does not cite the article")
    return problems


def article_problems(article) -> list[str]:
    problems = []
    seen: dict[str, int] = {}
    for number, question in enumerate(article.questions):
        prompt = normalised_prompt(question.prompt)
        if prompt in seen:
            problems.append(f"question {number} repeats question {seen[prompt]}: {question.prompt}")
        seen.setdefault(prompt, number)
        problems += [
            f"question {number}: {problem}" for problem in question_problems(question, article)
        ]
    return problems

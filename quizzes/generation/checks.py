"""Structural rules every generated question must keep; an empty list means it is fine."""

import re

from .questions import normalised_prompt
from .questions.context import mentions_any
from .questions.wording import BLANK
from .records import QUESTION_TYPES, Question

LEADING_PRONOUN = re.compile(
    r"^(?:True or false:\s*|Fill in the number:\s*|Choose the \w+ that completes the sentence:\s*)?"
    r"[\"“]?\s*(?:He|She|They|His|Her|Their|Him|Them)\b"
)
CHOICE_TYPES = frozenset({"multiple_choice", "quote_attribution"})
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
    problems = []
    if question.type in CHOICE_TYPES:
        minimum = 4 if question.type == "multiple_choice" else 3
        if len(question.choices) < minimum:
            problems.append(f"{question.type} needs at least {minimum} choices")
        if question.answer not in question.choices:
            problems.append("the answer is not among the choices")
        if len({str(choice).lower() for choice in question.choices}) != len(question.choices):
            problems.append("duplicate choices")
    if question.type == "true_false" and not isinstance(question.answer, bool):
        problems.append("a true/false answer must be a bool")
    if question.type == "numeric":
        if isinstance(question.answer, bool) or not isinstance(question.answer, int | float):
            problems.append("a numeric answer must be a number")
        if question.tolerance is None or question.tolerance < 0:
            problems.append("a numeric question needs a tolerance of 0 or more")
    if question.type == "ordering":
        if not isinstance(question.answer, list) or len(question.answer) < 3:
            problems.append("an ordering needs at least 3 items")
        elif sorted(question.choices) != sorted(question.answer):
            problems.append("ordering choices must be the answer's items")
    if question.type == "matching":
        pairs = question.answer if isinstance(question.answer, list) else []
        if len(pairs) < 2 or not all(isinstance(p, list) and len(p) == 2 for p in pairs):
            problems.append("a matching needs at least 2 [left, right] pairs")
    if question.type == "cloze" and BLANK not in question.prompt:
        problems.append("a cloze prompt needs a blank")
    return problems


def question_problems(question: Question, article) -> list[str]:
    problems = []
    if question.type not in QUESTION_TYPES:
        return [f"unknown question type {question.type!r}"]
    prompt = question.prompt.strip()
    if not prompt:
        problems.append("empty prompt")
    elif not (prompt.endswith(("?", ".")) or BLANK in prompt or prompt.endswith(("”", '"'))):
        problems.append("the prompt does not read as a question or statement")
    if LEADING_PRONOUN.match(prompt):
        problems.append("the prompt starts with an unresolved pronoun")
    if question.answer in (None, "", []):
        problems.append("empty answer")
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

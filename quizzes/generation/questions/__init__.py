"""Build every candidate question an article's facts allow, without duplicates."""

import re

from ..records import Question
from .context import Context
from .from_mentions import mention_questions
from .from_records import (
    acronym_questions,
    matching_question,
    ordering_question,
    quote_question,
    role_questions,
)


def normalised_prompt(prompt: str) -> str:
    return re.sub(r"[\W_]+", " ", prompt.lower()).strip()


def answer_key(question: Question) -> str:
    return normalised_prompt(str(question.answer))


def build_questions(context: Context) -> list[Question]:
    candidates: list[Question] = []
    for fact in context.facts:
        if fact.kind == "role":
            candidates.extend(role_questions(context, fact))
        elif fact.kind == "quote":
            candidates.extend(quote_question(context, fact))
        elif fact.kind == "acronym":
            candidates.extend(acronym_questions(context, fact))
        else:
            candidates.extend(mention_questions(context, fact))
    candidates.extend(matching_question(context))
    candidates.extend(ordering_question(context))
    return deduplicated(candidates)


def deduplicated(questions: list[Question]) -> list[Question]:
    """One question per prompt, and one per way of asking a thing: the same type asking for the
    same answer from the same sentence is the same question, whichever fact it came from."""
    seen_prompts: set[str] = set()
    seen_ways: set[tuple] = set()
    kept = []
    for question in questions:
        prompt = normalised_prompt(question.prompt)
        way = (
            question.type,
            question.start,
            answer_key(question),
            question.type == "true_false" and prompt,
        )
        if prompt in seen_prompts or way in seen_ways:
            continue
        seen_prompts.add(prompt)
        seen_ways.add(way)
        kept.append(question)
    return kept

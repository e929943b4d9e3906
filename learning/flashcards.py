"""Every question type as the two sides of a flashcard: what the front asks, what the back shows."""

import random
from dataclasses import dataclass, field

from learning.grading import normalise
from quizzes.templatetags.question_format import answer_text, other_accepted

INSTRUCTIONS = {
    "cloze": "Fill in the blank.",
    "multiple_choice": "Choose one.",
    "true_false": "True or false?",
    "numeric": "Give the number.",
    "short_answer": "Answer in a few words.",
    "ordering": "Put these in order, earliest first.",
    "matching": "Match each item on the left with one on the right.",
    "quote_attribution": "Who said it?",
}


@dataclass(frozen=True)
class Flashcard:
    type: str
    prompt: str
    instruction: str
    # Front: the options to choose from or the items to order...
    options: list[str] = field(default_factory=list)
    # ...or the two columns to match.
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    tolerance: str = ""
    # Back: other accepted answers (not repeating the answer itself), and the explanation unless
    # it only repeats the source sentence shown anyway.
    also_accepted: list[str] = field(default_factory=list)
    explanation: str = ""
    # Back: one line, or the ordered items / matched pairs.
    answer: str = ""
    answer_items: list[str] = field(default_factory=list)


def _pairs(value) -> list[tuple[str, str]]:
    if isinstance(value, list) and all(isinstance(i, list | tuple) and len(i) == 2 for i in value):
        return [(answer_text(left), answer_text(right)) for left, right in value]
    return []


def flashcard(question) -> Flashcard:
    kind = question.type
    instruction = INSTRUCTIONS.get(kind, "")
    if question.prompt.casefold().startswith(instruction.casefold().rstrip(".?")):
        instruction = ""  # the prompt says it already ("True or false: ...")
    common = {
        "type": kind,
        "prompt": question.prompt,
        "instruction": instruction,
        "answer": answer_text(question.answer),
        "also_accepted": other_accepted(question, same=normalise),
        "explanation": "" if question.sentence in question.explanation else question.explanation,
    }
    if kind == "numeric" and question.tolerance:
        common["tolerance"] = answer_text(question.tolerance)
    pairs = _pairs(question.answer)
    if kind == "matching" and pairs:
        right = [answer_text(c) for c in question.choices if not isinstance(c, list)]
        if sorted(right) != sorted(r for _, r in pairs):
            # Shuffled by the question's id, so the right column is not the answer key but is
            # the same on every showing.
            right = [r for _, r in pairs]
            random.Random(question.pk).shuffle(right)  # noqa: S311 - layout, not security
        answer_items = [f"{left} → {r}" for left, r in pairs]
        return Flashcard(
            **common, left=[left for left, _ in pairs], right=right, answer_items=answer_items
        )
    if kind == "ordering" and isinstance(question.answer, list):
        options = [answer_text(c) for c in question.choices] or sorted(
            answer_text(item) for item in question.answer
        )
        return Flashcard(
            **common, options=options, answer_items=[answer_text(i) for i in question.answer]
        )
    if kind == "true_false":
        return Flashcard(**common, options=["True", "False"])
    return Flashcard(**common, options=[answer_text(c) for c in question.choices])

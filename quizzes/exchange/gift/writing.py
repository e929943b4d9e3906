"""Questions out as GIFT, with the ones GIFT cannot carry listed and why."""

import hashlib
from dataclasses import dataclass, field

from quizzes.question_types import answer_text, problems

from .syntax import FORMAT, TYPE_MARKER, WEIGHT, escape


@dataclass(frozen=True)
class GiftExport:
    text: str
    # (question, why GIFT cannot carry it)
    skipped: list[tuple[object, str]] = field(default_factory=list)


def questions_to_gift(questions, *, category: str | None = None) -> GiftExport:
    blocks = [f"$CATEGORY: {' '.join(category.split())}"] if category else []
    skipped = []
    for question in questions:
        reason = _cannot_carry(question)
        if reason:
            skipped.append((question, reason))
        else:
            blocks.append(_block(question))
    return GiftExport(text="\n\n".join(blocks) + "\n" if blocks else "", skipped=skipped)


def _cannot_carry(question) -> str:
    if question.type == "ordering":
        return "GIFT has no ordering questions."
    found = problems(question)
    if found:
        return " ".join(found)
    texts = [answer_text(text) for text in _answer_texts(question)]
    for text in texts:
        # GIFT has no escape for these.
        if WEIGHT.match(text) or FORMAT.match(text):
            return f"The answer {text!r} would read as a GIFT weight (%50%) or format ([html])."
    if question.type == "matching" and any("->" in str(left) for left, _ in question.answer):
        return "A left-hand item contains '->', which GIFT reads as the pair's arrow."
    if question.type in ("short_answer", "cloze") and any("->" in text for text in texts):
        return "An answer contains '->', which GIFT reads as a matching question."
    return ""


def _answer_texts(question) -> list:
    if question.type in ("multiple_choice", "quote_attribution"):
        return list(question.choices)
    if question.type in ("short_answer", "cloze"):
        # Moodle compares short answers ignoring case: a variant in other case adds nothing.
        unique: dict[str, object] = {}
        for text in [question.answer, *(question.accepted or [])]:
            unique.setdefault(str(text).casefold(), text)
        return list(unique.values())
    if question.type == "matching":
        return [text for pair in question.answer for text in pair]
    return []


def _block(question) -> str:
    head = f"// {TYPE_MARKER}: {question.type}\n::{escape(_title(question))}::[plain]"
    head += escape(question.prompt.strip())
    feedback = _general_feedback(question)
    tail = f"####{escape(feedback)}" if feedback else ""
    if question.type == "true_false":
        return f"{head}{{{'TRUE' if question.answer else 'FALSE'} {tail}".rstrip() + "}"
    if question.type == "numeric":
        number = _number_text(question.answer)
        if question.tolerance is not None:
            number += f":{_number_text(question.tolerance)}"
        return f"{head}{{#{number} {tail}".rstrip() + "}"
    if question.type == "matching":
        lines = [f"={escape(left)} -> {escape(right)}" for left, right in question.answer]
    elif question.type in ("short_answer", "cloze"):
        lines = [f"={escape(text)}" for text in _answer_texts(question)]
    else:
        right = answer_text(question.answer)
        lines = [
            ("=" if answer_text(choice) == right else "~") + escape(answer_text(choice))
            for choice in question.choices
        ]
    body = "".join(f"\t{line}\n" for line in [*lines, tail] if line)
    return f"{head}{{\n{body}}}"


def _title(question) -> str:
    pk = getattr(question, "pk", None)
    if pk is not None:
        return f"q{pk}"
    digest = hashlib.sha256(f"{question.type}\x1f{question.prompt}".encode()).hexdigest()
    return f"q-{digest[:10]}"


def _general_feedback(question) -> str:
    sentence = (getattr(question, "sentence", "") or "").strip()
    explanation = (question.explanation or "").strip()
    if not sentence or sentence in explanation:
        return explanation
    return f"{sentence}\n{explanation}".strip()


def _number_text(value) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)

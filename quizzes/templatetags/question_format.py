from django import template

register = template.Library()


@register.filter
def answer_text(answer) -> str:
    """An answer of any question type as a short line of text."""
    if isinstance(answer, bool):
        return "True" if answer else "False"
    if isinstance(answer, float) and answer.is_integer():
        return f"{int(answer):,}"
    if isinstance(answer, int | float):
        return f"{answer:,}"
    if isinstance(answer, list):
        if answer and all(isinstance(item, list) and len(item) == 2 for item in answer):
            return "; ".join(f"{left} → {right}" for left, right in answer)
        return " → ".join(str(item) for item in answer)
    return str(answer)


@register.filter
def get_count(counts: dict, key: str) -> int:
    return counts.get(key, 0)


@register.filter
def other_accepted(question, same=str.casefold) -> list[str]:
    """The accepted variants a reader has not just seen as the answer; `same` says which
    spellings count as one (the review page ignores accents and punctuation too)."""
    shown = same(answer_text(question.answer))
    variants = dict.fromkeys(str(variant) for variant in question.accepted or [])
    return [variant for variant in variants if same(variant) != shown]

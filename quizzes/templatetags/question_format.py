from django import template

from quizzes import question_types

register = template.Library()

register.filter("answer_text", question_types.answer_text)
register.filter("other_accepted", question_types.other_accepted)
register.filter("flashcard", question_types.flashcard)


@register.filter
def get_count(counts: dict, key: str) -> int:
    return counts.get(key, 0)

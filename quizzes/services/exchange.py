"""Questions brought in from other tools: Moodle's GIFT files."""

import json
import re

from django.db import transaction

from quizzes.errors import ContentError
from quizzes.exchange.gift import GiftError, ParsedQuestion, parse_gift
from quizzes.models import Article, Question
from quizzes.question_types import answer_text
from quizzes.sentences import article_sentences
from quizzes.services.questions import QuestionContent, question_create

_WORD = re.compile(r"\w{3,}")


def _words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}


def source_sentence(article: Article, question: ParsedQuestion) -> int:
    """Where the sentence a question comes from starts. GIFT carries no source sentence: it is
    the first of the article's sentences that the feedback quotes (our own exports quote it),
    else the sentence sharing the most words with the question, its answers and feedback."""
    spans = article_sentences(article)
    quoted = [
        (question.explanation.find(article.text[start:end]), start)
        for start, end in spans
        if article.text[start:end] in question.explanation
    ]
    if quoted:
        return min(quoted)[1]
    asked = _words(
        " ".join(
            [question.prompt, answer_text(question.answer), question.explanation, question.sentence]
            + [str(variant) for variant in question.accepted]
        )
    )
    best = max(spans, key=lambda span: len(asked & _words(article.text[span[0] : span[1]])))
    return best[0]


def _same(question) -> tuple:
    return (question.type, question.prompt.strip(), json.dumps(question.answer, sort_keys=True))


@transaction.atomic
def questions_import_gift(*, article: Article, text: str, author) -> list[Question]:
    """Add every question of a GIFT file to the article, approved, or none of them: a file with
    any bad question raises a ContentError naming each one by its line. A question written or
    imported into the article before (same type, prompt and answer) is not added again, so
    importing a file twice, or double-submitting it, adds it once."""
    try:
        parsed = parse_gift(text)
    except GiftError as error:
        raise ContentError(str(error)) from None
    if not parsed:
        raise ContentError("The file holds no questions.")
    Article.objects.select_for_update().get(pk=article.pk)  # one import at a time per article
    authored = article.questions.reviewable().exclude(origin=Question.Origin.GENERATED)
    present = {_same(question) for question in authored}
    created, problems = [], []
    for question in parsed:
        if _same(question) in present:
            continue
        present.add(_same(question))
        content = QuestionContent(
            type=question.type,
            prompt=question.prompt,
            answer=question.answer,
            accepted=list(question.accepted),
            choices=list(question.choices),
            tolerance=question.tolerance,
            explanation=question.explanation,
            sentence_start=source_sentence(article, question),
        )
        try:
            with transaction.atomic():
                created.append(
                    question_create(
                        article=article,
                        content=content,
                        author=author,
                        origin=Question.Origin.IMPORTED,
                    )
                )
        except ContentError as error:
            problems.append(f"Line {question.line}: {error}")
    if problems:
        raise ContentError("\n".join(problems))
    return created

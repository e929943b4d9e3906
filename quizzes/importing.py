"""Turning an article's text into stored facts and questions, and keeping them on re-import.

The NLP pipeline (`quizzes.generation`) knows nothing of Django; this module runs it and writes
its output in one transaction. Importing the same text again changes nothing; importing a
corrected version keeps every fact and question whose sentence did not change, because learners'
cards and answers point at them, and retires the rest instead of deleting them.
"""

import datetime
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction

from quizzes.errors import ContentError
from quizzes.generation import (
    GeneratedArticle,
    GenerationError,
    generate,
    load_nlp,
    text_from_upload,
)
from quizzes.generation.ranking.vectors import vector
from quizzes.generation.uploads import html_to_text, looks_like_html
from quizzes.models import Article, Fact, Question
from quizzes.ranker import deployment_ranker
from quizzes.sentences import sentence_fact


@dataclass
class ImportResult:
    article: Article
    # "created", "updated" (a corrected version) or "unchanged" (the same text again).
    outcome: str
    facts_added: int = 0
    facts_retired: int = 0
    questions_added: int = 0
    questions_retired: int = 0


def content_hash(raw_text: str) -> str:
    return hashlib.sha256(raw_text.strip().encode("utf-8")).hexdigest()


def article_too_long() -> ContentError:
    """The error for text over ARTICLE_MAX_BYTES, also given for a request too large to read."""
    return ContentError(
        f"The article is longer than the limit of {settings.ARTICLE_MAX_BYTES:,} bytes."
    )


def article_file_size_check(*, size: int, filename: str) -> None:
    if size > settings.ARTICLE_MAX_BYTES:
        raise ContentError(
            f"{filename} is {size:,} bytes; the limit is {settings.ARTICLE_MAX_BYTES:,}."
        )


def article_text_from_upload(*, data: bytes, filename: str) -> str:
    """The text of an uploaded file (HTML when its name says so), or a ContentError."""
    article_file_size_check(size=len(data), filename=filename)
    try:
        return text_from_upload(data, filename)
    except GenerationError as error:
        raise ContentError(f"{filename}: {error}") from None


def article_generate(
    raw_text: str, *, title: str | None = None, published: datetime.date | None = None
) -> GeneratedArticle:
    if len(raw_text.encode("utf-8")) > settings.ARTICLE_MAX_BYTES:
        raise article_too_long()
    # A whole page pasted (or posted through the API) is read as an uploaded .html file is.
    text = html_to_text(raw_text) if looks_like_html(raw_text) else raw_text
    try:
        return generate(
            text,
            nlp=load_nlp(settings.NLP_MODEL),
            title=title or None,
            published=published,
            ranker=deployment_ranker(),
        )
    except GenerationError as error:
        raise ContentError(str(error)) from None


def article_import(
    *,
    raw_text: str,
    title: str = "",
    outlet: str = "",
    byline: str = "",
    url: str = "",
    published: datetime.date | None = None,
    owner,
    replaces: Article | None = None,
) -> ImportResult:
    """Store an article of `owner`'s with its facts and candidate questions.

    `replaces` names the article this text corrects; without it, one of the owner's articles
    with the same URL (or, with no URL, the same title) is taken as the earlier version. Another
    instructor's articles are never matched: each imports and keeps their own.
    """
    if replaces is not None and replaces.owner_id != owner.pk:
        raise ContentError("Only the article's owner can import a corrected version of it.")
    own_articles = Article.objects.filter(owner=owner)
    existing = own_articles.filter(content_hash=content_hash(raw_text)).first()
    if existing is not None:
        return ImportResult(article=existing, outcome="unchanged")
    # The pipeline runs before the transaction: it is the slow part and needs no lock.
    generated = article_generate(raw_text, title=title, published=published)
    fields = {
        "title": (title or generated.title or "Untitled article")[:300],
        "outlet": outlet,
        "byline": (byline or generated.byline)[:300],
        "url": url,
        "published": published,
        "raw_text": raw_text,
        "text": generated.text,
        "content_hash": content_hash(raw_text),
        "sentences": generated.sentences,
    }
    try:
        with transaction.atomic():
            previous = replaces or _previous_version(own_articles, url=url, title=fields["title"])
            if previous is None:
                article = Article.objects.create(owner=owner, **fields)
                return _store_new(article, generated)
            article = Article.objects.select_for_update().get(pk=previous.pk)
            for name, value in fields.items():
                if value or name in {"raw_text", "text", "content_hash", "sentences"}:
                    setattr(article, name, value)
            article.save()
            return _store_correction(article, generated)
    except IntegrityError:
        # The same text imported concurrently: the other import won, which is the same outcome.
        article = own_articles.filter(content_hash=fields["content_hash"]).first()
        if article is None:
            raise
        return ImportResult(article=article, outcome="unchanged")


def _previous_version(articles, *, url: str, title: str) -> Article | None:
    if url:
        return articles.filter(url=url).first()
    return articles.filter(title__iexact=title).first()


class _Pool:
    """Stored rows grouped by what identifies them across versions of an article.

    Several rows may share a key (three true/false variants of one sentence, say), so each
    match takes one row out of its group; the rows never taken are the ones to retire."""

    def __init__(self, rows, key: Callable[[Any], tuple]) -> None:
        self._groups: dict[tuple, list] = defaultdict(list)
        for row in rows:
            self._groups[key(row)].append(row)

    def take(self, key: tuple, prompt: str | None = None):
        """One row with this key, preferring one whose prompt is the same."""
        group = self._groups.get(key)
        if not group:
            return None
        chosen = next((row for row in group if getattr(row, "prompt", None) == prompt), group[0])
        group.remove(chosen)
        return chosen

    def left(self) -> list[int]:
        return [row.pk for group in self._groups.values() for row in group]


def _new_fact(article: Article, fact) -> Fact:
    return Fact(
        article=article,
        kind=fact.kind,
        text=fact.text,
        value=fact.value,
        extra=fact.extra,
        sentence=fact.sentence,
        start=fact.start,
        end=fact.end,
    )


def _new_question(article: Article, question, facts_by_id: dict[str, Fact], rank: int) -> Question:
    return Question(
        rank=rank,
        article=article,
        fact=facts_by_id[question.fact],
        type=question.type,
        prompt=question.prompt,
        answer=question.answer,
        accepted=question.accepted,
        choices=question.choices,
        tolerance=question.tolerance,
        sentence=question.sentence,
        start=question.start,
        end=question.end,
        explanation=question.explanation,
        score=min(max(question.score, 0.0), 1.0),
        ranking_features=vector(question),
    )


def _link_facts(questions: list[tuple[Question, list[str]]], facts_by_id: dict[str, Fact]) -> None:
    through = Question.facts.through
    through.objects.bulk_create(
        [
            through(question_id=question.pk, fact_id=facts_by_id[fact_id].pk)
            for question, fact_ids in questions
            for fact_id in dict.fromkeys(fact_ids)
            if fact_id in facts_by_id
        ],
        ignore_conflicts=True,
    )


def _store_new(article: Article, generated: GeneratedArticle) -> ImportResult:
    facts = Fact.objects.bulk_create([_new_fact(article, fact) for fact in generated.facts])
    facts_by_id = {fact.id: row for fact, row in zip(generated.facts, facts, strict=True)}
    questions = Question.objects.bulk_create(
        [_new_question(article, q, facts_by_id, rank) for rank, q in enumerate(generated.questions)]
    )
    _link_facts(
        [(row, q.facts) for q, row in zip(generated.questions, questions, strict=True)],
        facts_by_id,
    )
    return ImportResult(
        article=article,
        outcome="created",
        facts_added=len(facts),
        questions_added=len(questions),
    )


def _question_key(question) -> tuple:
    return (question.type, question.sentence, json.dumps(question.answer, sort_keys=True))


def _first_key(question: Question) -> tuple:
    """The key of an edited question's first version: what the generator made."""
    first = min(question.versions.all(), key=lambda version: version.number)
    return _question_key(first)


def _relocate(
    article: Article, questions: list[Question], retired_facts: set[int]
) -> tuple[list[Question], list[int]]:
    """Find each edited or hand-written question's sentence in the corrected text. Those whose
    sentence is still there keep everything an instructor wrote; the others are retired."""
    spans = {article.text[start:end]: (start, end) for start, end in article.sentences}
    kept, lost = [], []
    for question in questions:
        span = spans.get(question.sentence)
        if span is None:
            lost.append(question.pk)
            continue
        question.start, question.end = span
        if question.fact_id in retired_facts:
            question.fact = sentence_fact(article, *span)
        kept.append(question)
    return kept, lost


def _store_correction(article: Article, generated: GeneratedArticle) -> ImportResult:
    kept_facts = _Pool(
        article.facts.filter(is_current=True), lambda f: (f.kind, f.text, f.sentence)
    )
    facts_by_id: dict[str, Fact] = {}
    new_facts: list[tuple[str, Fact]] = []
    for fact in generated.facts:
        row = kept_facts.take((fact.kind, fact.text, fact.sentence))
        if row is None:
            new_facts.append((fact.id, _new_fact(article, fact)))
            continue
        # The sentence is unchanged, but text before it may have moved it.
        row.start, row.end, row.value, row.extra = fact.start, fact.end, fact.value, fact.extra
        facts_by_id[fact.id] = row
    Fact.objects.bulk_update(list(facts_by_id.values()), ["start", "end", "value", "extra"])
    created = Fact.objects.bulk_create([row for _, row in new_facts])
    facts_by_id.update({fact_id: row for (fact_id, _), row in zip(new_facts, created, strict=True)})
    retired_facts = Fact.objects.filter(pk__in=kept_facts.left()).update(is_current=False)

    live = list(article.questions.reviewable().prefetch_related("versions"))
    authored = [question for question in live if question.is_authored]
    kept_questions = _Pool(
        [question for question in live if not question.is_authored], _question_key
    )
    # An edited question stands for the generated one it was made from: that one comes back
    # from the generator and is not added again.
    edited_from = _Pool([q for q in authored if q.origin == Question.Origin.GENERATED], _first_key)
    moved: list[Question] = []
    added: list[tuple[Question, list[str]]] = []
    for rank, question in enumerate(generated.questions):
        key = (question.type, question.sentence, json.dumps(question.answer, sort_keys=True))
        if (twin := edited_from.take(key)) is not None:
            twin.rank = rank
            continue
        row = kept_questions.take(key, prompt=question.prompt)
        if row is None:
            added.append((_new_question(article, question, facts_by_id, rank), question.facts))
        else:
            row.start, row.end, row.rank = question.start, question.end, rank
            row.fact = facts_by_id[question.fact]
            moved.append(row)
    kept_authored, lost_authored = _relocate(article, authored, set(kept_facts.left()))
    Question.objects.bulk_update(moved + kept_authored, ["start", "end", "rank", "fact"])
    Question.objects.bulk_create([row for row, _ in added])
    _link_facts(added, facts_by_id)
    retired = Question.objects.filter(pk__in=kept_questions.left() + lost_authored).update(
        status=Question.Status.RETIRED
    )
    return ImportResult(
        article=article,
        outcome="updated",
        facts_added=len(created),
        facts_retired=retired_facts,
        questions_added=len(added),
        questions_retired=retired,
    )

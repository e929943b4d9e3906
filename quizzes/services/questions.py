"""Workflows of the question bank: reviewing, editing with versions, writing by hand."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from quizzes import question_types
from quizzes.errors import ContentError
from quizzes.models import Article, Question, QuestionVersion
from quizzes.sentences import article_sentences, sentence_fact

REVIEW_STATUSES = (Question.Status.APPROVED, Question.Status.REJECTED, Question.Status.CANDIDATE)


def _refuse_retired(question: Question) -> None:
    if question.status == Question.Status.RETIRED:
        raise ContentError(
            "This question's sentence is gone from the article; it can't be reviewed or edited."
        )


@transaction.atomic
def question_review(*, question: Question, status: str, reviewer) -> Question:
    if status not in REVIEW_STATUSES:
        raise ContentError(f"A question cannot be marked {status!r}.")
    question = Question.objects.select_for_update().get(pk=question.pk)
    _refuse_retired(question)
    question.status = status
    question.reviewed_by = reviewer
    question.reviewed_at = timezone.now()
    question.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    return question


@transaction.atomic
def questions_review(*, questions, status: str, reviewer) -> int:
    """Approve, reject or reset many questions at once; retired ones are left as they are."""
    if status not in REVIEW_STATUSES:
        raise ContentError(f"Questions cannot be marked {status!r}.")
    return (
        Question.objects.filter(pk__in=[question.pk for question in questions])
        .reviewable()
        .update(status=status, reviewed_by=reviewer, reviewed_at=timezone.now())
    )


@transaction.atomic
def article_approve_best(*, article: Article, count: int, reviewer) -> int:
    """Approve the article's `count` best-ranked questions that are still candidates.

    Ranks among all live questions, so running it twice approves nothing more."""
    if count < 1:
        raise ContentError("Approve at least one question.")
    best = list(
        article.questions.reviewable().order_by("rank", "id").values_list("pk", flat=True)[:count]
    )
    return Question.objects.filter(pk__in=best, status=Question.Status.CANDIDATE).update(
        status=Question.Status.APPROVED, reviewed_by=reviewer, reviewed_at=timezone.now()
    )


@dataclass(frozen=True)
class QuestionContent:
    """What an author writes: everything of a question but its place in the bank."""

    type: str
    prompt: str
    answer: object
    accepted: list
    choices: list
    tolerance: float | None
    explanation: str
    # Where the source sentence starts in the article's text; it must start a sentence.
    sentence_start: int


def _choices(kind, content: QuestionContent, current: list | None) -> list:
    if "choices" in kind.extra_fields:
        return list(content.choices)
    # Orderings and matchings show their own items shuffled: keep the current shuffle while it
    # still holds the same items, so saving an unchanged question makes no new version.
    shuffle = kind.default_choices(content.answer)
    if current and sorted(map(str, current)) == sorted(map(str, shuffle)):
        return list(current)
    return shuffle


def _validated(article: Article, content: QuestionContent, current: Question | None = None) -> dict:
    """The question's fields from the content, or a ContentError listing every problem. The
    source sentence is one of the article's, or the one the question already has (the generator
    sometimes quotes a sentence with the one before it)."""
    kind = question_types.TYPES.get(content.type)
    if kind is None:
        raise ContentError(f"There is no question type {content.type!r}.")
    fields = {
        "type": content.type,
        "prompt": content.prompt.strip(),
        "answer": content.answer,
        "accepted": [variant.strip() for variant in content.accepted if variant.strip()]
        if "accepted" in kind.extra_fields
        else [],
        "choices": _choices(kind, content, current.choices if current else None),
        "tolerance": content.tolerance if "tolerance" in kind.extra_fields else None,
        "explanation": content.explanation.strip(),
    }
    problems = question_types.problems(_Draft(**fields))
    spans = dict(article_sentences(article))
    if current is not None:
        spans.setdefault(current.start, current.end)
    end = spans.get(content.sentence_start)
    if end is None:
        problems.append("Choose the source sentence from the article's sentences.")
    if problems:
        raise ContentError(" ".join(problems))
    start = content.sentence_start
    return fields | {"sentence": article.text[start:end], "start": start, "end": end}


@dataclass
class _Draft:
    type: str
    prompt: str
    answer: object
    accepted: list
    choices: list
    tolerance: float | None
    explanation: str


def _version_keep(question: Question) -> QuestionVersion:
    return QuestionVersion.objects.create(
        question=question,
        number=question.version,
        author=question.edited_by,
        authored_at=question.edited_at or question.created_at,
        **{name: getattr(question, name) for name in Question.CONTENT_FIELDS},
    )


@transaction.atomic
def question_update(*, question: Question, content: QuestionContent, editor) -> Question:
    """Save a new version of the question, keeping the one before. Cards keep their schedule,
    as Anki keeps a note's; reviews and answers record the version they were made on."""
    question = Question.objects.select_for_update().select_related("article").get(pk=question.pk)
    _refuse_retired(question)
    fields = _validated(question.article, content, current=question)
    if all(getattr(question, name) == value for name, value in fields.items()):
        return question  # nothing changed: no new version
    _version_keep(question)
    for name, value in fields.items():
        setattr(question, name, value)
    if fields["start"] != question.fact.start:
        question.fact = sentence_fact(question.article, fields["start"], fields["end"])
    question.version += 1
    question.edited_by = editor
    question.edited_at = timezone.now()
    question.save()
    return question


@transaction.atomic
def question_create(
    *, article: Article, content: QuestionContent, author, origin: str = Question.Origin.WRITTEN
) -> Question:
    """A question written (or imported) by the article's owner; it starts approved."""
    Article.objects.select_for_update().get(pk=article.pk)  # one rank at a time
    fields = _validated(article, content)
    now = timezone.now()
    top = article.questions.aggregate(top=Max("rank"))["top"]
    return Question.objects.create(
        article=article,
        fact=sentence_fact(article, fields["start"], fields["end"]),
        score=1.0,
        rank=(top or 0) + 1,
        status=Question.Status.APPROVED,
        origin=origin,
        reviewed_by=author,
        reviewed_at=now,
        edited_by=author,
        edited_at=now,
        **fields,
    )

"""Workflows of building a quiz: its settings, its questions (chosen or drawn at random), and
publishing it. Attempts keep the questions and points they were started with, so a change
applies to attempts started after it."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from quizzes.errors import ContentError
from quizzes.models import Article, Course, Question, Quiz, QuizSlot
from quizzes.services.courses import clean_description, clean_text

TITLE_MAX_LENGTH = Quiz._meta.get_field("title").max_length
MAX_TIME_LIMIT = timedelta(days=7)
MAX_SLOTS = 200


@dataclass(frozen=True)
class QuizSettings:
    title: str
    description: str = ""
    time_limit: timedelta | None = None
    attempts_allowed: int = 1
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    layout: str = Quiz.Layout.ALL
    review_policy: str = Quiz.ReviewPolicy.AFTER_SUBMIT
    mistakes_to_cards: bool = True


def _validated(settings: QuizSettings) -> dict:
    title = " ".join(clean_text(settings.title).split())
    problems = []
    if not title:
        problems.append("Give the quiz a title.")
    elif len(title) > TITLE_MAX_LENGTH:
        problems.append(f"A quiz title can be at most {TITLE_MAX_LENGTH} characters.")
    limit = settings.time_limit
    if limit is not None and not timedelta(minutes=1) <= limit <= MAX_TIME_LIMIT:
        problems.append("A time limit is from 1 minute to 7 days, or none.")
    if not 0 <= settings.attempts_allowed <= 100:
        problems.append("Attempts allowed is from 1 to 100, or 0 for any number.")
    if settings.opens_at and settings.closes_at and settings.closes_at <= settings.opens_at:
        problems.append("The quiz must close after it opens.")
    if settings.layout not in Quiz.Layout.values:
        problems.append("Choose how the questions are laid out.")
    if settings.review_policy not in Quiz.ReviewPolicy.values:
        problems.append("Choose when students see the answers.")
    elif settings.review_policy == Quiz.ReviewPolicy.AFTER_CLOSE and not settings.closes_at:
        problems.append("To show the answers after the quiz closes, give it a closing time.")
    if problems:
        raise ContentError(" ".join(problems))
    return {
        "title": title,
        "description": clean_description(settings.description),
        "time_limit": limit,
        "attempts_allowed": settings.attempts_allowed,
        "opens_at": settings.opens_at,
        "closes_at": settings.closes_at,
        "layout": settings.layout,
        "review_policy": settings.review_policy,
        "mistakes_to_cards": settings.mistakes_to_cards,
    }


@transaction.atomic
def quiz_create(*, course: Course, settings: QuizSettings) -> Quiz:
    return Quiz.objects.create(course=course, **_validated(settings))


@transaction.atomic
def quiz_update(*, quiz: Quiz, settings: QuizSettings) -> Quiz:
    fields = _validated(settings)
    for name, value in fields.items():
        setattr(quiz, name, value)
    quiz.save(update_fields=list(fields))
    return quiz


def _locked(quiz: Quiz) -> Quiz:
    return Quiz.objects.select_for_update().select_related("course").get(pk=quiz.pk)


def _next_positions(quiz: Quiz, count: int) -> range:
    top = quiz.slots.aggregate(top=Max("position"))["top"] or 0
    if top + count > MAX_SLOTS:
        raise ContentError(f"A quiz can have at most {MAX_SLOTS} questions.")
    return range(top + 1, top + count + 1)


def draw_plan(quiz: Quiz, *, exclude_facts: bool) -> dict[int, list[int]] | None:
    """Which questions each random slot can draw so that no question comes twice (and, with
    `exclude_facts`, no two questions on one fact, where one would answer the other): the slots
    with the smallest pools choose first. None when some slot would find nothing left."""
    slots = list(quiz.slots.select_related("question"))
    taken = {slot.question_id for slot in slots if not slot.is_random}
    facts = {slot.question.fact_id for slot in slots if not slot.is_random}
    pools = {
        slot.pk: list(slot.pool().exclude(pk__in=taken).values_list("pk", "fact_id"))
        for slot in slots
        if slot.is_random
    }
    plan: dict[int, list[int]] = {}
    for slot_pk in sorted(pools, key=lambda pk: len(pools[pk])):
        left = [(pk, fact) for pk, fact in pools[slot_pk] if pk not in taken]
        if exclude_facts:
            left = [(pk, fact) for pk, fact in left if fact not in facts]
        if not left:
            return None
        plan[slot_pk] = [pk for pk, _ in left]
        # Reserve one for the feasibility of the others: the first of what is left.
        taken.add(left[0][0])
        facts.add(left[0][1])
    return plan


def _refuse_unfillable(quiz: Quiz) -> None:
    if draw_plan(quiz, exclude_facts=False) is None:
        raise ContentError(
            "The random questions could not all be drawn: a pool has fewer questions than the "
            "slots that draw from it, once the chosen questions are left out. Draw fewer, or "
            "widen a pool."
        )


def _points(points: float) -> float:
    if not 0 < points <= 100:
        raise ContentError("Points are more than 0 and at most 100.")
    return points


@transaction.atomic
def quiz_questions_add(*, quiz: Quiz, questions, points: float = 1) -> int:
    """Add chosen questions (approved ones of the course's articles) after the others; those
    in the quiz already are not added again. Returns how many were added."""
    quiz = _locked(quiz)
    points = _points(points)
    allowed = Question.objects.approved().filter(article__in=quiz.course.articles.all())
    present = set(quiz.slots.exclude(question=None).values_list("question_id", flat=True))
    wanted = [q for q in questions if q.pk not in present]
    if len(allowed.filter(pk__in=[q.pk for q in wanted])) != len(wanted):
        raise ContentError("Only approved questions of the course's articles can be added.")
    QuizSlot.objects.bulk_create(
        QuizSlot(quiz=quiz, position=position, points=points, question=question)
        for position, question in zip(_next_positions(quiz, len(wanted)), wanted, strict=True)
    )
    _refuse_unfillable(quiz)
    return len(wanted)


@transaction.atomic
def quiz_random_add(
    *, quiz: Quiz, count: int, article: Article | None = None, type: str = "", points: float = 1
) -> int:
    """Add `count` slots that each draw a question at random, for every attempt, from the
    approved questions of one of the course's articles (or any) of one type (or any)."""
    quiz = _locked(quiz)
    points = _points(points)
    if count < 1:
        raise ContentError("Draw at least one question.")
    if article is not None and not quiz.course.articles.filter(pk=article.pk).exists():
        raise ContentError("Draw only from the course's articles.")
    if type and type not in Question.Type.values:
        raise ContentError(f"There is no question type {type!r}.")
    slot = QuizSlot(quiz=quiz, pool_article=article, pool_type=type)
    fixed = quiz.slots.exclude(question=None).values("question_id")
    available = slot.pool().exclude(pk__in=fixed).count()
    same_pool = quiz.slots.filter(question=None, pool_article=article, pool_type=type).count()
    if count + same_pool > available:
        raise ContentError(
            f"That pool has {available} question{'s' if available != 1 else ''} not chosen "
            f"already{f', and {same_pool} are drawn from it' if same_pool else ''}: draw fewer."
        )
    QuizSlot.objects.bulk_create(
        QuizSlot(quiz=quiz, position=position, points=points, pool_article=article, pool_type=type)
        for position in _next_positions(quiz, count)
    )
    _refuse_unfillable(quiz)
    return count


@transaction.atomic
def quiz_slot_remove(*, slot: QuizSlot) -> None:
    quiz = _locked(slot.quiz)
    position = slot.position
    slot.delete()
    # Close the gap, in two steps so that no two slots ever share a position.
    later = quiz.slots.filter(position__gt=position)
    later.update(position=F("position") + MAX_SLOTS * 10)
    later.update(position=F("position") - MAX_SLOTS * 10 - 1)


@transaction.atomic
def quiz_slot_move(*, slot: QuizSlot, offset: int) -> None:
    """Move a question one place up (-1) or down (+1)."""
    quiz = _locked(slot.quiz)
    slot = quiz.slots.get(pk=slot.pk)
    other = quiz.slots.filter(position=slot.position + offset).first()
    if offset not in (-1, 1) or other is None:
        return
    first, second = slot.position, other.position
    slot.position = 0
    slot.save(update_fields=["position"])
    other.position = first
    other.save(update_fields=["position"])
    slot.position = second
    slot.save(update_fields=["position"])


@transaction.atomic
def quiz_slot_points(*, slot: QuizSlot, points: float) -> QuizSlot:
    _locked(slot.quiz)
    slot.points = _points(points)
    slot.save(update_fields=["points"])
    return slot


@transaction.atomic
def quiz_publish(*, quiz: Quiz, published: bool) -> Quiz:
    """Publish (students of the course see it, as its times allow) or take it back."""
    quiz = _locked(quiz)
    if not published:
        quiz.published_at = None
        quiz.save(update_fields=["published_at"])
        return quiz
    slots = list(quiz.slots.select_related("question"))
    if not slots:
        raise ContentError("Add questions before publishing the quiz.")
    withdrawn = [s.position for s in slots if not s.is_random and s.question.status != "approved"]
    if withdrawn:
        raise ContentError(
            f"Question{'s' if len(withdrawn) > 1 else ''} "
            f"{', '.join(map(str, withdrawn))} {'are' if len(withdrawn) > 1 else 'is'} no longer "
            "approved: remove or approve them first."
        )
    _refuse_unfillable(quiz)
    if quiz.published_at is None:
        quiz.published_at = timezone.now()
        quiz.save(update_fields=["published_at"])
    return quiz


@transaction.atomic
def quiz_delete(*, quiz: Quiz) -> None:
    """Delete a quiz nobody has started; one with attempts is taken back instead."""
    quiz = _locked(quiz)
    if quiz.attempts.exists():
        raise ContentError(
            "Students have attempted this quiz: take it back instead, so their results stay."
        )
    quiz.delete()

"""Item analysis of a quiz, as Moodle's quiz statistics compute it, over each student's first
finished attempt:

- facility index: the mean share of the question's points earned (0 to 1);
- discrimination index: the correlation of the question's score with the score on the rest of
  the attempt (from -1 to 1; Moodle shows it times 100): good questions are answered better by
  those who do better overall;
- for questions with options, how often each option was picked.

Questions that discriminate badly, that nearly everyone gets right or wrong, or whose option
nobody picks are flagged (`quizzes.QuestionFlag`), which the question bank shows, once at least
MIN_ATTEMPTS attempts answered them."""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction

from learning.models import Attempt, AttemptAnswer
from quizzes import question_types
from quizzes.models import Question, QuestionFlag, Quiz

MIN_ATTEMPTS = 10
LOW_DISCRIMINATION = 0.2
EASY, HARD = 0.95, 0.05


@dataclass
class ItemStatistics:
    question: Question
    attempts: int
    facility: float | None
    discrimination: float | None
    # Option text -> times picked, for questions with options (every option listed).
    picks: dict[str, int] = field(default_factory=dict)
    flags: list[tuple[str, str]] = field(default_factory=list)

    @property
    def facility_percent(self) -> int | None:
        return None if self.facility is None else round(100 * self.facility)

    @property
    def discrimination_percent(self) -> int | None:
        return None if self.discrimination is None else round(100 * self.discrimination)


def correlation(xs: list[float], ys: list[float]) -> float | None:
    """Pearson's correlation; None when either side does not vary."""
    count = len(xs)
    if count < 2:
        return None
    mean_x, mean_y = sum(xs) / count, sum(ys) / count
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    spread_x = math.sqrt(sum((x - mean_x) ** 2 for x in xs))
    spread_y = math.sqrt(sum((y - mean_y) ** 2 for y in ys))
    if spread_x == 0 or spread_y == 0:
        return None
    return covariance / (spread_x * spread_y)


def analysed_attempts(quiz: Quiz, now: datetime):
    """Each student's first finished attempt."""
    finished = Attempt.objects.filter(quiz=quiz).finished(now).order_by("student_id", "number")
    return finished.distinct("student_id")


def _picked(response) -> str | None:
    if isinstance(response, bool):
        return "True" if response else "False"
    return response if isinstance(response, str) else None


def _options(question: Question) -> list[str]:
    kind = question_types.question_type(question.type)
    return question_types.flashcard(question).options if kind.picks else []


def item_statistics(quiz: Quiz, now: datetime) -> list[ItemStatistics]:
    answers = list(
        AttemptAnswer.objects.filter(attempt__in=analysed_attempts(quiz, now))
        .select_related("question")
        .order_by("attempt_id", "position")
    )
    totals: Counter = Counter()
    for answer in answers:
        totals[answer.attempt_id] += answer.points_earned
    by_question: dict[int, list[AttemptAnswer]] = defaultdict(list)
    for answer in answers:
        by_question[answer.question_id].append(answer)
    statistics = []
    for group in by_question.values():
        question = group[0].question
        scores = [answer.points_earned for answer in group]
        rest = [totals[answer.attempt_id] - answer.points_earned for answer in group]
        picks = dict.fromkeys(_options(question), 0)
        for answer in group:
            picked = _picked(answer.response)
            if picked is not None and picked in picks:
                picks[picked] += 1
        item = ItemStatistics(
            question=question,
            attempts=len(group),
            facility=sum(answer.score or 0 for answer in group) / len(group),
            discrimination=correlation(scores, rest),
            picks=picks,
        )
        item.flags = _flags(item)
        statistics.append(item)
    order = {answer.question_id: answer.position for answer in reversed(answers)}
    return sorted(statistics, key=lambda item: order[item.question.pk])


def _flags(item: ItemStatistics) -> list[tuple[str, str]]:
    if item.attempts < MIN_ATTEMPTS:
        return []
    reasons = QuestionFlag.Reason
    flags = []
    if item.discrimination is not None and item.discrimination < LOW_DISCRIMINATION:
        flags.append(
            (reasons.LOW_DISCRIMINATION, f"discrimination index {item.discrimination_percent}%")
        )
    if item.facility >= EASY:
        flags.append((reasons.TOO_EASY, f"facility index {item.facility_percent}%"))
    elif item.facility <= HARD:
        flags.append((reasons.TOO_HARD, f"facility index {item.facility_percent}%"))
    unused = [option for option, count in item.picks.items() if count == 0]
    if unused:
        flags.append(
            (reasons.UNUSED_OPTION, "nobody picked " + ", ".join(f"“{o}”" for o in unused))
        )
    return flags


@transaction.atomic
def flags_refresh(*, quiz: Quiz, now: datetime) -> list[ItemStatistics]:
    """Recompute the quiz's item statistics and store its flags, replacing the old ones."""
    statistics = item_statistics(quiz, now)
    QuestionFlag.objects.filter(quiz=quiz).delete()
    QuestionFlag.objects.bulk_create(
        QuestionFlag(
            question=item.question,
            quiz=quiz,
            reason=reason,
            detail=detail[:300],
            attempts=item.attempts,
        )
        for item in statistics
        for reason, detail in item.flags
    )
    return statistics

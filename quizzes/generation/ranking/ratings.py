"""The rated set: people's judgements of generated questions, kept without the articles' text.

Each line of `ratings.jsonl` names a question by its identity (the article's file name, the
question's type, its answer, the offsets of its source sentence in the cleaned text, the
wording template where the generator has one, and for a true/false statement a hash of the
statement, since one sentence gives several) and holds the label, the rubric criterion of a
rejection (`../shared/QUESTION_QUALITY.md`, 1 to 6) and a short reason in the rater's words.
When the generator changes, a question whose identity no longer matches a rating is unrated, and
is reported as such so that it is rated in turn: the set grows with the generator.

A rating also records a hash of what the rater saw (`shown_hash`: the prompt, the choices, the
answer, the variants accepted and the tolerance). A question whose identity still matches but
whose choices or tolerance the generator has changed since is no longer what was judged: it
counts as unrated until it is rated again. (The hash came after the first 2,032 ratings: those
of questions the generator still made on 2026-11-30 were stamped with the question as it was
then; the rest, of questions no longer made, have none and match by identity alone.)
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from ..records import Question

RATINGS_FILE = Path(__file__).with_name("ratings.jsonl")
LABELS = ("acceptable", "weak", "unacceptable")
# "weak" is acceptable but of low value: it counts as acceptable, ranked below the strong ones.
ACCEPTABLE = frozenset({"acceptable", "weak"})


def statement_hash(prompt: str) -> str:
    return hashlib.sha256(prompt.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class QuestionKey:
    article: str
    type: str
    answer: str
    start: int
    end: int
    template: str
    variant: str = ""

    @classmethod
    def of(cls, article: str, question: Question) -> "QuestionKey":
        return cls(
            article=article,
            type=question.type,
            answer=json.dumps(question.answer, sort_keys=True, ensure_ascii=False),
            start=question.start,
            end=question.end,
            template=str(question.features.get("template", "")),
            variant=statement_hash(question.prompt) if question.type == "true_false" else "",
        )


def shown_hash(question: Question) -> str:
    """What a rater judges of a question beyond its identity, as a short hash."""
    shown = [question.prompt, question.choices, question.answer, question.accepted,
             question.tolerance]  # fmt: skip
    return statement_hash(json.dumps(shown, sort_keys=True, ensure_ascii=False))


@dataclass(frozen=True)
class Rating:
    key: QuestionKey
    label: str
    criterion: int | None
    reason: str
    shown: str = ""  # `shown_hash` of the question as rated; "" in the first ratings

    def judges(self, question: Question) -> bool:
        """Does this rating (found by the question's key) judge the question as it is now?"""
        return not self.shown or self.shown == shown_hash(question)

    @property
    def acceptable(self) -> bool:
        return self.label in ACCEPTABLE

    def to_json(self) -> str:
        data = {"key": asdict(self.key), "label": self.label, "criterion": self.criterion,
                "reason": self.reason}  # fmt: skip
        if self.shown:
            data["shown"] = self.shown
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict) -> "Rating":
        label = data["label"]
        if label not in LABELS:
            raise ValueError(f"label {label!r} is not one of {', '.join(LABELS)}")
        criterion = data.get("criterion")
        if label == "unacceptable" and criterion not in range(1, 7):
            raise ValueError("a rejection names its criterion, 1 to 6")
        return cls(QuestionKey(**data["key"]), label, criterion, data.get("reason", ""),
                   data.get("shown", ""))  # fmt: skip


def load_ratings(path: Path = RATINGS_FILE) -> dict[QuestionKey, Rating]:
    """The ratings by question; a later line for the same question replaces an earlier one."""
    ratings: dict[QuestionKey, Rating] = {}
    if not path.exists():
        return ratings
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rating = Rating.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path.name} line {number}: {error}") from None
            ratings[rating.key] = rating
    return ratings


def rating_of(
    ratings: dict[QuestionKey, Rating], article: str, question: Question
) -> Rating | None:
    """The rating that judges the question as the generator now makes it, if any."""
    rating = ratings.get(QuestionKey.of(article, question))
    return rating if rating is not None and rating.judges(question) else None


def save_ratings(ratings: Iterable[Rating], path: Path = RATINGS_FILE) -> None:
    ordered = sorted(ratings, key=lambda r: (r.key.article, r.key.start, r.key.type, r.key.answer))
    path.write_text("".join(rating.to_json() + "\n" for rating in ordered), encoding="utf-8")

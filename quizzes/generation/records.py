"""The facts and questions an article yields, as plain data."""

from dataclasses import dataclass, field
from typing import Any

FACT_KINDS = (
    "quantity",
    "percent",
    "money",
    "date",
    "period",
    "person",
    "role",
    "quote",
    "place",
    "event",
    "organisation",
    "acronym",
    "ordinal",
)


@dataclass
class Fact:
    id: str
    kind: str
    text: str
    value: Any
    sentence: str
    start: int
    end: int
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "value": self.value,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Question:
    type: str
    prompt: str
    answer: str | float | bool | list
    accepted: list[str]
    choices: list
    tolerance: float | None
    fact: str
    facts: list[str]
    sentence: str
    start: int
    end: int
    explanation: str
    score: float = 0.0
    features: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "type": self.type,
            "prompt": self.prompt,
            "answer": self.answer,
            "accepted": self.accepted,
            "choices": self.choices,
            "tolerance": self.tolerance,
            "fact": self.fact,
            "sentence": self.sentence,
            "explanation": self.explanation,
            "score": self.score,
        }

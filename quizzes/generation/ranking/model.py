"""The learned ranker at run time: a logistic regression over `vectors.vector`, read from a small
versioned JSON file. Scoring is a weighted sum and a sigmoid, in plain Python: no training
library is needed to rank (the fitting is in `training`, a development tool)."""

import json
import math
from dataclasses import dataclass
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("weights.json")
FORMAT = 1


@dataclass(frozen=True)
class LearnedModel:
    version: str  # which fit: a date and what it learned from
    intercept: float
    weights: dict[str, float]  # per feature, on the standardised value
    means: dict[str, float]
    scales: dict[str, float]

    def terms(self, values: dict[str, float]) -> dict[str, float]:
        """Each feature's part of the score (the log-odds), to explain a ranking."""
        return {
            name: weight * (values.get(name, 0.0) - self.means[name]) / self.scales[name]
            for name, weight in self.weights.items()
        }

    def probability(self, values: dict[str, float]) -> float:
        """How likely a teacher is to accept the question, 0 to 1."""
        logit = self.intercept + sum(self.terms(values).values())
        return 1 / (1 + math.exp(-max(min(logit, 40.0), -40.0)))

    def to_json(self) -> str:
        data = {"format": FORMAT, "version": self.version, "intercept": self.intercept,
                "weights": self.weights, "means": self.means, "scales": self.scales}  # fmt: skip
        return json.dumps(data, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "LearnedModel":
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise ValueError(f"weights of format {data.get('format')!r}; this code reads {FORMAT}")
        return cls(data["version"], data["intercept"], data["weights"], data["means"],
                   data["scales"])  # fmt: skip


def load_model(path: Path | None = None) -> LearnedModel | None:
    """The shipped (or given) weights; None when there are none, and the hand weights rank."""
    path = path or WEIGHTS_FILE
    if not path.exists():
        return None
    return LearnedModel.from_json(path.read_text(encoding="utf-8"))

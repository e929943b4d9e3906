"""Fitting the learned ranker (a development tool: it needs scikit-learn, which `make install`
brings; ranking itself reads only the fitted weights).

A rated question is one row: its feature vector, whether a teacher accepts it, and its group
(its article), so that cross-validation never trains on an article it then tests on. "Weak"
questions count half accepted, half not, so the ranker places them below the strong ones.
"""

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import LearnedModel
from .vectors import FEATURE_NAMES

TRAINING_SET_FILE = Path(__file__).with_name("training_set.json")
# L2 strength: the rated set is a few thousand rows over ~45 features; a firm prior keeps the
# weights readable and the fit stable across folds.
REGULARISATION = 0.5


@dataclass(frozen=True)
class Row:
    group: str  # the article (or, for instructors' decisions, the deployment's article id)
    values: dict[str, float]
    target: float  # 1 accepted, 0.5 weak, 0 not


def target_of(label: str) -> float:
    return {"acceptable": 1.0, "weak": 0.5, "unacceptable": 0.0}[label]


def fit(rows: Sequence[Row], version: str) -> LearnedModel:
    from sklearn.linear_model import LogisticRegression

    names = list(FEATURE_NAMES)
    means = {name: sum(row.values.get(name, 0.0) for row in rows) / len(rows) for name in names}
    scales = {}
    for name in names:
        variance = sum((row.values.get(name, 0.0) - means[name]) ** 2 for row in rows) / len(rows)
        scales[name] = math.sqrt(variance) or 1.0
    matrix, labels, weights = [], [], []
    for row in rows:
        standard = [(row.values.get(n, 0.0) - means[n]) / scales[n] for n in names]
        # A half-accepted row is a positive and a negative example of half weight each.
        for label, weight in ((1, row.target), (0, 1 - row.target)):
            if weight:
                matrix.append(standard)
                labels.append(label)
                weights.append(weight)
    model = LogisticRegression(C=REGULARISATION, max_iter=2000)
    model.fit(matrix, labels, sample_weight=weights)
    coefficients = {name: round(float(c), 6) for name, c in zip(names, model.coef_[0], strict=True)}
    return LearnedModel(
        version=version,
        intercept=round(float(model.intercept_[0]), 6),
        weights=coefficients,
        means={name: round(value, 6) for name, value in means.items()},
        scales={name: round(value, 6) for name, value in scales.items()},
    )


def grouped_folds(groups: Sequence[str], folds: int = 5) -> list[set[str]]:
    """The groups split into `folds` sets of about equal size, the same way every run."""
    ordered = sorted(set(groups))
    return [set(ordered[start::folds]) for start in range(folds)]


def cross_validated(
    rows: Sequence[Row], evaluate: Callable[[LearnedModel, set[str]], None], folds: int = 5
) -> None:
    """Fit on all groups but one fold's, and call `evaluate` with the model and the held-out
    groups, for each fold."""
    for held_out in grouped_folds([row.group for row in rows], folds):
        training = [row for row in rows if row.group not in held_out]
        evaluate(fit(training, version="fold"), held_out)


def save_training_set(rows: Sequence[Row], path: Path | None = None) -> None:
    """The rated set as numbers only (no text): a deployment refits from it and its own
    instructors' decisions without the development articles."""
    path = path or TRAINING_SET_FILE
    names = list(FEATURE_NAMES)
    groups = sorted({row.group for row in rows})
    number = {group: index for index, group in enumerate(groups)}
    data = {
        "features": names,
        "rows": [
            [number[row.group], row.target, *[round(row.values.get(n, 0.0), 5) for n in names]]
            for row in rows
        ],
    }
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")


def load_training_set(path: Path | None = None) -> list[Row]:
    path = path or TRAINING_SET_FILE
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    names = data["features"]
    return [
        Row(f"shipped-{row[0]}", dict(zip(names, row[2:], strict=True)), row[1])
        for row in data["rows"]
    ]

"""Teaching the question ranker from this deployment's instructors.

Every decision on a generated question is a rating: approved as generated is accepted, approved
after an edit or flagged by a quiz's item analysis is half accepted (it needed work, or did not
serve students well), rejected is not. `ranker_train` refits the ranker from the rated set that
ships with the code (as numbers: `training_set.json`) plus these decisions, compares it with the
ranker in use by precision at 5 (cross-validated by article), and switches to the new weights
only when they do better.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from quizzes.errors import ContentError
from quizzes.generation.ranking.model import LearnedModel, load_model
from quizzes.models import Question

SHIPPED = "shipped"


@dataclass(frozen=True)
class TrainingReport:
    shipped_rows: int
    decisions: int
    groups: int
    current: str  # which weights rank now
    current_precision: float
    new_precision: float
    switched: bool
    model: LearnedModel | None


def deployment_ranker() -> LearnedModel | None:
    """This deployment's refitted ranker, or None to use the weights that ship."""
    path: Path = settings.RANKER_WEIGHTS
    if not path.exists():
        return None
    return _load(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=2)
def _load(path: Path, _modified: int) -> LearnedModel | None:
    return load_model(path)


def decision_target(question: Question) -> float | None:
    """What an instructor's handling of a generated question says of it; None if undecided."""
    if question.status == Question.Status.REJECTED:
        return 0.0
    if question.status != Question.Status.APPROVED:
        return None
    if question.version > 1 or question.flags.exists():
        return 0.5
    return 1.0


def decision_rows():
    from quizzes.generation.ranking.training import Row

    questions = (
        Question.objects.filter(origin=Question.Origin.GENERATED)
        .exclude(ranking_features={})
        .filter(status__in=[Question.Status.APPROVED, Question.Status.REJECTED])
        .prefetch_related("flags")
    )
    rows = []
    for question in questions.iterator(chunk_size=500):
        target = decision_target(question)
        if target is not None:
            rows.append(Row(f"article-{question.article_id}", question.ranking_features, target))
    # Only articles where the instructor told good from bad teach the ranker anything: all
    # approved (as the demo's "approve the best" leaves them) ranks every order alike.
    verdicts: dict[str, set[bool]] = defaultdict(set)
    for row in rows:
        verdicts[row.group].add(row.target >= 0.5)
    return [row for row in rows if len(verdicts[row.group]) == 2]


def precision_at_5(model: LearnedModel | None, rows) -> float:
    """Mean over articles of the share accepted among the five rows the model puts first."""
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(row.group, []).append(row)
    shares = []
    for group in groups.values():
        if model is not None:
            group.sort(key=lambda row: -model.probability(row.values))
        top = group[:5]
        shares.append(sum(row.target >= 0.5 for row in top) / len(top))
    return sum(shares) / len(shares) if shares else 0.0


def ranker_train(*, write: bool = True, now=None) -> TrainingReport:
    """Refit the ranker and switch to it if it ranks this deployment's articles better than the
    ranker in use. Both are judged on articles they were not fitted on: the new fit
    by leaving out, in turn, each fifth of the articles with decisions."""
    from quizzes.generation.ranking.training import fit, grouped_folds, load_training_set

    shipped, decisions = load_training_set(), decision_rows()
    decided = sorted({row.group for row in decisions})
    if len(decided) < 2:
        raise ContentError(
            "Too few decisions to learn from: approve and reject questions (both) on at least two "
            "articles first."
        )
    current = deployment_ranker()
    current_name = "this deployment's" if current else SHIPPED
    current = current or load_model()
    shares, weights = [], []
    for held_out in grouped_folds(decided, folds=min(5, len(decided))):
        training = shipped + [row for row in decisions if row.group not in held_out]
        tested = [row for row in decisions if row.group in held_out]
        shares.append(precision_at_5(fit(training, version="fold"), tested))
        weights.append(len(held_out))
    new_precision = sum(s * w for s, w in zip(shares, weights, strict=True)) / sum(weights)
    current_precision = precision_at_5(current, decisions) if current else 0.0
    model = None
    switched = False
    if new_precision > current_precision:
        now = now or timezone.now()
        version = f"{now:%Y-%m-%d}, {len(shipped)} shipped + {len(decisions)} decisions"
        model = fit(shipped + decisions, version=version)
        if write:
            settings.RANKER_WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
            settings.RANKER_WEIGHTS.write_text(model.to_json(), encoding="utf-8")
            switched = True
    return TrainingReport(
        shipped_rows=len(shipped),
        decisions=len(decisions),
        groups=len(decided),
        current=current_name,
        current_precision=current_precision,
        new_precision=new_precision,
        switched=switched,
        model=model,
    )

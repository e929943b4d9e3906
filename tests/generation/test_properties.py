"""Whatever text arrives, generation either works or raises GenerationError."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.generation import GenerationError, generate, question_problems

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

SENTENCE_PARTS = st.sampled_from(
    [
        "Kim Jong Un",
        "said",
        "\u201c",
        "\u201d",
        '"',
        "almost 95%",
        "in June 2018",
        "the summit",
        "Putin",
        ",",
        ".",
        "?",
        "\n\n",
        "(KCNA)",
        "He",
        "Share this article",
        "0:00",
        "$200 billion",
        "December 22",
        "the fall of 2018",
        "Théo Clément, a research associate at King's College",
    ]
)


def as_paragraphs(fragment: str) -> str:
    # Distinct sentence-shaped paragraphs, so cleaning keeps them and spaCy really runs.
    return "\n\n".join(
        f"The minister said on {day} that {fragment} would matter to the officials."
        for day in ("Monday", "Tuesday", "Wednesday")
    )


def generate_or_refuse(text, nlp):
    try:
        article = generate(text, nlp=nlp)
    except GenerationError:
        return None
    for question in article.questions:
        assert question_problems(question, article) == []
    return article


@SETTINGS
@given(text=st.text(max_size=400))
def test_random_text_only_raises_generation_error(nlp, text):
    generate_or_refuse(text, nlp)
    generate_or_refuse(as_paragraphs(text), nlp)


@SETTINGS
@given(text=st.text(alphabet=st.characters(categories=["P", "S", "Z", "Cc"]), max_size=300))
def test_punctuation_symbols_and_control_characters_are_refused_cleanly(nlp, text):
    assert generate_or_refuse(text, nlp) is None


@SETTINGS
@given(parts=st.lists(SENTENCE_PARTS, max_size=60))
def test_article_like_fragments_never_break_generation(nlp, parts):
    generate_or_refuse(" ".join(parts), nlp)
    generate_or_refuse(as_paragraphs(" ".join(parts)), nlp)


@SETTINGS
@given(word=st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=5000))
def test_one_huge_word_never_breaks_generation(nlp, word):
    generate_or_refuse(word, nlp)
    generate_or_refuse(as_paragraphs(word), nlp)


@SETTINGS
@given(count=st.integers(1, 200), mark=st.sampled_from(['"', "\u201c", "\u201d", "'", "\u00ab"]))
def test_repeated_and_unbalanced_quotes_never_break_generation(nlp, count, mark):
    generate_or_refuse(as_paragraphs(f"{mark * count} it was almost 95% {mark} done"), nlp)


@SETTINGS
@given(numbers=st.lists(st.integers(-(10**12), 10**12), min_size=1, max_size=50))
def test_numbers_only_never_break_generation(nlp, numbers):
    generate_or_refuse(" ".join(map(str, numbers)), nlp)
    generate_or_refuse(as_paragraphs(" ".join(map(str, numbers))), nlp)

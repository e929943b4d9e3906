"""An article's sentences: where each starts and ends in its text.

Stored at import; articles stored before that get them from the NLP pipeline on first use."""

from django.conf import settings

from quizzes.generation import load_nlp, sentence_spans
from quizzes.models import Article, Fact


def article_sentences(article: Article) -> list[tuple[int, int]]:
    if not article.sentences:
        spans = sentence_spans(article.text, load_nlp(settings.NLP_MODEL))
        Article.objects.filter(pk=article.pk).update(sentences=spans)
        article.sentences = spans
    return [(start, end) for start, end in article.sentences]


def sentence_choices(article: Article, current=None) -> list[tuple[int, str]]:
    """(start, text) of every sentence, for a picker; with the question's `current` span among
    them when it is not one of the sentences (a quote the generator took with the one before)."""
    spans = dict(article_sentences(article))
    if current is not None:
        spans.setdefault(current.start, current.end)
    return [(start, article.text[start:end]) for start, end in sorted(spans.items())]


def sentence_fact(article: Article, start: int, end: int) -> Fact:
    """The fact a hand-written question on this sentence is about: a current one found in the
    sentence (so the cards on it are siblings), or a new one standing for the sentence."""
    existing = article.facts.current().filter(start=start).order_by("id").first()
    if existing is not None:
        return existing
    text = article.text[start:end]
    return Fact.objects.create(
        article=article, kind="sentence", text=text, sentence=text, start=start, end=end
    )

"""The pipeline: clean, parse, extract facts, ask questions, rank."""

import datetime as dt
from dataclasses import dataclass, field

from spacy.language import Language

from .cleaning import clean
from .entities import build_index
from .errors import GenerationError
from .facts import extract_facts
from .parsing import parse
from .questions import build_questions
from .questions.context import Context
from .ranking import rank
from .ranking.model import LearnedModel
from .records import Fact, Question

MAX_TITLE_CHARS = 90


@dataclass
class GeneratedArticle:
    title: str
    byline: str
    text: str
    facts: list[Fact] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    # (start, end) of every sentence: a question's source sentence is one of them.
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self, source: str) -> dict:
        return {
            "source": source,
            "title": self.title,
            "facts": [fact.to_dict() for fact in self.facts],
            "questions": [question.to_dict() for question in self.questions],
        }


def fallback_title(sentence: str) -> str:
    if len(sentence) <= MAX_TITLE_CHARS:
        return sentence
    return sentence[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def generate(
    raw_text: str,
    *,
    nlp: Language,
    published: dt.date | None = None,
    title: str | None = None,
    ranker: LearnedModel | None = None,
) -> GeneratedArticle:
    """The article cleaned, its facts, and its questions best first: ranked by `ranker` (a
    deployment's own refit) or else by the weights that ship with the code."""
    if not raw_text or not raw_text.strip():
        raise GenerationError("The article is empty.")
    cleaned = clean(raw_text, title=title)
    if not cleaned.text.strip():
        raise GenerationError(
            "No article text was found: after removing page furniture nothing reads as sentences."
        )
    parsed = parse(cleaned, nlp)
    if not parsed.sentences:
        raise GenerationError("No sentences were found in the article text.")
    index = build_index(parsed)
    facts = extract_facts(parsed, index, published or cleaned.published)
    context = Context(parsed, index, facts, title=cleaned.title or "")
    questions = rank(build_questions(context), context, ranker)
    return GeneratedArticle(
        title=cleaned.title or fallback_title(parsed.sentences[0].text),
        byline=cleaned.byline,
        text=cleaned.text,
        facts=facts,
        questions=questions,
        sentences=[(sentence.start, sentence.end) for sentence in parsed.sentences],
    )

"""Run spaCy over the cleaned paragraphs and index sentences by character offset."""

from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .cleaning import CleanedText


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    span: Span
    offset: int  # where the sentence's paragraph starts in the article text


@dataclass(frozen=True)
class ParsedText:
    text: str
    docs: tuple[tuple[int, Doc], ...]
    sentences: tuple[Sentence, ...]

    def sentence_at(self, char: int) -> Sentence:
        starts = [sentence.start for sentence in self.sentences]
        return self.sentences[max(bisect_right(starts, char) - 1, 0)]


def parse(cleaned: CleanedText, nlp: Language) -> ParsedText:
    # One Doc per paragraph keeps sentences from running across paragraph breaks, and
    # nlp.pipe batches them for speed.
    texts = [cleaned.text[start:end] for start, end in cleaned.paragraphs]
    docs = tuple(
        (start, doc) for (start, _end), doc in zip(cleaned.paragraphs, nlp.pipe(texts), strict=True)
    )
    sentences = []
    for offset, doc in docs:
        for span in doc.sents:
            text = span.text.strip()
            if not any(char.isalpha() for char in text):
                continue
            start = offset + span.start_char
            sentences.append(Sentence(len(sentences), start, start + len(text), text, span, offset))
    return ParsedText(cleaned.text, docs, tuple(sentences))

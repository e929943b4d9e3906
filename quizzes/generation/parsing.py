"""Run spaCy over the cleaned paragraphs and index sentences by character offset."""

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Span

from .cleaning import CleanedText, assemble


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

    @cached_property
    def starts(self) -> list[int]:
        # Read once: every question's features and wording look their sentence up.
        return [sentence.start for sentence in self.sentences]

    def sentence_at(self, char: int) -> Sentence:
        return self.sentences[max(bisect_right(self.starts, char) - 1, 0)]


# The tagger reads "a.m." as an abbreviation that never ends a sentence, so "shortly after
# 3 a.m. He said ..." stays one sentence unless a pronoun or determiner shows where it breaks.
SPLIT_AFTER_TIME = re.compile(
    r"(?<=\b[ap]\.m\.)\s+(?=(?:He|She|It|They|We|I|The|This|That|These|Those|His|Her|Its"
    r"|Their|A|An|But|And)\b)"
)


def sentence_pieces(doc: Doc) -> list[Span]:
    """The doc's sentences, split after "a.m." where a new sentence plainly starts, and with a
    piece that starts in lower case ("he said.") joined to the one before."""
    text = doc.text
    times = [match.end() for match in SPLIT_AFTER_TIME.finditer(text)] if ".m." in text else []
    pieces: list[Span] = []
    for span in doc.sents:
        bounds = [end for end in times if span.start_char < end < span.end_char]
        if bounds:
            starts, ends = [span.start_char, *bounds], [*bounds, span.end_char]
            parts = [
                doc.char_span(start, end, alignment_mode="expand")
                for start, end in zip(starts, ends, strict=True)
            ]
        else:
            parts = [span]
        for part in parts:
            if pieces and part.text.lstrip()[:1].islower():
                pieces[-1] = doc[pieces[-1].start : part.end]
            else:
                pieces.append(part)
    return pieces


def parse(cleaned: CleanedText, nlp: Language) -> ParsedText:
    # One Doc per paragraph keeps sentences from running across paragraph breaks, and
    # nlp.pipe batches them for speed.
    texts = [cleaned.text[start:end] for start, end in cleaned.paragraphs]
    docs = tuple(
        (start, doc) for (start, _end), doc in zip(cleaned.paragraphs, nlp.pipe(texts), strict=True)
    )
    sentences = []
    for offset, doc in docs:
        for span in sentence_pieces(doc):
            text = span.text.strip()
            if not any(char.isalpha() for char in text):
                continue
            start = offset + span.start_char
            sentences.append(Sentence(len(sentences), start, start + len(text), text, span, offset))
    return ParsedText(cleaned.text, docs, tuple(sentences))


def sentence_spans(text: str, nlp: Language) -> list[tuple[int, int]]:
    """The (start, end) of every sentence of an already cleaned article text."""
    parsed = parse(assemble("", "", text.split("\n\n")), nlp)
    return [(sentence.start, sentence.end) for sentence in parsed.sentences]

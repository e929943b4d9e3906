"""Find quotations, join those that run over paragraphs, and say who spoke them."""

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .coreference import person_before
from .entities import PERSON, EntityIndex
from .parsing import ParsedText

OPENING = "“«"
CLOSING = "”»"
SPEECH_VERBS = frozenset(
    [
        "said",
        "says",
        "say",
        "added",
        "adds",
        "told",
        "tells",
        "explained",
        "explains",
        "commented",
        "comments",
        "noted",
        "notes",
        "wrote",
        "writes",
        "stated",
        "states",
        "insisted",
        "insists",
        "argued",
        "argues",
        "asked",
        "asks",
        "predicted",
        "warned",
        "continued",
        "acknowledged",
        "recalled",
        "observed",
        "concluded",
        "claimed",
        "claims",
        "announced",
        "declared",
        "suggested",
        "according",
        "replied",
        "responded",
        "believes",
        "believed",
        "stressed",
        "emphasised",
        "emphasized",
    ]
)
SPEAKER_PRONOUNS = frozenset({"he", "she"})


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str
    sentence_start: int
    sentence_end: int
    by_pronoun: bool = False  # the speaker was found only by resolving a "he" or "she"


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of the text inside each pair of quotation marks."""
    spans = []
    open_at = None
    for index, char in enumerate(text):
        if char in OPENING and open_at is None:
            open_at = index + 1
        elif (char in CLOSING or char == '"') and open_at is not None:
            spans.append((open_at, index, True))
            open_at = None
        elif char == '"':
            open_at = index + 1
    if open_at is not None and text[open_at:].strip():
        spans.append((open_at, len(text), False))
    return spans


def article_quote_spans(parsed: ParsedText) -> list[tuple[int, int]]:
    """Quote spans over the whole text; an unclosed quote goes on in the next paragraph when that
    paragraph opens with a quotation mark, the convention for a quote of several paragraphs."""
    spans: list[tuple[int, int]] = []
    carrying = None
    previous_end = 0
    for offset, doc in parsed.docs:
        text = doc.text
        local = quote_spans(text)
        if carrying is not None:
            if text[:1] in OPENING + '"' and local and local[0][0] == 1:
                _start, end, closed = local.pop(0)
                if not closed:
                    previous_end = offset + len(text)
                    continue  # the quote runs on through this whole paragraph too
                spans.append((carrying, offset + end))
            else:
                # Never closed: the quote ends with its paragraph (often a stray mark, `? “`).
                spans.append((carrying, previous_end))
            carrying = None
        for start, end, closed in local:
            if closed:
                spans.append((offset + start, offset + end))
            else:
                carrying = offset + start
        previous_end = offset + len(text.rstrip(" " + OPENING + CLOSING + '"'))
    if carrying is not None:
        spans.append((carrying, previous_end))
    return spans


def inside(token: Token, offset: int, spans: list[tuple[int, int]]) -> bool:
    position = offset + token.idx
    return any(start <= position < end for start, end in spans)


def speaker_of_verb(
    verb: Token, index: EntityIndex, offset: int, pronoun_means: Callable[[str], str]
) -> tuple[str, bool]:
    """The speaker's name, and whether it was found only by resolving a "he" or "she"."""
    if verb.lower_ == "according":
        for child in verb.subtree:
            if child.dep_ == "pobj":
                return name_at(child, index, offset), False
        return "", False
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in SPEAKER_PRONOUNS:
                return pronoun_means(child.lower_), True
            for appos in child.children:  # "The artistic director, Femi Adeyemi, said"
                entity = index.at(offset + appos.idx, offset + appos.idx + len(appos.text))
                if appos.dep_ == "appos" and entity is not None and entity.kind == PERSON:
                    return entity.name, False
            return name_at(child, index, offset), False
    for token in verb.doc[verb.i + 1 : verb.i + 6]:
        if token.ent_type_ == "PERSON" or token.pos_ == "PROPN":
            return name_at(token, index, offset), False
        if token.lower_ in SPEAKER_PRONOUNS:
            return pronoun_means(token.lower_), True
    return "", False


def name_at(token: Token, index: EntityIndex, offset: int) -> str:
    entity = index.at(offset + token.idx, offset + token.idx + len(token.text))
    if entity is not None:
        return entity.name
    if token.pos_ not in ("PROPN", "NOUN"):
        return ""
    words = [t for t in token.subtree if not t.is_punct]
    if not words or len(words) > 6:
        return ""
    return token.doc[words[0].i : words[-1].i + 1].text


def attributed_speaker(
    parsed: ParsedText, index: EntityIndex, spans: list[tuple[int, int]], start: int, end: int
) -> tuple[str, bool]:
    """The speaker named by a speech verb outside the quote, in its last or first sentence,
    and whether only a pronoun named them."""

    def pronoun_means(pronoun: str) -> str:
        person = person_before(parsed, index, start, pronoun)
        return person.name if person else ""

    attributed = False
    for sentence in (parsed.sentence_at(max(end - 1, start)), parsed.sentence_at(start)):
        verbs = [t for t in sentence.span if t.lower_ in SPEECH_VERBS]
        verbs = [t for t in verbs if not inside(t, sentence.offset, spans)]
        verbs.sort(key=lambda t: abs(sentence.offset + t.idx - end))
        for verb in verbs:
            speaker, by_pronoun = speaker_of_verb(verb, index, sentence.offset, pronoun_means)
            if speaker:
                return speaker, by_pronoun
            attributed = attributed or by_pronoun
    # '"...," he said' with a "he" that could not be resolved still says the quote is not the
    # last speaker's going on: the caller must not hand it to them.
    return ("", True) if attributed else ("", False)


def opens_paragraph(text: str, start: int) -> bool:
    return start <= 1 or text[start - 2 : start - 1] == "\n"


def someone_else_named(index: EntityIndex, speaker: str, since: int, until: int) -> bool:
    """Whether a person other than the last speaker is named between two quotes: after
    "Gay trailed in second." the next quote is not the first speaker's going on."""
    return any(
        entity.kind == PERSON and entity.name != speaker
        for _start, _end, entity in index.mentions_between(since, until)
    )


def find_quotes(parsed: ParsedText, index: EntityIndex) -> list[Quote]:
    spans = article_quote_spans(parsed)
    quotes = []
    last_speaker, last_by_pronoun = "", False
    last_paragraph_end = -1
    last_sentence_end = 0  # where the sentence holding the last quote and its attribution ends
    for start, end in spans:
        body = parsed.text[start:end].strip(" ,.")
        first = parsed.sentence_at(start)
        last = parsed.sentence_at(max(end - 1, start))
        speaker, by_pronoun = attributed_speaker(parsed, index, spans, start, end)
        same_paragraph = "\n" not in parsed.text[last_paragraph_end:start]
        unattributed = not speaker and not by_pronoun
        goes_on = opens_paragraph(parsed.text, start) or same_paragraph
        interrupted = someone_else_named(index, last_speaker, last_sentence_end, start)
        if unattributed and goes_on and not interrupted:
            # A quote with no attribution of its own goes on from the last speaker: a paragraph
            # that is all quote, or a second quote in the same paragraph.
            speaker, by_pronoun = last_speaker, last_by_pronoun
        entity = index.find(speaker) if speaker else None
        # Only the quote just before can go on: a speaker further back is someone else's turn.
        last_speaker, last_by_pronoun = "", False
        if entity is not None and entity.kind == PERSON:
            last_speaker, last_by_pronoun = entity.name, by_pronoun
        last_paragraph_end = end
        last_sentence_end = max(end, last.end)
        quotes.append(Quote(body, start, end, speaker, first.start, last.end, by_pronoun))
    return quotes

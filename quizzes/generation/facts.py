"""Collect every fact of an article, each tied to its source sentence, in text order."""

import datetime as dt

from . import events
from .acronyms import find_acronyms
from .dates import find_dates, resolve_dates, tells_back_story
from .entities import EVENT, PERSON, EntityIndex
from .numbers import find_quantities
from .ordinals import find_ordinals
from .parsing import ParsedText, Sentence
from .people import find_roles
from .quotes import find_quotes
from .records import Fact

MAX_SENTENCES_PER_ENTITY = 3
MIN_QUOTE_WORDS = 6


def make(kind, text, value, sentence: Sentence, **extra) -> Fact:
    return Fact("", kind, text, value, sentence.text, sentence.start, sentence.end, extra)


def date_facts(parsed: ParsedText, published: dt.date | None) -> list[Fact]:
    found = []
    for sentence in parsed.sentences:
        for mention in find_dates(sentence.text):
            start = sentence.start + mention.start - sentence.offset
            tokens = sentence.span.doc.char_span(
                start, start + len(mention.text), alignment_mode="expand"
            )
            future = events.is_future(tokens) if tokens is not None else False
            found.append((mention, future, sentence, tokens))
    back_story = frozenset(
        number
        for number, (_mention, _future, sentence, _tokens) in enumerate(found)
        if tells_back_story(sentence.text)
    )
    resolved = resolve_dates(
        [(mention, future) for mention, future, *_rest in found], published, back_story=back_story
    )
    facts = []
    for (mention, future, sentence, tokens), date in zip(found, resolved, strict=True):
        if date.value is None or (mention.precision == "weekday" and date.first is None):
            continue
        start = sentence.start + mention.start
        description = events.describe(tokens) if tokens is not None else ""
        facts.append(
            make(
                date.kind,
                mention.text,
                date.value,
                sentence,
                span=(start, start + len(mention.text)),
                precision=mention.precision,
                future=future,
                inferred=date.inferred,
                first=date.first.isoformat() if date.first else None,
                last=date.last.isoformat() if date.last else None,
                description=description,
            )
        )
    return facts


def within(sentence: Sentence, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that start in the sentence, relative to its start."""
    return [
        (s - sentence.start, e - sentence.start)
        for s, e in spans
        if sentence.start <= s < sentence.end
    ]


def quantity_facts(parsed: ParsedText, excluded: list[tuple[int, int]]) -> list[Fact]:
    facts = []
    for sentence in parsed.sentences:
        for quantity in find_quantities(sentence.text, within(sentence, excluded)):
            start = sentence.start + quantity.start
            facts.append(
                make(
                    quantity.kind,
                    quantity.text,
                    quantity.value,
                    sentence,
                    span=(start, sentence.start + quantity.end),
                    figure_span=(
                        sentence.start + quantity.number_start,
                        sentence.start + quantity.number_end,
                    ),
                    amount_span=(
                        sentence.start + quantity.amount_start,
                        sentence.start + quantity.end,
                    ),
                    hedge=quantity.hedge,
                    unit=quantity.unit,
                    vague=quantity.vague,
                )
            )
    return facts


def ordinal_facts(parsed: ParsedText, excluded: list[tuple[int, int]]) -> list[Fact]:
    facts = []
    for sentence in parsed.sentences:
        for ordinal in find_ordinals(sentence.text, within(sentence, excluded)):
            start = sentence.start + ordinal.start
            facts.append(
                make(
                    "ordinal",
                    ordinal.text,
                    ordinal.value,
                    sentence,
                    span=(start, start + len(ordinal.text)),
                    in_words=ordinal.in_words,
                )
            )
    return facts


def names_with_digits(index: EntityIndex) -> list[tuple[int, int]]:
    # The 20 of "Group of 20" is part of a name, not a quantity.
    return [
        (mention.start, mention.end)
        for entity in index.entities
        for mention in entity.mentions
        if any(char.isdigit() for char in mention.text)
    ]


def entity_facts(parsed: ParsedText, index: EntityIndex) -> list[Fact]:
    facts = []
    for entity in index.entities:
        if entity.kind == EVENT:
            continue
        used: set[int] = set()
        for mention in sorted(entity.mentions, key=lambda m: m.start):
            sentence = parsed.sentence_at(mention.start)
            if sentence.index in used or len(used) >= MAX_SENTENCES_PER_ENTITY:
                continue
            used.add(sentence.index)
            facts.append(
                make(
                    entity.kind,
                    mention.text,
                    entity.name,
                    sentence,
                    span=(mention.start, mention.end),
                    entity=entity.id,
                    mentions=len(entity.mentions),
                )
            )
    return facts


def role_facts(parsed: ParsedText, index: EntityIndex) -> list[Fact]:
    facts = []
    for role in find_roles(parsed, index):
        sentence = parsed.sentence_at(role.start)
        value = {"person": role.person, "role": role.role}
        facts.append(
            make(
                "role",
                parsed.text[role.start : role.end],
                value,
                sentence,
                span=(role.start, role.end),
                article=role.article,
                source=role.source,
            )
        )
    return facts


def quote_facts(parsed: ParsedText, index: EntityIndex) -> list[Fact]:
    facts = []
    for quote in find_quotes(parsed, index):
        if len(quote.text.split()) < MIN_QUOTE_WORDS:
            continue
        speaker = index.find(quote.speaker) if quote.speaker else None
        fact = Fact(
            "",
            "quote",
            quote.text,
            {"quote": quote.text, "speaker": quote.speaker},
            parsed.text[quote.sentence_start : quote.sentence_end],
            quote.sentence_start,
            quote.sentence_end,
            {
                "span": (quote.start, quote.end),
                "speaker_is_person": bool(speaker and speaker.kind == PERSON),
                "speaker_by_pronoun": quote.by_pronoun,
            },
        )
        facts.append(fact)
    return facts


def acronym_facts(parsed: ParsedText) -> list[Fact]:
    facts = []
    for acronym in find_acronyms(parsed.text):
        sentence = parsed.sentence_at(acronym.start)
        value = {"short": acronym.short, "long": acronym.long}
        facts.append(
            make(
                "acronym",
                parsed.text[acronym.start : acronym.end],
                value,
                sentence,
                span=(acronym.start, acronym.end),
            )
        )
    return facts


def event_facts(parsed: ParsedText, dates: list[Fact]) -> list[Fact]:
    facts = []
    for date in dates:
        if not date.extra["description"] or not date.extra["first"]:
            continue
        facts.append(
            Fact(
                "",
                "event",
                date.extra["description"],
                {
                    "description": date.extra["description"],
                    "date": date.extra["first"],
                    "label": date.text,
                },
                date.sentence,
                date.start,
                date.end,
                {
                    "span": date.extra["span"],
                    "date_kind": date.kind,
                    "precision": date.extra["precision"],
                    "last": date.extra["last"] or date.extra["first"],
                },
            )
        )
    for sentence in parsed.sentences:
        for noun, place in events.event_places(sentence.span):
            start = sentence.offset + min(noun.left_edge.idx, noun.idx)
            end = sentence.offset + place.end_char
            text = parsed.text[start:end]
            facts.append(
                make(
                    "event",
                    text,
                    {"description": text, "place": place.text},
                    sentence,
                    span=(start, end),
                    place=place.text,
                )
            )
    return facts


KIND_ORDER = {
    kind: number
    for number, kind in enumerate(
        (
            "date",
            "period",
            "event",
            "percent",
            "money",
            "quantity",
            "ordinal",
            "person",
            "role",
            "place",
            "organisation",
            "acronym",
            "quote",
        )
    )
}


def extract_facts(
    parsed: ParsedText, index: EntityIndex, published: dt.date | None = None
) -> list[Fact]:
    dates = date_facts(parsed, published)
    # Figures inside a date or a name ("Group of 20") are neither quantities nor ordinals.
    taken = [fact.extra["span"] for fact in dates] + names_with_digits(index)
    facts = [
        *dates,
        *quantity_facts(parsed, taken),
        *ordinal_facts(parsed, taken),
        *entity_facts(parsed, index),
        *role_facts(parsed, index),
        *quote_facts(parsed, index),
        *acronym_facts(parsed),
        *event_facts(parsed, dates),
    ]
    facts.sort(key=lambda fact: (fact.extra.get("span", (fact.start,))[0], KIND_ORDER[fact.kind]))
    for number, fact in enumerate(facts, start=1):
        fact.id = f"f{number}"
    return facts

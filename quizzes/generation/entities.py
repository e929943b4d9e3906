"""Group spaCy's entity mentions into people, places and organisations with one display name.

"Kim Jong Un", "Kim Jong-un" and a later "Kim" are one person; "U.S.", "US" and "United
States" one place; "KCNA" and "Korean Central News Agency" one organisation.
"""

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import names, titles
from .parsing import ParsedText

PERSON, PLACE, ORGANISATION, EVENT = "person", "place", "organisation", "event"
KIND_OF_LABEL = {
    "PERSON": PERSON,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "ORG": ORGANISATION,
    "EVENT": EVENT,
}
PLACE_PREPOSITIONS = frozenset({"in", "to", "at", "from", "near", "visit", "visited", "visiting"})


@dataclass
class Mention:
    text: str
    start: int
    end: int
    label: str


@dataclass
class Entity:
    id: int
    kind: str
    name: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def variants(self) -> list[str]:
        forms = [self.name]
        for mention in self.mentions:
            if mention.text not in forms:
                forms.append(mention.text)
        return forms

    @property
    def first_start(self) -> int:
        return min(mention.start for mention in self.mentions)


class EntityIndex:
    def __init__(self, entities: list[Entity]):
        self.entities = sorted(entities, key=lambda entity: entity.first_start)
        spans = sorted(
            (
                (mention.start, mention.end, entity)
                for entity in self.entities
                for mention in entity.mentions
            ),
            key=lambda item: (item[0], item[1]),
        )
        self._starts = [start for start, _end, _entity in spans]
        self._spans = spans
        self.genders: dict[int, str | None] = {}  # filled in by coreference, as needed
        self._by_key = {
            names.name_key(variant): entity
            for entity in self.entities
            for variant in entity.variants
        }

    def of_kind(self, kind: str) -> list[Entity]:
        return [entity for entity in self.entities if entity.kind == kind]

    def at(self, start: int, end: int) -> Entity | None:
        index = bisect_left(self._starts, end)
        for _span_start, span_end, entity in reversed(self._spans[max(0, index - 20) : index]):
            if span_end > start:
                return entity
        return None

    def mentions_between(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end)
        return [item for item in self._spans[first:last] if item[1] <= end]

    def find(self, text: str) -> Entity | None:
        return self._by_key.get(names.name_key(names.trim_mention(text)))

    def mention_count(self, entity: Entity) -> int:
        return len(entity.mentions)


def strip_titles(text: str) -> str:
    words = text.split()
    while len(words) > 1 and (
        titles.is_honorific(words[0])
        or titles.is_role_noun(words[0])
        or titles.is_demonym(words[0])
    ):
        words = words[1:]
    return " ".join(words)


def is_title_word(doc: Doc, ent: Span) -> bool:
    # "Transportation" in "Transportation Minister X" is part of a title, not an organisation.
    return ent.label_ == "ORG" and ent.end < len(doc) and titles.is_role_noun(doc[ent.end].text)


def is_title(token: Token) -> bool:
    return titles.is_honorific(token.text) or (
        token.text[:1].isupper() and titles.is_role_noun(token.text)
    )


def label_of(doc: Doc, ent: Span, text: str) -> str:
    # "President Trump" is a person whatever the tagger says, with or without the title inside.
    if ent.label_ in ("ORG", "GPE", "NORP"):
        if len(ent) == 2 and is_title(ent[0]):
            return "PERSON"
        if len(ent) <= 2 and ent.start > 0 and is_title(doc[ent.start - 1]):
            return "PERSON"
        if len(ent) >= 2 and names_a_role_holder(doc, ent):
            return "PERSON"
    after_preposition = ent.start > 0 and doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS
    if ent.label_ == "PERSON" and " " not in text and after_preposition:
        return "GPE"  # "visit Vladivostok": a one-word "person" after "visit" is a place
    return ent.label_


def names_a_role_holder(doc: Doc, ent: Span) -> bool:
    """ "The theatre's artistic director, Femi Adeyemi, said": a name set beside a job noun by
    commas is a person's, whatever the tagger says."""
    before = doc[ent.start - 2 : ent.start] if ent.start >= 2 else None
    if before is None or before[1].text != "," or not titles.is_role_noun(before[0].lower_):
        return False
    return ent.end < len(doc) and doc[ent.end].text in (",", ".")


def text_of(doc: Doc, ent: Span) -> str:
    text = ent.text
    followed_by_of = ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of"
    if ent.label_ == "ORG" and followed_by_of and doc[ent.end + 1].pos_ in ("NUM", "PROPN"):
        text = doc[ent.start : ent.end + 2].text  # "Group of 20"
    return text


def is_common_noun_at_start(ent: Span) -> bool:
    """ "Turnout was 36%": a lone word tagged as a common noun is capitalised only because it
    opens the sentence, whatever entity label the tagger gave it."""
    return len(ent) == 1 and ent[0].is_sent_start and ent[0].pos_ == "NOUN"


def collect_mentions(parsed: ParsedText) -> list[Mention]:
    mentions = []
    for offset, doc in parsed.docs:
        doc_text = doc.text
        for ent in doc.ents:
            if ent.label_ not in KIND_OF_LABEL or "\n" in ent.text or is_title_word(doc, ent):
                continue
            if is_common_noun_at_start(ent):
                continue
            text = text_of(doc, ent)
            label = label_of(doc, ent, text)
            if label == "PERSON":
                text = strip_titles(re.split(r"['\u2019]s\b", text)[0])
            text = names.trim_mention(text)
            if not text or not any(char.isupper() for char in text):
                continue
            found_at = doc_text.find(text, ent.start_char)
            begin = offset + (found_at if found_at >= 0 else ent.start_char)
            mentions.append(Mention(text, begin, begin + len(text), label))
    return mentions


class _Groups:
    """Union-find over name keys."""

    def __init__(self, keys):
        self.parent = {key: key for key in keys}

    def find(self, key):
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, keep, other):
        self.parent[self.find(other)] = self.find(keep)


def group_kind(labels: Counter, key: str) -> str:
    # The tagger wavers between PERSON and ORG for a bare surname ("Trump"); a third of the
    # votes for PERSON is enough, as an organisation is rarely tagged as a person.
    if labels["PERSON"] and (len(key.split()) > 1 or labels["PERSON"] * 3 >= labels.total()):
        return PERSON
    kinds = Counter()
    for label, count in labels.items():
        kinds[KIND_OF_LABEL[label]] += count
    return sorted(kinds.items(), key=lambda item: (-item[1], item[0]))[0][0]


def build_index(parsed: ParsedText) -> EntityIndex:
    mentions = collect_mentions(parsed)
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_key[names.name_key(mention.text)].append(mention)
    kinds = {key: group_kind(Counter(m.label for m in group), key) for key, group in by_key.items()}
    groups = _Groups(by_key)
    merge_acronyms(by_key, kinds, groups)
    merge_acronym_prefixed_names(by_key, groups)
    merge_short_person_names(by_key, kinds, groups, parsed.text)
    merge_common_noun_organisations(by_key, kinds, groups, parsed.text)
    merged: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        merged[groups.find(key)].append(key)
    entities = []
    for root, keys in merged.items():
        members = [mention for key in keys for mention in by_key[key]]
        kind = PERSON if any(kinds[key] == PERSON for key in keys) else kinds[root]
        entities.append(Entity(0, kind, canonical_name(members), members))
    add_untagged_person_mentions(parsed.text, entities)
    entities.sort(key=lambda entity: entity.first_start)
    for number, entity in enumerate(entities, start=1):
        entity.id = number
    return EntityIndex(entities)


def merge_acronyms(by_key, kinds, groups) -> None:
    long_keys = [key for key in by_key if len(key.split()) > 1]
    for key, group in by_key.items():
        if len(key.split()) != 1 or not any(names.is_acronym(m.text) for m in group):
            continue
        matches = [long for long in long_keys if names.initials(long) == key]
        # "B.C.'s David Eby" is no "Bank of Canada": letters the tagger read as a person's
        # name abbreviate a person's name, if anything.
        if kinds[key] == PERSON:
            matches = [long for long in matches if kinds[long] == PERSON]
        if matches:
            best = max(matches, key=lambda long: len(by_key[long]))
            groups.union(best, key)
            kinds[key] = kinds[best]
            expand_acronym_prefixes(key, best, by_key, groups)


def expand_acronym_prefixes(short: str, long: str, by_key, groups) -> None:
    # "UN Security Council" is "United Nations Security Council".
    for key in list(by_key):
        if key.startswith(short + " "):
            expanded = long + key[len(short) :]
            if expanded in by_key:
                groups.union(expanded, key)


def merge_acronym_prefixed_names(by_key, groups) -> None:
    # "UN Security Council" and "United Nations Security Council" with no bare "United Nations".
    for key in list(by_key):
        head, _, rest = key.partition(" ")
        if not rest or not any(names.is_acronym(m.text.split()[0]) for m in by_key[key]):
            continue
        for other in by_key:
            if other != key and other.endswith(" " + rest):
                prefix = other[: -len(rest) - 1]
                if len(prefix.split()) > 1 and names.initials(prefix) == head:
                    groups.union(other, key)


# First words of place names that also end on a word used as a surname ("Port Elizabeth").
PLACE_NAME_STARTS = frozenset(
    {"lake", "port", "fort", "mount", "mt", "cape", "saint", "st", "san", "santa", "los", "las"}
    | {"new", "north", "south", "east", "west", "upper", "lower", "great", "little", "el", "la"}
)


def preceding_word(text: str, start: int) -> str:
    words = text[max(0, start - 20) : start].split()
    return words[-1].lower() if words else ""


def full_names_taken_for_places(key, by_key, kinds, text) -> list[str]:
    """ "Jamaica's Usain Bolt" tagged as a place, with "Bolt" alone tagged as a person: a name
    of two or three words ending on a surname the text uses alone for a person is that
    person's full name, unless it reads as a place (after "in", or "Port Elizabeth")."""
    if " " in key or any(mention.label != "PERSON" for mention in by_key[key]):
        return []
    found = []
    for other, group in by_key.items():
        words = other.split()
        if kinds[other] != PLACE or not 2 <= len(words) <= 3 or words[-1] != key:
            continue
        if words[0] in PLACE_NAME_STARTS or any(word in names.CONNECTORS for word in words):
            continue
        if any(preceding_word(text, m.start) in PLACE_PREPOSITIONS for m in group):
            continue
        found.append(other)
    return found


def merge_short_person_names(by_key, kinds, groups, text: str) -> None:
    first_at = {key: min(mention.start for mention in group) for key, group in by_key.items()}
    people = [key for key in by_key if kinds[key] == PERSON and len(key.split()) > 1]
    for key, group in by_key.items():
        words = set(key.split())
        if kinds[key] == PLACE and not any(m.label in ("PERSON", "ORG") for m in group):
            continue
        if kinds[key] == ORGANISATION and names.is_acronym(group[0].text):
            continue
        fuller = [person for person in people if person != key and words < set(person.split())]
        fuller += full_names_taken_for_places(key, by_key, kinds, text)
        if fuller:
            # "Bolt" is the Bolt named in full before it, not the mother "Jennifer Bolt"
            # introduced at the end; among several named before, the most mentioned.
            earlier = [person for person in fuller if first_at[person] < first_at[key]]
            best = max(earlier or fuller, key=lambda person: (len(by_key[person]), person))
            groups.union(best, key)
            kinds[key] = PERSON
            kinds[best] = PERSON


def merge_common_noun_organisations(by_key, kinds, groups, text: str) -> None:
    """ "the Bank said" in an article about the Bank of Canada, which also writes "the bank":
    a one-word organisation that the text uses as a common noun too is a short way of naming
    the one longer organisation that begins with it."""
    longer = [key for key in by_key if kinds[key] == ORGANISATION and " " in key]
    for key, group in by_key.items():
        if kinds[key] != ORGANISATION or " " in key or names.is_acronym(group[0].text):
            continue
        fuller = [other for other in longer if other.split()[0] == key]
        if len(fuller) == 1 and re.search(rf"\b{re.escape(key)}\b", text):
            groups.union(fuller[0], key)


def canonical_name(mentions: list[Mention]) -> str:
    counts = Counter(mention.text for mention in mentions)
    first_seen = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        first_seen.setdefault(mention.text, mention.start)

    def fullness(text: str):
        return (len(names.name_key(text).split()), len(text), counts[text], -first_seen[text])

    return max(counts, key=fullness)


def add_untagged_person_mentions(text: str, entities: list[Entity]) -> None:
    """Count the later "Clement" or "Kim" that spaCy did not tag, for frequency and pronouns."""
    folded = names.fold(text)
    taken = {(m.start, m.end) for entity in entities for m in entity.mentions}
    covered = sorted(taken)
    for entity in entities:
        if entity.kind != PERSON:
            continue
        forms = {names.fold(variant) for variant in entity.variants}
        words = names.fold(entity.name).split()
        if len(words) > 1:
            forms.add(words[-1])
        for form in sorted(forms, key=len, reverse=True):
            pattern = r"(?<![\w-])" + re.escape(form) + r"(?![\w-])"
            for match in re.finditer(pattern, folded):
                start, end = match.span()
                if any(s < end and start < e for s, e in covered):
                    continue
                entity.mentions.append(Mention(text[start:end], start, end, "PERSON"))
                covered.append((start, end))

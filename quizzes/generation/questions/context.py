"""What question builders need to know about an article beyond a single fact."""

import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Token

from ..coreference import SUBJECT_DEPS, person_before
from ..entities import ORGANISATION, PERSON, PLACE, Entity, EntityIndex
from ..names import CONNECTORS, PLACE_ALIASES, fold, name_key
from ..parsing import ParsedText, Sentence
from ..records import Fact, Question
from ..titles import is_honorific, is_role_noun

# Pronouns that point back to someone or something named in an earlier sentence.
POINTING_PRONOUNS = frozenset({"he", "she", "it", "they"})
# Words that name storms, prizes, works and buildings, and no person (surnames such as Hall,
# Park, Song or Bridges are left out).
THING_WORDS = frozenset({
    "cyclone", "hurricane", "typhoon", "storm", "tornado", "performance", "award", "awards",
    "prize", "album", "record", "trophy", "medal", "cup", "championship", "olympics", "festival",
    "vaccine", "virus", "syndrome", "treaty", "agreement", "index", "airport", "station",
    "hospital", "university", "college", "school", "cathedral", "temple", "mosque", "stadium",
    "museum", "mission", "spacecraft", "rover", "satellite", "fc", "county", "counties",
    "province", "district",
})  # fmt: skip
PLACE_LINK = re.compile(
    r"(?:['\u2019]s|,(?: in)?| in| near| outside| of| \()\s+"
    r"(?:the (?:state|province|region|county|city|capital|country) of\s+)?"
)
LIST_GOES_ON = re.compile(r",| and\b| or\b")
BARE_AFTER_PREPOSITION = re.compile(r"\b(?:in|to|from|at|of|by|into|across|with|for|on) $")


@dataclass
class Context:
    parsed: ParsedText
    index: EntityIndex
    facts: list[Fact]
    title: str = ""
    entities_by_id: dict[int, Entity] = field(init=False)

    pools: dict[int, list[Entity]] = field(init=False)
    forms: dict[int, list[str]] = field(init=False)
    subjects: dict[int, list[Token]] = field(init=False)

    def __post_init__(self):
        self.entities_by_id = {entity.id: entity for entity in self.index.entities}
        self.pools = {}
        self.forms = {}
        self.subjects = {}

    def distractor_pool(self, entity_id: int, build) -> list[Entity]:
        if entity_id not in self.pools:
            self.pools[entity_id] = build()
        return self.pools[entity_id]

    @property
    def text(self) -> str:
        return self.parsed.text

    def sentence_of(self, fact: Fact) -> Sentence:
        return self.parsed.sentence_at(fact.start)

    def entity_of(self, fact: Fact) -> Entity | None:
        if "entity" in fact.extra:
            return self.entities_by_id[fact.extra["entity"]]
        return None

    @cached_property
    def quotes(self) -> list[Fact]:
        return [fact for fact in self.facts if fact.kind == "quote"]

    @cached_property
    def speakers(self) -> list[str]:
        names = []
        for fact in self.quotes:
            if fact.extra["speaker_is_person"] and fact.value["speaker"] not in names:
                names.append(fact.value["speaker"])
        return names

    @cached_property
    def named_speakers(self) -> set[str]:
        """Speakers the text names at the quote: one found only by resolving a "he" or "she"
        is a guess, not evidence that the name is a person's."""
        return {
            fact.value["speaker"]
            for fact in self.quotes
            if fact.extra["speaker_is_person"] and not fact.extra.get("speaker_by_pronoun")
        }

    @cached_property
    def people_with_roles(self) -> set[str]:
        return {fact.value["person"] for fact in self.facts if fact.kind == "role"}

    @cached_property
    def titled_people(self) -> set[str]:
        """People named at least once right after a title or honorific ("President Trump",
        "Mr Macri"): a bare title is too vague to be a role fact but shows a person."""
        names = set()
        for entity in self.index.of_kind(PERSON):
            for mention in entity.mentions:
                before = self.text[max(0, mention.start - 40) : mention.start].split()
                if before and (is_role_noun(before[-1]) or is_honorific(before[-1])):
                    names.add(entity.name)
                    break
        return names

    def takes_the(self, name: str) -> bool:
        """Whether the article writes the name after "the" ("the U.S."), so it cannot stand in
        a slot without one ("fly to U.S.")."""
        entity = self.index.find(name)
        if entity is None:
            return False
        # Most mentions of "the U.S." are modifiers ("a chief US objective"), so only mentions
        # after "the" and bare ones after a preposition ("from Argentina") are counted.
        before = [self.text[max(0, m.start - 12) : m.start].lower() for m in entity.mentions]
        after_the = sum(text.endswith("the ") for text in before)
        bare = sum(bool(BARE_AFTER_PREPOSITION.search(text)) for text in before)
        return after_the > 0 and after_the >= bare

    def is_confident_person(self, entity: Entity) -> bool:
        # A one-word "person" that nobody quotes and no title describes is too often a
        # tagging mistake ("Fentanyl") to ask about or offer as a choice; so is a name with a
        # word no person's name holds ("Cyclone Nargis", "Best Rap Solo Performance").
        if entity.kind != PERSON or THING_WORDS & set(name_key(entity.name).split()):
            return False
        return (
            len(name_key(entity.name).split()) > 1
            or entity.name in self.people_with_roles
            or entity.name in self.named_speakers
            or entity.name in self.titled_people
        )

    def speaker_of_quote_covering(self, start: int, end: int) -> str | None:
        """The speaker when the sentence sits wholly inside a quotation, else None."""
        for fact in self.quotes:
            quote_start, quote_end = fact.extra["span"]
            if quote_start <= start + 1 and end - 1 <= quote_end + 1:
                return fact.value["speaker"] if fact.extra["speaker_is_person"] else ""
        return None

    def main_subjects(self, position: int) -> list[Token]:
        """The subjects of the main clause of the sentence at `position`, in order: read once per
        sentence, as most sentences are asked several ways and ranked one question at a time."""
        sentence = self.parsed.sentence_at(position)
        found = self.subjects.get(sentence.index)
        if found is None:
            found = self.subjects[sentence.index] = [
                token
                for token in sentence.span
                if token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ROOT"
            ]
        return found

    @cached_property
    def title_organisation(self) -> Entity | None:
        """The one organisation the headline names, when it is also the one the article names
        most: what the story calls "the company" ("Toyota closes in on record profit ...")."""
        organisations = self.index.of_kind(ORGANISATION)
        in_title = [e for e in organisations if mentions_any(self.title, e.variants)]
        if len(in_title) != 1:
            return None
        most = max(organisations, key=lambda entity: len(entity.mentions))
        return in_title[0] if most.id == in_title[0].id else None

    def person_before(self, position: int, pronoun: str = "") -> Entity | None:
        return person_before(self.parsed, self.index, position, pronoun)

    def places_linked(self, one: Entity, other: Entity) -> bool:
        """Whether the article writes one place as part of the other or beside it: "Stormont
        near Belfast", "Tamil Nadu, India", "Myanmar's Yangon". Either would make a false
        statement about the other arguably true, or a wrong choice arguably right."""
        for first, second in ((one, other), (other, one)):
            starts = {mention.start for mention in second.mentions}
            for mention in first.mentions:
                link = PLACE_LINK.match(self.text, mention.end)
                if link is None or link.end() not in starts:
                    continue
                if link.group(0).startswith(",") and LIST_GOES_ON.match(
                    self.text, link.end() + len(second.name)
                ):
                    continue  # "Sweden, Finland and Denmark": a list, not a place and its whole
                return True
        return False

    def forms_of(self, entity: Entity) -> list[str]:
        """The ways of writing the entity a typed answer may take (see `short_forms`)."""
        if entity.id not in self.forms:
            forms = answer_forms(entity)
            for form in short_forms(self, entity):
                for written in (form, fold(form)):
                    if written not in forms:
                        forms.append(written)
            self.forms[entity.id] = forms
        return self.forms[entity.id]


# "de Klerk", "van Gogh": small words that belong to the surname after them.
SURNAME_PARTICLES = frozenset(
    {"de", "da", "di", "du", "van", "von", "der", "den", "del", "della", "la", "le", "bin", "al"}
)
# "Kim Jong Un": a family name and a given name of two short syllables, written with or without
# a hyphen. "Juan Manuel Santos" or "F.W. de Klerk" are not written "Juan Manuel-santos".
SYLLABLE = re.compile(r"[A-Z][a-z]{0,3}")


def spelling_variants(name: str) -> list[str]:
    """Ways readers write the same name: "Kim Jong Un", "Kim Jong-un", "Kim Jong-Un"."""
    words = name.split()
    variants = [name.replace("-", " ")] if "-" in name else []
    if len(words) == 3 and "-" not in name and all(SYLLABLE.fullmatch(w) for w in words[1:]):
        variants += [
            f"{words[0]} {words[1]}-{words[2].lower()}",
            f"{words[0]} {words[1]}-{words[2]}",
        ]
    return variants


def answer_forms(entity: Entity) -> list[str]:
    forms = []
    spellings = spelling_variants(entity.name) if entity.kind == PERSON else []
    for variant in [*entity.variants, *spellings]:
        for form in (variant, fold(variant)):
            if form not in forms:
                forms.append(form)
    return forms


def surname_of(name: str) -> str:
    """ "Mitchell" of "George Mitchell", "de Klerk" of "F.W. de Klerk"."""
    words = name.split()
    start = len(words) - 1
    while start > 1 and words[start - 1] in SURNAME_PARTICLES:
        start -= 1
    return " ".join(words[start:])


CORPORATE_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc|Co|Corp|Corporation|Ltd|Limited|plc|PLC|LLC|AG|SA|NV|GmbH)\b\.?)+$"
)
# "Japan's Eisai": the place named before a name is no part of it.
OWNER = re.compile(r"^([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['\u2019]s\s+(?=[A-Z])")


def without_suffix(name: str) -> str:
    """ "Eisai" of "Eisai Co.", "Google" of "Google Inc."."""
    return CORPORATE_SUFFIX.sub("", name).strip() or name


def is_place(context: "Context", text: str) -> bool:
    """Whether the article names a place so, or it is a short form of a country ("U.S.")."""
    found = context.index.find(text)
    return (found is not None and found.kind == PLACE) or name_key(text) in PLACE_NAMES


PLACE_NAMES = frozenset(PLACE_ALIASES.values())


def names_another(context: "Context", entity: Entity, owner: re.Match) -> bool:
    """Whether the article also names the entity without its owner ("Eisai")."""
    other = context.index.find(entity.name[owner.end() :])
    return other is not None and other.kind == entity.kind


def initials_with_numbers(words: list[str]) -> str:
    """ "FDA" of "Food and Drug Administration", "G20" of "Group of 20"."""
    return "".join(
        word if word.isdigit() else word[0].upper()
        for word in words
        if word.lower() not in CONNECTORS and word[:1].isalnum()
    )


def short_forms(context: "Context", entity: Entity) -> list[str]:
    """Shorter ways to write the entity's name that a reader of the article would give and that
    name nothing else in it: a surname alone, a company without "Inc.", an abbreviation the
    article itself uses."""
    if entity.kind == PERSON:
        return surname_forms(context, entity)
    name = without_suffix(entity.name)
    owner = OWNER.match(name)
    if owner and (is_place(context, owner.group(1)) or names_another(context, entity, owner)):
        name = name[owner.end() :]  # not "Association" of "Alzheimer's Association"
    forms = [name]
    words = name.split()
    if entity.kind == ORGANISATION:
        # "Apple" for "Apple Computer Inc." when the article also calls it "Apple" (not
        # "Beijing" for "Beijing Olympics": a place's leading word is often another place).
        for size in range(1, len(words)):
            other = context.index.find(" ".join(words[:size]))
            if (
                other is not None
                and other.kind == entity.kind
                and other.id != entity.id
                and other.name.lower() not in GENERIC_NAMES  # not "University" or "Bank"
            ):
                forms.append(other.name)
    # The abbreviation the article writes: "G20" for "Group of 20", "FDA" for "U.S. Food and
    # Drug Administration" (without the country before it).
    starts = [0, 1] if len(words) > 2 and is_place(context, words[0]) else [0]
    written = f"{context.title}\n{context.text}"
    for start in starts:
        letters = initials_with_numbers(words[start:])
        # "G-20" is "G20" written with a hyphen.
        pattern = NUMBERED_INITIALS.sub(r"\1-?\2", letters)
        if len(letters) >= 2 and re.search(rf"(?<![\w-]){pattern}(?![\w-])", written):
            forms.append(letters)
    if entity.kind == ORGANISATION and known_by_initials(words):
        forms.append(initials_with_numbers(words))
    # "G-20" beside "G20", when the article writes it both ways.
    hyphenated = [
        NUMBERED_INITIALS.sub(r"\1-\2", f) for f in forms if NUMBERED_INITIALS.fullmatch(f)
    ]
    forms += [form for form in hyphenated if re.search(rf"(?<![\w-]){form}(?![\w-])", written)]
    if entity.kind == ORGANISATION:
        forms += university_forms(written, name)
    if entity.kind == PLACE and len(words) > 1 and words[-1].lower() in PLACE_KIND_WORDS:
        forms.append(" ".join(words[:-1]))  # "Gansu" of "Gansu province"
    if entity.kind == PLACE:  # "USSR" for "Soviet Union", "UK" for "United Kingdom"
        key = name_key(entity.name)
        forms += [
            short.upper()
            for short, long in PLACE_ALIASES.items()
            if long == key and len(short) <= 4 and " " not in short
        ]
    return list(dict.fromkeys(form for form in forms if form != entity.name))


# One-word names that only say what kind of body is meant.
GENERIC_NAMES = THING_WORDS | {"bank", "company", "group", "government", "army", "police", "party"}
NUMBERED_INITIALS = re.compile(r"([A-Z]+)(\d+)")
# "Gansu province", "Sichuan Province", "Kent county": the place is the name before them.
PLACE_KIND_WORDS = frozenset({"province", "state", "county", "region", "district", "prefecture"})
UNIVERSITY = re.compile(
    r"^(?:(?P<before>[A-Z][\w-]*) University|University of (?P<after>[A-Z][\w-]*))$"
)


def university_forms(text: str, name: str) -> list[str]:
    """ "University of Oxford" for "Oxford University" and the other way round, and "Oxford"
    alone when the article calls it so ("Oxford/Astra")."""
    match = UNIVERSITY.match(name)
    if match is None:
        return []
    place = match.group("before") or match.group("after")
    forms = [f"University of {place}" if match.group("before") else f"{place} University"]
    alone = rf"(?<!University of ){re.escape(place)}(?![\w-]| University)"
    if re.search(alone, text):
        forms.append(place)
    return forms


# The last word of a public body's name: such bodies go by their initials ("World Health
# Organization", "Food and Drug Administration"), companies, clubs and hotels do not ("Samsung
# Electronics" is not "SE").
BODY_WORDS = frozenset(
    """organization organisation agency administration fund council committee commission court
    association federation institute bureau department ministry party authority board programme
    program alliance""".split()  # noqa: SIM905
)


def known_by_initials(words: list[str]) -> bool:
    """Does the body's name make initials a student may well type though the article spells
    the name out (UN, EU, WHO, WTO, FDA, DPP)? Three words or more ending on a body's word, or
    a union or the nations."""
    significant = [word for word in words if word.lower() not in CONNECTORS]
    if not all(word[:1].isupper() and word.isalpha() for word in significant):
        return False
    last = significant[-1].lower() if significant else ""
    if len(significant) == 2:
        return last in ("nations", "union")
    return len(significant) >= 3 and last in BODY_WORDS


# One pinyin syllable ("li", "zhai", "sheng"): a name made of them ("Li Jinai", "Nie
# Haisheng") gives the family name first, as does a hyphenated given name ("Ban Ki-moon").
PINYIN_SYLLABLE = r"(?:[bcdfghjklmnpqrstwxyz]h?[aeiouv]{1,3}(?:ng|n|r)?)"
PINYIN_NAME = re.compile(rf"{PINYIN_SYLLABLE} {PINYIN_SYLLABLE}{{2,3}}")


def surname_forms(context: "Context", entity: Entity) -> list[str]:
    key = name_key(entity.name)
    words = key.split()
    if len(words) < 2 or "-" in entity.name.split()[-1] or PINYIN_NAME.fullmatch(key):
        return []
    surname = surname_of(entity.name)
    last = name_key(surname).split()[-1]
    # "Xi" or "Kim" alone in the article: the family name comes first, not last.
    if any(len(name_key(v).split()) == 1 and name_key(v) != last for v in entity.variants):
        return []
    for other in context.index.of_kind(PERSON):
        if other.id != entity.id and last in name_key(other.name).split():
            return []  # "Bolt" could be Usain or Jennifer
    if not last.isalpha():
        return []
    return [surname]


def mentions_any(text: str, forms: list[str]) -> bool:
    """Whether any of the forms appears in the text as whole words, ignoring case and accents."""
    # Searched with str.find: the forms differ from question to question, and compiling a
    # pattern for each cost more than the rest of the check.
    haystack = fold(text).lower()
    for form in forms:
        needle = fold(str(form)).lower().strip()
        if needle and _contains_whole(haystack, needle):
            return True
    return False


def _contains_whole(haystack: str, needle: str) -> bool:
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        if not _is_word_char(haystack[start - 1 : start]) and not _is_word_char(
            haystack[end : end + 1]
        ):
            return True
        start = haystack.find(needle, start + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def explanation_for(*sentences: str) -> str:
    quoted = " ".join(_quoted(sentence) for sentence in dict.fromkeys(sentences))
    return f"According to the article: {quoted}"


OPENING_QUOTES = "\u201c\"\u2018'"


def _quoted(sentence: str) -> str:
    # A sentence that opens with a quotation ("“Landing confirmed,” she said.") reads as quoted
    # already: another mark would double the first and be left unclosed.
    return sentence if sentence[:1] in OPENING_QUOTES else f"“{sentence}”"


def question(kind: str, prompt: str, answer, fact: Fact, **fields) -> Question:
    return Question(
        type=kind,
        prompt=prompt,
        answer=answer,
        accepted=fields.pop("accepted", []),
        choices=fields.pop("choices", []),
        tolerance=fields.pop("tolerance", None),
        fact=fact.id,
        facts=fields.pop("facts", [fact.id]),
        sentence=fact.sentence,
        start=fact.start,
        end=fact.end,
        explanation=fields.pop("explanation", explanation_for(fact.sentence)),
        features=fields.pop("features", {}),
    )

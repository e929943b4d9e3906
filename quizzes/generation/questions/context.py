"""What question builders need to know about an article beyond a single fact."""

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..coreference import person_before
from ..entities import PERSON, Entity, EntityIndex
from ..names import fold, name_key
from ..parsing import ParsedText, Sentence
from ..records import Fact, Question
from ..titles import is_honorific, is_role_noun

BARE_AFTER_PREPOSITION = re.compile(r"\b(?:in|to|from|at|of|by|into|across|with|for|on) $")


@dataclass
class Context:
    parsed: ParsedText
    index: EntityIndex
    facts: list[Fact]
    title: str = ""
    entities_by_id: dict[int, Entity] = field(init=False)

    pools: dict[int, list[Entity]] = field(init=False)

    def __post_init__(self):
        self.entities_by_id = {entity.id: entity for entity in self.index.entities}
        self.pools = {}

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
        # tagging mistake ("Fentanyl") to ask about or offer as a choice.
        return entity.kind == PERSON and (
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

    def person_before(self, position: int, pronoun: str = "") -> Entity | None:
        return person_before(self.parsed, self.index, position, pronoun)


def spelling_variants(name: str) -> list[str]:
    """Ways readers write the same name: "Kim Jong Un", "Kim Jong-un", "Kim Jong-Un"."""
    words = name.split()
    variants = [name.replace("-", " ")] if "-" in name else []
    if len(words) == 3 and "-" not in name:
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


@lru_cache(maxsize=4096)
def forms_pattern(forms: tuple[str, ...]) -> re.Pattern | None:
    folded = sorted({fold(form).lower().strip() for form in forms} - {""}, key=len, reverse=True)
    if not folded:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, folded)) + r")(?![\w])")


def mentions_any(text: str, forms: list[str]) -> bool:
    """Whether any of the forms appears in the text as whole words, ignoring case and accents."""
    pattern = forms_pattern(tuple(str(form) for form in forms))
    return bool(pattern and pattern.search(fold(text).lower()))


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

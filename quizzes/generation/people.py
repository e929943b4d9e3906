"""Read people's roles from titles ("Transportation Minister X") and appositions ("X, a fellow
at Y")."""

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from . import titles
from .entities import PERSON, EntityIndex

TITLE_TOKEN_POS = frozenset({"PROPN", "NOUN", "ADJ"})
APPOSITION_STOP_WORDS = frozenset({"who", "which", "that", "said", "says", "told", "but", "whose"})
MAX_ROLE_TOKENS = 25


@dataclass(frozen=True)
class Role:
    person: str
    role: str
    article: str  # the determiner the text used, so a question can say "a fellow" or "the head"
    start: int
    end: int
    source: str  # "title" or "apposition"


def token_span(doc: Doc, offset: int, start: int, end: int) -> Span | None:
    return doc.char_span(start - offset, end - offset, alignment_mode="expand")


LOWERCASE_TITLE_WORDS = frozenset({"former", "senior", "acting", "deputy", "chief", "top"})
POSSESSIVE_TOKENS = frozenset({"'s", "\u2019s", "\u2019", "'"})


def joins_title(doc: Doc, index: int, sentence_start: int) -> bool:
    token = doc[index]
    if token.ent_type_ == "PERSON":
        return False
    if token.text == "-" or token.text in POSSESSIVE_TOKENS:
        return True
    if token.lower_ == "based" and index > sentence_start and doc[index - 1].text == "-":
        return True
    if token.lower_ in ("of", "and"):
        # "Far East And Arctic Development Minister", "Secretary of State"
        before = doc[index - 1].text[:1].isupper() if index > sentence_start else False
        return before and (token.text[0].isupper() or doc[index + 1].text[:1].isupper())
    if token.pos_ not in TITLE_TOKEN_POS:
        return False
    return (
        token.text[:1].isupper()
        or token.lower_ in LOWERCASE_TITLE_WORDS
        or (titles.is_role_noun(token.text))
    )


def title_before(doc: Doc, name: Span) -> Span | None:
    """The run of title words right before a name, ending on a job word."""
    sentence_start = name.sent.start
    index = name.start - 1
    if index < sentence_start or not titles.is_role_noun(doc[index].text):
        return None
    first = index
    while first - 1 >= sentence_start and joins_title(doc, first - 1, sentence_start):
        first -= 1
    while first < index and (
        doc[first].text in POSSESSIVE_TOKENS
        or doc[first].text == "-"
        or doc[first].lower_ in ("of", "and")
    ):
        first += 1
    return doc[first : index + 1]


def apposition_after(doc: Doc, name: Span) -> tuple[str, Span] | None:
    """ "X, a senior research fellow at Y, said" -> ("a", span of "senior ... Y")."""
    index = name.end
    if index + 1 >= len(doc) or doc[index].text != ",":
        return None
    index += 1
    article = ""
    if doc[index].lower_ in ("a", "an", "the"):
        article = doc[index].lower_
        index += 1
    if (
        index >= len(doc)
        or (doc[index].pos_ == "PROPN" and not titles.is_role_noun(doc[index].text))
    ) and not doc[index : index + 3].text.count("-based"):
        return None
    end = index
    while end < len(doc) and end - index < MAX_ROLE_TOKENS:
        token = doc[end]
        possessive = token.text in ("'", "\u2019") and doc[end - 1].text.endswith("s")
        if token.is_punct and token.text != "-" and not possessive:
            break
        if token.ent_type_ == "PERSON":
            return None  # a list of names, not a description of one
        if token.lower_ in APPOSITION_STOP_WORDS or (token.is_sent_start and end > index):
            break
        if token.pos_ in ("VERB", "AUX") and doc[end - 1].text != "-":
            break
        end += 1
    role = doc[index:end]
    if not len(role) or not any(titles.is_role_noun(token.text) for token in role[:6]):
        return None
    return article, role


def find_roles(parsed, index: EntityIndex) -> list[Role]:
    roles = []
    docs = dict(parsed.docs)
    for entity in index.of_kind(PERSON):
        for mention in entity.mentions:
            sentence = parsed.sentence_at(mention.start)
            doc = docs[sentence.offset]
            name = token_span(doc, sentence.offset, mention.start, mention.end)
            if name is None:
                continue
            title = title_before(doc, name)
            if title is not None and len(title) > 1:
                role_text = tidy_role(title.text)
                roles.append(
                    Role(
                        entity.name,
                        role_text,
                        "the",
                        sentence.offset + title.start_char,
                        mention.end,
                        "title",
                    )
                )
            apposition = apposition_after(doc, name)
            if apposition is not None:
                article, role = apposition
                roles.append(
                    Role(
                        entity.name,
                        tidy_role(role.text),
                        article,
                        mention.start,
                        sentence.offset + role.end_char,
                        "apposition",
                    )
                )
    return dedupe_roles(roles)


def tidy_role(text: str) -> str:
    return " ".join(text.replace(" - ", "-").replace(" -", "-").split()).strip(" ,;:-\u2013\u2014")


def dedupe_roles(roles: list[Role]) -> list[Role]:
    kept: dict[tuple[str, str], Role] = {}
    for role in sorted(roles, key=lambda role: role.start):
        key = (role.person, role.role.lower())
        kept.setdefault(key, role)
    return sorted(kept.values(), key=lambda role: role.start)

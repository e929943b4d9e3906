"""Who a "he" or "she" most likely means, by the simplest rule that works in news prose: the
latest person who was the subject of a clause shortly before, else the latest person named.
When the text says the person is of the other gender, or never says and names someone else
nearby, or the clause before has a named subject that is not a person ("The European Union
pledged ... She ..."), nobody is guessed."""

import re

from spacy.tokens import Token

from .entities import PERSON, Entity, EntityIndex
from .parsing import ParsedText, Sentence

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
WINDOW = 700  # characters: about the two previous paragraphs
FEMALE, MALE = "female", "male"
PRONOUN_GENDER = {
    "she": FEMALE,
    "her": FEMALE,
    "hers": FEMALE,
    "herself": FEMALE,
    "he": MALE,
    "him": MALE,
    "his": MALE,
    "himself": MALE,
}
HONORIFIC_GENDER = {
    "mr": MALE,
    "sir": MALE,
    "lord": MALE,
    "ms": FEMALE,
    "mrs": FEMALE,
    "miss": FEMALE,
    "dame": FEMALE,
    "lady": FEMALE,
}
GENDERED_ROLES = {
    "king": MALE,
    "prince": MALE,
    "duke": MALE,
    "queen": FEMALE,
    "princess": FEMALE,
    "duchess": FEMALE,
    "actress": FEMALE,
}
# "spokeswoman", "chairwoman", "businessman", "congressman": the role says the gender.
ROLE_ENDING = re.compile(r"(?:wo)?m[ae]n$")
WORDS_BEFORE = 3  # "Mrs Justice Alison Pryce", "the spokeswoman Jane Doe"


def gender_of_word(word: str) -> str | None:
    word = word.lower().strip(".,")
    if word in HONORIFIC_GENDER:
        return HONORIFIC_GENDER[word]
    if word in GENDERED_ROLES:
        return GENDERED_ROLES[word]
    ending = ROLE_ENDING.search(word)
    if ending and len(word) > 5 and word not in ("human", "humans", "german", "germans"):
        return FEMALE if ending.group().startswith("wo") else MALE
    return None


def pronoun_after(sentence: Sentence, position: int) -> str | None:
    """The gender of the first he/she/his/her after the position, in the same sentence."""
    for token in sentence.span:
        if sentence.offset + token.idx > position and token.lower_ in PRONOUN_GENDER:
            return PRONOUN_GENDER[token.lower_]
    return None


def gender_evidence(parsed: ParsedText, entity: Entity) -> str | None:
    """The gender the text itself gives a person: an honorific or a gendered role noun just
    before a mention, or a he/she later in a sentence the person is the subject of. None when
    there is no evidence or it disagrees."""
    votes = set()
    text = parsed.text
    for mention in entity.mentions:
        # Within the mention's sentence: "... said spokeswoman Clara Dunn. Li Wenbo agreed ..."
        # says nothing of Li Wenbo.
        opening = max(parsed.sentence_at(mention.start).start, mention.start - 40)
        before = text[opening : mention.start].split()[-WORDS_BEFORE:]
        votes.update(filter(None, map(gender_of_word, before)))
        after = re.match(r",\s+(?:the|a|an)?\s*([\w-]+)", text[mention.end : mention.end + 40])
        if after:
            votes.update(filter(None, [gender_of_word(after.group(1))]))
        if is_subject(parsed, mention.start):
            found = pronoun_after(parsed.sentence_at(mention.start), mention.end)
            if found:
                votes.add(found)
    return votes.pop() if len(votes) == 1 else None


def gender_of(parsed: ParsedText, index: EntityIndex, entity: Entity) -> str | None:
    if entity.id not in index.genders:
        index.genders[entity.id] = gender_evidence(parsed, entity)
    return index.genders[entity.id]


def subject_head(token: Token) -> Token:
    head = token
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    return head


def is_subject(parsed: ParsedText, position: int) -> bool:
    sentence = parsed.sentence_at(position)
    for token in sentence.span:
        if sentence.offset + token.idx >= position:
            return subject_head(token).dep_ in SUBJECT_DEPS
    return False


def capitalised_elsewhere(text: str, token: Token) -> bool:
    """A name the tagger read as a common noun at the start of a sentence ("Fairbanks
    promised ...") shows itself by its capital in the middle of another sentence."""
    if token.pos_ != "NOUN" or not token.text[:1].isupper():
        return False
    return re.search(r"[a-z,] " + re.escape(token.text) + r"\b", text) is not None


def named_subject_before(parsed: ParsedText, position: int) -> int | None:
    """Where the subject of the latest main clause before the position starts, skipping
    pronouns (they point further back); None when the nearest such subject is not a name."""
    sentence = parsed.sentence_at(position)
    while True:
        subjects = [
            token
            for token in sentence.span
            if token.dep_ in SUBJECT_DEPS
            and token.head.dep_ == "ROOT"
            and sentence.offset + token.idx < position
            and token.pos_ != "PRON"
        ]
        if subjects:
            token = subjects[-1]
            named = token.pos_ == "PROPN" or capitalised_elsewhere(parsed.text, token)
            return sentence.offset + token.idx if named else None
        if sentence.index == 0 or position - sentence.start > WINDOW:
            return None
        sentence = parsed.sentences[sentence.index - 1]


def person_before(
    parsed: ParsedText, index: EntityIndex, position: int, pronoun: str = ""
) -> Entity | None:
    candidates = [
        (start, entity)
        for start, _end, entity in index.mentions_between(max(0, position - WINDOW), position)
        if entity.kind == PERSON
    ]
    if not candidates:
        return None
    named = named_subject_before(parsed, position)
    if named is not None:
        entity = index.at(named, named + 1)
        if entity is None or entity.kind != PERSON:
            return None  # "The European Union pledged ... She ...": not a person to name
    subjects = [(start, entity) for start, entity in candidates if is_subject(parsed, start)]
    person = (subjects or candidates)[-1][1]
    wanted = PRONOUN_GENDER.get(pronoun.lower())
    if not wanted:
        return person
    known = gender_of(parsed, index, person)
    if known != wanted and (known or len({entity.id for _, entity in candidates}) > 1):
        # Of the other gender; or of a gender the text never gives, with someone else named
        # nearby whom the pronoun may mean ("Xi ... Sanders said ... She also said" is
        # Sanders): a wrong name makes a false question, none only a vaguer one.
        return None
    return person

"""Say what happened at a date ("Donald Trump and Kim Jong Un met") and where events took place."""

from spacy.tokens import Span, Token

EVENT_NOUNS = frozenset(
    [
        "summit",
        "meeting",
        "talks",
        "visit",
        "test",
        "war",
        "election",
        "vote",
        "collapse",
        "trial",
        "deal",
        "agreement",
        "conference",
        "dinner",
        "attack",
        "invasion",
        "crisis",
        "referendum",
        "negotiations",
        "ceremony",
        "launch",
        "strike",
        "protest",
        "revolution",
        "truce",
        "ceasefire",
        "treaty",
        "accord",
        "announcement",
        "inauguration",
        "tour",
        "trip",
        "speech",
        "encounter",
        "game",
        "match",
        "final",
        "tournament",
        "olympics",
        "championship",
        "study",
        "report",
    ]
)
DROPPED_CHILDREN = frozenset({"relcl", "appos", "acl", "advcl", "punct", "cc", "conj", "parataxis"})
MAX_WORDS = 16


def governing_word(date_tokens: Span) -> Token:
    """The noun or verb the date hangs from: the 'summit' of "the April 25 summit"."""
    token = date_tokens.root
    # Compare positions, not objects: spaCy hands out a new Token for every .head access.
    for _step in range(len(token.doc)):
        if token.head.i == token.i:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX") or token.lower_ in EVENT_NOUNS:
            return token
        if token.pos_ == "NOUN" and token.dep_ not in ("pobj",):
            return token
    return token


def words_without(tokens: list[Token], excluded: set[int]) -> str:
    """The text of the kept tokens with the original spacing, closing gaps left by cut words."""
    kept = {token.i for token in tokens if token.i not in excluded}
    if not kept:
        return ""
    doc = tokens[0].doc
    pieces: list[str] = []
    for token in doc[min(kept) : max(kept) + 1]:
        if token.i in kept:
            pieces.append(token.text + token.whitespace_)
        elif token.whitespace_ and pieces and not pieces[-1].endswith(" "):
            pieces.append(" ")
    text = "".join(pieces)
    text = text.replace(" ,", ",").replace(" .", ".")
    return " ".join(text.split()).strip(" ,;:-\u2013\u2014")


FUTURE_AUXILIARIES = frozenset({"will", "would", "must", "shall", "'ll", "\u2019ll", "wo"})
FUTURE_WORDS = frozenset(
    {"expected", "due", "scheduled", "planned", "plans", "plan", "set", "deadline", "going"}
)


def is_future(date_tokens: Span) -> bool:
    """Whether the clause the date belongs to looks ahead ("must leave by December 22")."""
    token = date_tokens.root
    for _step in range(6):
        if token.head.i == token.i:
            break
        token = token.head
        if token.lower_ in FUTURE_WORDS:
            return True
        if token.pos_ == "NOUN" and token.dep_ != "pobj":
            return False  # a date inside a noun phrase ("Kim's February talks") names an event
        if token.pos_ in ("VERB", "AUX"):
            if any(child.lower_ in FUTURE_AUXILIARIES for child in token.children):
                return True
            if token.dep_ not in ("xcomp", "ccomp") or token.head.lower_ not in FUTURE_WORDS:
                return token.head.lower_ in FUTURE_WORDS
    return False


def noun_phrase(noun: Token, excluded: set[int]) -> list[Token]:
    tokens = [noun]
    for child in noun.children:
        if child.dep_ in DROPPED_CHILDREN or child.i in excluded:
            continue
        tokens.extend(t for t in child.subtree if t.i not in excluded)
    return sorted(tokens, key=lambda token: token.i)


def clause(verb: Token, excluded: set[int]) -> list[Token]:
    tokens = [verb]
    for child in verb.children:
        if child.dep_ in (
            "nsubj",
            "nsubjpass",
            "aux",
            "auxpass",
            "neg",
            "dobj",
            "prt",
            "attr",
            "acomp",
            "xcomp",
            "agent",
        ):
            tokens.extend(t for t in child.subtree if t.i not in excluded)
        elif child.dep_ == "prep" and is_bare_noun_phrase(child, excluded):
            tokens.extend(child.subtree)  # "went on strike", "go on sale", "came to power"
    return sorted(tokens, key=lambda token: token.i)


def is_bare_noun_phrase(prep: Token, excluded: set[int]) -> bool:
    objects = list(prep.children)
    return (
        len(objects) == 1
        and objects[0].dep_ == "pobj"
        and objects[0].pos_ == "NOUN"
        and not list(objects[0].children)
        and objects[0].i not in excluded
    )


def describe(date_tokens: Span) -> str:
    """A short description of what the date refers to, without the date itself."""
    excluded = {token.i for token in date_tokens}
    head = governing_word(date_tokens)
    # A preposition that only carried the date ("in June 2018") goes with it.
    for token in date_tokens:
        if token.head.pos_ == "ADP" and token.head.i == date_tokens.start - 1:
            excluded.add(token.head.i)
    if date_tokens.start > 0 and date_tokens.doc[date_tokens.start - 1].pos_ == "ADP":
        excluded.add(date_tokens.start - 1)
    subject = ""
    if head.pos_ in ("VERB", "AUX"):
        subject = borrowed_subject(head)
        if subject is None:
            return ""
        if subject:
            excluded.update(child.i for child in head.children if child.dep_ in SUBJECT_DEPS)
        tokens = clause(head, excluded)
    elif head.lower_ in EVENT_NOUNS or head.lemma_.lower() in EVENT_NOUNS:
        tokens = noun_phrase(head, excluded)
    else:
        return ""  # "Global average temperatures in 2023" dates a measurement, not an event
    tokens = contiguous_tail(tokens)
    text = words_without(tokens, excluded)
    if subject and text:
        text = f"{subject} {text}"
    if len(text.split()) > MAX_WORDS or len(text.split()) < 3 or text.lower().startswith("to "):
        return ""
    return text


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def entity_text(token: Token) -> str:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return ""


def borrowed_subject(verb: Token) -> str | None:
    """The subject a clause leaves to another: "" when it has its own, the antecedent's name for
    "Pryce, who managed ...", the first verb's subject for "... and has cut 1,800 jobs", and
    None when nobody can be named, as an item that says "who took over" names no one."""
    subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    if subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS:
        return ""
    if subjects and verb.dep_ == "relcl":
        return entity_text(verb.head) or None
    if not subjects and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        first = [child for child in verb.head.children if child.dep_ in SUBJECT_DEPS]
        if first and first[0].pos_ != "PRON":
            return "".join(t.text_with_ws for t in first[0].subtree).strip()
    return "" if not subjects and any(c.dep_ == "agent" for c in verb.children) else None


def contiguous_tail(tokens: list[Token]) -> list[Token]:
    # Drop a dash aside ("- the first ever meeting -") but keep the hyphen of "Kim Jong-Un".
    return [
        token
        for token in tokens
        if token.text not in ("\u2013", "\u2014", "--")
        and not (
            token.text == "-"
            and token.whitespace_
            and token.i > 0
            and token.doc[token.i - 1].whitespace_
        )
    ]


def event_places(sentence: Span) -> list[tuple[Token, Span]]:
    """(event noun, place) for phrases like "the summit in Vladivostok"."""
    found = []
    for token in sentence:
        if token.lower_ not in EVENT_NOUNS:
            continue
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "FAC"):
                    place = [t for t in obj.subtree if t.ent_type_ in ("GPE", "LOC", "FAC")]
                    found.append((token, sentence.doc[place[0].i : place[-1].i + 1]))
    return found

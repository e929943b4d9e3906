"""How names are compared: accents, hyphens, dots and possessives do not make a new name."""

import re
import unicodedata
from functools import lru_cache

CONNECTORS = frozenset({"of", "the", "and", "for", "de", "on", "&", "la", "del", "der", "von"})

# Short and long names of the same place that no spelling rule can derive from each other.
PLACE_ALIASES = {
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "ussr": "soviet union",
    "uae": "united arab emirates",
    "prc": "china",
    "dprk": "north korea",
    "rok": "south korea",
}

POSSESSIVE = re.compile(r"['\u2019]s?$")


class _FoldTable(dict):
    """str.translate table that works out each new character's base letter once."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        self[code] = unicodedata.normalize("NFKD", char)[:1] or char
        return self[code]


FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Strip accents while keeping one character per character, so offsets stay valid."""
    if text.isascii():
        return text
    return text.translate(FOLD_TABLE)


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    key = fold(text).lower()
    key = re.sub(r"['\u2019]s\b", "", key)
    key = key.replace(".", "").replace("'", "").replace("\u2019", "")
    key = re.sub(r"[-\u2010\u2011\u2013\u2014_/]", " ", key)
    key = re.sub(r"\s+", " ", key).strip()
    key = re.sub(r"^the ", "", key)
    return PLACE_ALIASES.get(key, key)


def initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in CONNECTORS)


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


# "Northgate Rovers 4-2": a score or a range the tagger ran into the name.
TRAILING_SCORE = re.compile(r"\s+\d{1,2}\s?[-\u2013]\s?\d{1,2}$")
# "Capel Curig in": a name never ends on a small lower-case word; the tagger ran on.
TRAILING_FUNCTION_WORDS = re.compile(r"(?:\s+(?:in|of|at|on|and|the|for|to|from|by|with))+$")


def unmatched_bracket(text: str) -> int | None:
    opened = []
    for index, char in enumerate(text):
        if char == "(":
            opened.append(index)
        elif char == ")":
            if not opened:
                return index
            opened.pop()
    return opened[0] if opened else None


def cut_at_unmatched_bracket(text: str) -> str:
    """ "World Health Organization (WHO" -> "World Health Organization": a bracket the mention
    does not close (or open) marks where the tagger ran past the name."""
    index = unmatched_bracket(text)
    while index is not None:
        before, after = text[:index].strip(), text[index + 1 :].strip()
        text = before or after
        index = unmatched_bracket(text)
    return text


MENTION_EDGES = " ,;:-\u2013\u2014\"“”'\u2018\u2019()"


def trim_mention(text: str) -> str:
    text = text.strip(MENTION_EDGES)
    text = TRAILING_SCORE.sub("", cut_at_unmatched_bracket(text))
    text = TRAILING_FUNCTION_WORDS.sub("", text)
    # Again after a leading article: 'the "Galaxy Nexus' is the name Galaxy Nexus.
    text = re.sub(r"^(?:the|The|a|an)\s+", "", text).strip(MENTION_EDGES)
    return POSSESSIVE.sub("", text).strip()

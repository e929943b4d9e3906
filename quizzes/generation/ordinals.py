"""Ordinal numbers that say where something stands: "the fifth rover to land on Mars", "its
second moon mission", "the 29th year running".

"First" and "last" are left out: "for the first time" is in every other story, and a question
on it asks nothing. So are a fraction or a unit ("a third of", "a second below"), an idiom
("the eleventh hour") and a part of a period ("the second quarter", "the second half").
"""

import re
from dataclasses import dataclass

WORDS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
         "eleventh", "twelfth")  # fmt: skip
VALUE_OF_WORD = {word: number for number, word in enumerate(WORDS, start=2)}
WORD_OF_VALUE = {number: word for word, number in VALUE_OF_WORD.items()} | {1: "first"}
NOT_AFTER = frozenset(
    {"of", "quarter", "half", "time", "times", "hand", "and", "or", "century", "hour"}
)
SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
ORDINAL = re.compile(
    r"\b(?:the|its|his|her|their|\w+['\u2019]s)\s+"
    r"(?P<ordinal>" + "|".join(WORDS) + r"|(?P<digits>[1-9]\d?)(?:st|nd|rd|th))"
    r"(?=[\s-]+(?P<next>[a-z]+))"
)


@dataclass(frozen=True)
class Ordinal:
    start: int
    end: int
    text: str
    value: int
    in_words: bool


def find_ordinals(text: str, excluded: list[tuple[int, int]] = ()) -> list[Ordinal]:
    found = []
    for match in ORDINAL.finditer(text):
        start, end = match.span("ordinal")
        if match.group("next") in NOT_AFTER or any(s < end and start < e for s, e in excluded):
            continue
        digits = match.group("digits")
        value = int(digits) if digits else VALUE_OF_WORD[match.group("ordinal")]
        if value < 2:
            continue
        found.append(Ordinal(start, end, match.group("ordinal"), value, digits is None))
    return found


def written(value: int, *, in_words: bool) -> str | None:
    """ "fourth" or "4th", as the answer is written; None for a word the list does not have."""
    if in_words:
        return WORD_OF_VALUE.get(value)
    if 10 <= value % 100 <= 20:
        return f"{value}th"
    return f"{value}{SUFFIXES.get(value % 10, 'th')}"

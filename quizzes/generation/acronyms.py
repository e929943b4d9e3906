"""Read "Korean Central News Agency (KCNA)": a long name followed by its initials in brackets."""

import re
from dataclasses import dataclass

from .names import CONNECTORS

BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
WORD = re.compile(r"[\w'\u2019.&-]+")


@dataclass(frozen=True)
class Acronym:
    short: str
    long: str
    start: int  # of the long form
    end: int  # just after the closing bracket


def initials_of(words: list[str]) -> str:
    letters = []
    for word in words:
        if word.lower() in CONNECTORS:
            continue
        for part in word.split("-"):
            if part:
                letters.append(part[0])
    return "".join(letters).upper()


def find_acronyms(text: str) -> list[Acronym]:
    found = []
    for match in BRACKETED.finditer(text):
        short = match.group(1).replace(".", "")
        if not short[0].isupper() or sum(char.isupper() for char in short) < 2:
            continue
        window_start = max(0, match.start() - 160)
        words = list(WORD.finditer(text, window_start, match.start()))
        for size in range(1, min(len(words), 12) + 1):
            candidate = words[-size:]
            first = candidate[0].group(0)
            if not first[0].isupper() or first.lower() in CONNECTORS:
                continue
            if initials_of([word.group(0) for word in candidate]) == short.upper():
                start = candidate[0].start()
                long = text[start : candidate[-1].end()]
                found.append(Acronym(short, long, start, match.end()))
                break
    return found

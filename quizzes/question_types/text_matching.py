"""Lenient matching of what a student typed against an answer.

Case, accents, punctuation, a leading article, spacing and "&" for "and" never count; a small
typo does not either (Damerau-Levenshtein distance of 1 for answers up to 8 characters, 2
beyond), except in numbers and very short answers, where one character changes the meaning
("1950" is not "1951").
"""

import re
import unicodedata

_ARTICLES = re.compile(r"^(the|a|an) ")
_DIGITS = re.compile(r"\d+")
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?) ?(thousand|million|billion|trillion)?$")
_SCALES = {None: 1, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_AMPERSAND = re.compile(r"\s*&\s*")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_SYMBOLS = re.compile(r"(?!(?<=\d)\.(?=\d))[^\w\s]|_")
EXACT_UP_TO = 3
ONE_TYPO_UP_TO = 8


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text))
    no_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = _THOUSANDS.sub("", no_accents.casefold().strip())
    text = _AMPERSAND.sub(" and ", text)  # "Affleck & Damon" is "Affleck and Damon"
    # Every symbol becomes a space, except a decimal point: "3.5" must not read as "3 5".
    collapsed = " ".join(_SYMBOLS.sub(" ", text).split())
    return _ARTICLES.sub("", collapsed)


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): a swap of neighbours is one edit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def allowed_typos(expected: str) -> int:
    if len(expected) <= EXACT_UP_TO:
        return 0
    return 1 if len(expected) <= ONE_TYPO_UP_TO else 2


def text_match(typed: str, answers: list[str]) -> tuple[bool, bool]:
    """(matches one of the answers, only thanks to the typo allowance)."""
    wanted = normalise(typed)
    if not wanted:
        return False, False
    near = False
    for answer in answers:
        expected = normalise(answer)
        if wanted == expected:
            return True, False
        allowed = allowed_typos(expected)
        # Lengths further apart than the typos allowed can never match: skip the distance.
        if abs(len(wanted) - len(expected)) > allowed:
            continue
        if _DIGITS.findall(wanted) != _DIGITS.findall(expected):
            continue
        near = near or edit_distance(wanted, expected) <= allowed
    return near, near


def same_text(a: str, b: str) -> bool:
    """Equal once case, accents, punctuation and a leading article are set aside."""
    return normalise(a) == normalise(b)


def parse_number(typed: str) -> float | None:
    """A number as people type it: "2,500", "3.5%", "2.5 million"; None when it is not one."""
    text = str(typed).strip()
    sign = -1 if text[:1] in {"-", "\u2212"} else 1
    match = _NUMBER.match(normalise(text.lstrip("-\u2212").replace("%", "")))
    if not match:
        return None
    return sign * float(match[1]) * _SCALES[match[2]]

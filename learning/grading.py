"""Lenient grading of typed answers: the student still picks the rating, this only tells them
whether what they typed matches.

Case, accents, punctuation, a leading article and spacing never count; a small typo does not
either (Damerau-Levenshtein distance of 1 for answers up to 8 characters, 2 beyond), except in
numbers and very short answers, where one character changes the meaning ("1950" is not "1951").
"""

import re
import unicodedata
from dataclasses import dataclass

_ARTICLES = re.compile(r"^(the|a|an) ")
_DIGITS = re.compile(r"\d+")
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?) ?(thousand|million|billion|trillion)?$")
_SCALES = {None: 1, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_SYMBOLS = re.compile(r"(?!(?<=\d)\.(?=\d))[^\w\s]|_")
# The question types whose card offers a box to type the answer in.
TYPED_TYPES = frozenset({"cloze", "short_answer", "numeric"})
EXACT_UP_TO = 3
ONE_TYPO_UP_TO = 8


@dataclass(frozen=True)
class TypedGrade:
    typed: str
    correct: bool
    # True when it matched only thanks to the typo allowance, so the page can show the spelling.
    near_miss: bool = False

    @property
    def verdict(self) -> str:
        if not self.correct:
            return "Not quite"
        return "Correct, with a small typo" if self.near_miss else "Correct"


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text))
    no_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = _THOUSANDS.sub("", no_accents.casefold())
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


def _matches(typed: str, expected: str) -> tuple[bool, bool]:
    """(matches, only thanks to a typo) for two normalised texts."""
    if typed == expected:
        return True, False
    if _DIGITS.findall(typed) != _DIGITS.findall(expected):
        return False, False
    if edit_distance(typed, expected) <= allowed_typos(expected):
        return True, True
    return False, False


def grade_text(typed: str, answers: list[str]) -> TypedGrade:
    wanted = normalise(typed)
    best = TypedGrade(typed=typed, correct=False)
    if not wanted:
        return best
    for answer in answers:
        matched, near = _matches(wanted, normalise(answer))
        if matched and not near:
            return TypedGrade(typed=typed, correct=True)
        if matched:
            best = TypedGrade(typed=typed, correct=True, near_miss=True)
    return best


def grade_number(typed: str, answer: float, tolerance: float | None) -> TypedGrade:
    match = _NUMBER.match(normalise(typed.replace("%", "")))
    if not match:
        return TypedGrade(typed=typed, correct=False)
    value = float(match[1]) * _SCALES[match[2]]
    # A hair of slack so that float rounding never fails "0.3" against 0.1 + 0.2.
    slack = (tolerance or 0) + 1e-9 * max(1.0, abs(answer))
    return TypedGrade(typed=typed, correct=abs(value - answer) <= slack)


def grade_typed(question, typed: str) -> TypedGrade:
    """Grade what the student typed against a question's answer and its accepted variants."""
    if question.type == "numeric" and isinstance(question.answer, int | float):
        return grade_number(typed, float(question.answer), question.tolerance)
    answers = [str(question.answer), *(str(item) for item in question.accepted or [])]
    return grade_text(typed, answers)

"""GIFT files in, as Moodle writes them and as people write them by hand."""

import contextlib
import hashlib
import math
import re
from dataclasses import dataclass, field

from quizzes.question_types import BLANK, problems

from .syntax import TYPE_MARKER, WEIGHT, find, find_all, plain_text, text_format

_MARKER_LINE = re.compile(rf"//\s*{TYPE_MARKER}:\s*(\w+)")
_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
_TRUTH = {"T": True, "TRUE": True, "F": False, "FALSE": False}
# The GIFT kind each of our types is written as, and so which types a marker may restore.
_KIND = {
    "multiple_choice": "choice",
    "quote_attribution": "choice",
    "short_answer": "short",
    "cloze": "short",
    "true_false": "truefalse",
    "numeric": "numeric",
    "matching": "matching",
}
# The type of a GIFT question with no marker of ours.
_PLAIN_TYPE = {
    "choice": "multiple_choice",
    "short": "short_answer",
    "truefalse": "true_false",
    "numeric": "numeric",
    "matching": "matching",
}


@dataclass
class ParsedQuestion:
    """A question read from GIFT, with the fields `quizzes.question_types` asks of a question."""

    type: str
    prompt: str
    answer: object
    line: int
    accepted: list[str] = field(default_factory=list)
    choices: list = field(default_factory=list)
    tolerance: float | None = None
    # GIFT's general feedback.
    explanation: str = ""
    title: str = ""
    category: str | None = None
    # A GIFT question has no source sentence in one of our articles.
    sentence: str = ""


class GiftError(ValueError):
    """A GIFT file with bad questions: every problem, with its line, in `errors`."""

    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        super().__init__("\n".join(f"Line {line}: {message}" for line, message in errors))


class _Refused(ValueError):
    pass


def parse_gift(text: str) -> list[ParsedQuestion]:
    """The questions of a GIFT file; GiftError listing every bad one, with its line."""
    parsed, errors = [], []
    category = None
    for lines in _blocks(text):
        marker = ""
        content = []
        for number, line in lines:
            if line.startswith("//"):
                found = _MARKER_LINE.match(line)
                marker = found[1] if found else marker
            else:
                content.append((number, line))
        if content and content[0][1].startswith("$CATEGORY:"):
            category = content.pop(0)[1].removeprefix("$CATEGORY:").strip() or None
        if not content:
            continue
        line = content[0][0]
        try:
            question = _question("\n".join(body for _, body in content), marker, line)
        except _Refused as refused:
            errors.append((line, str(refused)))
            continue
        question.category = category
        errors.extend((line, problem) for problem in problems(question))
        parsed.append(question)
    if errors:
        raise GiftError(errors)
    return parsed


def _blocks(text: str):
    """Runs of non-blank lines, each line stripped and numbered from 1."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    block = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            block.append((number, line.strip()))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _question(text: str, marker: str, line: int) -> ParsedQuestion:
    title = ""
    if text.startswith("::"):
        end = find(text, "::", 2)
        if end < 0:
            raise _Refused("The title has no closing '::'.")
        title, text = plain_text(text[2:end], "plain"), text[end + 2 :].strip()
    opens, closes = find_all(text, "{"), find_all(text, "}")
    if not opens and not closes:
        raise _Refused(
            "This is not a question: it has no answer in braces { } (Moodle would take it for "
            "a description)."
        )
    if len(opens) > 1 and len(closes) > 1:
        raise _Refused("It has two answers in braces: leave a blank line between questions.")
    if len(opens) != 1 or len(closes) != 1 or closes[0] < opens[0]:
        raise _Refused("A brace is missing or extra (write \\{ or \\} for a brace in the text).")
    start, end = opens[0], closes[0]
    after = text[end + 1 :].strip()
    # Text after the braces makes them a blank in the sentence (Moodle's "missing word").
    prompt = plain_text(text[:start] + ("_____" + text[end + 1 :] if after else ""))
    # Answers and feedback without a format marker of their own are in the question's.
    format_ = text_format(text, "moodle")
    raw = text[start + 1 : end]
    feedback = ""
    separators = find_all(raw, "####")
    if separators:
        raw, feedback = raw[: separators[-1]], plain_text(raw[separators[-1] + 4 :], format_)
    kind, fields = _answer(raw.strip(), prompt, format_)
    if _KIND.get(marker) == kind:
        type_ = marker
    elif kind == "short" and BLANK.search(prompt):
        type_ = "cloze"
    else:
        type_ = _PLAIN_TYPE[kind]
    return ParsedQuestion(
        type=type_, prompt=prompt, line=line, title=title, explanation=feedback, **fields
    )


def _answer(raw: str, prompt: str, format_: str) -> tuple[str, dict]:
    """The GIFT kind of an answer in braces, and the question's fields it gives."""
    if not raw:
        raise _Refused("An essay question ({}) has no answer to check.")
    if raw.startswith("#"):
        return "numeric", _numeric(raw[1:])
    if find_all(raw, "~"):
        return "choice", _choice(raw, prompt, format_)
    if find_all(raw, "=") and find(raw, "->") >= 0:
        return "matching", _matching(raw, prompt, format_)
    truth = _TRUTH.get(_cut_feedback(raw).strip().upper())
    if truth is not None:
        return "truefalse", {"answer": truth}
    return "short", _short(raw, format_)


def _choice(raw: str, prompt: str, format_: str) -> dict:
    answers = _weighted(raw, "", format_)
    if any(mark == "" for mark, _, _ in answers):
        raise _Refused("Start every answer with = (the right one) or ~ (a wrong one).")
    _refuse_part_marks(answers)
    right = [text for _, weight, text in answers if weight == 100]
    if len(right) != 1:
        raise _Refused(
            f"It has {len(right)} right answers; a multiple choice here has exactly one (=)."
        )
    return {"answer": right[0], "choices": _shuffled([text for *_, text in answers], prompt)}


def _short(raw: str, format_: str) -> dict:
    answers = _weighted(raw, "=", format_)
    _refuse_part_marks(answers)
    # Answers worth 0% are wrong answers with their own feedback: nothing to accept.
    right = [text for _, weight, text in answers if weight == 100]
    if not right:
        raise _Refused("It has no right answer: start one with =.")
    return {"answer": right[0], "accepted": right[1:]}


def _numeric(raw: str) -> dict:
    # Moodle writes the feedback for any other number after a ~.
    other = find(raw, "~")
    raw = raw if other < 0 else raw[:other]
    pieces = _split(raw, "=") if raw.strip().startswith("=") else [("=", raw)]
    found = []
    for mark, body in pieces:
        if mark != "=":
            raise _Refused("Start every numeric answer with =.")
        weight, body = _weight(body.strip(), mark)
        if weight == 100:
            found.append(_number_range(_cut_feedback(body).strip()))
    # Ranges worth part of the marks are dropped: ours are right or wrong, and the right answer
    # with its own tolerance is unchanged.
    if len(found) != 1:
        raise _Refused(f"It has {len(found)} answers worth full marks; a number here has one.")
    answer, tolerance = found[0]
    return {"answer": answer, "tolerance": tolerance}


def _number_range(text: str) -> tuple[int | float, float | None]:
    low, dots, high = text.partition("..")
    if dots:
        low, high = _parse_number(low), _parse_number(high)
        if high < low:
            raise _Refused(f"The range {text} ends below its start.")
        middle = (low + high) / 2
        if isinstance(low, int) and isinstance(high, int) and middle.is_integer():
            middle = int(middle)
        return middle, (high - low) / 2
    number, colon, tolerance = text.partition(":")
    return _parse_number(number), float(_parse_number(tolerance)) if colon else None


def _parse_number(text: str) -> int | float:
    text = text.strip()
    if _NUMBER.fullmatch(text):
        # Python refuses ints of thousands of digits, and floats overflow: neither is a number
        # a question can hold.
        with contextlib.suppress(ValueError, OverflowError):
            number = int(text) if re.fullmatch(r"-?\d+", text) else float(text)
            if math.isfinite(number):
                return number
    raise _Refused(f"{text[:40]!r} is not a number.")


def _matching(raw: str, prompt: str, format_: str) -> dict:
    pairs = []
    for mark, body in _split(raw, "="):
        arrow = find(body, "->")
        if mark != "=" or arrow < 0:
            raise _Refused("Write every pair as =item -> match.")
        # Moodle reads the right-hand side as plain text.
        left, right = plain_text(body[:arrow], format_), plain_text(body[arrow + 2 :], "plain")
        if not left:
            raise _Refused("An extra option with nothing on the left (= -> x) cannot be imported.")
        pairs.append([left, right])
    return {"answer": pairs, "choices": _shuffled([right for _, right in pairs], prompt)}


def _weighted(raw: str, default_mark: str, format_: str) -> list[tuple[str, float, str]]:
    """(mark, weight in %, text) of each answer; per-answer feedback is dropped."""
    answers = []
    for mark, body in _split(raw, "=~"):
        weight, body = _weight(body.strip(), mark or default_mark)
        answers.append((mark, weight, plain_text(_cut_feedback(body), format_)))
    return answers


def _weight(body: str, mark: str) -> tuple[float, str]:
    found = WEIGHT.match(body)
    if found:
        return float(found[1]), body[found.end() :]
    return (100.0 if mark == "=" else 0.0), body


def _refuse_part_marks(answers) -> None:
    if any(weight not in (0, 100) for _, weight, _ in answers):
        raise _Refused(
            "Answers worth part of the marks (such as %50%) cannot be imported: "
            "an answer here is right or wrong."
        )


def _split(raw: str, marks: str) -> list[tuple[str, str]]:
    """Pieces starting at each unescaped mark, as (mark, text after it); text before the first
    mark, if any, comes with the mark ''."""
    starts = find_all(raw, *marks)
    pieces = [("", raw[: starts[0]] if starts else raw)]
    for index, start in enumerate(starts):
        stop = starts[index + 1] if index + 1 < len(starts) else len(raw)
        pieces.append((raw[start], raw[start + 1 : stop]))
    return [(mark, text) for mark, text in pieces if mark or text.strip()]


def _cut_feedback(body: str) -> str:
    hash_ = find(body, "#")
    return body if hash_ < 0 else body[:hash_]


def _shuffled(items: list, seed: str) -> list:
    """A fixed order that depends on the prompt. Moodle shuffles choices when it shows them, so
    hand-written files put the right one first; we show them in the stored order."""
    return sorted(items, key=lambda item: hashlib.sha256(f"{seed}\x1f{item}".encode()).hexdigest())

"""Turn a scraped page into article paragraphs plus title and byline metadata."""

import dataclasses
import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from . import boilerplate
from .dates import find_dates

SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
SENTENCE_END = re.compile(r"[.!?…]['\"\u2019”»)\]]*(?:\s*[\"“])?$")
ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
BYLINE = re.compile(r"^by\s+([A-Z\u00c0-\u024f].*)$", re.IGNORECASE)
GLUED_NAMES = re.compile(r"(?<=[a-z\u00df-\u00ff]{3})(?=[A-Z\u00c0-\u00de][a-z])")
# "BUENOS AIRES-President ..." or "BUENOS AIRES : Chinese ...": the dateline is a place tag,
# not part of the first sentence.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'\u2019 ]{1,40}[A-Z.]\s*(?:\([^)]{1,30}\))?\s*[-\u2013\u2014:]+\s*(?=[A-Z\"“])"
)
QUOTE_CHARS = '"“”«»'
TIME_STAMP = re.compile(r"\d|^(?:updated|published|posted|modified|last updated)\b", re.I)
GLUE_POINT_IN_TITLE = re.compile(r"(?<=[a-z\u00df-\u00ff])(?=[A-Z\u00c0-\u00de][a-z])")
# A name of two or more capitalised words: "Elena MarchettiMarkets Correspondent".
BYLINE_SHAPE = re.compile(r"^[A-Z\u00c0-\u00de][\w'\u2019-]+ [A-Z\u00c0-\u00de][\w'\u2019-]+")


@dataclass(frozen=True)
class CleanedText:
    title: str
    byline: str
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    published: dt.date | None = None


def normalise_characters(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = INVISIBLE.sub("", text)
    text = "".join(
        char if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cs") else " "
        for char in text
    )
    text = boilerplate.remove_shortcodes(text)
    return "\n".join(SPACES.sub(" ", line).strip() for line in text.split("\n"))


def ends_like_sentence(line: str) -> bool:
    return bool(SENTENCE_END.search(line))


def looks_like_title_case(words: list[str]) -> bool:
    long_words = [word for word in words if len(word) > 3]
    if len(long_words) < 4:
        return False
    capitalised = sum(word[0].isupper() for word in long_words)
    return capitalised / len(long_words) > 0.85


def is_question_subheading(line: str) -> bool:
    # "What are the sanctions against North Korea?" heads a section; it states no fact.
    if not line.rstrip(QUOTE_CHARS + "'\u2019 ").endswith("?"):
        return False
    body = line[:-1]
    return len(boilerplate.words_of(line)) <= 20 and not re.search(r"[.!?][\s\"”]", body)


def is_paragraph(line: str) -> bool:
    words = boilerplate.words_of(line)
    if len(words) < 4 or not ends_like_sentence(line):
        return False
    if not any(char.islower() for char in line):
        return False
    return not looks_like_title_case(words) and not is_question_subheading(line)


def is_headline(line: str) -> bool:
    words = boilerplate.words_of(line)
    if not 2 <= len(words) <= 30:
        return False
    return not ends_like_sentence(line) or bool(ABBREVIATION_END.search(line))


def is_byline(line: str) -> bool:
    words = len(boilerplate.words_of(line))
    return words <= 6 or (words <= 12 and not ends_like_sentence(line))


def is_title(line: str) -> bool:
    return is_headline(line) and not boilerplate.is_caption(line)


def tidy_byline(names: str) -> str:
    names = GLUED_NAMES.sub(", ", names.strip())
    names = re.sub(r"\s+(?:and|&)\s+", ", ", names)
    parts = [part.strip() for part in names.split(",")]
    # "Updated 09:15 GMT", "Published 3 March": a time stamp glued on is not a name or a role.
    return ", ".join(part for part in parts if part and not TIME_STAMP.search(part))


def split_glued_byline(line: str) -> tuple[str, str]:
    """ "... Beat ForecastsElena MarchettiMarkets Correspondent" -> the headline and the byline
    a flattened page glued onto it; the line and "" when nothing was glued."""
    for match in GLUE_POINT_IN_TITLE.finditer(line):
        head, tail = line[: match.start()], line[match.start() :]
        if len(head.split()) >= 3 and BYLINE_SHAPE.match(tail) and len(tail.split()) <= 8:
            return head.strip(), tail.strip()
    return line, ""


def split_controls(lines: list[str]) -> list[str]:
    result = []
    for line in lines:
        result.extend(part.strip() for part in boilerplate.split_glued_controls(line))
    return [line for line in result if line]


def is_furniture(line: str) -> bool:
    return (
        boilerplate.has_no_letters(line)
        or boilerplate.is_ui_line(line)
        or boilerplate.is_related_link(line)
    )


MAX_STAMP_WORDS = 14


def stamp_date(line: str) -> dt.date | None:
    """The full date of a time stamp line above the story ("Published 9 October 2024",
    "Updated 16:05 GMT, 3 February 2025"): the day the article speaks from."""
    if is_paragraph(line) or len(boilerplate.words_of(line)) > MAX_STAMP_WORDS:
        return None
    for mention in find_dates(line):
        if mention.precision == "day" and mention.year:
            try:
                return dt.date(mention.year, mention.month, mention.day)
            except ValueError:
                return None
    return None


def normalised_key(line: str) -> str:
    return " ".join(boilerplate.words_of(line.lower()))


def clean(raw: str, *, title: str | None = None) -> CleanedText:
    lines = split_controls(normalise_characters(raw).split("\n"))
    counts = Counter(normalised_key(line) for line in lines)
    found_title, byline = "", ""
    given_title_key = normalised_key(title) if title else None
    paragraphs: list[str] = []
    seen: set[str] = set()
    in_related_list = False
    published = None
    for index, line in enumerate(lines):
        key = normalised_key(line)
        if not paragraphs and published is None:
            published = stamp_date(line)
        if is_furniture(line) or key == given_title_key:
            continue
        if boilerplate.is_related_heading(line):
            in_related_list = True
            continue
        byline_match = BYLINE.match(line)
        if byline_match and not byline and is_byline(line):
            byline = tidy_byline(byline_match.group(1))
            continue
        if not (paragraphs or found_title or title is not None) and is_title(line):
            found_title, glued_byline = split_glued_byline(line)
            if glued_byline and not byline:
                byline = tidy_byline(glued_byline)
            continue
        if in_related_list:
            # A list of links ends where a real paragraph starts again.
            if not (is_paragraph(line) and len(boilerplate.words_of(line)) >= 20):
                continue
            in_related_list = False
        if boilerplate.is_caption(line) or not is_paragraph(line):
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        if next_line.startswith(line) and boilerplate.is_caption(next_line):
            continue
        if key in seen:
            continue
        if counts[key] > 1 and len(boilerplate.words_of(line)) <= 30:
            # A short line printed twice is a caption or a teaser, not a paragraph.
            continue
        seen.add(key)
        paragraphs.append(DATELINE.sub("", line, count=1))
    cleaned = assemble(title if title is not None else found_title, byline, paragraphs)
    return dataclasses.replace(cleaned, published=published)


def assemble(title: str, byline: str, paragraphs: list[str]) -> CleanedText:
    spans = []
    offset = 0
    for paragraph in paragraphs:
        spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    return CleanedText(
        title=title.strip(),
        byline=byline,
        text="\n\n".join(paragraphs),
        paragraphs=tuple(spans),
    )

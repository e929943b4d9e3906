"""Turn a scraped page into article paragraphs plus title and byline metadata."""

import dataclasses
import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from . import boilerplate, typography
from .dates import find_dates

SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
SENTENCE_END = re.compile(r"[.!?…]['\"\u2019”»)\]]*(?:\s*[\"“])?$")
ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
BYLINE = re.compile(r"^by\s+([A-Z\u00c0-\u024f].*)$", re.IGNORECASE)
GLUED_NAMES = re.compile(r"(?<=[a-z\u00df-\u00ff]{3})(?=[A-Z\u00c0-\u00de][a-z])")
# "BUENOS AIRES-President ...", "BUENOS AIRES : Chinese ...", "SAN JOSE, Calif. -- Shares
# ...", "JIUQUAN, Gansu, Oct. 15, 2003 (Xinhuanet) -- China ...", "BRASILIA, (Reuters) - Brazil's
# ...", "NEW YORK | Two weeks ..."
# or "LILONGWE | Xinhua | Malawi's ...": the dateline is a place tag, perhaps with a date and
# the agency, not part of the first sentence. A place in mixed case ("Moscow, April 28 --")
# counts only with a date and a double dash, as a sentence never opens that way; the agency
# alone ("(Bloomberg) -- An ...") only with a double dash.
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE_DATE = rf"{MONTH}\ \d{{1,2}}(?:,\ \d{{4}})?"  # written for a verbose pattern
AGENCY = r"\([^)]{1,30}\)"
DATELINE = re.compile(
    rf"""^(?:
        [A-Z][A-Z.'\u2019 ]{{1,40}}[A-Z.]
        (?:,(?:\ (?!{MONTH}\ \d)[A-Z][\w.'\u2019]*){{1,3}})?
        (?:,\ {DATELINE_DATE})?
        ,?\s*(?:{AGENCY})?\s*
        (?:[-\u2013\u2014:|]+\s*)
        (?:[A-Z][\w.-]*(?:\ [A-Z][\w.-]*){{0,2}}\s*\|\s*)?
      | [A-Z][a-z]+(?:\ [A-Z][a-z]+)?,\ {DATELINE_DATE}\s*(?:{AGENCY})?\s*(?:--|\u2014)\s*
      | {AGENCY}\s*(?:--|\u2014)\s*
    )(?=[A-Z"\u201c])""",
    re.VERBOSE,
)
# "Padang, Indonesia - At least 529 ...": a place and its country in mixed case before a dash,
# taken for a dateline only at the head of the story's first paragraph.
FIRST_DATELINE = re.compile(
    r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z][a-z]+(?: [A-Z][a-z]+)? [-\u2013\u2014]+ (?=[A-Z])"
)
# "date 2017-11-15 NEW YORK — ...": a machine time stamp a scraper put before the story.
MACHINE_STAMP = re.compile(r"^date (\d{4}-\d{2}-\d{2})\s+")
# "Published: Tuesday, June 30, 2009 at 3:30 a.m.": a time stamp line, even when it ends with
# a full stop like a sentence.
STAMP_LINE = re.compile(
    r"^(?:published|updated|posted|modified|last (?:updated|modified)|first published)\s*:", re.I
)
QUOTE_CHARS = '"“”«»'
TIME_STAMP = re.compile(r"\d|^(?:updated|published|posted|modified|last updated)\b", re.I)
GLUE_POINT_IN_TITLE = re.compile(r"(?<=[a-z\u00df-\u00ff])(?=[A-Z\u00c0-\u00de][a-z])")
# A name of two or more capitalised words: "Elena MarchettiMarkets Correspondent".
BYLINE_SHAPE = re.compile(r"^[A-Z\u00c0-\u00de][\w'\u2019-]+ [A-Z\u00c0-\u00de][\w'\u2019-]+")

# A hard-wrapped text (mailed, or scraped from preformatted text) breaks its lines at one width,
# inside sentences: lines stop without sentence punctuation and the next goes on in lowercase.
# A text is taken as wrapped when at least three lines do so, the widest of them is as wide as
# prose is wrapped (a list of lowercase tags is narrower), and half of them are filled to three
# quarters of it. One-line-per-paragraph pages have none, or one or two between furniture lines.
MIN_BROKEN_LINES = 3
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 40, 120
FILLED_SHARE = 0.75
# The first word of the next line; "half-century" only up to its hyphen, where a wrapper may
# have broken it.
FIRST_WORD = re.compile(r"\S*?\w-(?=\w)|\S+")
# A line this much longer than the wrap width (a caption, a table row) was never wrapped.
UNWRAPPED_FACTOR = 1.25


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
    lines = join_wrapped_lines(text.split("\n"))
    return "\n".join(SPACES.sub(" ", typography.fix_slips(line)).strip() for line in lines)


def breaks_inside_sentence(line: str, next_line: str) -> bool:
    return (
        bool(line.strip())
        and not ends_like_sentence(line.rstrip())
        and next_line.lstrip()[:1].islower()
    )


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when its lines were not wrapped."""
    broken = [
        len(line)
        for line, next_line in pairwise(lines)
        if len(line) <= MAX_WRAP_WIDTH and breaks_inside_sentence(line, next_line)
    ]
    if len(broken) < MIN_BROKEN_LINES:
        return None
    width = max(broken)
    filled = sum(length >= FILLED_SHARE * width for length in broken)
    return width if width >= MIN_WRAP_WIDTH and filled * 2 >= len(broken) else None


def indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def continues(line: str, next_line: str, width: int) -> bool:
    """Whether a wrapped line goes on in the next one, rather than ending its paragraph."""
    if not line.strip() or not next_line.strip() or indent(next_line) > indent(line):
        return False
    if max(len(line), len(next_line)) > width * UNWRAPPED_FACTOR:
        return False
    # "CARTAGENA," then "Colombia (AP) -- ...": a comma goes on whatever the next line holds.
    if next_line.lstrip()[0].islower() or line.endswith(","):
        return True
    # A line ends its paragraph when the next line's first word would have fitted on it.
    first_word = FIRST_WORD.match(next_line.lstrip()).group()
    return len(line) + 1 + len(first_word) > width


def join_block(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        # "Ki-" + "moon": a wrapper breaks compounds after their hyphen.
        glue = "" if re.search(r"\w-$", text) and line.lstrip()[:1].isalnum() else " "
        text += glue + line.lstrip()
    return text


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Join the lines of a hard-wrapped text into paragraphs; other texts are left as they are.
    A paragraph ends at a blank line, an indented line, or a line that the next line's first word
    would have fitted on, unless the next line goes on in lowercase or this one ends in a comma."""
    lines = [line.rstrip() for line in lines]
    width = wrap_width(lines)
    if width is None:
        return lines
    blocks = [[lines[0]]]
    for previous, line in pairwise(lines):
        if continues(previous, line, width):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return [join_block(block) for block in blocks]


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


MAX_STAMP_WORDS = 14


def is_stamp_line(line: str) -> bool:
    return bool(STAMP_LINE.match(line)) and len(boilerplate.words_of(line)) <= MAX_STAMP_WORDS


def is_date_line(line: str) -> bool:
    # "Thursday, 26 November 2009" above the story: a date alone, read as the day the article
    # speaks from (stamp_date), never its headline.
    rest = line
    mentions = find_dates(line)
    for mention in sorted(mentions, key=lambda mention: mention.start, reverse=True):
        rest = rest[: mention.start] + rest[mention.end :]
    return bool(mentions) and boilerplate.has_no_letters(rest)


def is_furniture(line: str) -> bool:
    return (
        boilerplate.has_no_letters(line)
        or boilerplate.is_ui_line(line)
        or boilerplate.is_related_link(line)
        or is_stamp_line(line)
        or is_date_line(line)
    )


def stamp_date(line: str) -> dt.date | None:
    """The full date of a time stamp line above the story ("Published 9 October 2024",
    "Updated 16:05 GMT, 3 February 2025"): the day the article speaks from."""
    if is_paragraph(line) and not is_stamp_line(line):
        return None
    if len(boilerplate.words_of(line)) > MAX_STAMP_WORDS:
        return None
    for mention in find_dates(line):
        if mention.precision == "day" and mention.year:
            try:
                return dt.date(mention.year, mention.month, mention.day)
            except ValueError:
                return None
    return None


def iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def normalised_key(line: str) -> str:
    return " ".join(boilerplate.words_of(line.lower()))


def clean(raw: str, *, title: str | None = None) -> CleanedText:
    lines = split_controls(normalise_characters(raw).split("\n"))
    whole_text = "\n".join(lines)  # tells how a lead typed in capitals is written elsewhere
    counts = Counter(normalised_key(line) for line in lines)
    found_title, byline = "", ""
    given_title_key = normalised_key(title) if title else None
    paragraphs: list[str] = []
    seen: set[str] = set()
    in_related_list = False
    published = None
    for index, line in enumerate(lines):
        machine_stamp = MACHINE_STAMP.match(line)
        if machine_stamp:
            line = line[machine_stamp.end() :]
            if not paragraphs and published is None:
                published = iso_date(machine_stamp.group(1))
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
        if paragraphs and boilerplate.ends_with_agency_credit(line):
            continue  # "(Reuters)" after the lede closes a caption; before, it credits the story
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        if next_line.startswith(line) and boilerplate.is_caption(next_line):
            continue
        if key in seen:
            continue
        if counts[key] > 1 and len(boilerplate.words_of(line)) <= 30:
            # A short line printed twice is a caption or a teaser, not a paragraph.
            continue
        seen.add(key)
        paragraph = DATELINE.sub("", line, count=1)
        if not paragraphs:
            paragraph = FIRST_DATELINE.sub("", paragraph, count=1)
        paragraphs.append(typography.soften_capital_lead(paragraph, whole_text))
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

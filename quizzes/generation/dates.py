"""Find dates and periods in text and pin year-less ones to the article's own time line."""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
MONTH_NAME = r"(?P<month>" + "|".join(calendar.month_name[1:]) + ")"
YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "winter": (12, 2),
}
DECADE_PARTS = {
    "early": (0, 3),
    "mid": (4, 6),
    "late": (7, 9),
    "first half": (0, 4),
    "second half": (5, 9),
    "end": (7, 9),
    "beginning": (0, 2),
    "start": (0, 2),
}
YEAR_PARTS = {
    "end": (10, 12),
    "beginning": (1, 3),
    "start": (1, 3),
    "first half": (1, 6),
    "second half": (7, 12),
    "middle": (5, 8),
    "first quarter": (1, 3),
    "last quarter": (10, 12),
}
PART = (
    r"(?P<part>first half|second half|early|mid|late|end|beginning|start|middle"
    r"|first quarter|last quarter)"
)
END = r"(?![\w-])"

PATTERNS = (
    (
        "day",
        re.compile(
            r"(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+"
            + MONTH
            + r"(?:,?\s+"
            + YEAR
            + r")?"
            + END
        ),
    ),
    (
        "day",
        re.compile(
            MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:,?\s+" + YEAR + r")?" + END
        ),
    ),
    (
        "season",
        re.compile(
            r"(?:the\s+)?(?:(?P<part>early|late|mid)[-\s])?(?P<season>spring"
            r"|summer|fall|autumn|winter)\s+(?:of\s+)?" + YEAR + END,
            re.I,
        ),
    ),
    (
        "decade",
        re.compile(
            r"(?:the\s+)?(?:" + PART + r"(?:\s+of\s+the\s+|[-\s]))?"
            r"(?P<decade>1[89]\d0|20\d0)['\u2019]?s" + END
        ),
    ),
    ("year_part", re.compile(r"(?:the\s+)?" + PART + r"\s+of\s+" + YEAR + END)),
    ("month", re.compile(MONTH + r",?\s+(?:of\s+)?" + YEAR + END)),
    ("month", re.compile(r"(?P<before>\b\w+['\u2019]?s?\s+)?" + MONTH_NAME + END)),
    # A comma may end the clause ("by 2022, the coalition said"), not start a figure's thousands.
    ("year", re.compile(r"(?P<before>\b\w+\s+)" + YEAR + r"(?![\d%]|,\d|\s*(?:percent|per cent))")),
    (
        "weekday",
        re.compile(
            r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
            r"|Sunday)" + END
        ),
    ),
)
YEAR_CONTEXT = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "before",
        "after",
        "of",
        "from",
        "to",
        "during",
        "through",
        "throughout",
        "between",
        "and",
        "early",
        "late",
        "mid",
        "year",
        "end",
    ]
)
MAY_CONTEXT = frozenset(
    [
        "in",
        "since",
        "until",
        "by",
        "last",
        "next",
        "early",
        "late",
        "mid",
        "this",
        "of",
        "from",
        "to",
    ]
)
FUTURE_CUE = re.compile(
    r"\b(?:will|shall|must|due|deadline|scheduled|expected|plans?\s+to|planned|next|going\s+to"
    r"|would|set\s+to)\b",
    re.IGNORECASE,
)

# "The last major quake there, in the winter of 1997", "founded in 2006", "a decade ago":
# history told for background, not the time the article reports from.
BACK_STORY_CUE = re.compile(
    r"\b(?:the last|previous|ago|history|historic|founded|deadliest|worst|record)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    precision: str  # "day", "month", "season", "decade", "year_part", "year", "weekday"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: str = ""
    season: str = ""
    weekday: int | None = None

    @property
    def has_year(self) -> bool:
        return self.year is not None and self.precision != "weekday"


@dataclass(frozen=True)
class ResolvedDate:
    mention: DateMention
    first: dt.date | None
    last: dt.date | None
    inferred: bool = False

    @property
    def kind(self) -> str:
        return "date" if self.mention.precision in ("day", "weekday") else "period"

    @property
    def value(self):
        mention = self.mention
        if self.kind == "date":
            if self.first:
                return self.first.isoformat()
            return f"--{mention.month:02d}-{mention.day:02d}" if mention.month else None
        return {
            "start": self.first.isoformat() if self.first else None,
            "end": self.last.isoformat() if self.last else None,
            "label": mention.text,
        }


SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(\n]\s*)$")
POSSESSIVE_END = re.compile(r"['\u2019]s?\s*$")


def in_a_name(match: re.Match) -> bool:
    """ "the Long March rocket": a month name after a capitalised word that does not open the
    sentence is part of a name ("In March" and "Last March" open one)."""
    before = match.group("before")
    if not before or not before[:1].isupper() or POSSESSIVE_END.search(before):
        return False  # "Kim's February talks" is a date
    return not SENTENCE_START.search(match.string, max(0, match.start() - 3), match.start())


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def mention_from(precision: str, match: re.Match) -> DateMention | None:
    groups = match.groupdict()
    start, end = match.span()
    if groups.get("before") is not None:
        before = groups["before"].strip().lower().rstrip("s").rstrip("'\u2019")
        start = match.start("month") if precision == "month" else match.start("year")
        if precision == "year" and before not in YEAR_CONTEXT:
            return None
        if precision == "month" and groups["month"] == "May" and before not in MAY_CONTEXT:
            return None
        if precision == "month" and in_a_name(match):
            return None
    text = match.string[start:end]
    year = int(groups["year"]) if groups.get("year") else None
    month = MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else None
    day = int(groups["day"]) if groups.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    if precision == "decade":
        year = int(groups["decade"])
    if precision == "weekday":
        return DateMention(start, end, text, precision, weekday=WEEKDAYS[groups["weekday"].lower()])
    return DateMention(
        start,
        end,
        text,
        precision,
        year,
        month,
        day,
        (groups.get("part") or "").lower(),
        (groups.get("season") or "").lower(),
    )


# Every pattern needs a figure, a month or a weekday: a sentence with none is skipped whole.
MAY_HOLD_A_DATE = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday"
)


def find_dates(text: str) -> list[DateMention]:
    found: list[DateMention] = []
    if not MAY_HOLD_A_DATE.search(text):
        return found
    for precision, pattern in PATTERNS:
        for match in pattern.finditer(text):
            mention = mention_from(precision, match)
            if mention and not any(m.start < mention.end and mention.start < m.end for m in found):
                found.append(mention)
    return sorted(found, key=lambda mention: mention.start)


def bounds(mention: DateMention, year: int) -> tuple[dt.date, dt.date] | None:
    try:
        if mention.precision == "day":
            day = dt.date(year, mention.month, mention.day)
            return day, day
        if mention.precision == "month":
            return dt.date(year, mention.month, 1), month_end(year, mention.month)
        if mention.precision == "season":
            first, last = SEASONS[mention.season]
            last_year = year + 1 if last < first else year
            return dt.date(year, first, 1), month_end(last_year, last)
        if mention.precision == "year_part":
            first, last = YEAR_PARTS[mention.part]
            return dt.date(year, first, 1), month_end(year, last)
        if mention.precision == "decade":
            first, last = DECADE_PARTS.get(mention.part, (0, 9))
            return dt.date(year + first, 1, 1), dt.date(year + last, 12, 31)
        if mention.precision == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return None


def weekday_near(mention: DateMention, anchor: dt.date, future: bool) -> dt.date:
    shift = (mention.weekday - anchor.weekday()) % 7
    return anchor + dt.timedelta(days=shift) if future else anchor - dt.timedelta(days=-shift % 7)


def first_after(mention: DateMention, anchor: dt.date) -> tuple[dt.date, dt.date] | None:
    for year in (anchor.year, anchor.year + 1):
        span = bounds(mention, year)
        if span and span[0] > anchor:
            return span
    return None


def last_before(mention: DateMention, anchor: dt.date) -> tuple[dt.date, dt.date] | None:
    for year in (anchor.year, anchor.year - 1):
        span = bounds(mention, year)
        if span and span[0] <= anchor:
            return span
    return None


def closest_to(mention: DateMention, anchor: dt.date) -> tuple[dt.date, dt.date] | None:
    spans = [bounds(mention, year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    spans = [span for span in spans if span]
    return min(spans, key=lambda span: abs((span[0] - anchor).days)) if spans else None


def resolve_dates(
    mentions: list[tuple[DateMention, bool]],
    published: dt.date | None = None,
    *,
    back_story: frozenset[int] = frozenset(),
) -> list[ResolvedDate]:
    """Give each mention its dates; the bool says whether its sentence speaks of the future.

    Without a publication date the article's 'now' is inferred: a year-less date is the first
    of its kind after the latest explicitly dated past reference, and a deadline still ahead
    ("must leave by December 22") falls after the latest date the article has reached. Mentions
    whose positions are in back_story come from sentences about the past ("the last major quake,
    in the winter of 1997"): they say nothing about the article's own year, so they anchor
    nothing, and with no other anchor a year-less date stays without a year.
    """
    explicit = {
        id(mention): bounds(mention, mention.year)
        for mention, _future in mentions
        if mention.has_year
    }
    past = [
        explicit[id(m)][1]
        for number, (m, future) in enumerate(mentions)
        if explicit.get(id(m)) and not future and number not in back_story
    ]
    ahead = [explicit[id(m)][0] for m, future in mentions if explicit.get(id(m)) and future]
    now: dt.date | None = None
    resolved = []
    for mention, future in mentions:
        if id(mention) in explicit:
            span = explicit[id(mention)]
            resolved.append(ResolvedDate(mention, *(span or (None, None))))
            continue
        span = None
        if mention.precision == "weekday":
            if published:
                day = weekday_near(mention, published, future)
                span = (day, day)
        elif published:
            span = first_after(mention, published) if future else last_before(mention, published)
        elif past:
            span = first_after(mention, max(past))
            if span and future and now and span[0] < now:
                span = first_after(mention, now)
        elif ahead:
            span = closest_to(mention, min(ahead))
        if span and not future:
            now = max(now, span[0]) if now else span[0]
        resolved.append(ResolvedDate(mention, *(span or (None, None)), inferred=True))
    return resolved


def tells_back_story(sentence: str) -> bool:
    return bool(BACK_STORY_CUE.search(sentence))


def speaks_of_future(sentence: str) -> bool:
    return bool(FUTURE_CUE.search(sentence))

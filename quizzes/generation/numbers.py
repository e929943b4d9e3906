"""Find amounts, percentages and counts in a sentence, keeping the hedge that qualifies them."""

import re
from dataclasses import dataclass, replace

# Words that qualify a figure, by what they say about it: near it ("almost 95%") or a bound
# ("more than 500"). The numeric tolerance follows the kind.
APPROXIMATE_HEDGES = frozenset(
    {
        "almost",
        "nearly",
        "about",
        "around",
        "roughly",
        "approximately",
        "close to",
        "some",
        "an estimated",
        "estimated",
    }
)
BOUND_HEDGES = frozenset(
    {
        "more than",
        "over",
        "at least",
        "upwards of",
        "just over",
        "well over",
        "less than",
        "fewer than",
        "under",
        "up to",
        "at most",
        "just under",
        "well under",
        "as many as",
        "as much as",
    }
)
# "average" alone also qualifies a figure ("average 4,000") without saying how far off it is.
# "an average 70 percent" is a figure given exactly: a hedge, but no approximation.
EXACT_HEDGES = frozenset({"average", "an average"})
HEDGES = sorted(APPROXIMATE_HEDGES | BOUND_HEDGES | EXACT_HEDGES, key=lambda h: (-len(h), h))
HEDGE = re.compile(
    r"(?:^|[\s\"“'\u2018(])("
    + "|".join(h for h in HEDGES if " " in h or len(h) > 3)
    + r")\s+(?:of\s+)?(?:an?\s+)?$",
    re.IGNORECASE,
)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
}
FRACTIONS = {"quarter": 0.25, "half": 0.5, "third": 1 / 3, "tenth": 0.1}
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "dollars": "USD",
    "euros": "EUR",
    "pounds": "GBP",
    "yuan": "CNY",
}
TIME_UNITS = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)"

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = re.compile(
    r"(?<![\w.,/:-])(?P<currency>US\$|\$|€|£|USD\s?|EUR\s?|GBP\s?)?(?P<digits>" + DIGITS + r")"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|m)\b)?"
    r"(?:(?P<unit>\s?%|\s(?:per\s?cent|percent)\b|\s(?:percentage|basis)\s+points?\b"
    r"|\s(?:dollars|euros|pounds|yuan)\b|-(?P<compound>[a-z]+)\b))?"
    r"(?![\w:])",
    re.IGNORECASE,
)
FRACTION_OF_UNIT = re.compile(
    r"\b(?P<fraction>a|one|half|a half)\s*(?:(?P<part>quarter|third|tenth|half)\s+of\s+)?an?\s+"
    r"(?P<unit>percentage point|percent|per cent)\b",
    re.IGNORECASE,
)
VAGUE = re.compile(
    r"\b(?:(?P<hedge>several|a few|many)\s+(?P<scale>thousand|million|billion|hundred)"
    r"|(?P<plural>tens|dozens|hundreds|thousands|millions|billions)\s+of)\b",
    re.IGNORECASE,
)
WORD_AMOUNT = re.compile(
    r"\b(?P<word>" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
    r"(?P<half>(?:-|\s)and(?:-|\s)a(?:-|\s)half)?(?:-|\s)(?P<unit>" + TIME_UNITS + r")\b",
    re.IGNORECASE,
)
COUNTED_NOUN = re.compile(r"\s+(?:of\s+)?([a-z][a-z-]{2,})\b")
MAX_DIGITS = 18
NOT_COUNTED = frozenset(
    {
        "and",
        "or",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "a",
        "an",
        "as",
        "is",
        "was",
        "per",
        "that",
        "which",
    }
)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    number_start: int  # where the figure itself starts, so a blank can replace just the figure
    number_end: int
    amount_start: int  # where the amount starts once the hedge is left out
    value: float
    kind: str  # "percent", "money" or "quantity"
    unit: str
    hedge: str
    vague: bool = False

    @property
    def figure(self) -> str:
        return self.text[self.number_start - self.start : self.number_end - self.start]


def hedge_before(text: str, start: int) -> tuple[str, int]:
    match = HEDGE.search(text[max(0, start - 30) : start])
    if not match:
        return "", start
    return match.group(1).lower(), start - (len(text[max(0, start - 30) : start]) - match.start(1))


def unit_of(match: re.Match) -> tuple[str, str]:
    unit = (match.group("unit") or "").strip().lower()
    currency = (match.group("currency") or "").strip().lower()
    if currency or unit in CURRENCIES:
        return "money", CURRENCIES.get(currency or unit, "USD")
    if unit in ("%", "percent", "per cent", "percentage point", "percentage points"):
        return "percent", "percentage point" if "point" in unit else "%"
    if match.group("compound"):
        return "quantity", match.group("compound").lower()
    return "quantity", unit


def counted_noun(text: str, end: int) -> str:
    match = COUNTED_NOUN.match(text, end)
    if match and match.group(1).lower() not in NOT_COUNTED:
        return match.group(1).lower()
    return ""


def looks_like_year(digits: str, match: re.Match) -> bool:
    return (
        len(digits) == 4
        and digits.isdigit()
        and 1800 <= int(digits) <= 2100
        and not match.group("currency")
        and not match.group("unit")
    )


def find_quantities(text: str, excluded: list[tuple[int, int]] = ()) -> list[Quantity]:
    found = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in excluded) and not any(
            q.start < end and start < q.end for q in found
        )

    for match in NUMBER.finditer(text):
        digits = match.group("digits")
        start, end = match.span()
        if looks_like_year(digits, match) or not free(start, end) or len(digits) > MAX_DIGITS:
            continue  # a run of digits longer than any real amount is an identifier or noise
        kind, unit = unit_of(match)
        value = float(digits.replace(",", ""))
        scale = (match.group("scale") or "").lower()
        if scale == "m" and kind != "money":
            continue
        value *= SCALES.get(scale, 1)
        if kind == "quantity" and not unit:
            unit = counted_noun(text, end)
            if text[end : end + 1] == "-" or re.match(r"(?:st|nd|rd|th)\b", text[end:]):
                continue
        hedge, hedge_start = hedge_before(text, start)
        number_start = match.start("digits")
        found.append(
            Quantity(
                hedge_start,
                end,
                text[hedge_start:end],
                number_start,
                match.end("digits"),
                start,
                value,
                kind,
                unit,
                hedge,
            )
        )
    for match in FRACTION_OF_UNIT.finditer(text):
        if not free(*match.span()):
            continue
        part = (match.group("part") or match.group("fraction")).lower()
        value = FRACTIONS.get(part.replace("a half", "half"), 1.0)
        unit = "percentage point" if "point" in match.group("unit").lower() else "%"
        start, end = match.span()
        found.append(
            Quantity(start, end, match.group(0), start, end, start, value, "percent", unit, "")
        )
    for match in WORD_AMOUNT.finditer(text):
        if not free(*match.span()):
            continue
        value = WORD_NUMBERS[match.group("word").lower()] + (0.5 if match.group("half") else 0)
        hedge, hedge_start = hedge_before(text, match.start())
        unit = match.group("unit").lower().rstrip("s")
        found.append(
            Quantity(
                hedge_start,
                match.end(),
                text[hedge_start : match.end()],
                match.start(),
                match.end("half") if match.group("half") else match.end("word"),
                match.start(),
                value,
                "quantity",
                unit,
                hedge,
            )
        )
    for match in VAGUE.finditer(text):
        if not free(*match.span()):
            continue
        scale = (match.group("scale") or match.group("plural")).lower().rstrip("s")
        base = {
            "ten": 10,
            "dozen": 12,
            "hundred": 1e2,
            "thousand": 1e3,
            "million": 1e6,
            "billion": 1e9,
        }[scale]
        start, end = match.span()
        hedge = (match.group("hedge") or match.group("plural") + " of").lower()
        found.append(
            Quantity(
                start,
                end,
                text[start:end],
                start,
                end,
                start,
                base,
                "quantity",
                counted_noun(text, end),
                hedge,
                vague=True,
            )
        )
    return share_range_units(text, sorted(found, key=lambda quantity: quantity.start))


def share_range_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    # In "from 10 to 25 per cent" the first figure takes the unit written after the second.
    result = list(quantities)
    for index in range(len(result) - 1):
        first, second = result[index], result[index + 1]
        if not first.unit and re.fullmatch(
            r"\s*(?:to|-|\u2013|and)\s*", text[first.end : second.start]
        ):
            result[index] = replace(first, kind=second.kind, unit=second.unit)
    return result


def parse_quantity(text: str) -> Quantity | None:
    quantities = find_quantities(text)
    return quantities[0] if quantities else None


def format_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:.2f}".rstrip("0").rstrip(".")

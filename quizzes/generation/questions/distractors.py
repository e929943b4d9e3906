"""Wrong answers of the same kind as the right one: the article's own first, then made up."""

import calendar
import hashlib
import math
import re
from functools import lru_cache

from ..dates import MONTHS, SEASONS, find_dates
from ..entities import PERSON, PLACE, Entity
from ..names import initials, name_key
from ..numbers import APPROXIMATE_HEDGES, BOUND_HEDGES, WORD_NUMBERS, format_number
from ..records import Fact
from .context import OWNER, Context, mentions_any, without_suffix

WANTED = 3
NUMBER_WORDS = {value: word for word, value in WORD_NUMBERS.items() if " " not in word}


def shuffled(choices: list, seed: str) -> list:
    """A fixed order that depends on the prompt, so the answer is not always first."""

    def rank(choice) -> str:
        return hashlib.sha256(f"{seed}\x1f{choice}".encode()).hexdigest()

    return sorted(choices, key=rank)


def is_variant(one: Entity, other: Entity) -> bool:
    # "Japan's Eisai" and "Eisai Co." are one company.
    mine, theirs = (name_key(without_suffix(OWNER.sub("", e.name))) for e in (one, other))
    if set(mine.split()) <= set(theirs.split()) or set(theirs.split()) <= set(mine.split()):
        return True
    # "UN" against "United Nations Security Council": initials of a leading part of the name.
    for short, long in ((mine, theirs), (theirs, mine)):
        words = long.split()
        if " " not in short and any(
            initials(" ".join(words[:n])) == short for n in range(2, len(words) + 1)
        ):
            return True
    return False


def entity_distractors(context: Context, entity: Entity, prompt: str) -> list[str]:
    chosen: list[Entity] = []
    for other in context.distractor_pool(entity.id, lambda: same_kind_others(context, entity)):
        if mentions_any(prompt, context.forms_of(other)):  # a name in the prompt would confuse
            continue
        if any(is_variant(other, taken) for taken in chosen):
            continue  # "Fenwick" beside "Fenwick Playhouse": one wrong answer offered twice
        chosen.append(other)
        if len(chosen) == WANTED * 3:
            break
    names = [other.name for other in chosen]
    if entity.kind == PERSON:
        names = shaped_like(entity.name, names)
    return names[:WANTED]


def shaped_like(answer: str, names: list[str]) -> list[str]:
    """The names written as the answer is: a surname alone ("Biden") among full names ("Bill
    Lee", "Shannon Beasley"), or the one full name among surnames, stands out. Names of the
    answer's shape come first, in their order; for a surname alone, the full names that must
    make up the number follow as surnames ("Lee", "Beasley")."""
    if len(answer.split()) > 1:
        return sorted(names, key=lambda name: len(name.split()) == 1)
    alike = [name for name in names if len(name.split()) == 1]
    surnames = [name.split()[-1] for name in names if len(name.split()) > 1]
    return list(dict.fromkeys([*alike, *surnames]))


def same_kind_others(context: Context, entity: Entity) -> list[Entity]:
    """Other names of the entity's kind, most mentioned first, none a variant of it."""
    others = [
        other
        for other in context.index.of_kind(entity.kind)
        if other.id != entity.id
        and not is_variant(entity, other)
        and (other.kind != PERSON or context.is_confident_person(other))
        and not (other.kind == PLACE and context.places_linked(entity, other))
        and not of_another_kind(context, other)
    ]
    return sorted(others, key=lambda other: (-len(other.mentions), other.first_start))


def of_another_kind(context: Context, entity: Entity) -> bool:
    """ "Dame Angela Lansbury" filed as a place, "Atletico Madrid" or "Chandrayaan 2" as a
    person: a name holding a whole name of another kind (a person's, or in a person's name a
    place's or an organisation's) or a number is one the tagger got wrong, and would stand out
    among the choices. "Bank of Canada" holding a place is an organisation's usual name."""
    if entity.kind == PERSON and any(char.isdigit() for char in entity.name):
        return True
    words = f" {name_key(entity.name)} "
    return any(
        other.id != entity.id
        and other.kind != entity.kind
        and (entity.kind == PERSON or context.is_confident_person(other))
        and f" {name_key(other.name)} " in words
        for other in context.index.entities
    )


# How far a typed answer may stray, by hedge. A count given exactly accepts only itself; "about
# 300" a little either side (a few per cent, not the 5-10% that let "around 1500" take 1425);
# a one-sided bound ("more than 17", "up to 9,000") the figure as written, since the article
# gives no other number a reader could check.
APPROXIMATE_SHARE = 0.02


def tolerance_for(value: float, hedge: str) -> float:
    if hedge in APPROXIMATE_HEDGES:
        return round(abs(value) * APPROXIMATE_SHARE, 4)
    return 0.0


def nice(value: float) -> float:
    if value >= 10:
        magnitude = 10 ** (math.floor(math.log10(value)) - 1)
        return round(value / magnitude) * magnitude
    return round(value, 2)


def decimals_of(figure_text: str) -> int:
    """ "9.58" -> 2, "1,234.5" -> 1, "250" -> 0: the precision the article gives a figure."""
    _whole, _dot, fraction = figure_text.partition(".")
    return len(fraction) if fraction.isdigit() else 0


@lru_cache(maxsize=4096)  # asked of the same few dozen round candidates for every figure
def significant_digits(value: float, decimals: int) -> str:
    """The digits a figure is written with, less the zeros that only place it: "963" for 963,
    "22" for 220,000, "25" for 0.25, "976" for 97.6, "950" for 9.50."""
    digits = f"{abs(value):.{decimals}f}".replace(".", "").lstrip("0")
    return (digits.rstrip("0") if decimals == 0 else digits) or "0"


def is_round(value: float, decimals: int) -> bool:
    """ "20", "10,000", "0.5", "25" and "150" read as round: one significant digit, or two
    ending in 5."""
    digits = significant_digits(value, decimals)
    return len(digits) == 1 or (len(digits) == 2 and digits.endswith("5"))


def natural_decimals(value: float) -> int:
    return decimals_of(format_number(value))


def same_precision(candidate: float, answer: float, decimals: int) -> bool:
    """Whether a wrong figure is as round as the answer, so that neither stands out: no 12, 16
    and 24 beside 20, no round tens beside $963 million."""
    if is_round(answer, decimals):
        mine = natural_decimals(candidate)
        return mine <= decimals and is_round(candidate, mine)
    if candidate != int(candidate) and not decimals:
        return False
    wanted = significant_digits(answer, decimals)
    digits = significant_digits(candidate, decimals)
    if decimals:
        return len(digits) == len(wanted)
    # A figure with fewer digits than the answer's significant ones ("9" beside "17") cannot
    # match it and is no rounder for that.
    total = len(str(int(candidate)))
    return len(digits) == min(len(wanted), total) and (
        total < len(wanted) or digits.endswith("5") == wanted.endswith("5")
    )


# Steps, in units of about 0.4% of the figure, to wrong figures on both sides of a precise
# one: 9.58 seconds -> 9.70, 9.50, 9.62; never far enough off to give themselves away.
CLOSE_STEPS = (3, -2, 1, -4, 5, -3, 2)
CLOSE_SHARE = 0.004


def close_figures(value: float, decimals: int, tolerance: float) -> list[float]:
    unit = 10.0**-decimals
    step = max(unit, round(value * CLOSE_SHARE, decimals))
    if step <= tolerance:
        step = round(math.ceil(tolerance / unit) * unit + unit, decimals)
    return [round(value + multiple * step, decimals) for multiple in CLOSE_STEPS]


# Where wrong figures are sought, as shares of the answer: near enough to pass for it, far
# enough apart to be told from it and from each other.
RATIOS = (0.75, 1.3, 0.6, 1.6, 0.5, 2.0)


def nearest_of_precision(target: float, answer: float, decimals: int) -> float | None:
    """The figure nearest the target that is written as roundly as the answer."""
    if is_round(answer, decimals):
        exponent = math.floor(math.log10(target))
        pool = [
            digit * 10.0**power
            for power in (exponent - 1, exponent, exponent + 1)
            for digit in (*range(1, 10), *range(15, 100, 10))
        ]
        pool = [round(value, 10) for value in pool if same_precision(value, answer, decimals)]
        return min(pool, key=lambda value: abs(math.log(value / target)), default=None)
    wanted = len(significant_digits(answer, decimals))
    unit = max(10.0 ** (math.floor(math.log10(target)) - wanted + 1), 10.0**-decimals)
    base = round(target / unit) * unit
    for step in range(40):
        for candidate in (base + step * unit, base - step * unit):
            candidate = round(candidate, decimals)
            if candidate > 0 and same_precision(candidate, answer, decimals):
                return candidate
    return None


def neighbours(
    value: float,
    kind: str,
    unit: str,
    *,
    decimals: int = 0,
    tolerance: float = 0.0,
) -> list[float]:
    """Plausible wrong figures on both sides of the right one, written as roundly: 85, 75, 90
    for 95%; 200, 300 for 250; 771, 1,240 for 963; 9.62, 9.50 for 9.58."""
    if kind == "percent" and unit == "%" and 10 < value <= 100 and not decimals:
        steps = (-10, 10, -20, 20, -5, 5, -30, 30)
        return [value + step for step in steps if 0 < value + step < 100]
    if decimals and not is_round(value, decimals):
        return close_figures(value, decimals, tolerance)
    if value == int(value) and 0 < value < 10:
        return [value + step for step in (1, -1, 2, -2, 3, -3, 4) if value + step > 0]
    if value <= 0:
        return []
    found = [nearest_of_precision(value * ratio, value, decimals) for ratio in RATIOS]
    return [candidate for candidate in found if candidate is not None]


# An article's other figures make good wrong answers only when they could pass for the right
# one: the same unit, and not so much larger or smaller that the size gives them away.
MIN_RATIO, MAX_RATIO = 0.2, 5.0


def comparable(fact: Fact, other: Fact) -> bool:
    if other.id == fact.id or other.kind != fact.kind or other.extra.get("vague"):
        return False
    if other.extra.get("unit") != fact.extra["unit"]:
        return False
    if not fact.value or not MIN_RATIO <= other.value / fact.value <= MAX_RATIO:
        return False
    return written_in_words(other) == written_in_words(fact)


def written_in_words(fact: Fact) -> bool:
    start, end = fact.extra["figure_span"]
    return not any(char.isdigit() for char in fact.sentence[start - fact.start : end - fact.start])


# Beside "about 10", "about 11" is not clearly another figure: wrong figures for an
# approximate one keep at least this share away from it.
APPROXIMATE_GAP = 0.2
APPROXIMATE_POINTS = 8
# "0630 GMT": a time of day read as a count, which no other count can stand in for.
CLOCK_TIME = re.compile(r"0\d{3}")


def number_distractors(context: Context, fact: Fact, prompt: str) -> list[float]:
    """Values in the answer's display unit ("95" for "almost 95%", "250" for "$250 billion"),
    as roundly written as the answer, with the answer at a place among them that depends on
    the prompt. None for a one-sided bound: see `one_sided`."""
    written = figure_text(context, fact)
    if one_sided(fact.extra["hedge"]) or CLOCK_TIME.fullmatch(written):
        return []
    figure = figure_of(context, fact)
    scale = fact.value / figure if figure else 1.0
    tolerance = figure_tolerance(context, fact, figure)
    a_year = year_like(context, fact)
    if fact.extra["hedge"] in APPROXIMATE_HEDGES and not a_year:
        gap = abs(figure) * APPROXIMATE_GAP
        if fact.kind == "percent":
            gap = min(gap, APPROXIMATE_POINTS)  # "almost 85%" is plainly not "almost 95%"
        tolerance = max(tolerance, gap)
    decimals = decimals_of(written)
    in_words = written_in_words(fact)
    paired = paired_figure(context, fact)
    chosen: list[float] = []

    def take(candidate: float) -> None:
        if abs(candidate - figure) <= max(tolerance, 1e-9) or candidate in chosen:
            return
        if paired is not None and (candidate - paired) * (figure - paired) <= 0:
            return  # "nudged up to ___ from 2.61 million": not a figure below 2.61
        if mentions_any(prompt, [format_number(candidate)]) or candidate <= 0:
            return
        if not in_words and not a_year and not same_precision(candidate, figure, decimals):
            return  # "12, 16, 24" beside "20": the answer would be the only round figure
        chosen.append(candidate)

    if a_year:
        for candidate in years_around(figure):
            take(candidate)
        return around_the_answer(chosen, figure, prompt)
    if is_an_age(context, fact):
        for candidate in ages_around(figure):
            take(candidate)
        return around_the_answer(chosen, figure, prompt)
    for other in context.facts:
        # The article's "100" beside its "450.3" is rounder than it looks once padded to
        # "100.0": another figure is offered only when written to the same decimals.
        if comparable(fact, other) and decimals_of(figure_text(context, other)) == decimals:
            take(nice(other.value / scale) if scale != 1 else other.value)
    for candidate in neighbours(
        figure, fact.kind, fact.extra["unit"], decimals=decimals, tolerance=tolerance
    ):
        take(candidate)
    return around_the_answer(chosen, figure, prompt)


# "to 2.63 million vehicles from 2.61 million", "by 323 votes to 302": the figure the blank's
# is set against, after it; "from 8.1 per cent to 8.2", "by 323 votes to 302": before it.
PAIRED_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}\s+(?:from|to|against)\s+\D{0,3}(?=\d)")
PAIRED_BEFORE = re.compile(
    r"\b(?:from|to|by)\s+\D{0,3}(\d[\d,.]*)(?:\s+[a-z]+){0,2}\s+(?:from|to|against)\s+\D{0,3}$"
)


def paired_figure(context: Context, fact: Fact) -> float | None:
    """The figure of the same kind the sentence compares the answer with ("rose to X from Y",
    "carried by X votes to Y"): a wrong figure on its other side would contradict the verb or
    the result, so a reader could rule it out without knowing the answer. In the answer's
    display unit; None when there is none."""
    amount_start, amount_end = fact.extra["amount_span"]
    after = PAIRED_AFTER.match(context.text, amount_end, amount_end + 60)
    before = PAIRED_BEFORE.search(context.text, max(0, amount_start - 60), amount_start)
    position = after.end() if after else before.start(1) if before else None
    if position is None:
        return None
    for other in context.facts:
        # Of the same kind, the unit often written once for both ("323 votes to 302").
        if other.kind == fact.kind and other.extra.get("figure_span", (None,))[0] == position:
            return figure_of(context, other)
    return None


def one_sided(hedge: str) -> bool:
    """ "More than 17 hours": a smaller figure ("more than 14") is still true by the article and
    a larger one ("more than 20") neither true nor false by it, so no wrong figure can be
    offered that a reader could rule out from the text; offering only the larger would make
    the answer always the smallest. Such figures get no choices and no false statement."""
    return hedge in BOUND_HEDGES


def around_the_answer(candidates: list[float], answer: float, seed: str) -> list[float]:
    """Three wrong figures, the article's own first, with as many below the answer as the seed
    picks (0 to 3), so that the answer is not always the largest or the smallest."""
    below = [value for value in candidates if value < answer]
    above = [value for value in candidates if value > answer]
    wanted_below = int(hashlib.sha256(seed.encode()).hexdigest(), 16) % (WANTED + 1)
    taken_below = min(wanted_below, len(below))
    taken_above = min(WANTED - taken_below, len(above))
    taken_below = min(WANTED - taken_above, len(below))
    return [*below[:taken_below], *above[:taken_above]]


def figure_text(context: Context, fact: Fact) -> str:
    start, end = fact.extra["figure_span"]
    return context.text[start:end]


def figure_of(context: Context, fact: Fact) -> float:
    start, end = fact.extra["figure_span"]
    try:
        return float(context.text[start:end].replace(",", ""))
    except ValueError:
        return fact.value  # a figure written in words ("two and a half")


def amount_text(context: Context, fact: Fact) -> str:
    """The amount without its hedge: "95%" of "almost 95%"."""
    return context.text[fact.extra["amount_span"][0] : fact.extra["amount_span"][1]]


# "Dating back to around 1500": a bare four-digit figure the dates reader did not take is a
# year all the same. Its wrong answers are years of its precision, written as years: 1400 and
# 1600, not "2,000" and "3,000".
YEAR_FIGURE = re.compile(r"1\d{3}|20\d\d")
YEAR_STEPS = (1, -1, 2, -2, 3, -3)
PRECISE_YEAR_STEPS = (-3, 2, -1, 4, 1, -2)


def year_like(context: Context, fact: Fact) -> bool:
    written = figure_text(context, fact)
    return bool(YEAR_FIGURE.fullmatch(written)) and amount_text(context, fact) == written


def year_precision(year: float) -> int:
    """1500 -> 100, 1650 -> 10, 1547 -> 1: how finely the year is given."""
    digits = str(int(year))
    return 10 ** min(len(digits) - len(digits.rstrip("0")), 2)


def years_around(year: float) -> list[float]:
    precision = year_precision(year)
    steps = PRECISE_YEAR_STEPS if precision == 1 else YEAR_STEPS
    return [year + step * precision for step in steps]


# "the 22-year-old Bolt", "aged 64", "Lungu, 64, is yet to concede": a person's age, whose
# wrong answers are other ages a few years off (not 110 and 130 for 64).
AGE_AFTER = re.compile(r"-?\s?years?[- ]old\b|\s(?:the\s)?(?:youngest|oldest)\b|,")
AGE_BEFORE = re.compile(r"(?:\baged\s|[A-Z][\w'\u2019-]+,\s(?:at\s)?)$")
AGE_STEPS = (4, -3, 7, -6, 11, -9, 2)


def is_an_age(context: Context, fact: Fact) -> bool:
    figure_start, figure_end = fact.extra["figure_span"]
    if fact.extra["unit"] not in ("", "year") or written_in_words(fact):
        return False
    after = AGE_AFTER.match(context.text, figure_end)
    before = AGE_BEFORE.search(context.text, max(0, figure_start - 30), figure_start)
    if after is None or (not after.group().endswith("old") and before is None):
        return False
    return 1 <= figure_of(context, fact) <= 120


def ages_around(age: float) -> list[float]:
    return [age + step for step in AGE_STEPS if 1 <= age + step <= 110]


def figure_tolerance(context: Context, fact: Fact, figure: float) -> float:
    """How far a typed figure may be from the answer. "Around 1650" is a year to within a few
    years, not within 2% (33 years): a quarter of its precision either side."""
    if year_like(context, fact):
        hedged = fact.extra["hedge"] in APPROXIMATE_HEDGES
        return year_precision(figure) // 4 if hedged else 0.0
    return tolerance_for(figure, fact.extra["hedge"])


def figure_like(context: Context, fact: Fact, value: float) -> str | None:
    """The figure alone, as the answer's is written: "16" for "22" in "22-year-old"."""
    amount_start, amount_end = fact.extra["amount_span"]
    figure_start, figure_end = fact.extra["figure_span"]
    full = formatted_like(context, fact, value)
    if full is None:
        return None
    prefix = context.text[amount_start:figure_start]
    suffix = context.text[figure_end:amount_end]
    return full[len(prefix) : len(full) - len(suffix)] or None


def formatted_like(context: Context, fact: Fact, value: float) -> str | None:
    """ "95%" -> "85%", "$250 billion" -> "$200 billion": the answer's own wording, new figure;
    a figure written in words gets words ("eight years" -> "nine years"), or None."""
    amount_start, amount_end = fact.extra["amount_span"]
    figure_start, figure_end = fact.extra["figure_span"]
    prefix = context.text[amount_start:figure_start]
    suffix = context.text[figure_end:amount_end]
    if value == 1:
        suffix = SINGULAR_ENDING.sub(singular, suffix, count=1)  # "one day", not "one days"
    written = context.text[figure_start:figure_end]
    figure = f"{value:.0f}" if year_like(context, fact) else format_number(value)
    decimals = decimals_of(written)
    if decimals > decimals_of(figure) and not is_round(float(written.replace(",", "")), decimals):
        figure = f"{value:,.{decimals}f}"  # "9.50" beside "9.58" and "98.0" beside "97.6"
    if written_in_words(fact):
        word = NUMBER_WORDS.get(value)
        if word is None:
            return None
        figure = word.capitalize() if context.text[figure_start].isupper() else word
    return prefix + figure + suffix


SINGULAR_ENDING = re.compile(r"^(\s+[a-z]+?)(ies|s)\b(?<!ss\b)")


def singular(match: re.Match) -> str:
    return match.group(1) + ("y" if match.group(2) == "ies" else "")


WRITTEN_MONTH = re.compile(
    r"\b(?:" + "|".join(sorted((name.capitalize() for name in MONTHS), key=len, reverse=True))
    + r")\b\.?"
)  # fmt: skip
# Agency style: these months are abbreviated with a stop; March to July never are.
AP_MONTHS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}


def month_as_written(month: int, written: str) -> str:
    """The month in the style of the one it replaces: "Nov. 10" gives "Dec. 10", not
    "December. 10"; "Sept. 16" gives "Oct. 16", not "Octobert. 16"."""
    name = written.rstrip(".")
    if name == calendar.month_name[MONTHS[name.lower()]]:
        return calendar.month_name[month]
    if written.endswith("."):
        return AP_MONTHS.get(month, calendar.month_name[month])
    return calendar.month_abbr[month]


def day_exists(mention, month: int) -> bool:
    """No "June 31" or "April 31" among the choices: the day must be in the shifted month."""
    if mention.day is None:
        return True
    year = mention.year if mention.year is not None else 2001  # not a leap year: no Feb 29
    return mention.day <= calendar.monthrange(year, month)[1]


def shifted_dates(fact: Fact) -> list[str]:
    mentions = find_dates(fact.text)
    if not mentions:
        return []
    mention = mentions[0]
    text = fact.text
    results = []
    if mention.month:
        written = WRITTEN_MONTH.search(text)
        for shift in (-1, 1, 2, -2):
            month = (mention.month - 1 + shift) % 12 + 1
            if written and day_exists(mention, month):
                new = month_as_written(month, written.group())
                results.append(text[: written.start()] + new + text[written.end() :])
    if mention.season:
        for season in ("spring", "summer", "fall", "winter"):
            if SEASONS[season] != SEASONS[mention.season]:  # "fall" is "autumn"
                results.append(re.sub(mention.season, season, text, count=1, flags=re.I))
    if mention.year is not None:
        year = str(mention.year)
        shifts = (10, -10, 20) if mention.precision == "decade" else (-1, 1, -2, 2)
        for shift in shifts:
            results.append(text.replace(year, str(mention.year + shift), 1))
    if mention.part and mention.precision == "decade":
        for part in ("early", "mid", "late"):
            if part != mention.part and mention.part in text:
                results.append(text.replace(mention.part, part, 1))
    return results


def same_time(one: Fact, other: Fact) -> bool:
    """ "the fall of 2023" and "the autumn of 2023" are one time written two ways."""
    if isinstance(one.value, dict) and isinstance(other.value, dict):
        return (one.value["start"], one.value["end"]) == (other.value["start"], other.value["end"])
    return one.value == other.value


def date_distractors(context: Context, fact: Fact, prompt: str) -> list[str]:
    precision = fact.extra["precision"]
    chosen: list[str] = []

    def take(candidate: str) -> None:
        if candidate == fact.text or candidate in chosen or mentions_any(prompt, [candidate]):
            return
        chosen.append(candidate)

    for other in context.facts:
        same_kind = other.kind == fact.kind and other.extra.get("precision") == precision
        if same_kind and not same_time(other, fact) and other.id != fact.id:
            take(other.text)
    for candidate in shifted_dates(fact):
        take(candidate)
    return chosen[:WANTED]

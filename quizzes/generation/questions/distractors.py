"""Wrong answers of the same kind as the right one: the article's own first, then made up."""

import calendar
import hashlib
import math
import re

from ..dates import SEASONS, find_dates
from ..entities import PERSON, Entity
from ..names import initials, name_key
from ..numbers import APPROXIMATE_HEDGES, BOUND_HEDGES, WORD_NUMBERS, format_number
from ..records import Fact
from .context import Context, answer_forms, mentions_any

WANTED = 3
NUMBER_WORDS = {value: word for word, value in WORD_NUMBERS.items() if " " not in word}


def shuffled(choices: list, seed: str) -> list:
    """A fixed order that depends on the prompt, so the answer is not always first."""

    def rank(choice) -> str:
        return hashlib.sha256(f"{seed}\x1f{choice}".encode()).hexdigest()

    return sorted(choices, key=rank)


def is_variant(one: Entity, other: Entity) -> bool:
    mine, theirs = name_key(one.name), name_key(other.name)
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
        if mentions_any(prompt, answer_forms(other)):  # a name in the prompt would confuse
            continue
        if any(is_variant(other, taken) for taken in chosen):
            continue  # "Fenwick" beside "Fenwick Playhouse": one wrong answer offered twice
        chosen.append(other)
        if len(chosen) == WANTED:
            break
    return [other.name for other in chosen]


def same_kind_others(context: Context, entity: Entity) -> list[Entity]:
    """Other names of the entity's kind, most mentioned first, none a variant of it."""
    others = [
        other
        for other in context.index.of_kind(entity.kind)
        if other.id != entity.id
        and not is_variant(entity, other)
        and (other.kind != PERSON or context.is_confident_person(other))
    ]
    return sorted(others, key=lambda other: (-len(other.mentions), other.first_start))


def tolerance_for(value: float, hedge: str) -> float:
    if hedge in APPROXIMATE_HEDGES:
        return round(abs(value) * 0.05, 4)
    if hedge in BOUND_HEDGES:
        return round(abs(value) * 0.1, 4)
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


def precise_whole(figure_text: str) -> bool:
    """ "3,394" is counted to the unit, "3,400" or "150" rounded: wrong choices for a figure
    counted to the unit must be too, or the answer is the only figure that is not round."""
    digits = figure_text.replace(",", "")
    return digits.isdigit() and len(digits) >= 3 and not digits.endswith("0")


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


def neighbours(
    value: float,
    kind: str,
    unit: str,
    *,
    decimals: int = 0,
    precise: bool = False,
    tolerance: float = 0.0,
) -> list[float]:
    """Plausible wrong figures near the right one: 85, 75, 90 for 95%; 200, 300 for 250; the
    same precision as a precise figure (9.69 for 9.58, 2,715 for 3,394)."""
    if kind == "percent" and unit == "%" and 10 < value <= 100:
        steps = (-10, -20, -5, 10, -15, 5, -30)
        return [value + step for step in steps if 0 < value + step < 100]
    if decimals:
        return close_figures(value, decimals, tolerance)
    if kind == "percent" and 0 < value <= 10:
        return [nice(value * factor) for factor in (2, 1.5, 0.5, 2.5, 3)]
    if value == int(value) and 0 < value < 12:
        return [value + step for step in (1, 2, -1, 3, -2, 4) if value + step > 0]
    factors = (0.8, 1.2, 0.6, 1.4, 0.5, 1.5) if value >= 1 else (2, 3, 0.5, 4)
    if precise:
        return [float(round(value * factor)) for factor in factors]
    return [nice(value * factor) for factor in factors]


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


def number_distractors(context: Context, fact: Fact, prompt: str) -> list[float]:
    """Values in the answer's display unit ("95" for "almost 95%", "250" for "$250 billion")."""
    figure = figure_of(context, fact)
    scale = fact.value / figure if figure else 1.0
    tolerance = tolerance_for(figure, fact.extra["hedge"])
    written = figure_text(context, fact)
    decimals = decimals_of(written)
    whole = figure == int(figure) and not decimals
    chosen: list[float] = []

    def take(candidate: float) -> None:
        if abs(candidate - figure) <= max(tolerance, 1e-9) or candidate in chosen:
            return
        if mentions_any(prompt, [format_number(candidate)]) or candidate <= 0:
            return
        if whole and candidate != int(candidate) and fact.kind == "quantity":
            return  # "5.1" beside "400 people" is a figure of another kind
        chosen.append(candidate)

    for other in context.facts:
        if comparable(fact, other):
            take(nice(other.value / scale) if scale != 1 else other.value)
    near = neighbours(
        figure,
        fact.kind,
        fact.extra["unit"],
        decimals=decimals,
        precise=precise_whole(written),
        tolerance=tolerance,
    )
    for candidate in near:
        take(candidate)
    return on_both_sides(chosen[:WANTED], chosen[WANTED:], figure)


def on_both_sides(chosen: list[float], spare: list[float], answer: float) -> list[float]:
    """When every wrong figure is larger (or smaller) than the answer, the answer is the one
    that stands out: swap the last for a spare on the other side, if there is one."""
    if len(chosen) < 2:
        return chosen
    above = [value > answer for value in chosen]
    if all(above) or not any(above):
        other_side = next((value for value in spare if (value > answer) != above[0]), None)
        if other_side is not None:
            return [*chosen[:-1], other_side]
    return chosen


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


def formatted_like(context: Context, fact: Fact, value: float) -> str | None:
    """ "95%" -> "85%", "$250 billion" -> "$200 billion": the answer's own wording, new figure;
    a figure written in words gets words ("eight years" -> "nine years"), or None."""
    amount_start, amount_end = fact.extra["amount_span"]
    figure_start, figure_end = fact.extra["figure_span"]
    prefix = context.text[amount_start:figure_start]
    suffix = context.text[figure_end:amount_end]
    if value == 1:
        suffix = SINGULAR_ENDING.sub(singular, suffix, count=1)  # "one day", not "one days"
    figure = format_number(value)
    decimals = decimals_of(context.text[figure_start:figure_end])
    if value != int(value) and decimals > decimals_of(figure):
        figure = f"{value:,.{decimals}f}"  # "9.50" beside "9.58", not "9.5"
    if written_in_words(fact):
        word = NUMBER_WORDS.get(value)
        if word is None:
            return None
        figure = word.capitalize() if context.text[figure_start].isupper() else word
    return prefix + figure + suffix


SINGULAR_ENDING = re.compile(r"^(\s+[a-z]+?)(ies|s)\b(?<!ss\b)")


def singular(match: re.Match) -> str:
    return match.group(1) + ("y" if match.group(2) == "ies" else "")


def shifted_dates(fact: Fact) -> list[str]:
    mentions = find_dates(fact.text)
    if not mentions:
        return []
    mention = mentions[0]
    text = fact.text
    results = []
    if mention.month:
        month_name = calendar.month_name[mention.month]
        written = month_name if month_name in text else calendar.month_abbr[mention.month]
        for shift in (-1, 1, 2, -2):
            new = calendar.month_name[(mention.month - 1 + shift) % 12 + 1]
            results.append(text.replace(written, new, 1))
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

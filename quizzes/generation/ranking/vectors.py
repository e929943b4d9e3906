"""A question as numbers for the learned ranker: the hand ranker's explainable features, one-hot
codes of its type, its fact's kind and its wording template, and signs the ratings showed to
matter (an answer standing out among its options, a prompt that shouts, a blank inside a
parenthesis). Every name is kept with its value, so a score can be explained term by term."""

import re

from ..numbers import parse_quantity
from ..records import Question

TYPES = ("cloze", "multiple_choice", "true_false", "numeric", "short_answer", "ordering",
         "matching", "quote_attribution")  # fmt: skip
KINDS = ("quantity", "percent", "money", "date", "period", "person", "role", "quote", "place",
         "event", "organisation", "acronym", "ordinal")  # fmt: skip
TEMPLATES = ("person", "place", "organisation", "role_who", "role_name", "role_describe")
SHOUTING = re.compile(r"\b[A-Z]{4,}(?:\s+[A-Z]{2,}){2,}\b")
PARENTHESISED_BLANK = re.compile(r"\([^()]*_____[^()]*\)")
QUOTE_MARKS = re.compile(r"[\"“”]")
# "The company said", "the pic", "At the table": a thing the question never names.
HANGING_START = re.compile(
    r"^(?:[^:]*:\s)?(?:At |In |For |After )?(?:The|This|That|These|Those) (?:[a-z-]+ ){0,2}?"
    r"(?:company|companies|firm|pic|film|fire|success|airline|director|table|level|building|"
    r"announcement|feat|move|deal|group|pair|agency|bank|rover|device|player|drug|study|plan|"
    r"plans|vote|race|mission|sit-down|latest)\b"
)
PRONOUN_START = re.compile(r"^(?:[^:]*:\s)?(?:He|She|It|They|His|Her|Its|Their)\b")
CONVERSION = re.compile(
    r"\(\s*(?:about |around |some |roughly )?(?:US)?[$£€]?\s?[\d,.]+\s*"
    r"(?:miles?|km|kilomet(?:re|er)s?|hectares?|acres?|feet|ft|met(?:re|er)s?|kg|pounds|lb|"
    r"dollars?|rupees|yen|euros?|GMT|mph|km/h|\)|million|billion)",
    re.I,
)
SLIP = re.compile(r"[\u00b4\u2032]|[a-z],[a-zA-Z]|\w\.\.(?!\.)|\(\s*,|\s[,.](?=\w)")
FIGURE = re.compile(r"\d[\d,.]*")


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        quantity = parse_quantity(value)
        return quantity.value if quantity else None
    return None


def _round(value: float) -> bool:
    return value != 0 and (value % 10 == 0 or (value < 10 and value == int(value)))


def choice_signs(question: Question) -> dict[str, float]:
    """For multiple choice among figures: is the answer the largest or smallest option, or the
    only round one? A student can guess such an answer without reading."""
    values = [_number(choice) for choice in question.choices]
    answer = _number(question.answer)
    if answer is None or len(values) < 3 or any(value is None for value in values):
        return {"answer_extreme": 0.0, "answer_only_round": 0.0}
    extreme = answer in (max(values), min(values))
    rounds = [value for value in values if _round(value)]
    return {
        "answer_extreme": float(extreme),
        "answer_only_round": float(rounds == [answer]),
    }


def vector(question: Question) -> dict[str, float]:
    """The question's features by name. `question.features` must hold the hand ranker's."""
    features = question.features
    values: dict[str, float] = {
        "type_weight_x_kind": features["type"] * features["kind"],
        "length": features["length"],
        "central": features["central"],
        "position": features["position"],
        "importance": features["importance"],
        "pronouns": float(min(features["pronouns"], 4)),
        "reported": float(features["reported"]),
        "long_answer": float(features["long_answer"]),
        "vague_hedge": float(features.get("hedge") in {"some", "several", "many"}),
        "hedged": float(bool(features.get("hedge"))),
        "swapped": float(bool(features.get("swapped"))),
        "few_distractors": float(max(0, 3 - features.get("distractors", 3))),
        "prompt_words": min(len(question.prompt.split()), 80) / 80,
        "shouting": float(bool(SHOUTING.search(question.prompt))),
        "parenthesised_blank": float(bool(PARENTHESISED_BLANK.search(question.prompt))),
        "quoted": float(bool(QUOTE_MARKS.search(question.prompt))),
        "mentions": min(float(features.get("mentions", 0)), 10) / 10,
        "hanging_start": float(bool(HANGING_START.match(question.prompt))),
        "pronoun_start": float(bool(PRONOUN_START.match(question.prompt))),
        "subject_pronoun": float(bool(features.get("subject_pronoun"))),
        "subject_unnamed_noun": float(bool(features.get("subject_unnamed_noun"))),
        "conversion": float(bool(CONVERSION.search(question.prompt))),
        "slip": float(bool(SLIP.search(question.prompt))),
        "figures_in_sentence": min(len(FIGURE.findall(question.sentence)), 6) / 6,
        "first_sentence": float(question.start == 0),
        "number_in_title": float(bool(features.get("number_in_title"))),
        "name_in_title": float(bool(features.get("name_in_title"))),
        **choice_signs(question),
    }
    kind = features.get("fact_kind", "")
    template = str(features.get("template", ""))
    for name in TYPES:
        values[f"type={name}"] = float(question.type == name)
    for name in KINDS:
        values[f"kind={name}"] = float(kind == name)
    for name in TEMPLATES:
        values[f"template={name}"] = float(template == name)
    return values


_BLANK_FEATURES = {"type": 0.0, "kind": 0.0, "length": 0.0, "central": 0.0, "position": 0.0,
                   "importance": 0.0, "pronouns": 0, "reported": False,
                   "long_answer": False}  # fmt: skip
_BLANK = Question(type="cloze", prompt="", answer="", accepted=[], choices=[], tolerance=None,
                  fact="", facts=[], sentence="", start=0, end=0, explanation="",
                  features=_BLANK_FEATURES)  # fmt: skip
FEATURE_NAMES = tuple(vector(_BLANK))

"""Types where the student arranges items: ordering and matching, with partial credit."""

import random
from itertools import combinations

from .base import Grade, QuestionType, ResponseError, is_text
from .display import answer_text


def _texts(items) -> list[str]:
    return [answer_text(item) for item in items or []]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _shuffled(items: list[str]) -> list[str]:
    """The items in another order than the answer's, so the card does not give it away."""
    if len(set(items)) < 2:
        return items
    shuffled = list(items)
    while shuffled == items:
        random.shuffle(shuffled)
    return shuffled


class Ordering(QuestionType):
    name = "ordering"
    label = "Timeline ordering"
    instruction = "Put these in order, earliest first."
    answer_help = "One item per line, in the right order; students see them shuffled."

    def parse_answer(self, text: str):
        return _lines(text)

    def format_answer(self, answer) -> str:
        return "\n".join(_texts(answer))

    def default_choices(self, answer) -> list:
        return _shuffled(_texts(answer))

    def answer_problems(self, question) -> list[str]:
        items = question.answer
        if not isinstance(items, list) or len(items) < 3:
            return ["An ordering needs three items or more."]
        if not all(is_text(item) for item in items):
            return ["Every item needs some text."]
        if len(set(items)) != len(items):
            return ["The items must all differ."]
        if question.choices and sorted(_texts(question.choices)) != sorted(items):
            return ["The items shown must be the answer's items."]
        return []

    def grade(self, question, response) -> Grade:
        """The share of pairs of items put in the right order: one item out of place costs
        little, a reversed list scores nothing."""
        answer = _texts(question.answer)
        if not isinstance(response, list) or sorted(_texts(response)) != sorted(answer):
            raise ResponseError("Put every item in order, each once.")
        position = {item: index for index, item in enumerate(_texts(response))}
        pairs = list(combinations(answer, 2))
        right = sum(position[first] < position[second] for first, second in pairs)
        return Grade(score=right / len(pairs), response=" → ".join(_texts(response)))

    def response_from_form(self, question, data):
        """The items in the order of the places given (`place-<i>` for the i-th item shown)."""
        shown = self.card_sides(question)["options"]
        places = [(data.get(f"place-{index}") or "").strip() for index in range(len(shown))]
        if not any(places):
            return None
        if not all(places):
            raise ResponseError("Give every item a place to save the order.")
        wanted = {str(number) for number in range(1, len(shown) + 1)}
        if set(places) != wanted:
            raise ResponseError(f"Give each item a different place, from 1 to {len(shown)}.")
        return [item for _, item in sorted(zip(map(int, places), shown, strict=True))]

    def card_sides(self, question) -> dict:
        items = _texts(question.answer)
        return {
            "options": _texts(question.choices) or sorted(items),
            "answer_items": items,
            "ordered": True,
        }


def _raw_pairs(value) -> list:
    if isinstance(value, dict):
        value = list(value.items())
    if not isinstance(value, list) or not all(
        isinstance(pair, list | tuple) and len(pair) == 2 for pair in value
    ):
        return []
    return value


def _pairs(value) -> list[tuple[str, str]]:
    return [(answer_text(left), answer_text(right)) for left, right in _raw_pairs(value)]


class Matching(QuestionType):
    name = "matching"
    label = "Matching"
    instruction = "Match each item on the left with one on the right."
    answer_help = "One pair per line, as left -> right; students see the right sides shuffled."

    def parse_answer(self, text: str):
        pairs = []
        for number, line in enumerate(_lines(text), start=1):
            left, arrow, right = line.replace("→", "->").partition("->")
            if not arrow:
                raise ValueError(f"Line {number} needs an arrow between its sides: left -> right.")
            pairs.append([left.strip(), right.strip()])
        return pairs

    def format_answer(self, answer) -> str:
        return "\n".join(f"{left} -> {right}" for left, right in _pairs(answer))

    def default_choices(self, answer) -> list:
        return _shuffled([right for _, right in _pairs(answer)])

    def answer_problems(self, question) -> list[str]:
        pairs = _pairs(question.answer)
        if len(pairs) < 2:
            return ["A matching needs two pairs or more."]
        # A missing side (null) would read as the text "None" once turned into text.
        blank = any(side is None for pair in _raw_pairs(question.answer) for side in pair)
        if blank or not all(is_text(left) and is_text(right) for left, right in pairs):
            return ["Both sides of every pair need some text."]
        lefts, rights = [left for left, _ in pairs], [right for _, right in pairs]
        if len(set(lefts)) != len(lefts) or len(set(rights)) != len(rights):
            return ["The items on each side must all differ."]
        if question.choices and sorted(_texts(question.choices)) != sorted(rights):
            return ["The options shown must be the right-hand sides of the pairs."]
        return []

    def grade(self, question, response) -> Grade:
        """The share of left-hand items matched to the right option."""
        answer = dict(_pairs(question.answer))
        given = _pairs(response)
        if (not given and response) or not isinstance(response, list | dict):
            raise ResponseError("Match each item with one option.")
        if any(left not in answer for left, _ in given):
            raise ResponseError("Match only the items shown.")
        offered = set(self.card_sides(question).get("right", [])) | set(answer.values())
        if any(right not in offered for _, right in given):
            raise ResponseError("Match each item with one of the options shown.")
        matched = dict(given)
        right = sum(matched.get(left) == answer[left] for left in answer)
        shown = "; ".join(f"{left} → {matched[left]}" for left in answer if left in matched)
        return Grade(score=right / len(answer), response=shown)

    def response_from_form(self, question, data):
        """{left: right} from `match-<i>` for the i-th left item; unmatched ones left out."""
        lefts = [left for left, _ in _pairs(question.answer)]
        chosen = {
            left: (data.get(f"match-{index}") or "").strip() for index, left in enumerate(lefts)
        }
        matched = {left: right for left, right in chosen.items() if right}
        return matched or None

    def card_sides(self, question) -> dict:
        pairs = _pairs(question.answer)
        if not pairs:
            return {}
        right = _texts(question.choices)
        if sorted(right) != sorted(r for _, r in pairs):
            # Shuffled by the question's id, so the right column is not the answer key but is
            # the same on every showing.
            right = [r for _, r in pairs]
            seed = getattr(question, "pk", None) or 0
            random.Random(seed).shuffle(right)  # noqa: S311 - layout, not security
        return {
            "left": [left for left, _ in pairs],
            "right": right,
            "answer_items": [f"{left} → {r}" for left, r in pairs],
        }

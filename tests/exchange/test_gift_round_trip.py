"""What we write as GIFT reads back as the same question."""

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quizzes.exchange.gift import GiftError, parse_gift, questions_to_gift
from quizzes.question_types import normalise, problems
from tests.exchange.samples import one_of_each, question

TRICKY = "Kim {met} Putin = “friends” ~ #1: C:\\new\\ \\n\nÉlysée \"quoted\" 'single' ####"


def _variants(question) -> list[str]:
    """The accepted answers that add something: not the answer again, in any case."""
    seen = {str(question.answer).casefold()}
    variants = []
    for text in question.accepted:
        if str(text).casefold() not in seen:
            seen.add(str(text).casefold())
            variants.append(text)
    return variants


def same_question(parsed, original) -> bool:
    unordered = original.type in ("multiple_choice", "quote_attribution", "matching")
    return (
        parsed.type == original.type
        and parsed.prompt == original.prompt
        and parsed.answer == original.answer
        and _variants(parsed) == _variants(original)
        and (sorted(parsed.choices) if unordered else parsed.choices)
        == (sorted(original.choices) if unordered else original.choices)
        and parsed.tolerance == original.tolerance
    )


def round_trip(question_):
    [parsed] = parse_gift(questions_to_gift([question_]).text)
    return parsed


@pytest.mark.parametrize("type_", [name for name in one_of_each() if name != "ordering"])
def test_every_type_gift_carries_comes_back_the_same(type_):
    original = one_of_each()[type_]
    assert same_question(round_trip(original), original)


@pytest.mark.parametrize("type_", [name for name in one_of_each() if name != "ordering"])
def test_tricky_characters_in_the_prompt_come_back_the_same(type_):
    original = one_of_each()[type_]
    original.prompt = f"{TRICKY} {original.prompt}"
    assert round_trip(original).prompt == original.prompt


def test_tricky_characters_in_choices_come_back_the_same():
    original = question(
        "multiple_choice", answer=TRICKY, choices=["=right?", TRICKY, "~wrong#", "{x}: y\\"]
    )
    parsed = round_trip(original)
    assert (parsed.answer, sorted(parsed.choices)) == (TRICKY, sorted(original.choices))


def test_tricky_characters_in_matching_pairs_come_back_the_same():
    answer = [[TRICKY, "->x"], ["a=b", "c~d#"], ["{1}", "\\"]]
    original = question("matching", answer=answer, choices=["c~d#", "\\", "->x"])
    assert round_trip(original).answer == answer


def test_tricky_characters_in_accepted_answers_come_back_the_same():
    original = question(answer="Élysée: #1", accepted=[TRICKY, "a\\b"])
    assert round_trip(original).accepted == [TRICKY, "a\\b"]


def test_the_general_feedback_comes_back_as_the_explanation():
    original = question(explanation=TRICKY)
    assert round_trip(original).explanation == f"{original.sentence}\n{TRICKY}".strip()


# Any text: whatever the characters, a question comes back the same or is reported as skipped.

CHARACTERS = st.one_of(
    st.sampled_from(list("{}=~#:\\\n\"“”'é->%[]/_ ")),
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"),
)
TEXTS = st.text(CHARACTERS, min_size=1, max_size=12).map(str.strip).filter(bool)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
)


@st.composite
def questions(draw):
    type_ = draw(st.sampled_from([name for name in one_of_each() if name != "ordering"]))
    fields = {"prompt": draw(TEXTS), "explanation": draw(st.text(CHARACTERS, max_size=12))}
    if type_ == "cloze":
        fields["prompt"] += " _____"
    if type_ in ("multiple_choice", "quote_attribution"):
        choices = draw(st.lists(TEXTS, min_size=2, max_size=4, unique_by=normalise))
        fields |= {"choices": choices, "answer": draw(st.sampled_from(choices))}
    elif type_ in ("short_answer", "cloze"):
        fields |= {"answer": draw(TEXTS), "accepted": draw(st.lists(TEXTS, max_size=3))}
    elif type_ == "true_false":
        fields["answer"] = draw(st.booleans())
    elif type_ == "numeric":
        tolerance = st.floats(min_value=0, allow_nan=False, allow_infinity=False)
        fields |= {"answer": draw(NUMBERS), "tolerance": draw(st.none() | tolerance)}
    else:
        lefts = draw(st.lists(TEXTS, min_size=2, max_size=4, unique=True))
        rights = draw(st.lists(TEXTS, min_size=len(lefts), max_size=len(lefts), unique=True))
        fields |= {
            "answer": [list(pair) for pair in zip(lefts, rights, strict=True)],
            "choices": rights[::-1],
        }
    return question(type_, **fields)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.filter_too_much],
)
@given(questions())
def test_any_question_gift_carries_comes_back_the_same(original):
    assume(not problems(original))
    export = questions_to_gift([original])
    assume(not export.skipped)
    [parsed] = parse_gift(export.text)
    assert same_question(parsed, original)


# Any text at all: parse_gift gives valid questions or GiftError, never another exception.

GIFT_PIECES = st.sampled_from(
    [
        *["{", "}", "=", "~", "#", "####", "->", ":", "::", "\\", "\n", "\n\n", "%50%", "%100%"],
        *["[html]", "<p>", "&amp;", "T", "FALSE", "..", "-2", "3.5", "$CATEGORY:", "//", "_____"],
        *["// newsquiz-type: cloze\n", "\r", "x", "é"],
    ]
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.one_of(GIFT_PIECES, st.text(max_size=3)), max_size=40).map("".join))
def test_any_text_gives_valid_questions_or_a_gift_error(text):
    try:
        parsed = parse_gift(text)
    except GiftError:
        return  # refused, with its reasons
    assert not [question_ for question_ in parsed if problems(question_)]

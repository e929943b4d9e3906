"""The one home of question types: validating, grading and showing each of the eight."""

from types import SimpleNamespace

import pytest

from quizzes import question_types
from quizzes.question_types import ResponseError, answer_text, grade, other_accepted, problems
from quizzes.question_types.text_matching import edit_distance, normalise


def _question(answer, type_="short_answer", **fields):
    values = {
        "type": type_,
        "prompt": "Which city hosted the summit?",
        "answer": answer,
        "accepted": [],
        "choices": [],
        "tolerance": None,
        "sentence": "The summit was held in Vladivostok.",
        "explanation": "",
        "pk": 7,
    }
    return SimpleNamespace(**(values | fields))


# Typed answers: lenient, as the review page and quizzes grade them.


@pytest.mark.parametrize(
    "typed",
    ["pyongyang", "  PYONGYANG. ", "Pyongyng", "Pyonygang", "the Pyongyang"],
)
def test_typed_answers_forgive_case_punctuation_articles_and_one_typo(typed):
    assert grade(_question("Pyongyang"), typed).correct


def test_typed_answers_read_an_ampersand_as_and():
    assert grade(_question("Ben Affleck & Matt Damon"), "Ben Affleck and Matt Damon").correct
    assert grade(_question("Marks and Spencer"), "Marks & Spencer").correct


def test_typed_answers_forgive_accents():
    assert grade(_question("Élysée Palace"), "elysee palace").correct


def test_longer_answers_forgive_two_typos():
    assert grade(_question("Vladivostok summit"), "Vladivostock sumit").correct


def test_short_answers_forgive_only_one_typo():
    assert not grade(_question("Moscow"), "Mosocw x").correct


def test_a_different_number_is_never_a_typo():
    assert not grade(_question("1950"), "1951").correct


def test_very_short_answers_must_be_exact():
    assert not grade(_question("Kim"), "Kin").correct


def test_accepted_variants_count():
    assert grade(_question("Kim Jong-un", accepted=["Kim"]), "kim").correct


def test_a_typo_is_reported_as_a_near_miss():
    result = grade(_question("Pyongyang"), "Pyongyng")
    assert result.near_miss
    assert result.verdict == "Correct, with a small typo"


def test_a_wrong_answer_is_not_correct():
    assert grade(_question("Pyongyang"), "Seoul").verdict == "Not quite"


def test_cloze_answers_are_graded_like_short_answers():
    question = _question("Vladivostok", "cloze", prompt="The summit was held in _____.")
    assert grade(question, "vladivostock").correct


@pytest.mark.parametrize(
    ("typed", "correct"),
    [("1,000", True), ("1.1 thousand", False), ("990", True), ("about a thousand", False)],
)
def test_numeric_answers_count_within_the_tolerance(typed, correct):
    question = _question(1000.0, "numeric", tolerance=10)
    assert grade(question, typed).correct is correct


def test_negative_numbers_keep_their_sign():
    question = _question(-3, "numeric", tolerance=0)
    assert grade(question, "-3").correct
    assert not grade(question, "3").correct


def test_normalising_keeps_decimal_points():
    assert normalise("3.5 %") == "3.5"


def test_a_swap_of_neighbours_is_one_edit():
    assert edit_distance("teh", "the") == 1


# Picking an option.


def _choice(type_="multiple_choice"):
    return _question("Vladivostok", type_, choices=["Moscow", "Vladivostok", "Hanoi"])


def test_the_right_option_scores_one_and_another_zero():
    assert grade(_choice(), "Vladivostok").score == 1
    assert grade(_choice(), "Hanoi").score == 0


def test_an_option_that_is_not_offered_is_refused():
    with pytest.raises(ResponseError, match="Choose one of the options"):
        grade(_choice("quote_attribution"), "Seoul")


@pytest.mark.parametrize(("response", "score"), [(True, 1), ("true", 1), ("False", 0)])
def test_true_false_takes_a_boolean_or_its_word(response, score):
    assert grade(_question(True, "true_false"), response).score == score


def test_true_false_refuses_anything_else():
    with pytest.raises(ResponseError, match="true or false"):
        grade(_question(True, "true_false"), "maybe")


# Arranging items, with partial credit.

ORDER = ["Summit announced", "Kim travels", "Summit held", "Kim returns"]


def test_the_right_order_scores_one():
    assert grade(_question(ORDER, "ordering"), list(ORDER)).score == 1


def test_one_swap_of_neighbours_loses_one_pair_in_six():
    swapped = [ORDER[1], ORDER[0], *ORDER[2:]]
    assert grade(_question(ORDER, "ordering"), swapped).score == pytest.approx(5 / 6)


def test_a_reversed_order_scores_nothing():
    assert grade(_question(ORDER, "ordering"), ORDER[::-1]).score == 0


def test_an_ordering_must_use_every_item_once():
    with pytest.raises(ResponseError, match="each once"):
        grade(_question(ORDER, "ordering"), ORDER[:3])


PAIRS = [["Putin", "President of Russia"], ["Kim", "Leader of North Korea"], ["Lavrov", "Minister"]]


def test_each_right_pair_of_a_matching_earns_its_share():
    response = {
        "Putin": "President of Russia",
        "Kim": "Minister",
        "Lavrov": "Leader of North Korea",
    }
    result = grade(_question(PAIRS, "matching"), response)
    assert result.score == pytest.approx(1 / 3)
    assert result.verdict == "Partly right (33%)"


def test_a_matching_accepts_a_list_of_pairs():
    assert grade(_question(PAIRS, "matching"), PAIRS).correct


def test_a_matching_refuses_items_that_are_not_shown():
    with pytest.raises(ResponseError, match="only the items shown"):
        grade(_question(PAIRS, "matching"), {"Trump": "President of Russia"})


# Validating what an instructor or the generator writes.


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (_question("x", prompt=" "), "Write a prompt."),
        (_question(""), "The answer must be some text."),
        (_question("x", "cloze", prompt="The summit was held in Vladivostok."), "needs a blank"),
        (_question("Hanoi", "multiple_choice", choices=["Hanoi"]), "at least two choices"),
        (_question("Hanoi", "multiple_choice", choices=["Hanoi", "hanoi"]), "must all differ"),
        (_question("Seoul", "multiple_choice", choices=["Hanoi", "Moscow"]), "one of the choices"),
        (_question("yes", "true_false"), "true or false"),
        (_question("95", "numeric", tolerance=0), "must be a number"),
        (_question(95, "numeric", tolerance=-1), "zero or more"),
        (_question(["a", "b"], "ordering"), "three items or more"),
        (_question(["a", "b", "a"], "ordering"), "must all differ"),
        (_question([["a", "x"]], "matching"), "two pairs or more"),
        (_question([["a", "x"], ["b", "x"]], "matching"), "must all differ"),
        (_question("x", "essay"), "no question type 'essay'"),
    ],
)
def test_it_explains_what_makes_a_question_unusable(question, message):
    assert any(message in problem for problem in problems(question))


@pytest.mark.parametrize(
    "question",
    [
        _question("Vladivostok", "cloze", prompt="The summit was held in _____."),
        _choice(),
        _choice("quote_attribution"),
        _question(False, "true_false"),
        _question(95, "numeric", tolerance=0),
        _question("Vladivostok"),
        _question(ORDER, "ordering", choices=ORDER[::-1]),
        _question(PAIRS, "matching", choices=[right for _, right in PAIRS]),
    ],
    ids=lambda question: question.type,
)
def test_a_well_formed_question_of_each_type_has_no_problems(question):
    assert problems(question) == []


def test_every_type_has_one_home():
    assert sorted(question_types.TYPES) == sorted(name for name, _ in question_types.CHOICES)
    assert {"cloze", "short_answer", "numeric"} == question_types.TYPED_TYPES


# Showing a question.


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        (True, "True"),
        (95.0, "95"),
        (2500000, "2,500,000"),
        (["A", "B", "C"], "A → B → C"),
        ([["Putin", "President"], ["Kim", "leader"]], "Putin → President; Kim → leader"),
    ],
)
def test_answers_of_every_type_read_as_one_line(answer, text):
    assert answer_text(answer) == text


def test_the_answer_is_not_repeated_among_the_other_accepted_forms():
    question = SimpleNamespace(
        answer="Vladimir Putin", accepted=["Vladimir Putin", "vladimir putin", "Putin", "Putin"]
    )
    assert other_accepted(question) == ["Putin"]


def test_a_question_without_variants_has_none():
    assert other_accepted(SimpleNamespace(answer="Hanoi", accepted=None)) == []


def test_a_matching_card_shows_both_columns_and_the_pairs_on_the_back():
    card = question_types.flashcard(_question(PAIRS, "matching"))
    assert card.left == ["Putin", "Kim", "Lavrov"]
    assert sorted(card.right) == sorted(right for _, right in PAIRS)
    assert card.answer_items[0] == "Putin → President of Russia"


def test_an_ordering_card_shows_the_items_shuffled_and_the_order_on_the_back():
    card = question_types.flashcard(_question(ORDER, "ordering", choices=ORDER[::-1]))
    assert (card.options, card.answer_items, card.ordered) == (ORDER[::-1], ORDER, True)


def test_a_card_does_not_repeat_an_instruction_the_prompt_gives():
    card = question_types.flashcard(_question(True, "true_false", prompt="True or false: x."))
    assert card.instruction == ""


def test_a_true_false_form_answer_other_than_true_or_false_is_refused():
    with pytest.raises(ResponseError, match="true or false"):
        question_types.question_type("true_false").response_from_form(
            _question(True, "true_false"), {"response": "yes"}
        )


def test_a_matching_with_an_option_not_shown_is_refused():
    with pytest.raises(ResponseError, match="options shown"):
        grade(_question(PAIRS, "matching"), {"Putin": "Emperor"})


def test_an_ordering_with_an_item_left_without_a_place_is_not_saved():
    with pytest.raises(ResponseError, match="every item a place"):
        question_types.question_type("ordering").response_from_form(
            _question(ORDER, "ordering"), {"place-0": "1", "place-1": ""}
        )


def test_a_matching_with_a_missing_side_is_refused_not_shown_as_none():
    kind = question_types.question_type("matching")
    question = _question([[None, None], ["Putin", "Russia"]], "matching")
    assert kind.answer_problems(question) == ["Both sides of every pair need some text."]

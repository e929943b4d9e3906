from types import SimpleNamespace

import pytest

from quizzes.templatetags.question_format import answer_text, other_accepted


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

"""Rules that keep prompts readable on their own and false statements from giving themselves
away."""

import re
from types import SimpleNamespace

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quizzes.generation import generate
from quizzes.generation.questions.from_mentions import own_clause_end

ARTICLE = (
    "Harbour deal signed\n\n"
    "President Okafor signed the harbour agreement in Lagos on Monday, ending two years of "
    "talks.\n\n"
    "The agreement covers about $3 billion of investment in the port of Lagos, officials said.\n\n"
    "Okafor had promised to do that, and to add $1 billion for roads, if the talks succeeded.\n\n"
    "Ships from the Netherlands will use the new terminal, and cargo bound for Ghana will pass "
    "through it.\n\n"
    "The first ships will sail from Rotterdam, in the province of Holland, to Lagos in the "
    "spring of 2025.\n\n"
    "Trade with the Netherlands grew by 12% last year, and trade with Ghana by 8%.\n\n"
    "Okafor later flew to Accra and to Abuja to present the deal to regional leaders."
)


@pytest.fixture(scope="module")
def questions(nlp):
    return generate(ARTICLE, nlp=nlp).questions


def false_statements(questions):
    return [q.prompt for q in questions if q.type == "true_false" and q.answer is False]


def test_a_one_word_name_after_a_title_counts_as_a_person(questions):
    asked = {q.type for q in questions if q.answer == "Okafor"}
    assert "short_answer" in asked
    assert "Who signed the harbour agreement in Lagos on Monday, ending two years of talks?" in [
        q.prompt for q in questions
    ]


def test_a_sentence_that_leans_on_the_one_before_is_left_out(questions):
    assert questions
    assert not [q.prompt for q in questions if "do that" in q.prompt]


def test_a_name_the_article_writes_after_the_is_not_swapped_into_a_bare_slot(questions):
    statements = false_statements(questions)
    assert statements
    assert not [s for s in statements if re.search(r"(?<!the )Netherlands", s)]


def test_a_place_named_after_province_of_is_not_swapped(questions):
    statements = false_statements(questions)
    assert not [s for s in statements if "province of" in s and "province of Holland" not in s]


QUOTED = (
    "Water treaty signed\n\n"
    "Prime Minister Viktor Osman signed the water treaty in Geneva on Thursday.\n\n"
    '"The treaty is a good beginning for the farmers of the valley," Osman said. '
    '"We will judge it by what flows in the river next August, not by what is on paper."\n\n'
    '"An award is wonderful for the whole town," Osman added. "But it does not pay the '
    'heating bill in February, when the river is frozen."'
)


def test_a_quoted_sentence_in_the_first_person_is_not_reported_as_a_fact(nlp):
    prompts = [q.prompt for q in generate(QUOTED, nlp=nlp).questions]
    assert not [p for p in prompts if "will judge it" in p and "“" not in p and '"' not in p]


def test_a_quoted_sentence_that_opens_with_but_is_not_reported_as_a_fact(nlp):
    prompts = [q.prompt for q in generate(QUOTED, nlp=nlp).questions]
    assert not [p for p in prompts if re.search(r"According to [\w ]+, but\b", p)]


def test_a_wh_question_about_a_plural_name_takes_a_singular_verb(nlp):
    article = generate(
        "Glaciers shrink\n\n"
        "Glaciers in the Andes are losing ice faster than at any time in the last century.\n\n"
        "The Andes hold more than 99% of the world's tropical glaciers and most of its ice.\n\n"
        "The Andes also cross seven countries from Venezuela in the north to Argentina.",
        nlp=nlp,
    )
    prompts = [q.prompt for q in article.questions]
    assert not [p for p in prompts if p.startswith("Which place hold ")]
    assert [p for p in prompts if p.startswith("Which place holds ")]


def test_a_blank_never_takes_part_of_a_longer_name(nlp):
    text = (
        "Airport reopens\n\n"
        "Flights resumed at Liverpool John Lennon Airport on Friday after a fire in the "
        "terminal, the operator said.\n\n"
        "Mr Okonjo, the airport's chief executive, said 40 flights had been cancelled.\n\n"
        "Passengers were moved to Manchester and Leeds while the terminal was repaired."
    )
    blanks = [q.prompt for q in generate(text, nlp=nlp).questions if "_____" in q.prompt]
    assert blanks
    assert not [p for p in blanks if re.search(r"_____ [A-Z][a-z]+ Lennon|Mr _____", p)]


def wh_question_for(nlp, kind):
    from quizzes.generation.cleaning import clean
    from quizzes.generation.entities import Entity, EntityIndex, Mention
    from quizzes.generation.parsing import parse
    from quizzes.generation.questions.context import Context
    from quizzes.generation.questions.from_mentions import wh_question
    from quizzes.generation.records import Fact

    text = "Kenya's Amos Kirui set his personal best in the final in Nairobi on Saturday."
    parsed = parse(clean(text), nlp)
    start = parsed.text.index("Amos Kirui")
    name = Mention("Amos Kirui", start, start + len("Amos Kirui"), "GPE")
    index = EntityIndex([Entity(1, kind, "Amos Kirui", [name])])
    sentence = parsed.sentences[0]
    fact = Fact(
        "f1", kind, "Amos Kirui", "Amos Kirui", sentence.text, sentence.start, sentence.end,
        {"entity": 1, "span": (name.start, name.end)},
    )  # fmt: skip
    return wh_question(Context(parsed, index, [fact]), fact, ["Amos Kirui"])


def test_a_subject_the_rest_of_the_sentence_calls_his_is_never_asked_as_which_place(nlp):
    assert wh_question_for(nlp, "place") is None
    assert wh_question_for(nlp, "person").startswith("Who set his personal best")


def test_a_clause_is_not_cut_inside_a_hyphenated_word():
    # As a parse gone wrong once read "co-star" as "co" ending one clause and "star" opening
    # the next: the question keeps the whole sentence rather than end on "co".
    words = ["He", "won", ",", "his", "co", "-", "star", "took", "it"]
    spaces = [True, False, True, True, False, False, True, True, False]
    heads = [1, 1, 1, 4, 1, 4, 7, 1, 7]
    deps = ["nsubj", "ROOT", "punct", "poss", "dobj", "punct", "nsubj", "conj", "dobj"]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps)
    sentence = SimpleNamespace(end=len(doc.text), offset=0)
    assert own_clause_end(doc[1], sentence) == len(doc.text)

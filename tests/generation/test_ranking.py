"""How the ranking weighs a question's importance and keeps repeats out of the top of the list."""

from quizzes.generation.names import trim_mention
from quizzes.generation.ranking import (
    Lead,
    content_words,
    headline_first,
    importance,
    in_title,
    spread,
)
from quizzes.generation.records import Question


def make(kind, answer, score, *, start=0, end=100, fact=None, sentence="A sentence."):
    return Question(
        type=kind,
        prompt=f"{kind} {answer} {start} {score}",
        answer=answer,
        accepted=[],
        choices=[],
        tolerance=None,
        fact=fact or f"f{start}-{answer}-{kind}",
        facts=[],
        sentence=sentence,
        start=start,
        end=end,
        explanation="",
        score=score,
    )


def lead(title, opening):
    return Lead(frozenset(content_words(title)), frozenset(content_words(opening + " " + title)))


def test_a_figure_from_the_headline_is_more_important_than_one_beside_it():
    opening = "A quake struck Qarabel on Tuesday, killing at least 73 people and injuring 400."
    article_lead = lead("Quake Kills At Least 73 in Qarabel", opening)
    toll = make("numeric", 73.0, 0.8, sentence=opening)
    injured = make("numeric", 400.0, 0.8, sentence=opening)
    assert importance(toll, article_lead) > importance(injured, article_lead)


def test_a_sentence_far_from_the_headline_is_less_important():
    article_lead = lead("Quake Kills At Least 73 in Qarabel", "A quake struck Qarabel.")
    lead_question = make("cloze", "Qarabel", 0.8, sentence="A quake struck Qarabel, killing 73.")
    aside = make("cloze", "Dubai", 0.8, sentence="Supplies left a hub in Dubai.")
    assert importance(lead_question, article_lead) > importance(aside, article_lead)


def test_a_blank_in_a_true_statements_sentence_does_not_follow_it_closely():
    # The statement prints the sentence whole, the blank's answer with it.
    statement = make("true_false", True, 0.96, start=0)
    on_its_sentence = make("numeric", 73.0, 0.85, start=0)
    elsewhere = make("numeric", 12.0, 0.84, start=200, end=300)
    ordered = spread([statement, on_its_sentence, elsewhere])
    assert ordered == [statement, elsewhere, on_its_sentence]


def test_the_same_answer_from_the_same_sentence_asked_another_way_is_a_duplicate():
    asked = make("short_answer", "Margaret Hale", 0.96, start=0)
    again = make("multiple_choice", "Margaret Hale", 0.95, start=0)
    other = make("cloze", "Elmbridge", 0.6, start=200, end=300)
    ordered = spread([asked, again, other])
    assert ordered.index(other) < ordered.index(again)


def test_a_quote_and_a_cloze_of_its_speaker_are_duplicates():
    quote = make("quote_attribution", "Sofia Reyes", 0.9, start=0, end=120)
    speaker_cloze = make("cloze", "Sofia Reyes", 0.89, start=60, end=120)
    other = make("multiple_choice", "Harbour City", 0.6, start=200, end=300)
    ordered = spread([quote, speaker_cloze, other])
    assert ordered.index(other) < ordered.index(speaker_cloze)


def test_a_figure_and_its_written_form_count_as_one_answer():
    numeric = make("numeric", 41.2, 0.96, start=0)
    choice = make("multiple_choice", "41.2%", 0.95, start=0)
    other = make("cloze", "Riverton", 0.6, start=200, end=300)
    ordered = spread([numeric, choice, other])
    assert ordered.index(other) < ordered.index(choice)


def test_a_mention_is_cut_at_a_bracket_it_does_not_close():
    assert trim_mention("World Health Organization (WHO") == "World Health Organization"
    assert trim_mention("United Nations (UN)") == "United Nations"


def test_a_score_run_into_a_name_is_left_out():
    assert trim_mention("Northgate Rovers 4-2") == "Northgate Rovers"
    assert trim_mention("Group of 20") == "Group of 20"


def test_a_small_word_run_into_the_end_of_a_name_is_left_out():
    assert trim_mention("Capel Curig in") == "Capel Curig"
    assert trim_mention("Bank of England") == "Bank of England"


def _news(kind, answer, score, *, in_title):
    question = make(kind, answer, score, start=int(score * 1000), end=int(score * 1000) + 50)
    question.features = {"number_in_title": in_title}
    return question


def test_a_figure_from_the_headline_is_asked_in_the_top_five():
    ordered = [_news("cloze", f"A{n}", 0.9 - n / 100, in_title=False) for n in range(8)]
    headline = _news("numeric", 150.0, 0.5, in_title=True)
    false = _news("true_false", False, 0.6, in_title=True)
    result = headline_first([*ordered, false, headline])
    assert result[1] is headline
    assert result[0] is ordered[0]
    assert len(result) == 10


def _in_sentence(kind, answer, score, sentence):
    question = make(kind, answer, score, start=sentence * 100, end=sentence * 100 + 90)
    question.features = {"sentence_number": sentence}
    return question


def _names(count: int) -> list[Question]:
    return [_in_sentence("cloze", f"Name{n}", 0.9 - n / 100, 5 + n) for n in range(count)]


def test_the_storys_first_figure_is_asked_in_the_top_five():
    ordered = _names(8)
    toll = _in_sentence("numeric", 56.8, 0.4, 1)
    statement = _in_sentence("true_false", False, 0.5, 1)
    later = _in_sentence("numeric", 12.0, 0.6, 4)
    result = headline_first([*ordered, statement, later, toll])
    assert result[2] is toll
    assert result[:2] == ordered[:2]


def test_a_figure_after_the_first_two_sentences_is_not_brought_up():
    ordered = [*_names(8), _in_sentence("numeric", 12.0, 0.6, 2)]
    assert headline_first(list(ordered)) == ordered


def test_the_headline_figure_keeps_its_place_when_already_near_the_top():
    ordered = [_news("cloze", f"A{n}", 0.9 - n / 100, in_title=n == 3) for n in range(8)]
    assert headline_first(list(ordered)) == ordered


def test_a_rounded_headline_figure_counts_as_the_answers():
    title = lead("FTSE 100 crashes 10.9 per cent in worst fall since 1987", "")
    assert in_title(make("numeric", 10.87, 0), title)["number_in_title"]
    assert not in_title(make("numeric", 10.7, 0), title)["number_in_title"]
    assert in_title(make("cloze", "FTSE", 0), title) == {
        "number_in_title": False,
        "name_in_title": True,
    }


def test_a_true_statement_that_prints_another_questions_answer_goes_below_it():
    cloze = make("cloze", "Zanzibar", 0.9, start=0, end=90)
    statement = make("true_false", True, 0.85, start=100, end=190)
    statement.prompt = "True or false: The ferry to Zanzibar sailed at noon."
    other = make("cloze", "Pemba", 0.8, start=200, end=290)
    for question in (cloze, statement, other):
        question.features = {}
    assert spread([cloze, statement, other]) == [cloze, other, statement]


def test_statements_do_not_all_come_out_true():
    true = [
        make("true_false", True, 0.9 - n / 100, start=n * 100, end=n * 100 + 90) for n in range(3)
    ]
    false = make("true_false", False, 0.6, start=500, end=590)
    for question in (*true, false):
        question.features = {}
    assert spread([*true, false])[:3] == [true[0], true[1], false]


def test_a_statement_and_its_twin_on_the_same_sentence_are_kept_apart():
    true = make("true_false", True, 0.9, start=0, end=90)
    twin = make("true_false", False, 0.85, start=0, end=90)
    other = make("cloze", "Pemba", 0.5, start=200, end=290)
    for question in (true, twin, other):
        question.features = {}
    assert spread([true, twin, other]) == [true, other, twin]

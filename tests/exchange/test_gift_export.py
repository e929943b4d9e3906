"""Questions out as Moodle GIFT: every type GIFT can carry, escaped, and the others reported."""

from quizzes.exchange.gift import questions_to_gift
from tests.exchange.samples import SENTENCE, one_of_each, question

FEEDBACK = "####According to the article\\: “Kim Jong Un met Vladimir Putin in Vladivostok"


def gift_of(question_) -> str:
    return questions_to_gift([question_]).text


def test_it_writes_a_multiple_choice_with_the_right_answer_marked():
    text = gift_of(one_of_each()["multiple_choice"])
    assert (
        "::q13::[plain]Which city hosted the summit?{\n\t~Moscow\n\t=Vladivostok\n\t~Hanoi\n"
        in (text)
    )


def test_it_writes_a_quote_attribution_as_a_multiple_choice():
    text = gift_of(one_of_each()["quote_attribution"])
    assert "\t~Vladimir Putin\n\t=Kim Jong Un\n\t~Donald Trump\n" in text


def test_it_writes_true_false_as_true_or_false():
    text = gift_of(one_of_each()["true_false"])
    assert "the summit was held in Moscow.{FALSE ####" in text


def test_it_writes_a_short_answer_with_its_accepted_variants():
    text = gift_of(one_of_each()["short_answer"])
    assert "?{\n\t=Vladivostok\n\t=Vladivostok, Russia\n" in text


def test_it_writes_a_numeric_answer_with_its_tolerance():
    assert "How many delegates came?{#95:2 ####" in gift_of(one_of_each()["numeric"])


def test_it_writes_a_numeric_answer_without_tolerance_as_exact():
    text = gift_of(question("numeric", prompt="How many?", answer=0.5, explanation="", sentence=""))
    assert "How many?{#0.5}" in text


def test_it_writes_matching_pairs_with_arrows():
    text = gift_of(one_of_each()["matching"])
    assert "{\n\t=Kim Jong Un -> North Korea\n\t=Vladimir Putin -> Russia\n" in text


def test_it_writes_a_cloze_as_a_short_answer_keeping_the_blank():
    text = gift_of(one_of_each()["cloze"])
    assert "::q11::[plain]Kim Jong Un met Vladimir Putin in _____.{\n\t=Vladivostok\n" in text


def test_it_marks_each_question_with_our_type_in_a_comment():
    text = gift_of(one_of_each()["quote_attribution"])
    assert text.startswith("// newsquiz-type: quote_attribution\n::q14::")


def test_it_separates_questions_with_a_blank_line():
    text = questions_to_gift([one_of_each()["numeric"], one_of_each()["true_false"]]).text
    assert "}\n\n// newsquiz-type: true_false\n" in text


def test_it_titles_an_unsaved_question_with_a_hash_of_its_prompt():
    unsaved = question(pk=None)
    assert gift_of(unsaved) == gift_of(question(pk=None))
    assert "::q-" in gift_of(unsaved)


def test_it_writes_the_category_first():
    text = questions_to_gift([question()], category="News/Korea summit").text
    assert text.startswith("$CATEGORY: News/Korea summit\n\n// newsquiz-type:")


def test_it_escapes_gift_special_characters():
    text = gift_of(question(prompt="a~b=c#d{e}f:g\\h"))
    assert "[plain]a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h{" in text


def test_it_writes_line_breaks_as_backslash_n():
    text = gift_of(question(prompt="First line\r\nsecond line\rthird"))
    assert "[plain]First line\\nsecond line\\nthird{" in text


def test_it_gives_the_explanation_as_general_feedback_when_it_quotes_the_sentence():
    assert f"\t{FEEDBACK}" in gift_of(question())


def test_it_gives_the_sentence_and_the_explanation_when_the_explanation_adds_to_it():
    text = gift_of(question(explanation="Vladivostok is in Russia's far east."))
    assert f"####{SENTENCE}\\nVladivostok is in Russia's far east.\n" in text


def test_it_gives_the_sentence_alone_when_there_is_no_explanation():
    text = gift_of(question(explanation=""))
    assert f"####{SENTENCE}\n" in text


def test_it_skips_an_ordering_and_says_why():
    ordering = one_of_each()["ordering"]
    export = questions_to_gift(list(one_of_each().values()))
    assert export.skipped == [(ordering, "GIFT has no ordering questions.")]
    assert "newsquiz-type: ordering" not in export.text


def test_it_skips_a_matching_whose_left_item_holds_an_arrow():
    matching = question("matching", answer=[["a -> b", "1"], ["c", "2"]], choices=["2", "1"])
    [(_, reason)] = questions_to_gift([matching]).skipped
    assert "'->'" in reason


def test_it_skips_an_answer_that_would_read_as_a_weight():
    [(_, reason)] = questions_to_gift([question(answer="%50% off")]).skipped
    assert "weight" in reason


def test_it_skips_an_invalid_question_with_its_problems():
    [(_, reason)] = questions_to_gift([question("cloze", prompt="No blank here.")]).skipped
    assert reason == "A cloze prompt needs a blank: write _____ where the answer goes."


def test_it_writes_nothing_when_nothing_can_be_carried():
    assert questions_to_gift([one_of_each()["ordering"]]).text == ""

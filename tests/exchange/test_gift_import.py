"""GIFT files in, as Moodle writes them and as people write them by hand."""

import pytest

from quizzes.exchange.gift import GiftError, parse_gift


def parse_one(text: str):
    [question] = parse_gift(text)
    return question


def errors_of(text: str) -> list[tuple[int, str]]:
    with pytest.raises(GiftError) as raised:
        parse_gift(text)
    return raised.value.errors


# Question types.


def test_it_reads_a_multiple_choice():
    question = parse_one("Which city hosted the summit? {=Vladivostok ~Moscow ~Hanoi}")
    assert (question.type, question.prompt, question.answer) == (
        "multiple_choice",
        "Which city hosted the summit?",
        "Vladivostok",
    )
    assert sorted(question.choices) == ["Hanoi", "Moscow", "Vladivostok"]


def test_it_does_not_keep_the_right_choice_first():
    # Hand-written files put it first; Moodle shuffles when it shows them, we do not.
    firsts = {parse_one(f"Question {n}? {{=Right ~Wrong ~Other}}").choices[0] for n in range(12)}
    assert firsts != {"Right"}


def test_it_reads_multiple_choice_answers_on_several_lines():
    question = parse_one("Which city?\n{\n  =Vladivostok\n  ~Moscow\n}")
    assert (question.answer, sorted(question.choices)) == ("Vladivostok", ["Moscow", "Vladivostok"])


def test_it_takes_a_choice_worth_100_percent_as_the_right_one():
    question = parse_one("Which city? {~%100%Vladivostok ~%0%Moscow ~Hanoi}")
    assert question.answer == "Vladivostok"


def test_it_refuses_choices_worth_part_of_the_marks():
    [(_, message)] = errors_of("Which cities? {~%50%Vladivostok ~%50%Moscow ~Hanoi}")
    assert "part of the marks" in message


def test_it_refuses_a_multiple_choice_with_several_right_answers():
    [(_, message)] = errors_of("Which city? {=Vladivostok =Moscow ~Hanoi}")
    assert message == "It has 2 right answers; a multiple choice here has exactly one (=)."


@pytest.mark.parametrize(
    ("written", "answer"),
    [("T", True), ("TRUE", True), ("F", False), ("FALSE", False), ("true", True)],
)
def test_it_reads_true_false(written, answer):
    question = parse_one(f"The summit was held in Moscow. {{{written}}}")
    assert (question.type, question.answer) == ("true_false", answer)


def test_it_reads_a_short_answer_with_accepted_variants():
    question = parse_one("Where did they meet? {=Vladivostok =Vladivostok, Russia}")
    assert (question.type, question.answer, question.accepted) == (
        "short_answer",
        "Vladivostok",
        ["Vladivostok, Russia"],
    )


def test_it_reads_a_short_answer_written_without_an_equals_sign():
    assert parse_one("Where did they meet? {Vladivostok}").answer == "Vladivostok"


def test_it_refuses_short_answers_worth_part_of_the_marks():
    [(_, message)] = errors_of("Where? {=Vladivostok =%50%Russia}")
    assert "part of the marks" in message


def test_it_reads_a_numeric_answer_with_its_tolerance():
    question = parse_one("How many delegates came? {#95:2}")
    assert (question.type, question.answer, question.tolerance) == ("numeric", 95, 2)


def test_it_reads_a_numeric_answer_without_tolerance_as_exact():
    question = parse_one("What share voted? {#-0.25}")
    assert (question.answer, question.tolerance) == (-0.25, None)


def test_it_reads_a_numeric_range_as_its_middle_and_tolerance():
    question = parse_one("How many delegates came? {#90..100}")
    assert (question.answer, question.tolerance) == (95, 5)


def test_it_reads_the_full_marks_answer_of_a_numeric_with_several():
    question = parse_one("When was Ulysses S. Grant born? {#\n=1822:0\n=%50%1822:2\n}")
    assert (question.answer, question.tolerance) == (1822, 0)


def test_it_refuses_a_numeric_with_two_full_marks_answers():
    [(_, message)] = errors_of("How many? {#=95:2 =100:1}")
    assert message == "It has 2 answers worth full marks; a number here has one."


def test_it_refuses_a_number_that_is_not_one():
    [(_, message)] = errors_of("How many? {#ninety}")
    assert message == "'ninety' is not a number."


def test_it_reads_matching_pairs():
    question = parse_one(
        "Match each leader with their country. {\n"
        "=Kim Jong Un -> North Korea\n=Vladimir Putin -> Russia\n=Moon Jae-in -> South Korea\n}"
    )
    assert question.type == "matching"
    assert question.answer == [
        ["Kim Jong Un", "North Korea"],
        ["Vladimir Putin", "Russia"],
        ["Moon Jae-in", "South Korea"],
    ]
    assert sorted(question.choices) == ["North Korea", "Russia", "South Korea"]


def test_it_refuses_an_extra_matching_option_without_a_left_item():
    [(_, message)] = errors_of("Match. {=Kim -> North Korea =Putin -> Russia = -> Japan}")
    assert "nothing on the left" in message


def test_it_reads_an_answer_in_the_middle_of_the_text_as_a_cloze():
    question = parse_one("Kim met Putin in {=Vladivostok} in April.")
    assert (question.type, question.prompt) == ("cloze", "Kim met Putin in _____ in April.")


def test_it_reads_a_short_answer_whose_text_has_a_blank_as_a_cloze():
    assert parse_one("Kim met Putin in _____.{=Vladivostok}").type == "cloze"


def test_it_refuses_an_essay():
    [(_, message)] = errors_of("Write about the summit. {}")
    assert message == "An essay question ({}) has no answer to check."


def test_it_refuses_a_description_without_braces():
    [(_, message)] = errors_of("The next questions are about the summit.")
    assert message.startswith("This is not a question: it has no answer in braces { }")


# The file around the questions.


def test_it_ignores_comments():
    question = parse_one("// Written by hand\nWhere? {=Vladivostok}\n// the end")
    assert question.prompt == "Where?"


def test_it_reads_the_title():
    question = parse_one("::Summit place::Where did they meet? {=Vladivostok}")
    assert (question.title, question.prompt) == ("Summit place", "Where did they meet?")


def test_it_keeps_the_category_for_the_questions_after_it():
    questions = parse_gift(
        "Before? {T}\n\n$CATEGORY: $course$/top/Korea\n\nWhere? {=Vladivostok}\n\nWho? {=Kim}"
    )
    assert [question.category for question in questions] == [
        None,
        "$course$/top/Korea",
        "$course$/top/Korea",
    ]


def test_it_reads_a_category_line_directly_above_a_question():
    question = parse_one("$CATEGORY: Korea\nWhere? {=Vladivostok}")
    assert (question.category, question.prompt) == ("Korea", "Where?")


def test_it_reads_a_question_over_several_lines():
    question = parse_one("::Place::\nWhere did Kim\nmeet Putin?\n{=Vladivostok}")
    assert question.prompt == "Where did Kim\nmeet Putin?"


def test_it_reads_questions_separated_by_several_blank_lines():
    questions = parse_gift("\n\nWhere? {=Vladivostok}\n\n\n   \n\nTrue? {T}\n\n")
    assert [question.type for question in questions] == ["short_answer", "true_false"]


def test_it_reads_windows_line_ends_and_a_byte_order_mark():
    questions = parse_gift("\ufeffWhere? {=Vladivostok}\r\n\r\nTrue? {T}\r\n")
    assert [question.type for question in questions] == ["short_answer", "true_false"]


def test_it_drops_the_plain_and_markdown_format_markers():
    question = parse_one("[markdown]Where did *they* meet? {=[plain]Vladivostok}")
    assert (question.prompt, question.answer) == ("Where did *they* meet?", "Vladivostok")


def test_it_turns_html_text_into_plain_text():
    question = parse_one("::Q1::[html]<p>Where did Kim &amp; Putin meet?</p>{=Vladivostok}")
    assert question.prompt == "Where did Kim & Putin meet?"


def test_it_undoes_the_escapes():
    question = parse_one("Is 1 \\= 1 \\~ \\{true\\}\\: \\#1 \\\\ ok?\\nYes. {T}")
    assert question.prompt == "Is 1 = 1 ~ {true}: #1 \\ ok?\nYes."


def test_it_ignores_per_answer_feedback():
    question = parse_one("Where? {=Vladivostok#Right! ~Moscow#No, that is the capital.}")
    assert sorted(question.choices) == ["Moscow", "Vladivostok"]


def test_it_ignores_true_false_feedback():
    assert parse_one("Moscow? {F#Wrong.#Right.}").answer is False


def test_it_takes_the_general_feedback_as_the_explanation():
    question = parse_one("Where? {=Vladivostok ####They met in Russia's far east.}")
    assert (question.answer, question.explanation) == (
        "Vladivostok",
        "They met in Russia's far east.",
    )


def test_it_restores_our_type_from_the_marker():
    text = "// newsquiz-type: quote_attribution\nWho said it? {=Kim ~Putin}"
    assert parse_one(text).type == "quote_attribution"


def test_it_ignores_a_marker_that_does_not_fit_the_answer():
    text = "// newsquiz-type: quote_attribution\nWhere? {=Vladivostok}"
    assert parse_one(text).type == "short_answer"


def test_it_gives_each_question_its_line():
    questions = parse_gift("// intro\n\n::A::\nWhere? {=Vladivostok}\n\nTrue? {T}")
    assert [question.line for question in questions] == [3, 6]


# Errors.


def test_it_reports_every_bad_question_with_its_line_and_returns_nothing():
    text = "Fine? {T}\n\nWrite an essay. {}\n\nAlso fine? {F}\n\n// note\nNo answer here."
    assert [line for line, _ in errors_of(text)] == [3, 8]


def test_it_reports_question_type_problems_with_the_line():
    assert errors_of("Fine? {T}\n\n{=Vladivostok ~Moscow}") == [(3, "Write a prompt.")]


def test_it_reports_two_questions_without_a_blank_line_between():
    [(line, message)] = errors_of("Where? {=Vladivostok}\nTrue? {T}")
    assert (line, message) == (
        1,
        "It has two answers in braces: leave a blank line between questions.",
    )


def test_it_reports_a_missing_brace():
    [(_, message)] = errors_of("Where? {=Vladivostok")
    assert message.startswith("A brace is missing or extra")


def test_it_reports_a_title_left_open():
    assert errors_of("::Place: Where? {=Vladivostok}") == [(1, "The title has no closing '::'.")]


def test_the_error_message_lists_every_line():
    with pytest.raises(GiftError) as raised:
        parse_gift("Essay? {}\n\nEssay? {}")
    assert str(raised.value) == (
        "Line 1: An essay question ({}) has no answer to check.\n"
        "Line 3: An essay question ({}) has no answer to check."
    )


def test_a_file_of_comments_has_no_questions():
    assert parse_gift("// nothing yet\n\n// still nothing\n") == []


# As Moodle writes it (question/format/gift/format.php, writequestion).

MOODLE_EXPORT = """// question: 0  name: Switch category to $course$/top/Default for News
$CATEGORY: $course$/top/Default for News


// question: 101  name: Summit city
::Summit city::[html]<p>Which city hosted the summit?</p>{
\t=<p>Vladivostok</p>
\t~<p>Moscow &amp; St Petersburg</p>#<p>No.</p>
\t####<p>They met in Vladivostok.</p>
}

// question: 102  name: Delegates
::Delegates::[html]<p>How many delegates came?</p>{#
\t=%100%95:2#
\t=%50%95:10#
\t~#<p>Not close.</p>
}

// question: 103  name: Moscow
::Moscow::[html]<p>The summit was held in Moscow.</p>{FALSE#<p>No.</p>#<p>Right.</p>}

// question: 104  name: Place
::Place::[html]<p>Where did they meet?</p>{
\t=%100%Vladivostok#
\t=%0%Moscow#<p>No.</p>
}

// question: 105  name: Leaders
::Leaders::[html]<p>Match the leaders with their countries.</p>{
\t=<p>Kim Jong Un</p> -> North Korea
\t=<p>Vladimir Putin</p> -> Russia
}
"""


def test_it_reads_a_file_as_moodle_exports_it():
    questions = parse_gift(MOODLE_EXPORT)
    assert [(question.title, question.type, question.answer) for question in questions] == [
        ("Summit city", "multiple_choice", "Vladivostok"),
        ("Delegates", "numeric", 95),
        ("Moscow", "true_false", False),
        ("Place", "short_answer", "Vladivostok"),
        ("Leaders", "matching", [["Kim Jong Un", "North Korea"], ["Vladimir Putin", "Russia"]]),
    ]


def test_answers_of_an_html_question_are_html_too():
    [summit, *_] = parse_gift(MOODLE_EXPORT)
    assert sorted(summit.choices) == ["Moscow & St Petersburg", "Vladivostok"]


def test_it_ignores_the_feedback_moodle_writes_for_any_other_number():
    question = parse_one("How many? {#\n=%100%95:2#\n~#<p>Not close.</p>\n}")
    assert (question.answer, question.tolerance) == (95, 2)


def test_it_reads_unmarked_text_as_moodle_shows_it():
    question = parse_one("Did AT&amp;T <b>really</b> say 1 < 2? {T}")
    assert question.prompt == "Did AT&T really say 1 < 2?"


def test_it_refuses_a_number_too_large_to_hold():
    [(_, message)] = errors_of("How many? {#" + "9" * 5000 + "..1}")
    assert message.endswith("is not a number.")

from quizzes.generation import generate
from quizzes.generation.cleaning import clean
from quizzes.generation.entities import PERSON, Entity, EntityIndex, Mention, build_index
from quizzes.generation.parsing import parse
from quizzes.generation.people import find_roles
from quizzes.generation.questions.context import Context, answer_forms
from quizzes.generation.questions.from_records import quote_excerpt, role_questions
from quizzes.generation.quotes import find_quotes
from quizzes.generation.records import Fact


def parsed_and_index(text, nlp):
    parsed = parse(clean(text), nlp)
    return parsed, build_index(parsed)


def quotes_of(text, nlp):
    return find_quotes(*parsed_and_index(text, nlp))


def roles_of(text, nlp):
    return {(role.person, role.role) for role in find_roles(*parsed_and_index(text, nlp))}


def test_it_attributes_a_quote_to_the_name_after_said(nlp):
    (quote,) = quotes_of(
        '"The railway will open next year and carry freight," said Anna Berg.', nlp
    )
    assert quote.speaker == "Anna Berg"


def test_it_attributes_a_curly_quote_with_the_name_before_said(nlp):
    text = (
        "\u201cThe sanctions are hurting ordinary people across the region,\u201d Anna Berg said."
    )
    (quote,) = quotes_of(text, nlp)
    assert quote.speaker == "Anna Berg"


def test_it_resolves_he_said_to_the_person_named_before(nlp):
    text = (
        "Peter Olsen, an economist at the University of Oslo, spoke on Monday.\n\n"
        '"Tourism along the coast could grow quickly after the opening," he said.'
    )
    (quote,) = quotes_of(text, nlp)
    assert quote.speaker == "Peter Olsen"


def test_it_joins_a_quote_that_runs_over_two_paragraphs(nlp):
    text = (
        '"The first paragraph of the statement explains the plan in detail, said Anna Berg.\n\n'
        '"The second paragraph of the statement explains the costs in detail."'
    )
    quotes = quotes_of(text, nlp)
    assert any("first paragraph" in q.text and "second paragraph" in q.text for q in quotes)


def test_it_reads_a_role_from_an_apposition(nlp):
    text = "Peter Olsen, an economist at the University of Oslo, said tourism could grow."
    assert ("Peter Olsen", "economist at the University of Oslo") in roles_of(text, nlp)


def test_it_reads_a_role_from_a_title_before_the_name(nlp):
    text = "Transportation Minister Yevgeny Ditrikh took part in the summit on Thursday."
    assert ("Yevgeny Ditrikh", "Transportation Minister") in roles_of(text, nlp)


def test_it_accepts_hyphenated_spellings_of_a_three_part_name(nlp):
    _parsed, index = parsed_and_index("North Korean leader Kim Jong Un arrived by train.", nlp)
    assert "Kim Jong-un" in answer_forms(index.find("Kim Jong Un"))


def test_a_role_owned_by_a_named_country_takes_no_article(nlp):
    from quizzes.generation import generate

    article = generate(
        "Water pact signed\n\n"
        "The pact was signed by Veloria's President Elena Marchetti and Kastania's Prime "
        "Minister Viktor Osman in Geneva on Thursday after two days of talks.\n\n"
        "Osman said the pact would be put to a vote in parliament within sixty days.",
        nlp=nlp,
    )
    prompts = [q.prompt for q in article.questions]
    assert any("Kastania's Prime Minister" in p for p in prompts)
    assert not [p for p in prompts if "the Kastania's" in p or "the Veloria's" in p]


def test_a_quote_after_another_person_is_named_is_not_the_last_speakers_going_on(nlp):
    text = (
        '"We will build the new harbour wall before the winter storms arrive," said Lena Park, '
        "the mayor of the town.\n\n"
        "Her deputy, John Miller, told reporters that the sea defences were already failing.\n\n"
        '"The money for the wall must come from the national government and not from the town."'
    )
    first, second = quotes_of(text, nlp)
    assert first.speaker == "Lena Park"
    assert second.speaker != "Lena Park"


def test_a_quote_after_a_paragraph_about_the_same_speaker_is_still_theirs(nlp):
    text = (
        '"We will build the new harbour wall before the winter storms arrive," said Lena Park, '
        "the mayor of the town.\n\n"
        "The mayor was herself surprised by the size of the bill.\n\n"
        '"The money for the wall must come from the national government and not from the town."'
    )
    first, second = quotes_of(text, nlp)
    assert second.speaker == first.speaker == "Lena Park"


def test_a_matching_question_takes_three_people_or_more(nlp):
    two = (
        "Talks resume\n\nForeign Minister Anna Berg met Trade Minister Tomas Ruiz in Oslo on "
        "Monday for talks on fishing quotas that ended without an agreement after 9 hours.\n"
    )
    three = two + "\nFinance Minister Ivo Lenz said the krone would not be affected.\n"
    assert not [q for q in generate(two, nlp=nlp).questions if q.type == "matching"]
    (matching,) = [q for q in generate(three, nlp=nlp).questions if q.type == "matching"]
    assert len(matching.answer) == 3


def test_a_quote_run_on_into_its_next_paragraph_keeps_no_reopening_mark():
    excerpt = quote_excerpt("The Government was warned. \u201cNow the court says they must act.")
    assert excerpt == "The Government was warned. Now the court says they must act."
    kept = quote_excerpt("He said no. \u201cWe are fine,\u201d he added.")
    assert kept == "He said no. \u201cWe are fine,\u201d he added."


def test_no_question_names_a_role_cut_short_before_what_it_is_of(nlp):
    text = "Li Jinai, the director-general of China's space programme, watched the launch."
    parsed = parse(clean(text), nlp)
    person = Entity(1, PERSON, "Li Jinai", [Mention("Li Jinai", 0, 8, "PERSON")])
    context = Context(parsed, EntityIndex([person]), [], title="")

    def role(value: str) -> Fact:
        return Fact("r1", "role", text, {"person": "Li Jinai", "role": value}, text, 0, len(text))

    assert role_questions(context, role("director-general of China's")) == []
    assert role_questions(context, role("director-general of China's space programme"))

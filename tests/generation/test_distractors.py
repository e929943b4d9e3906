"""Wrong choices must be plausible: the same unit and size, the same style, and not the answer
written another way."""

import re

import pytest

from quizzes.generation import generate
from quizzes.generation.cleaning import clean
from quizzes.generation.entities import ORGANISATION, PERSON, PLACE, Entity, EntityIndex, Mention
from quizzes.generation.parsing import parse
from quizzes.generation.questions.context import Context
from quizzes.generation.questions.distractors import (
    around_the_answer,
    entity_distractors,
    same_precision,
    shaped_like,
    shifted_dates,
)
from quizzes.generation.records import Fact

ARTICLE = (
    "Quake kills at least 73 in Qarabel\n\n"
    "A powerful earthquake struck the province of Qarabel early on Tuesday, killing at least 73 "
    "people and injuring more than 400, officials said.\n\n"
    "The magnitude 5.1 quake hit at a depth of 22 km below the town of Dovran.\n\n"
    "Shares in the insurer Ridgeline closed at $215 on Tuesday, after it reported net income "
    "of $1.27 billion for the year.\n\n"
    "The rescue group Friends of Dovran, founded in the autumn of 2023, sent 35 volunteers "
    "and had raised money in the fall of 2022.\n\n"
    "The Professional Football League (PFL) cancelled two matches in the province on "
    "Wednesday.\n\n"
    "Officials said roads would stay closed for eight days while engineers inspected bridges."
)


def choices_by_answer(text: str, nlp) -> dict:
    article = generate(text, nlp=nlp)
    return {q.answer: q.choices for q in article.questions if q.type == "multiple_choice"}


@pytest.fixture(scope="module")
def choices(nlp):
    return choices_by_answer(ARTICLE, nlp)


def figures(texts):
    return [float(re.sub(r"[^\d.]", "", text)) for text in texts]


def test_it_offers_no_figure_of_another_size_for_a_count(choices):
    values = figures(choices["35"])
    assert values
    assert all(7 <= value <= 175 for value in values), choices["35"]


def test_it_offers_no_choices_for_a_figure_given_as_a_bound(choices):
    assert "400" not in choices  # "more than 400": "more than 300" would still be true


def test_it_offers_no_amount_of_another_size_for_a_price(choices):
    values = figures(choices["$215"])
    assert values
    assert all(43 <= value <= 1075 for value in values), choices["$215"]


def test_it_does_not_offer_the_same_season_under_its_other_name(choices):
    offered = choices["the autumn of 2023"]
    assert "the fall of 2023" not in offered


def test_it_writes_wrong_figures_in_words_when_the_answer_is_in_words(choices):
    offered = choices["eight days"]
    assert all(not any(char.isdigit() for char in choice) for choice in offered), offered


def test_it_does_not_shuffle_the_letters_of_an_abbreviation(choices):
    assert "PFL" not in choices


SUMMIT = (
    "River treaty signed\n\n"
    "The treaty was signed in Geneva after two days of talks brokered by the United Nations.\n\n"
    "The Fenwick Playhouse in Sunderland has won the award for the best new play.\n\n"
    "The Fenwick, a 420-seat venue that opened in 1911, staged a play about the river.\n\n"
    "The Fenwick sold out every night, and the Fenwick will now tour it.\n\n"
    "The World Bank will pay for a monitoring commission, and the Harbour Trust will help.\n\n"
    "Reporters from the broadcaster Nordvision filmed the ceremony for the evening news."
)


@pytest.fixture(scope="module")
def summit_choices(nlp):
    return choices_by_answer(SUMMIT, nlp)


def test_a_wrong_figure_of_one_takes_the_singular(summit_choices):
    offered = summit_choices["two days"]
    assert "one days" not in offered
    assert "one day" in offered


def test_it_does_not_offer_one_name_twice_in_two_forms(nlp):
    text = "The venues were named in a report on the arts."
    parsed = parse(clean(text), nlp)

    def organisation(number, name, mentions):
        return Entity(number, ORGANISATION, name, [Mention(name, 0, 3, "ORG")] * mentions)

    answer = organisation(1, "ITV", 1)
    others = [
        organisation(2, "Fenwick", 4),
        organisation(3, "Fenwick Playhouse", 3),
        organisation(4, "Arts Council England", 2),
        organisation(5, "Royal Court", 1),
    ]
    context = Context(parsed, EntityIndex([answer, *others]), [], title="")
    offered = entity_distractors(context, answer, "Which broadcaster showed it?")
    assert offered == ["Fenwick", "Arts Council England", "Royal Court"]


RESULTS = (
    "Sprint record falls in Nairobi\n\n"
    "The Kenyan sprinter Amos Kirui won the final in 9.87 seconds at the national "
    "championships in Nairobi on Saturday.\n\n"
    "The official toll stands at 3,394 dead after the floods in the north of the country.\n\n"
    "The ruling party secured nearly 3.04 million votes in the election held in the same "
    "month.\n\n"
    "The winning party took 56.8 percent of the vote, against 33 percent for the runner-up."
)


@pytest.fixture(scope="module")
def results_choices(nlp):
    return choices_by_answer(RESULTS, nlp)


def test_wrong_figures_for_a_precise_time_keep_its_precision_and_size(results_choices):
    offered = [choice for choice in results_choices["9.87"] if choice != "9.87"]
    assert all(re.fullmatch(r"\d\.\d\d", choice) for choice in offered), offered
    assert all(abs(value - 9.87) <= 0.3 for value in figures(offered)), offered


def test_wrong_figures_for_a_count_to_the_unit_are_not_round(results_choices):
    offered = [choice for choice in results_choices["3,394"] if choice != "3,394"]
    assert not [choice for choice in offered if choice.endswith("0")], offered


def test_wrong_figures_for_a_hedged_figure_lie_outside_its_tolerance(results_choices):
    offered = figures(results_choices["3.04 million"])
    assert all(value == 3.04 or abs(value - 3.04) > 0.05 * 3.04 for value in offered), offered


def test_the_answer_is_neither_the_largest_nor_the_smallest_when_a_neighbour_allows(
    results_choices,
):
    values = figures(results_choices["56.8 percent"])
    assert min(values) < 56.8 < max(values), values


ROUNDNESS = (
    "Harbour reopens\n\n"
    "The port authority hired 20 divers and spent $963 million on the new harbour wall.\n\n"
    "Crews removed 220,000 tonnes of silt, and about 10 ships waited outside.\n\n"
    "More than 17 hours passed before the first ferry docked."
)


@pytest.fixture(scope="module")
def roundness_article(nlp):
    return generate(ROUNDNESS, nlp=nlp)


def choices_of(article) -> dict:
    return {q.answer: q.choices for q in article.questions if q.type == "multiple_choice"}


def test_wrong_figures_for_a_round_figure_are_round_too(roundness_article):
    offered = [choice for choice in choices_of(roundness_article)["20"] if choice != "20"]
    assert len(offered) == 3
    assert all(re.fullmatch(r"[1-9]0?|[1-9]5", choice) for choice in offered), offered


def test_wrong_figures_for_a_figure_to_the_unit_are_not_round_tens(roundness_article):
    offered = choices_of(roundness_article)["$963 million"]
    assert not [choice for choice in offered if re.search(r"0 million", choice)], offered


def test_wrong_figures_keep_the_answers_significant_digits(roundness_article):
    offered = choices_of(roundness_article)["220,000"]
    assert all(re.fullmatch(r"[1-9]\d0,000", choice) for choice in offered), offered


def test_wrong_figures_for_an_approximate_figure_are_clearly_another_figure(
    roundness_article,
):
    values = figures(choices_of(roundness_article)["10"])
    assert all(value == 10 or abs(value - 10) > 2 for value in values), values


def test_no_false_statement_is_made_from_a_bound(roundness_article):
    swapped = [
        q.prompt
        for q in roundness_article.questions
        if q.type == "true_false" and q.answer is False and "ferry docked" in q.prompt
    ]
    assert swapped == []


def test_the_answer_takes_every_place_among_wrong_figures():
    places = set()
    for number in range(40):
        chosen = around_the_answer([5.0, 6.0, 7.0, 13.0, 14.0, 15.0], 10.0, f"prompt {number}")
        assert len(chosen) == 3
        places.add(sum(value < 10 for value in chosen))
    assert places == {0, 1, 2, 3}


def test_the_answer_stays_among_wrong_figures_when_one_side_is_short():
    chosen = around_the_answer([13.0, 14.0, 15.0, 16.0], 10.0, "any prompt")
    assert chosen == [13.0, 14.0, 15.0]


@pytest.mark.parametrize(
    ("answer", "decimals", "wrong", "alike"),
    [
        (20, 0, 16, False),
        (20, 0, 15, True),
        (10_000, 0, 8_000, True),
        (963, 0, 770, False),
        (963, 0, 771, True),
        (0.25, 2, 0.28, False),
        (0.25, 2, 0.5, True),
        (9.58, 2, 9.5, True),  # shown as "9.50"
    ],
)
def test_a_wrong_figure_must_be_written_as_roundly_as_the_answer(answer, decimals, wrong, alike):
    assert same_precision(wrong, answer, decimals) is alike


def place_index_context(text, nlp, entities):
    parsed = parse(clean(text), nlp)
    return Context(parsed, EntityIndex(entities), [], title="")


def entity(number, kind, name, text):
    start = text.index(name)
    return Entity(number, kind, name, [Mention(name, start, start + len(name), "GPE")])


def test_it_does_not_offer_the_place_an_answer_lies_in(nlp):
    text = "Talks at Stormont near Belfast ran late. Dublin and London welcomed the deal."
    places = [
        entity(number, PLACE, name, text)
        for number, name in enumerate(["Stormont", "Belfast", "Dublin", "London"], 1)
    ]
    context = place_index_context(text, nlp, places)
    assert "Belfast" not in entity_distractors(context, places[0], "Talks at _____ ran late.")


def test_it_does_not_offer_a_name_of_another_kind_filed_as_a_place(nlp):
    text = "Angela Lansbury starred on Broadway, in London and as Dame Angela Lansbury in Paris."
    found = [
        entity(1, PERSON, "Angela Lansbury", text),
        entity(2, PLACE, "Broadway", text),
        entity(3, PLACE, "London", text),
        entity(4, PLACE, "Dame Angela Lansbury", text),
        entity(5, PLACE, "Paris", text),
    ]
    context = place_index_context(text, nlp, found)
    offered = entity_distractors(context, found[1], "She starred on _____.")
    assert "Dame Angela Lansbury" not in offered


def test_it_does_not_offer_a_storm_or_a_prize_filed_as_a_person(nlp):
    text = (
        "Paul Risley of the WFP, Dana Moss and Cyclone Nargis were named; Best Rap Solo "
        "Performance went to Jon Hale."
    )
    names = ["Paul Risley", "Dana Moss", "Cyclone Nargis", "Best Rap Solo Performance", "Jon Hale"]
    people = [entity(number, PERSON, name, text) for number, name in enumerate(names, 1)]
    context = place_index_context(text, nlp, people)
    offered = entity_distractors(context, people[0], "_____ of the WFP said so.")
    assert offered == ["Dana Moss", "Jon Hale"]


def test_a_company_and_its_owner_prefixed_name_are_one_choice(nlp):
    text = "Biogen Inc. and Japan\u2019s Eisai ran the trial; Eisai Co. and Pfizer paid for it."
    names = ["Biogen Inc.", "Japan\u2019s Eisai", "Eisai Co.", "Pfizer"]
    found = [
        Entity(number, ORGANISATION, name, [Mention(name, 0, 3, "ORG")] * (5 - number))
        for number, name in enumerate(names, 1)
    ]
    context = place_index_context(text, nlp, found)
    offered = entity_distractors(context, found[3], "_____ paid for it.")
    assert not {"Japan\u2019s Eisai", "Eisai Co."} <= set(offered), offered


def test_no_figure_is_asked_that_the_sentences_other_figures_add_up_to(nlp):
    text = (
        "Tariff talks\n\nThe United States has imposed tariffs on $250 billion of Chinese goods, "
        "25% on $50 billion and 10% on the other $200 billion, officials said on Monday. The "
        "talks will resume in Buenos Aires next month, when both delegations return with 40 "
        "negotiators.\n"
    )
    asked = {str(q.answer) for q in generate(text, nlp=nlp).questions if q.type != "true_false"}
    assert not asked & {"250.0", "50.0", "200.0", "$250 billion", "$50 billion", "$200 billion"}
    assert "40.0" in asked


def test_no_question_asks_the_weekday_of_the_report_or_the_agency_that_filed_it(nlp):
    text = (
        "Rail strike\n\nTrain drivers in Ruritania walked out on Tuesday over a pay offer of 3 "
        "per cent, Reuters reported. The union's leader, Maria Novak, said the strike would last "
        "until March 12, according to the Associated Press.\n"
    )
    answers = {str(q.answer) for q in generate(text, nlp=nlp).questions}
    assert not answers & {"Tuesday", "Reuters", "Associated Press"}
    assert {"Maria Novak", "3.0"} & answers


@pytest.mark.parametrize(
    ("date", "wrong"),
    [
        ("Nov. 10", ["Oct. 10", "Dec. 10", "Jan. 10", "Sept. 10"]),
        ("Sept. 16", ["Aug. 16", "Oct. 16", "Nov. 16", "July 16"]),
        ("Jan 8", ["Dec 8", "Feb 8", "Mar 8", "Nov 8"]),
        ("March 31", ["May 31", "January 31"]),
    ],
)
def test_wrong_dates_are_written_as_the_answer_is_and_exist(date, wrong):
    # Not "December. 10", "Novembert. 16", "April 31" or "February 31".
    assert shifted_dates(Fact("f1", "date", date, {}, date, 0, len(date))) == wrong


def test_no_question_asks_the_figure_that_ends_a_name(nlp):
    text = (
        "Markets fall\n\nThe FTSE 100 fell 7.7 per cent on Monday, and the S&P 500 lost 4.1 per "
        "cent as 2,300 companies reported losses. Non-food credit rose to Rs 10.4 lakh crore, the "
        "central bank said, as Boeing 737 jets stayed grounded for 12 weeks.\n"
    )
    questions = generate(text, nlp=nlp).questions
    asked = {str(q.answer) for q in questions if q.type != "true_false"}
    assert not asked & {"100.0", "500.0", "737.0", "100", "500", "737"}
    assert {"7.7", "2300.0", "10.4", "12.0"} <= asked
    assert all("FTSE 100 " in q.prompt for q in questions if "FTSE" in q.prompt)


def test_wrong_figures_stay_on_the_answers_side_of_the_figure_it_is_set_against(nlp):
    text = (
        "Vote passes\n\nThe plans were carried by 323 votes to 302 in the Commons on Thursday.\n\n"
        "Halvorsen raised its sales forecast to 2.63 million vans from 2.61 million on Friday.\n"
    )
    choices = {
        q.answer: q.choices
        for q in generate(text, nlp=nlp).questions
        if q.type == "multiple_choice"
    }

    def wrong(answer: str) -> list[float]:
        return [float(c.split()[0]) for c in choices[answer] if c != answer]

    assert all(value > 302 for value in wrong("323"))  # "carried by ___ votes to 302"
    assert all(value < 323 for value in wrong("302"))  # "carried by 323 votes to ___"
    assert all(value > 2.61 for value in wrong("2.63 million"))  # "to ___ from 2.61 million"


def test_no_share_is_asked_that_the_other_completes_to_a_hundred(nlp):
    text = (
        "Run-off result\n\nMauricio Leal won the run-off by 51.5% to 48.5% on Sunday, and turnout "
        "was 81% of the 32 million voters.\n"
    )
    asked = {str(q.answer) for q in generate(text, nlp=nlp).questions if q.type != "true_false"}
    assert not asked & {"51.5", "48.5", "51.5%", "48.5%"}
    assert "81.0" in asked


@pytest.mark.parametrize(
    ("written", "alike"),
    [
        ("around 1500", re.compile(r"1[1-9]00")),
        ("around 1650", re.compile(r"16[2-8]0")),
        ("1547", re.compile(r"154\d|155[01]")),
    ],
)
def test_a_bare_year_gets_years_of_its_precision_as_wrong_choices(nlp, written, alike):
    text = (
        "Painting sold\n\nDating back to "
        f"{written}, the painting is one of fewer than 20 works by the artist that survive.\n"
    )
    asked = [
        q
        for q in generate(text, nlp=nlp).questions
        if q.type == "multiple_choice" and q.prompt.startswith("Choose the year")
    ]
    assert len(asked) == 1
    wrong = [choice for choice in asked[0].choices if choice != asked[0].answer]
    assert len(wrong) == 3
    assert all(alike.fullmatch(choice) for choice in wrong), wrong


@pytest.mark.parametrize(("written", "tolerance"), [("around 1500", 25), ("around 1650", 2)])
def test_a_hedged_year_is_typed_to_within_a_quarter_of_its_precision(nlp, written, tolerance):
    text = (
        "Painting sold\n\nDating back to "
        f"{written}, the painting is one of fewer than 20 works by the artist that survive.\n"
    )
    asked = [
        q for q in generate(text, nlp=nlp).questions if q.type == "numeric" and q.answer > 1000
    ]
    assert [q.tolerance for q in asked] == [tolerance]


def test_a_figure_that_runs_on_into_a_compound_is_asked_as_the_figure(nlp):
    text = (
        "Record run\n\nIn an amazing run, the 22-year-old Usain Bolt left American Tyson Gay "
        "toiling in his wake at the stadium.\n"
    )
    asked = [
        q
        for q in generate(text, nlp=nlp).questions
        if q.type == "multiple_choice" and "_____-year-old" in q.prompt
    ]
    assert len(asked) == 1
    assert asked[0].answer == "22"
    assert all(choice.isdigit() for choice in asked[0].choices), asked[0].choices


@pytest.mark.parametrize(
    "sentence",
    [
        "Lungu, 64, is yet to concede defeat after the count in Lusaka on Monday.",
        "The president, aged 64, is yet to concede defeat after the count in Lusaka.",
        "In a stunning run, the 64-year-old Lungu left his rivals behind in Lusaka.",
    ],
)
def test_wrong_ages_are_a_few_years_off(nlp, sentence):
    text = f"Count ends\n\n{sentence}\n"
    asked = [
        q
        for q in generate(text, nlp=nlp).questions
        if q.type == "multiple_choice" and q.answer.startswith("64")
    ]
    assert len(asked) == 1
    wrong = [float(c.split("-")[0]) for c in asked[0].choices if c != asked[0].answer]
    assert all(50 <= age <= 80 for age in wrong), asked[0].choices


def test_a_team_or_a_county_tagged_as_a_person_is_not_offered_or_cut_to_a_surname(nlp):
    text = "Adelaide United beat Sydney FC, and Roane and Henry Counties recorded a death each."
    names = ["Jon Hale", "Sydney FC", "Henry Counties", "Dana Moss", "Paul Risley"]
    people = [
        entity(number, PERSON, name, text + " " + " ".join(names))
        for number, name in enumerate(names, 1)
    ]
    context = place_index_context(text + " " + " ".join(names), nlp, people)
    assert entity_distractors(context, people[0], "_____ said so.") == ["Dana Moss", "Paul Risley"]


def test_wrong_names_are_written_as_the_answer_is():
    assert shaped_like("Biden", ["Bill Lee", "Shannon Beasley", "Macron"]) == [
        "Macron", "Lee", "Beasley",
    ]  # fmt: skip
    assert shaped_like("Bill Lee", ["Biden", "Shannon Beasley", "Anna Berg"]) == [
        "Shannon Beasley", "Anna Berg", "Biden",
    ]  # fmt: skip

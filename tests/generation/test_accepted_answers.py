"""A typed name is marked right in the short forms a reader would use, and in no wrong one."""

import pytest

from quizzes.generation import generate
from quizzes.generation.cleaning import clean
from quizzes.generation.entities import build_index
from quizzes.generation.parsing import parse
from quizzes.generation.questions.context import (
    Context,
    initials_with_numbers,
    spelling_variants,
)


def forms_in(text, nlp):
    parsed = parse(clean(text), nlp)
    context = Context(parsed, build_index(parsed), [])
    return lambda name: context.forms_of(context.index.find(name))


def test_it_accepts_a_surname_no_one_else_in_the_article_has(nlp):
    forms = forms_in("Talks chaired by George Mitchell ended on Friday in Belfast.", nlp)
    assert "Mitchell" in forms("George Mitchell")


def test_it_does_not_accept_a_surname_two_people_share(nlp):
    forms = forms_in(
        "Peter Berg, the coach, praised the team, and the striker Anna Berg scored twice.", nlp
    )
    assert "Berg" not in forms("Anna Berg")


def test_a_surname_keeps_its_particle(nlp):
    forms = forms_in("President F.W. de Klerk conceded defeat on Monday in Pretoria.", nlp)
    assert "de Klerk" in forms("F.W. de Klerk")


def test_a_chinese_given_name_is_not_taken_for_a_surname(nlp):
    forms = forms_in("The launch was watched by commander Li Jinai at the base.", nlp)
    assert "Jinai" not in forms("Li Jinai")


def test_only_a_korean_style_name_is_hyphenated():
    assert "Kim Jong-un" in spelling_variants("Kim Jong Un")
    assert spelling_variants("Juan Manuel Santos") == []
    assert spelling_variants("Richard A. Harris") == []
    assert spelling_variants("F.W. de Klerk") == []


def test_it_accepts_a_company_without_its_corporate_suffix(nlp):
    forms = forms_in("Shares of Google Inc. rose on Thursday in New York.", nlp)
    assert "Google" in forms("Google Inc.")


def test_it_accepts_the_shorter_name_the_article_also_uses(nlp):
    forms = forms_in(
        "Apple Computer Inc. unveiled the player on Tuesday. Apple said it would ship in November.",
        nlp,
    )
    assert "Apple" in forms("Apple Computer Inc.")


def test_it_accepts_an_abbreviation_the_article_writes(nlp):
    forms = forms_in(
        "The U.S. Food and Drug Administration approved the trial in January. The FDA said "
        "it would review the results.",
        nlp,
    )
    assert "FDA" in forms("U.S. Food and Drug Administration")


def test_it_accepts_a_bodys_initials_though_the_article_spells_the_name_out(nlp):
    forms = forms_in(
        "The World Health Organization said 5 million people lacked clean water, and the "
        "United Nations asked for $977 million in aid on Thursday.",
        nlp,
    )
    assert "WHO" in forms("World Health Organization")
    assert "UN" in forms("United Nations")


def test_it_makes_up_no_initials_for_a_company_a_club_or_a_contest(nlp):
    forms = forms_in(
        "Samsung Electronics unveiled the phone in London on Wednesday, a day after "
        "Real Madrid won the Champions League in Milan.",
        nlp,
    )
    accepted = [*forms("Samsung Electronics"), *forms("Real Madrid"), *forms("Champions League")]
    assert not {"SE", "RM", "CL"} & set(accepted)


def test_it_accepts_the_abbreviation_of_a_country(nlp):
    forms = forms_in("The Soviet Union announced the accident at Chernobyl on Monday.", nlp)
    assert "USSR" in forms("Soviet Union")


def test_a_date_whose_year_the_article_does_not_give_has_no_dated_form(nlp):
    article = generate(
        "Court rules on election\n\n"
        "The constitutional court will deliver its ruling on Sept. 16, judges said in Lilongwe.",
        nlp=nlp,
    )
    (cloze,) = [q for q in article.questions if q.type == "cloze" and q.answer == "Sept. 16"]
    assert "September 16" in cloze.accepted
    assert not [form for form in cloze.accepted if form[:1].isdigit()], cloze.accepted


def test_the_initials_of_a_name_keep_its_number():
    assert initials_with_numbers(["Group", "of", "20"]) == "G20"


def test_a_name_does_not_take_the_nationality_or_plural_role_before_it(nlp):
    text = (
        "Race report\n\nBehind them, Briton Dwain Chambers was sixth. "
        "Founders Sergey Brin and Larry Page opened trading on the Nasdaq.\n"
    )
    names = {entity.name for entity in build_index(parse(clean(text), nlp)).entities}
    assert {"Dwain Chambers", "Sergey Brin"} <= names
    assert not {"Briton Dwain Chambers", "Founders Sergey Brin"} & names


@pytest.mark.parametrize(("written", "accepted"), [("G-20", {"G20", "G-20"}), ("G20", {"G20"})])
def test_numbered_initials_are_accepted_as_the_article_writes_them(nlp, written, accepted):
    forms = forms_in(
        "President Trump and the other leaders of the Group of 20 agreed Saturday to a joint "
        f"statement. Later {written} leaders met.",
        nlp,
    )
    assert {form for form in forms("Group of 20") if form.startswith("G") and "of" not in form} == (
        accepted
    )


def test_a_university_is_accepted_in_either_order_and_by_its_town_when_written_so(nlp):
    forms = forms_in(
        "Scientists at Oxford University said on Monday that the Oxford vaccine works.", nlp
    )
    assert {"University of Oxford", "Oxford"} <= set(forms("Oxford University"))


def test_a_province_is_accepted_without_the_word_province(nlp):
    forms = forms_in("The rocket was launched from Gansu province in China on Wednesday.", nlp)
    assert "Gansu" in forms("Gansu province")

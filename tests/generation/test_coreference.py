"""A "he" or "she" is named only when the text supports the person; otherwise the sentence is
left out."""

from quizzes.generation import generate

GENDER_CONFLICT = (
    "Mayor loses race\n\n"
    "Mr Peter Quinlan lost the mayoral election in Riverton on Thursday after eight years in "
    "office.\n\n"
    "She also pledged to scrap the Cross-City Express, a bus line approved in November 2022.\n\n"
    "He said he had created 4,000 jobs in the city during his years as mayor."
)
NAMED_SUBJECT_NOT_A_PERSON = (
    "Aid pledged after the quake\n\n"
    "Interior Minister Farid Azimov told a news conference in the capital on Tuesday that the "
    "death toll was likely to rise.\n\n"
    "The European Union pledged five million euros in humanitarian aid on Wednesday morning.\n\n"
    "She said the money would pay for 3,500 tents and clean water for the worst-hit villages."
)
COMMON_NOUN_AT_START = (
    "Mayor wins race\n\n"
    "Naomi Fairbanks won the mayoral election in Riverton on Thursday with 41.2% of the vote.\n\n"
    "Turnout was 36%, up from 29% at the last mayoral election in May 2021.\n\n"
    '"People told us a Green could never win here," she said on Friday morning.'
)


def prompts(article):
    return [q.prompt for q in article.questions]


def test_it_does_not_name_a_man_for_she(nlp):
    article = generate(GENDER_CONFLICT, nlp=nlp)
    assert not [p for p in prompts(article) if "Quinlan also pledged" in p]


def test_it_still_names_the_man_for_he(nlp):
    article = generate(GENDER_CONFLICT, nlp=nlp)
    assert [p for p in prompts(article) if "Peter Quinlan said he had created" in p]


def test_it_does_not_skip_past_a_named_subject_that_is_not_a_person(nlp):
    article = generate(NAMED_SUBJECT_NOT_A_PERSON, nlp=nlp)
    assert not [p for p in prompts(article) if "Azimov said the money" in p]


def test_a_common_noun_opening_a_sentence_is_not_a_person_or_speaker(nlp):
    article = generate(COMMON_NOUN_AT_START, nlp=nlp)
    assert "Turnout" not in {q.answer for q in article.questions}
    assert "Turnout" not in {f.value["speaker"] for f in article.facts if f.kind == "quote"}


NAME_TAGGED_AS_A_NOUN = (
    "Riverton elects a new mayor\n\n"
    "Peter Quinlan lost the mayoral election in Riverton on Thursday after eight years as mayor, "
    "as Naomi Fairbanks won 41.2% of the vote.\n\n"
    "Fairbanks promised to build 5,000 affordable homes over four years.\n\n"
    "She also pledged to scrap the Cross-City Express, a bus line approved in November 2022.\n\n"
    "Supporters thanked Fairbanks at the count on Friday."
)


def test_a_name_opening_a_sentence_counts_as_the_nearest_subject(nlp):
    article = generate(NAME_TAGGED_AS_A_NOUN, nlp=nlp)
    assert not [p for p in prompts(article) if "Quinlan also pledged" in p]


UNKNOWN_GENDER_WITH_ANOTHER_PERSON_NEAR = (
    "Leaders agree a truce\n\n"
    "President Li Wenbo met Prime Minister Anton Reyes in Geneva on Saturday for three hours of "
    "talks on tariffs.\n\n"
    "Reyes said the talks had gone well, according to spokeswoman Clara Dunn.\n\n"
    "Li Wenbo agreed to buy farm goods worth $40 billion over two years.\n\n"
    "She also said that tariffs of 25 per cent due on January 1 would be put on hold."
)


def test_a_she_is_not_given_a_name_the_text_gives_no_gender_when_others_are_near(nlp):
    # The latest subject is Li Wenbo, whose gender the text never gives; "she" is more likely
    # the spokeswoman. Naming Li would put her words in his mouth.
    article = generate(UNKNOWN_GENDER_WITH_ANOTHER_PERSON_NEAR, nlp=nlp)
    assert not [p for p in prompts(article) if "Li Wenbo also said" in p]

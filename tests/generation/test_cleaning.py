import datetime as dt

import pytest

from quizzes.generation.cleaning import clean

BODY = "The minister said the new railway line would open to passengers next spring."


def test_it_drops_media_player_timestamps():
    cleaned = clean(f"{BODY}\n\n0:00 0:03:19 0:00\n")
    assert "0:00" not in cleaned.text


def test_it_drops_share_and_comment_controls():
    cleaned = clean(f"{BODY}\nShare this articleComments\nAdjust Comment Print\nFacebook Forum")
    assert cleaned.text == BODY


def test_it_splits_controls_glued_to_the_last_word_of_a_line():
    cleaned = clean(f"{BODY}\nA teaser headline about trade on his way to HanoiAccessibility links")
    assert "Accessibility" not in cleaned.text


def test_it_drops_player_messages():
    cleaned = clean(f"please wait\nNo media source currently available\n{BODY}")
    assert cleaned.text == BODY


def test_it_keeps_the_first_headline_as_title():
    cleaned = clean(f"Accessibility links\nBreaking News\nRailway to open next spring\n\n{BODY}")
    assert cleaned.title == "Railway to open next spring"


def test_it_takes_a_headline_ending_in_an_abbreviation_as_title():
    cleaned = clean(f"Leader to meet officials after talks with U.S.\n\n{BODY}")
    assert cleaned.title == "Leader to meet officials after talks with U.S."


def test_it_splits_glued_byline_names():
    cleaned = clean(f"A headline\nBy Luke HurstNaira Davlashyan\n{BODY}")
    assert cleaned.byline == "Luke Hurst, Naira Davlashyan"


def test_it_keeps_the_byline_out_of_the_text():
    cleaned = clean(f"A headline\nBy Jane Doe and John Roe\n{BODY}")
    assert "Jane" not in cleaned.text


def test_it_drops_read_more_links():
    cleaned = clean(f"{BODY}\nRead more: Another story about railways raises questions")
    assert "Another story" not in cleaned.text


def test_it_drops_the_list_after_you_might_also_like():
    related = "You might also like\nLeader greeted with bread and flowers.\nOfficials slam the plan"
    cleaned = clean(f"{BODY}\n{related}")
    assert cleaned.text == BODY


def test_it_drops_captions_repeated_with_a_credit():
    cleaned = clean(
        f"A headline\nTwo leaders shake hands\nTwo leaders shake hands Copyright REUTERS\n{BODY}"
    )
    assert "shake hands" not in cleaned.text


def test_it_drops_short_lines_printed_twice():
    caption = "Leaders meet in the port city of the far east."
    cleaned = clean(f"{caption}\n{BODY}\n{caption}")
    assert cleaned.text == BODY


def test_it_removes_ad_shortcodes():
    cleaned = clean(f"[ad_1]\n{BODY} [ad_2]")
    assert "[ad_" not in cleaned.text


def test_it_drops_question_subheadings():
    cleaned = clean(f"{BODY}\n\nWhat are the sanctions against the country?\n\n{BODY[:-1]} soon.")
    assert "What are the sanctions" not in cleaned.text


def test_it_drops_lines_that_are_not_sentences():
    cleaned = clean(f"{BODY}\nAdvertisement\nH. J. I./AFP\nA caption about the vaccine. Archive")
    assert cleaned.text == BODY


def test_it_strips_a_dateline_from_the_first_sentence():
    cleaned = clean(f"BUENOS AIRES - {BODY}")
    assert cleaned.text == BODY


def test_it_gives_offsets_of_each_paragraph():
    cleaned = clean(f"{BODY}\n\nA second paragraph says the trains will run every hour.")
    start, end = cleaned.paragraphs[1]
    assert cleaned.text[start:end] == "A second paragraph says the trains will run every hour."


def test_it_drops_cookie_consent_lines():
    cleaned = clean(f"We use cookies to personalise content and ads.\n\n{BODY}")
    assert "cookies" not in cleaned.text


def test_it_splits_a_byline_glued_to_the_headline():
    cleaned = clean(
        f"Shares Jump After Sales Beat ForecastsElena MarchettiMarkets Correspondent\n{BODY}"
    )
    assert cleaned.title == "Shares Jump After Sales Beat Forecasts"
    assert cleaned.byline == "Elena Marchetti, Markets Correspondent"


def test_it_leaves_a_time_stamp_out_of_the_byline():
    cleaned = clean(
        f"Quake hits the province\nBy Ana Serrano and Ahmed KarimiUpdated 09:15 GMT\n{BODY}"
    )
    assert cleaned.byline == "Ana Serrano, Ahmed Karimi"


# Two paragraphs hard-wrapped at 72 columns, the second starting on the line after the first
# ends, as mailed or preformatted text is.
WRAPPED = """The minister said the new railway line would open to passengers next
spring, two years later than planned, after engineers found that the old
viaduct over the river needed new foundations.
Trains will run every hour between the two cities, and the journey will
take forty minutes instead of the hour and a quarter it takes by road."""
FIRST = (
    "The minister said the new railway line would open to passengers next spring, two years"
    " later than planned, after engineers found that the old viaduct over the river needed new"
    " foundations."
)
SECOND = (
    "Trains will run every hour between the two cities, and the journey will take forty minutes"
    " instead of the hour and a quarter it takes by road."
)
# The same, with the first paragraph's last line so wide that "Trains" would not have fitted on
# it: only a blank line or an indent can tell that a paragraph ends there.
FILLED = WRAPPED.replace("needed new", "needed brand new steel and concrete")


def paragraphs_of(text: str) -> list[str]:
    cleaned = clean(text)
    return [cleaned.text[start:end] for start, end in cleaned.paragraphs]


def test_it_joins_lines_broken_inside_a_sentence():
    assert paragraphs_of(WRAPPED)[0] == FIRST


def test_it_ends_a_wrapped_paragraph_where_the_next_word_would_have_fitted():
    assert paragraphs_of(WRAPPED) == [FIRST, SECOND]


def test_it_ends_a_wrapped_paragraph_at_a_blank_line():
    assert paragraphs_of(FILLED.replace("\nTrains", "\n\nTrains"))[1] == SECOND


def test_it_ends_a_wrapped_paragraph_at_an_indented_line():
    assert paragraphs_of(FILLED.replace("\nTrains", "\n    Trains"))[1] == SECOND


def test_it_keeps_the_hyphen_of_a_compound_broken_after_it():
    text = WRAPPED.replace("hour and a quarter it takes by road.", "hour-\nlong drive by road.")
    assert "instead of the hour-long drive by road." in clean(text).text


def test_it_drops_furniture_lines_between_wrapped_paragraphs():
    text = WRAPPED.replace("\nTrains", "\n\nShare this article\nBy Jane Doe\nRead more\n\nTrains")
    assert paragraphs_of(text) == [FIRST, SECOND]


def test_it_does_not_join_lines_of_a_text_that_is_not_wrapped():
    # A caption with no full stop above a paragraph that starts with a lowercase brand name.
    paragraph = "iPhone owners can buy tickets in an app."
    assert paragraphs_of(f"New trains wait at the depot\n{paragraph}\n{BODY}")[0] == paragraph


def test_it_strips_a_dateline_with_a_region_and_an_agency():
    cleaned = clean(f"SPRINGFIELD, Ill. (AP) -- {BODY}")
    assert cleaned.text == BODY


def test_it_drops_a_caption_that_tells_what_a_picture_shows_in_the_present_tense():
    caption = "Kenya's Amos Kirui celebrates after winning the national 100m title yesterday."
    assert clean(f"{caption}\n\n{BODY}").text == BODY


def test_it_drops_a_caption_with_no_photo_credit_after_the_story():
    caption = "A boy waves a flag near the ruins of the old station in the harbour town."
    assert clean(f"{BODY}\n\n{caption}").text == BODY


@pytest.mark.parametrize(
    "lead",
    [
        "The Red Cross says the death toll from the floods could top 1,000 by the weekend.",
        "The official toll stands at 3,394 dead after the floods in the north last week.",
        "Myanmar believes at least 10,000 people died in the cyclone on Saturday night.",
    ],
)
def test_it_keeps_a_lead_in_the_present_tense_that_reports_rather_than_shows(lead):
    assert clean(f"{lead}\n\n{BODY}").text == f"{lead}\n\n{BODY}"


@pytest.mark.parametrize(
    "dateline",
    [
        "NEW YORK | ",
        "LILONGWE | Xinhua | ",
        "JIUQUAN, Gansu, Oct. 15, 2003 (Xinhuanet) -- ",
        "LOS ANGELES, Feb. 14 (UPI) -- ",
        "Moscow, April 28 -- ",
        "(Bloomberg) -- ",
        "BRASILIA, (Reuters) \u2013 ",
        "Padang, Indonesia - ",
    ],
)
def test_it_strips_a_dateline_with_bars_a_date_or_only_an_agency(dateline):
    assert clean(f"{dateline}{BODY}").text == BODY


def test_it_keeps_a_first_sentence_that_opens_with_a_name_and_a_comma():
    lead = "Moscow, the capital, said on Monday that the new railway line would open in spring."
    assert clean(lead).text == lead


def test_it_drops_a_published_stamp_that_ends_like_a_sentence_and_reads_its_date():
    cleaned = clean(f"Published: Tuesday, June 30, 2009 at 3:30 a.m.\n\n{BODY}")
    assert cleaned.text == BODY
    assert cleaned.published == dt.date(2009, 6, 30)


def test_it_reads_a_machine_date_stamp_as_the_publication_date_and_strips_it():
    cleaned = clean(f"date 2019-08-06 NAIROBI - {BODY}")
    assert cleaned.text == BODY
    assert cleaned.published == dt.date(2019, 8, 6)


@pytest.mark.parametrize(
    "caption",
    [
        "On hand at the opening are (from l) Dr. Ana Ruiz, Celera; and Dr. Ian Moss, director.",
        "A view shows nuclear power plants (top L to bottom right) in Brokdorf and Emsland.",
        "Ministers (left to right) Ana Ruiz, Ian Moss and Eva Lind sign the treaty in Oslo.",
        "Ministers Ana Ruiz and Ian Moss (L-R) sign the treaty in Oslo on Monday morning.",
    ],
)
def test_it_drops_a_caption_that_tells_where_people_stand_in_the_picture(caption):
    assert clean(f"{BODY}\n\n{caption}").text == BODY


def test_it_drops_a_caption_of_file_pictures():
    caption = "A combination of files pictures shows the plants that will close by 2022 at latest."
    assert clean(f"{BODY}\n\n{caption}").text == BODY


def test_it_drops_a_gallery_caption_that_opens_with_a_slide_counter():
    caption = "1 of 3. The new station at the harbour, which opened to passengers last spring."
    assert clean(f"{caption}\n\n{BODY}").text == BODY


@pytest.mark.parametrize(
    "credit", ["(University of Maryland School of Medicine via AP)", "(AP Photo/Evan Vucci)"]
)
def test_it_drops_a_caption_that_ends_with_a_picture_credit(credit):
    # Without the final stop the line would not read as a sentence and go anyway.
    caption = f"The new station at the harbour, which opened to passengers last spring {credit}."
    assert clean(f"{caption}\n\n{BODY}").text == BODY


def test_it_drops_a_short_paragraph_after_the_lede_that_ends_with_an_agency_credit():
    caption = "The new station at the harbour, which opened to passengers last spring (Reuters)."
    assert clean(f"{BODY}\n\n{caption}").text == BODY


def test_it_keeps_a_lede_that_ends_with_an_agency_credit():
    lede = "The new station at the harbour opened to passengers on Monday, officials said (AP)."
    assert clean(f"{lede}\n\n{BODY}").text == f"{lede}\n\n{BODY}"


def test_it_drops_a_caption_of_people_a_plural_noun_names():
    caption = (
        "Doctors hold a pig heart that was transplanted into a Maryland man in January. The man"
        " was doing well after surgeons and clinicians from the University of Maryland School of"
        " Medicine performed the first successful transplant of a pig heart, but he died Tuesday."
    )
    assert clean(f"{BODY}\n\n{caption}").text == BODY


def test_it_keeps_a_sentence_about_people_who_hold_a_majority():
    sentence = "Democrats hold a slim majority in the House, and the vote is due on Friday."
    assert clean(f"{BODY}\n\n{sentence}").text == f"{BODY}\n\n{sentence}"


def test_it_takes_no_date_alone_for_the_title_and_reads_it_as_the_publication_date():
    cleaned = clean(f"Thursday, 26 November 2009\n\nRailway to open next spring\n\n{BODY}")
    assert cleaned.title == "Railway to open next spring"
    assert cleaned.published == dt.date(2009, 11, 26)


@pytest.mark.parametrize(
    "notice", ["You will be redirected back to your article in seconds", "Front Page"]
)
def test_it_takes_no_page_notice_for_the_title(notice):
    cleaned = clean(f"{notice}\n\nRailway to open next spring\n\n{BODY}")
    assert cleaned.title == "Railway to open next spring"

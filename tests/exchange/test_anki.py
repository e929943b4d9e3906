"""Anki packages, opened with the library Anki itself is built on."""

import html
import re
import tempfile

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from quizzes.exchange.anki import deck_name, write_apkg
from tests.exchange.samples import one_of_each, question

WRITTEN_AT = 1_750_000_000.0


@pytest.fixture
def collection(tmp_path):
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def import_into(col, path) -> None:
    col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    )


def export_and_import(col, path, **kwargs):
    kwargs.setdefault("course_title", "Korea summit")
    kwargs.setdefault("decks", [("Kim meets Putin", list(one_of_each().values()))])
    write_apkg(path, timestamp=kwargs.pop("timestamp", WRITTEN_AT), **kwargs)
    import_into(col, path)


def notes(col) -> list:
    return [col.get_note(note_id) for note_id in col.find_notes("")]


def note_for(col, prompt_part: str):
    [note] = [note for note in notes(col) if prompt_part in note.fields[0]]
    return note


def seen(rendered: str) -> str:
    """What a reader sees of a rendered card side, without its style sheet."""
    return html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", rendered, flags=re.DOTALL))


def test_it_writes_one_note_per_question(collection, tmp_path):
    export_and_import(collection, tmp_path / "deck.apkg")
    assert collection.note_count() == 8


def test_it_returns_the_number_of_notes_written(tmp_path):
    decks = [("One", [question()]), ("Two", [question(pk=2), question(pk=3)])]
    assert write_apkg(tmp_path / "deck.apkg", course_title=None, decks=decks) == 3


def test_it_writes_a_cloze_as_an_anki_cloze_note(collection, tmp_path):
    export_and_import(collection, tmp_path / "deck.apkg")
    note = note_for(collection, "met Vladimir Putin in")
    assert note.note_type()["type"] == 1  # Anki's cloze kind
    assert note.fields[0] == "Kim Jong Un met Vladimir Putin in {{c1::Vladivostok}}."


def test_a_cloze_card_hides_the_answer_on_the_front_and_shows_it_on_the_back(collection, tmp_path):
    export_and_import(collection, tmp_path / "deck.apkg")
    [card] = note_for(collection, "met Vladimir Putin in").cards()
    assert "Vladivostok" not in seen(card.question())
    assert "Vladivostok" in seen(card.answer())


def test_braces_and_colons_in_a_cloze_answer_do_not_break_the_deletion(collection, tmp_path):
    tricky = question("cloze", prompt="The talks began at _____ {local}.", answer="10:30 }}")
    export_and_import(collection, tmp_path / "deck.apkg", decks=[("Talks", [tricky])])
    [card] = notes(collection)[0].cards()
    assert "10:30 }}" in seen(card.answer())
    assert "10:30" not in seen(card.question())


def test_it_files_each_article_deck_under_the_course(collection, tmp_path):
    decks = [("Kim meets Putin", [question()]), ("The Hanoi summit", [question(pk=2)])]
    export_and_import(collection, tmp_path / "deck.apkg", decks=decks)
    names = {deck.name for deck in collection.decks.all_names_and_ids()}
    assert {"Korea summit", "Korea summit::Kim meets Putin", "Korea summit::The Hanoi summit"} <= (
        names
    )


def test_it_names_the_deck_after_the_article_without_a_course(collection, tmp_path):
    export_and_import(collection, tmp_path / "deck.apkg", course_title=None)
    [card] = notes(collection)[0].cards()
    assert collection.decks.name(card.did) == "Kim meets Putin"


def test_it_keeps_a_double_colon_in_a_title_from_making_a_deck(collection, tmp_path):
    export_and_import(collection, tmp_path / "deck.apkg", decks=[("Kim::Putin", [question()])])
    [card] = notes(collection)[0].cards()
    assert collection.decks.name(card.did) == "Korea summit::Kim:Putin"


def test_a_run_of_colons_in_a_title_makes_no_deck_either():
    assert deck_name("Korea::::summit", "Kim:::Putin") == "Korea:summit::Kim:Putin"


def test_the_front_shows_the_prompt_and_the_options(collection, tmp_path):
    export_and_import(collection, tmp_path / "deck.apkg")
    [card] = note_for(collection, "Which city hosted").cards()
    front = seen(card.question())
    assert all(text in front for text in ["Which city hosted", "Moscow", "Vladivostok", "Hanoi"])


def test_the_front_of_a_matching_shows_both_columns(collection, tmp_path):
    export_and_import(collection, tmp_path / "deck.apkg")
    [card] = note_for(collection, "Match each leader").cards()
    front = seen(card.question())
    assert all(text in front for text in ["Kim Jong Un", "Vladimir Putin", "Russia", "North Korea"])


def test_the_back_shows_the_answer_variants_sentence_and_article(collection, tmp_path):
    export_and_import(collection, tmp_path / "deck.apkg")
    [card] = note_for(collection, "Where did Kim").cards()
    back = seen(card.answer())
    assert "Also accepted: Vladivostok, Russia" in back
    assert "Kim Jong Un met Vladimir Putin in Vladivostok on April 25, 2019." in back
    assert "Kim meets Putin" in back


def test_the_back_of_an_ordering_lists_the_items_in_order(collection, tmp_path):
    export_and_import(collection, tmp_path / "deck.apkg")
    [card] = note_for(collection, "Put these in order").cards()
    assert "<ol><li>Singapore summit</li><li>Hanoi summit</li><li>Vladivostok summit</li></ol>" in (
        card.answer()
    )


def test_it_escapes_html_in_every_field(collection, tmp_path):
    script = question(prompt="Was <script>alert(1)</script> & co there?", sentence="<b>Bold</b>")
    export_and_import(collection, tmp_path / "deck.apkg", decks=[("<i>Title</i>", [script])])
    [note] = notes(collection)
    assert note.fields[0].startswith(
        '<div class="prompt">Was &lt;script&gt;alert(1)&lt;/script&gt; &amp; co there?</div>'
    )
    assert note.fields[2:] == ["&lt;b&gt;Bold&lt;/b&gt;", "&lt;i&gt;Title&lt;/i&gt;"]


def test_importing_an_edited_question_again_updates_its_note(collection, tmp_path):
    export_and_import(collection, tmp_path / "first.apkg")
    edited = one_of_each()
    edited["short_answer"].prompt = "In which city did Kim Jong Un meet Vladimir Putin?"
    export_and_import(
        collection,
        tmp_path / "second.apkg",
        decks=[("Kim meets Putin", list(edited.values()))],
        timestamp=WRITTEN_AT + 60,
    )
    assert collection.note_count() == 8
    assert note_for(collection, "In which city did Kim")


def test_importing_again_adds_no_deck_or_note_type(collection, tmp_path):
    export_and_import(collection, tmp_path / "first.apkg")
    decks, note_types = (
        len(collection.decks.all_names_and_ids()),
        len(collection.models.all_names_and_ids()),
    )
    export_and_import(collection, tmp_path / "second.apkg", timestamp=WRITTEN_AT + 60)
    assert (
        len(collection.decks.all_names_and_ids()),
        len(collection.models.all_names_and_ids()),
    ) == (
        decks,
        note_types,
    )


def test_it_leaves_no_temporary_file_behind(tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    write_apkg(tmp_path / "deck.apkg", course_title=None, decks=[("One", [question()])])
    assert list(scratch.iterdir()) == []

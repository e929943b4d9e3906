"""Anki packages (.apkg) of questions, written with genanki.

One deck per article, named "Course::Article" so Anki files it under the course's deck (or just
"Article" without a course). Cloze questions become Anki cloze notes, the blank replaced by
`{{c1::answer}}`; every other type a note with a front (the prompt, the options, items or columns
to match, as the review page shows them) and a back (the answer, accepted variants, explanation).
The back of both kinds shows the source sentence and the article's title. All text is escaped.

Importing a newer export into Anki must update the cards already there, keeping their review
history, instead of adding copies. So nothing is random: a note's GUID comes from the question's
id, and the note types' and decks' ids from hashes of fixed strings and the deck names.
"""

import hashlib
import html
import itertools
import re
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path

import genanki

from quizzes.question_types import BLANK, answer_text, flashcard


def _stable_id(*parts: str) -> int:
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    # genanki advises ids between 2**30 and 2**31, clear of Anki's own.
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; color: black;
  background-color: white; max-width: 40em; margin: 0 auto; }
.nightMode.card { color: white; background-color: #222; }
.instruction, .accepted, .article { color: #666; font-size: 16px; }
.source { border-left: 3px solid #999; padding-left: 0.7em; font-style: italic; }
.cloze { font-weight: bold; color: blue; }
.nightMode .cloze { color: lightblue; }
table.matching td { padding: 0.2em 1.5em 0.2em 0; }
"""
_BACK = """{{#Source}}<blockquote class="source">{{Source}}</blockquote>{{/Source}}
<p class="article">{{Article}}</p>"""

BASIC_MODEL = genanki.Model(
    _stable_id("newsquiz", "basic note type"),
    "News Quiz",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}, {"name": "Article"}],
    templates=[
        {
            "name": "Card",
            "qfmt": "{{Front}}",
            "afmt": "{{FrontSide}}\n<hr id=answer>\n{{Back}}\n" + _BACK,
        }
    ],
    css=_CSS,
)
CLOZE_MODEL = genanki.Model(
    _stable_id("newsquiz", "cloze note type"),
    "News Quiz cloze",
    model_type=genanki.Model.CLOZE,
    fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "Source"}, {"name": "Article"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": "{{cloze:Text}}\n<hr id=answer>\n{{Back Extra}}\n" + _BACK,
        }
    ],
    css=_CSS,
)


def write_apkg(
    path,
    *,
    course_title: str | None,
    decks: list[tuple[str, list]],
    timestamp: float | None = None,
) -> int:
    """Write one deck per (article title, questions) to `path` (or a binary file); returns the
    number of notes. `timestamp` (seconds) is the notes' modification time, now by default: Anki
    updates a note on import only when the file's is newer."""
    anki_decks = []
    for article_title, questions in decks:
        name = deck_name(course_title, article_title)
        deck = genanki.Deck(_stable_id("newsquiz deck", name), name)
        for question in questions:
            deck.add_note(_note(question, article_title))
        anki_decks.append(deck)
    written_at = time.time() if timestamp is None else timestamp
    _write_package(genanki.Package(anki_decks), path, written_at)
    return sum(len(deck.notes) for deck in anki_decks)


def _write_package(package: genanki.Package, path, timestamp: float) -> None:
    # genanki's own write_to_file leaves its temporary database behind (made with mkstemp and
    # never removed): one file per export on a server. These are its steps, cleaned up after.
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            ids = itertools.count(int(timestamp * 1000))
            package.write_to_db(connection.cursor(), timestamp, ids)
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")


def deck_name(course_title: str | None, article_title: str) -> str:
    # "::" separates decks in Anki's names, so a title keeps a single colon instead.
    titles = [course_title, article_title] if course_title else [article_title]
    cleaned = [" ".join(re.sub(":{2,}", ":", title).split()) for title in titles]
    return "::".join(title or "Untitled" for title in cleaned)


def note_guid(question) -> str:
    pk = getattr(question, "pk", None)
    if pk is None:
        return genanki.guid_for("newsquiz", question.type, question.prompt)
    return genanki.guid_for("newsquiz", pk)


def _note(question, article_title: str) -> genanki.Note:
    card = flashcard(question)
    common = {
        "guid": note_guid(question),
        "tags": ["newsquiz", f"newsquiz::{question.type}"],
    }
    source, article = _html(question.sentence or ""), _html(article_title)
    if question.type == "cloze" and BLANK.search(question.prompt):
        text = _cloze_text(question.prompt, answer_text(question.answer))
        fields = [text, _answer_notes(card), source, article]
        return genanki.Note(model=CLOZE_MODEL, fields=fields, **common)
    fields = [_front(card), _back(card), source, article]
    return genanki.Note(model=BASIC_MODEL, fields=fields, **common)


def _front(card) -> str:
    parts = [f'<div class="prompt">{_html(card.prompt)}</div>']
    instruction = card.instruction
    if instruction:
        parts.append(f'<p class="instruction">{_html(instruction)}</p>')
    if card.left:
        rows = "".join(
            f"<tr><td>{_html(left or '')}</td><td>{_html(right or '')}</td></tr>"
            for left, right in itertools.zip_longest(card.left, card.right)
        )
        parts.append(f'<table class="matching">{rows}</table>')
    elif card.options:
        parts.append(_list(card.options, ordered=False))
    return "\n".join(parts)


def _back(card) -> str:
    if card.answer_items:
        answer = _list(card.answer_items, ordered=card.ordered)
    else:
        tolerance = f" (± {card.tolerance})" if card.tolerance else ""
        answer = f'<p class="answer"><b>{_html(card.answer + tolerance)}</b></p>'
    return "\n".join(filter(None, [answer, _answer_notes(card)]))


def _answer_notes(card) -> str:
    notes = []
    if card.also_accepted:
        accepted = ", ".join(card.also_accepted)
        notes.append(f'<p class="accepted">Also accepted: {_html(accepted)}</p>')
    if card.explanation:
        notes.append(f'<p class="explanation">{_html(card.explanation)}</p>')
    return "\n".join(notes)


def _cloze_text(prompt: str, answer: str) -> str:
    # Braces and colons in the text would open, close or split (with a hint) a cloze deletion,
    # so they go in as character references, which Anki shows as the characters.
    pieces = [_html(piece) for piece in BLANK.split(prompt)]
    deletion = "{{c1::" + _cloze_safe(_html(answer)) + "}}"
    return deletion.join(_cloze_safe(piece) for piece in pieces)


def _cloze_safe(text: str) -> str:
    return text.replace("{", "&#123;").replace("}", "&#125;").replace(":", "&#58;")


def _list(items: list[str], *, ordered: bool) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{_html(item)}</li>" for item in items) + f"</{tag}>"


def _html(text: str) -> str:
    return html.escape(str(text)).replace("\n", "<br>")

"""What reading and writing GIFT share: escapes, format markers, weights, our type marker."""

import html
import re

TYPE_MARKER = "newsquiz-type"
# Backslash first: it escapes the others.
SPECIAL = "\\~=#{}:"
FORMAT = re.compile(r"\[(html|moodle|plain|markdown)\]")
WEIGHT = re.compile(r"%(-?\d+(?:\.\d+)?)%")
# Only what a browser takes for a tag: "a < b" stays.
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<!--.*?-->", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li|h\d)\s*>", re.IGNORECASE)


def escape(text) -> str:
    # Moodle drops carriage returns; a line break is written as \n, so a question stays one block.
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    escaped = "".join(f"\\{char}" if char in SPECIAL else char for char in text)
    return escaped.replace("\n", "\\n")


def find(text: str, sub: str, start: int = 0) -> int:
    """The first unescaped `sub` at or after `start`, or -1."""
    return next((index for index in find_all(text, sub) if index >= start), -1)


def find_all(text: str, *subs: str) -> list[int]:
    """Where any of `subs` starts outside an escape (a backslash and the character after it)."""
    found, index = [], 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if any(text.startswith(sub, index) for sub in subs):
            found.append(index)
        index += 1
    return found


def text_format(raw: str, default: str) -> str:
    """The format a text's marker names, else the one it inherits: Moodle's default, or the
    question's for its answers and feedback."""
    found = FORMAT.match(raw.strip())
    return found[1] if found else default


def plain_text(raw: str, default_format: str = "moodle") -> str:
    """A GIFT text as plain text: its format marker dropped, escapes undone, and the HTML of the
    html and moodle formats (Moodle shows both as HTML) read as a browser shows it."""
    raw = raw.strip()
    found = FORMAT.match(raw)
    format_ = found[1] if found else default_format
    text = re.sub(r"\\(.)", _unescape_one, raw[found.end() :] if found else raw, flags=re.DOTALL)
    if format_ in ("html", "moodle"):
        if format_ == "html":
            text = text.replace("\n", " ")  # a line break in HTML source is a space
        text = html.unescape(_TAG.sub("", _BREAK.sub("\n", text)))
        text = "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())
    return text.strip()


def _unescape_one(match: re.Match) -> str:
    char = match[1]
    if char == "n":
        return "\n"
    # Moodle leaves a backslash before any other character as it is.
    return char if char in SPECIAL else match[0]

"""Read an uploaded file as article text: refuse binaries, guess the encoding, strip HTML."""

import re
from html.parser import HTMLParser

from .errors import GenerationError

SKIPPED_ELEMENTS = frozenset(
    {
        "script",
        "style",
        "nav",
        "footer",
        "aside",
        "noscript",
        "template",
        "svg",
        "iframe",
        "form",
        "button",
        "head",
        "select",
    }
)
BLOCK_ELEMENTS = frozenset(
    {
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "header",
        "main",
        "tr",
        "table",
        "blockquote",
        "figure",
        "figcaption",
        "hr",
        "pre",
        "dd",
        "dt",
        "dl",
        "address",
    }
)
VOID_ELEMENTS = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col"})
MIN_PRINTABLE_SHARE = 0.95
HTML_NAMES = (".html", ".htm", ".xhtml")


# Containers a page marks as furniture by their class or id: reader comments, sign-up boxes,
# share bars, related and most-read lists, author boxes. Their text is not the article's.
FURNITURE_NAME = re.compile(
    r"(?i)(?:^|[\s_-])(?:comments?|replies|newsletter|sign-?up|subscribe|share|social|related"
    r"|sidebar|most-?read|popular|recommended|promo|advert\w*|ads?|author-?bio|bio|cookies?"
    r"|breadcrumbs?)(?:$|[\s_-])"
)

# "Court rules against ... | Westshire Courier": the site's name after the page title.
SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]{1,40}$")
TITLE_ELEMENTS = ("title", "h1")


# <article class="post has-comments">: the story itself, whatever its class says.
TEXT_ROOTS = frozenset({"html", "body", "main", "article"})


def is_furniture(attrs: list[tuple[str, str | None]]) -> bool:
    names = " ".join(value or "" for name, value in attrs if name in ("class", "id"))
    return bool(names) and FURNITURE_NAME.search(names) is not None


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[list] = []  # [tag, how many of that tag are open inside it]
        self.titles: dict[str, str] = {}
        self.in_title: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in VOID_ELEMENTS:
            pass
        elif self.skipping and tag == self.skipping[-1][0]:
            self.skipping[-1][1] += 1
        elif tag in SKIPPED_ELEMENTS or (tag not in TEXT_ROOTS and is_furniture(attrs)):
            self.skipping.append([tag, 1])
        if tag in TITLE_ELEMENTS and tag not in self.titles:
            self.in_title = tag
            self.titles[tag] = ""
        if tag in BLOCK_ELEMENTS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_ELEMENTS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if self.skipping and tag == self.skipping[-1][0]:
            self.skipping[-1][1] -= 1
            if not self.skipping[-1][1]:
                self.skipping.pop()
        if tag == self.in_title:
            self.in_title = None
        if tag in BLOCK_ELEMENTS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self.in_title:
            self.titles[self.in_title] += data
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))

    @property
    def title(self) -> str:
        """The page's own headline: its first <h1>, else its <title> without the site name."""
        h1 = " ".join(self.titles.get("h1", "").split())
        if h1:
            return h1
        return SITE_SUFFIX.sub("", " ".join(self.titles.get("title", "").split()))


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = parser.title
    if not title or text.startswith(title):
        return text
    # The headline goes first, where the cleaner looks for a title, ahead of any banner or
    # menu the page shows above it.
    body = [line for line in text.split("\n\n") if line != title]
    return "\n\n".join([title, *body])


def printable_share(text: str) -> float:
    if not text:
        return 1.0
    printable = sum(char.isprintable() or char in "\n\r\t" for char in text)
    return printable / len(text)


def decode_upload(data: bytes) -> str:
    if not data:
        raise GenerationError("The file is empty.")
    if b"\x00" in data:
        raise GenerationError("The file looks binary, not text. Upload a .txt or .html article.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise GenerationError("The file's text encoding could not be read.") from error
    if printable_share(text) < MIN_PRINTABLE_SHARE:
        raise GenerationError("The file does not look like text. Upload a .txt or .html article.")
    return text


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def text_from_upload(data: bytes, filename: str) -> str:
    text = decode_upload(data)
    if filename.lower().endswith(HTML_NAMES) or looks_like_html(text):
        return html_to_text(text)
    return text

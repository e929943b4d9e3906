"""Rules that tell page furniture (share bars, players, captions, link lists) from article text.

They look at the shape of a line and at a small vocabulary of user-interface words, never at
the wording of any particular site's lines, so they carry over to pages nobody has seen.
"""

import re

# Words that make up share bars, menus, players and similar controls. A line made only of
# them is a control, whatever the site: "Share this article", "Adjust Comment Print".
UI_WORDS = frozenset(
    [
        "share",
        "this",
        "article",
        "comments",
        "comment",
        "close",
        "button",
        "print",
        "email",
        "e-mail",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "linkedin",
        "reddit",
        "pinterest",
        "telegram",
        "messenger",
        "forum",
        "adjust",
        "font",
        "size",
        "text",
        "copy",
        "link",
        "links",
        "accessibility",
        "skip",
        "to",
        "content",
        "main",
        "menu",
        "navigation",
        "search",
        "subscribe",
        "newsletter",
        "sign",
        "in",
        "up",
        "log",
        "login",
        "logout",
        "follow",
        "us",
        "on",
        "advertisement",
        "advertisements",
        "ad",
        "ads",
        "sponsored",
        "archive",
        "breaking",
        "news",
        "live",
        "watch",
        "video",
        "videos",
        "audio",
        "listen",
        "play",
        "pause",
        "loading",
        "please",
        "wait",
        "next",
        "previous",
        "back",
        "top",
        "home",
        "front",
        "page",
        "more",
        "related",
        "tweet",
        "save",
        "bookmark",
        "photo",
        "photos",
        "gallery",
        "image",
        "images",
        "credit",
        "cookie",
        "cookies",
        "accept",
        "reply",
        "replies",
        "view",
        "hide",
        "show",
        "all",
        "read",
        "later",
        "expand",
        "collapse",
        "caption",
        "pinned",
        "now",
        "and",
        "the",
        "our",
        "your",
        "of",
        "for",
        "source",
        "sources",
        "enlarge",
        "open",
        "mute",
        "unmute",
        "embed",
    ]
)

UI_PHRASES = re.compile(
    r"""^(?:
        no\ media\ source\ currently\ available
        | (?:this\ )?(?:video|audio|content|media)\ (?:is\ )?(?:not\ available|unavailable).*
        | (?:javascript|cookies?)\ (?:is|are|must\ be)\ (?:disabled|required|enabled).*
        | all\ rights\ reserved.*
        | (?:copyright|©).*
        | click\ here.*
        | (?:you\ will\ be\ |you\ are\ being\ )?redirect(?:ed|ing)\b.*
        | (?:sign\ up|subscribe)\ (?:for|to)\ .*
        | .{0,40}\ comments?\ (?:are\ )?closed.*
        | (?:we|we\ and\ our\ partners|this\ (?:web)?site|our\ (?:web)?site)
          \ (?:use|uses|are\ using)\ cookies\b.*
        | cookie\ (?:settings|preferences|policy|consent|notice)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# A heading that introduces a list of links to other stories: everything after it until the
# next real paragraph belongs to the list.
RELATED_HEADING = re.compile(
    r"""^(?:you\ (?:may|might)\ also\ (?:like|be\ interested\ in)
        | related(?:\ (?:articles?|stories|news|coverage|content|topics|links))?
        | recommended(?:\ for\ you|\ stories)?
        | more\ (?:from|on|stories|news|in|like\ this)\b.*
        | most\ (?:read|popular|viewed|shared)
        | (?:also|further)\ read(?:ing)? | see\ also | read\ (?:more|next|also)
        | trending(?:\ now)? | latest\ (?:news|stories|videos)
        | (?:top|editor'?s)\ (?:stories|picks)
    )\s*:?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# One link to another story, introduced inline: "Read more: Trump's reversal on ...".
RELATED_LINK = re.compile(
    r"^(?:read\ (?:more|also|next)|more\ news|also\ read|see\ also|related(?:\ article|\ story)?"
    r"|recommended|watch|listen|(?:more|latest)\ on\ [^:]{1,30})\s*:",
    re.IGNORECASE | re.VERBOSE,
)

# Where someone stands in a picture: "(L)", "(second right)", "(from l)", "(left to right)",
# "(top L to bottom right)", "(L-R)".
PLACE_IN_PICTURE = (
    r"(?:(?:far|second|third|top|bottom|front|back|centre|center)\ )?"
    r"(?:left|right|centre|center|top|bottom|front|back|l|r|c)"
)
CAPTION_MARKERS = re.compile(
    rf"""\b(?:copyright|photo(?:graph)?:|image:|picture:|getty\ images|pictured
        | files?\ (?:photo|picture|image)s?
        | in\ this\ (?:[\w.,-]+\ ){{0,4}}(?:photo|picture|image|handout)s?)\b|©
      | \((?:(?:clockwise\ )?from\ )?{PLACE_IN_PICTURE}(?:(?:\ to\ |\ ?-\ ?){PLACE_IN_PICTURE})?\)
      | ^\d{{1,2}}\ of\ \d{{1,2}}(?:\.|\s*$)""",
    re.IGNORECASE | re.VERBOSE,
)

# "(University of Maryland School of Medicine via AP)", "(AP Photo/Evan Vucci)": a picture's
# credit closes its caption.
PICTURE_CREDIT_END = re.compile(
    r"\((?:[^()]{1,80}\ via\ [^()]{1,40}"
    r"|[^()]{0,30}\bphoto(?:graph)?s?\ ?(?:/|:|by\b)[^()]{1,60})\)\s*\.?$",
    re.IGNORECASE | re.VERBOSE,
)
# "... at the scene on Monday (Reuters).": an agency alone may also credit the story, which it
# does at the top, so only after the lede does it close a caption.
AGENCY_CREDIT_END = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|Getty\ Images|Xinhua|PA|dpa|Bloomberg|TASS|Anadolu)(?:\ Photo)?\)"
    r"\s*\.?$",
    re.VERBOSE,
)
MAX_CREDITED_CAPTION_WORDS = 80

# A line that ends on a picture credit ("H. J. I./AFP", "... trial results. Archive").
PHOTO_CREDIT_END = re.compile(
    r"(?:^|[\s/.|])(?:AFP|Reuters|REUTERS|AP|EPA|Getty(?:\ Images)?|Xinhua|Archive|File"
    r"|Photo|Shutterstock|Anadolu|Bloomberg|PA|dpa|TASS|Sputnik)\s*$",
    re.VERBOSE,
)

SHORTCODE = re.compile(r"\[/?(?:ad|ads|adsense|advert)?_?\w*_\w*\]|\[/?ad\d*\]", re.IGNORECASE)

WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")

# Where two words were glued when the page was flattened: "HanoiAccessibility", "articleComments".
GLUE_POINT = re.compile(r"(?<=[a-z.!?”\"])(?=[A-Z])")


def words_of(line: str) -> list[str]:
    return WORD.findall(line)


def is_ui_line(line: str) -> bool:
    stripped = line.strip(" .:|•·-\u2013\u2014")
    if not stripped:
        return False
    if UI_PHRASES.match(stripped):
        return True
    words = [word.lower() for word in words_of(stripped)]
    return 0 < len(words) <= 8 and all(word in UI_WORDS for word in words)


def split_glued_controls(line: str) -> list[str]:
    """Split a line where page controls were glued onto text without a space."""
    for match in GLUE_POINT.finditer(line):
        left, right = line[: match.start()], line[match.start() :]
        if is_ui_line(right) or is_ui_line(left):
            return [*split_glued_controls(left), *split_glued_controls(right)]
    return [line]


def has_no_letters(line: str) -> bool:
    # Media-player timestamps ("0:00 0:03:19 0:00"), dividers and bare numbers.
    return not any(char.isalpha() for char in line)


# A caption tells what a picture shows, in the present tense of a verb photographs are about:
# "Jamaica's Usain Bolt does his trademark celebration ...", "A girl cries in the arms of
# ...". Reports use the past ("Bolt won") or a verb of saying or thinking ("Myanmar
# believes"), and verbs news also uses in the present ("stands at", "holds", "runs") are left
# out. The subject is a short name or noun phrase, not a pronoun, and the line one or two
# sentences long.
CAPTION_SENTENCE = re.compile(
    r"""^(?!(?:He|She|It|They|This|That|There|These|Those|We|I)\b)
        [A-Z][\w'\u2019.-]*(?:\ [\w'\u2019.-]+){0,5}?
        \ (?:arrives|celebrates|cries|weeps|gestures|greets|hugs|embraces|kisses|kneels
        |mourns|poses|prays|reacts|smiles|waves|walks|speaks|attends
        |does\ (?:his|her|their|a|an)|looks\ on|lies\ in)\b""",
    re.VERBOSE,
)
# "Doctors hold a pig heart ...", "Rescue workers carry a survivor ...": people named by a plural
# noun, not by name, doing what a photograph shows. Holding a majority, talks or a meeting is news.
PLURAL_CAPTION_SENTENCE = re.compile(
    r"""^[A-Z][a-z]+(?:\ [a-z]+){0,2}(?:s|men|people|children|police|staff)
        \ (?:carry|gesture|hug|embrace|kneel|mourn|pose|pray|react|wave|look\ on|queue
        |hold\ (?!(?:\w+\ ){0,2}(?:majority|talks|meeting|lead|stake|seats?|rally|vote|referendum
        |elections?|hearings?|sessions?|summit|conference|record|power|office|shares?|views?)\b)
        (?:up|aloft|an?|the|their|placards|signs|banners|flags|candles|portraits|photographs))\b""",
    re.VERBOSE,
)
# A caption's second sentence often tells the story behind the picture, at some length.
MAX_CAPTION_WORDS = 60


def reads_as_caption(line: str) -> bool:
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", line.strip())
    return (
        len(sentences) <= 2
        and len(words_of(line)) <= MAX_CAPTION_WORDS
        and bool(
            CAPTION_SENTENCE.match(sentences[0]) or PLURAL_CAPTION_SENTENCE.match(sentences[0])
        )
    )


def is_caption(line: str) -> bool:
    return bool(
        CAPTION_MARKERS.search(line)
        or PHOTO_CREDIT_END.search(line)
        or reads_as_caption(line)
        or ends_with_picture_credit(line)
    )


def ends_with_picture_credit(line: str) -> bool:
    return (
        bool(PICTURE_CREDIT_END.search(line)) and len(words_of(line)) <= MAX_CREDITED_CAPTION_WORDS
    )


def ends_with_agency_credit(line: str) -> bool:
    return (
        bool(AGENCY_CREDIT_END.search(line)) and len(words_of(line)) <= MAX_CREDITED_CAPTION_WORDS
    )


def is_related_heading(line: str) -> bool:
    return bool(RELATED_HEADING.match(line.strip()))


def is_related_link(line: str) -> bool:
    return bool(RELATED_LINK.match(line.strip()))


def remove_shortcodes(text: str) -> str:
    return SHORTCODE.sub(" ", text)

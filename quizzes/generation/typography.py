"""Slips in the source's typing that a question must not copy: a stand-in for the apostrophe, a
space left out after a comma, a doubled full stop, brackets left behind by a removed link, and a
lead typed in capitals.

Where the fix can keep the text's length it does (one character for another), so the offsets
of everything after it stay as they were; a space left out or a stray bracket cannot be fixed
that way.
"""

import re

# "Britain\u00b4s", "\u00b4s-Hertogenbosch": a spacing acute accent (U+00B4) is never part of an
# English word, only a key pressed for the apostrophe. A prime (U+2032) or a backtick is one
# inside a word ("didn`t") or in "1991\u2032s"; "5\u2032 11" and "30\u2032S" are feet and minutes.
ACUTE, PRIME = "\u00b4", "\u2032"
APOSTROPHE_STAND_INS = re.compile(
    rf"{ACUTE}(?=[^\W\d_])|(?<=[^\W_]){ACUTE}"
    rf"|(?<=[^\W\d_])[{PRIME}`](?=[^\W\d_])|(?<=\d){PRIME}(?=s\b)"
)
# "spacecraft,the" and "fiscal.The": the space after a comma or a full stop between two words
# was lost. Numbers ("1,000", "2.5"), initials ("U.S.") and web names ("Amazon.com", lower case
# after the stop) do not have that shape.
COMMA_WITHOUT_SPACE = re.compile(r"(?<=[^\W\d_]{2}),(?=[^\W\d_]{2})")
STOP_WITHOUT_SPACE = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
# "Corp.." and "said.." : a full stop typed twice, not an ellipsis.
DOUBLED_STOP = re.compile(r"(?<![.\s])\.\.(?!\.)")
# "GenBank (, maintained by ..." and "the site ()": a link was taken out of its brackets.
EMPTIED_BRACKETS = re.compile(r"\s*\(\s*\)|\s*\(\s*(?=[,;.])")


def fix_slips(line: str) -> str:
    line = APOSTROPHE_STAND_INS.sub("\u2019", line)
    line = COMMA_WITHOUT_SPACE.sub(", ", line)
    line = STOP_WITHOUT_SPACE.sub(". ", line)
    line = DOUBLED_STOP.sub(".", line)
    return EMPTIED_BRACKETS.sub("", line)


# "THE RESERVE BANK OF INDIA on Wednesday raised ...": wire services type the first words of a
# story in capitals. Three such words or more open the paragraph, and lower case follows (a line
# all in capitals is a heading, dropped elsewhere).
CAPITAL_WORD = r"[A-Z][A-Z0-9'\u2019&.-]*"
CAPITAL_LEAD = re.compile(rf"^(?:{CAPITAL_WORD}[ ,]+){{2,}}{CAPITAL_WORD}\b(?=.*[a-z])")
SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with".split()  # noqa: SIM905
)
VOWELS = frozenset("AEIOUY")
# A capital after these is the sentence's, and tells nothing about how the word is written.
SENTENCE_START = re.compile(r"(?:^|[.!?:\"“]\s*)$")
CAPITALS_BEFORE = re.compile(rf"(?<![\w'\u2019]){CAPITAL_WORD}[ ,]+$")
CAPITALS_AFTER = re.compile(rf"^[ ,]+{CAPITAL_WORD}(?![\w'\u2019])")


def whole_words(phrase: str, text: str):
    pattern = r"\s+".join(re.escape(word) for word in phrase.split())
    return re.finditer(rf"(?<![\w'\u2019]){pattern}(?![\w'\u2019])", text, re.IGNORECASE)


def capitalised(word: str) -> str:
    # "COCA-COLA" -> "Coca-Cola", "WORLD'S" -> "World's" (str.title would give "World'S").
    return re.sub(r"(?<![\w'\u2019])([^\W\d_])([\w'\u2019]*)", lambda m: m[1] + m[2].lower(), word)


def unseen_case(word: str) -> str:
    # "US", "EU" and "BBC" read as initials; a longer word with a vowel reads as a word.
    letters = {char for char in word if char.isalpha()}
    if word.lower() in SMALL_WORDS:
        return word.lower()
    if len(word) <= 2 or not VOWELS & letters:
        return word
    return capitalised(word)


def typed_case(word: str, text: str) -> str:
    """How the article writes the word elsewhere: "RBI" stays in capitals, "BANK" becomes
    "Bank" when the text writes "Bank" inside a sentence, "bank" when it writes only "bank"."""
    capitals = title = lower = 0
    for match in whole_words(word, text):
        before = text[max(0, match.start() - 30) : match.start()]
        if match.group().isupper():
            # The word in a run of capitals (this one, or a heading) tells nothing.
            after = text[match.end() : match.end() + 30]
            capitals += not (CAPITALS_BEFORE.search(before) or CAPITALS_AFTER.search(after))
        elif match.group().islower():
            lower += 1
        elif not SENTENCE_START.search(before):
            title += 1
    if capitals and capitals >= title + lower:
        return word
    if title and title >= lower:
        return capitalised(word)
    return word.lower() if lower else unseen_case(word)


def phrase_cases(words: list[str], text: str) -> list[str | None]:
    """The words as the article writes a run of them elsewhere: "the Reserve Bank of India"
    tells how "RESERVE BANK OF INDIA" is written better than each word on its own would."""
    cases: list[str | None] = [None] * len(words)
    for size in range(len(words), 1, -1):
        for first in range(len(words) - size + 1):
            if any(cases[first : first + size]):
                continue
            for match in whole_words(" ".join(words[first : first + size]), text):
                written = match.group().split()
                if not match.group().isupper() and len(written) == size:
                    cases[first : first + size] = written
                    break
    return cases


def soften_capital_lead(paragraph: str, text: str) -> str:
    """The paragraph with a lead in capitals written as the article (`text`) writes those words
    elsewhere, or else in title case with initials kept; character for character."""
    match = CAPITAL_LEAD.match(paragraph)
    if not match:
        return paragraph
    lead = match.group()
    words = re.findall(r"[^\s,]+", lead)
    cases = phrase_cases(words, text)
    recased = []
    for position, (word, case) in enumerate(zip(words, cases, strict=True)):
        new = case or typed_case(word, text)
        if position == 0:
            new = new[:1].upper() + new[1:]
        elif word.lower() in SMALL_WORDS:
            new = word.lower()  # "the" found at the start of a sentence elsewhere
        recased.append(new if len(new) == len(word) else word)
    replacements = iter(recased)
    return re.sub(r"[^\s,]+", lambda _: next(replacements), lead) + paragraph[len(lead) :]

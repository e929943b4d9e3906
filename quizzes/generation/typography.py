"""Slips in the source's typing that a question must not copy: a stand-in for the apostrophe, a
space left out after a comma, a doubled full stop, brackets left behind by a removed link.

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

"""Turn a source sentence into a prompt that stands on its own."""

import re

from ..entities import PERSON
from .context import POINTING_PRONOUNS, Context

BLANK = "_____"
RESOLVABLE_PRONOUN = re.compile(r"^(?P<quote>[\"“]?\s*)(?P<pronoun>He|She)\b")
CONTRACTED = re.compile(r"['\u2019][a-z]")
UNRESOLVED_START = re.compile(
    r"^[\"“]?\s*(?:They|Them|It|Its|This|These|Those|His|Her|Hers|Their|Such|That|There is another"
    r"|Both|Neither|Either|One|Another|He|She|Him|So|And|But|Yet|That['\u2019]s|Which|Then|Also"
    r"|The (?:pair|duo|trio|couple|two|three))\b"
)
# "The company also raised its forecast", "The Waterloo, Ontario, company reported", "The
# Tokyo-based carmaker": the story's own company, when the headline names it.
CAPITALISED_WORDS = r"[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*)*"
THE_COMPANY = re.compile(
    rf"^(?P<quote>[\"“]?\s*)[Tt]he (?:{CAPITALISED_WORDS}(?:, {CAPITALISED_WORDS},?)?(?:-based)? )?"
    r"(?P<noun>(?i:company|firm|group|bank|lender|airline|carrier|carmaker|automaker|retailer"
    r"|insurer|chipmaker|manufacturer))\b(?! of [A-Z\d]| [A-Z])"  # not "The Bank of Canada"
)
# Which names each word may stand for: any company for "the company", a bank for "the bank".
NAME_FITS = {"bank": re.compile(r"\bBank\b"), "lender": re.compile(r"\bBank\b"),
             "airline": re.compile(r"\bAir"), "carrier": re.compile(r"\bAir")}  # fmt: skip


def comma_before_its_verb(context: Context, start: int, noun: str) -> bool:
    """Is the sentence's "company" followed by a comma and then the sentence's main verb? Such
    a comma between a subject and its verb is a slip ("company, founded in 1984, reported"
    sets an aside off, and "founded" is not the main verb)."""
    span = context.parsed.sentence_at(start).span
    for token in span[:MAX_SUBJECT_TOKENS]:
        if token.lower_ == noun.lower() and token.i + 2 < span.end:
            comma, verb = token.doc[token.i + 1], token.doc[token.i + 2]
            if verb.dep_ == "advmod" and verb.i + 1 < span.end:  # "company, also raised"
                verb = token.doc[verb.i + 1]
            return comma.text == "," and verb.dep_ == "ROOT"
    return False


MAX_SUBJECT_TOKENS = 12


def company_meant(context: Context, noun: str) -> str | None:
    organisation = context.title_organisation
    if organisation is None:
        return None
    fits = NAME_FITS.get(noun.lower())
    if fits is not None and not fits.search(organisation.name):
        return None
    # "The Bank of Canada", as the article writes it, but "Toyota".
    named = re.findall(rf"(\b[Tt]he )?{re.escape(organisation.name)}\b", context.text)
    with_the = sum(bool(article) for article in named)
    return f"The {organisation.name}" if with_the * 2 > len(named) else organisation.name


# "..., he explained, ..." and "Eventually, he predicted, ...": the speaker is the one to name.
ATTRIBUTION_PRONOUN = re.compile(
    r"(?<=[,;] )(?P<pronoun>he|she)(?= (?:said|says|explained|added|noted|argued|predicted"
    r"|believes|thinks|warned|stressed|told)\b)"
)
# "Trump had threatened to do that", "Roughly 70% of those were rural", "The last quake
# there": the sentence leans on one the prompt does not carry. A "there" that introduces a
# verb ("there were 40 aftershocks") points nowhere and is fine.
LEANS_ON_CONTEXT = re.compile(
    r"\b(?:do|does|did|doing|done) (?:that|this|so)\b"
    r"|\b(?:of|about|after|despite|like|before) (?:that|this)(?=\s*[,.;:!?)]|$)"
    r"|\bon this day\b"
    r"|\b(?:of|among) (?:those|these)(?=\s*[,.;:!?)]|\s+(?:were|was|are|is|had|have|has|will"
    r"|would|could|can|may|might|did|do)\b)"
    r"|\bthere\b(?!\s+(?:(?:still|also|now|already|then|often|never|always|currently)\s+)?"
    r"(?:is|are|was|were|will|would|could|should|might|may|must|can|has|have|had|seems?"
    r"|appears?|remains?|exists?|be|been|being|to be|'s|\u2019s)\b)",
    re.I,
)
# "We will judge it ..." opens a sentence with a capital; "US" in capitals is a country.
FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Oo]ur|[Uu]s|I'm|[Ww]e're)\b|\bI['\u2019]")
MAX_WORDS = 55
MIN_WORDS = 6
# "Apple Computer Inc.." where a name that ends in a stop takes the place of one that did not.
DOUBLED_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
# "... record books Monday night:" introduced a list the prompt leaves out.
OPEN_END = re.compile(r"\s*[,;:]$")
CLOSING_QUOTES = "\"\u201d\u2019'"
# "the U.S." and "Data Corp." keep their stop before a question mark.
ABBREVIATION_END = re.compile(r"\b(?:(?:[A-Z]\.){2,}|(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros|St)\.)$")


def balance_quotes(text: str) -> str:
    """Drop quotation marks a sentence split left unpaired: `“Moreover, it will be ...`."""
    curly_open, curly_close = text.count("“"), text.count("”")
    straight = text.count('"')
    if curly_open == curly_close and straight % 2 == 0:
        return text
    text = text.strip()
    if text[:1] in '“"' and (curly_open > curly_close or straight % 2):
        text = text[1:]
    if text[-1:] in '“"”' and (text.count("“") != text.count("”") or text.count('"') % 2):
        text = text[:-1].rstrip()
    if text.count("“") != text.count("”") or text.count('"') % 2:
        text = re.sub(r"[“”\"]", "", text)
    return text.strip()


def tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:?!])", r"\1", text)
    text = OPEN_END.sub("", DOUBLED_STOP.sub(".", text))
    if text and text[-1] not in ".?!\"”\u2019'":
        text += "."
    return text


def pronoun_subject_inside(
    context: Context, start: int, replacements: list[tuple[int, int, str]]
) -> bool:
    """Is the main clause's subject a pronoun after an opening phrase ("Starting in the summer,
    it will collect 30 samples", "In nine months, she has gone from ...")? Nothing in the
    prompt says whom it means (raters refused 41 of 57 such questions); a leading one is dealt
    with by name or not at all (RESOLVABLE_PRONOUN, UNRESOLVED_START)."""
    offset = context.parsed.sentence_at(start).offset
    for token in context.main_subjects(start):
        position = offset + token.idx
        word = token.lower_
        if position <= start or word not in POINTING_PRONOUNS:
            continue
        if any(s <= position < e for s, e, _new in replacements):
            return False
        # "When 'Salvator Mundi' reappeared ..., it was dismissed", "Two weeks after Norma
        # Hill invested ..., she came": the sentence names whom it means before it.
        named = [entity for _s, _e, entity in context.index.mentions_between(start, position)]
        people = word in ("he", "she")
        return not any((entity.kind == PERSON) == people for entity in named) and not (
            not people and QUOTED_TITLE.search(context.text, start, position)
        )
    return False


QUOTED_TITLE = re.compile(r"[“\"][A-Z][^”\"]{1,60}[”\"]")


def sentence_prompt(
    context: Context,
    start: int,
    end: int,
    replacements: list[tuple[int, int, str]] = (),
) -> str | None:
    """The sentence at [start:end] with replacements applied (absolute offsets), its leading
    pronoun resolved and its quotation marks balanced; None when it cannot stand alone."""
    text = context.text[start:end]
    for rep_start, rep_end, new in sorted(replacements, reverse=True):
        text = text[: rep_start - start] + new + text[rep_end - start :]
    # Stray marks left by a sentence split ("” He said ...") would hide a leading pronoun.
    text = text.lstrip(" \n\u201d\u2019,;:.?!-\u2013\u2014")
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or text[:1].islower():
        return None
    if UNRESOLVED_START.match(text) and not RESOLVABLE_PRONOUN.match(text):
        return None
    if FIRST_PERSON.search(text):
        return None  # "we", "our", "I": someone's own words, not a fact a reader can check
    if LEANS_ON_CONTEXT.search(text):
        return None
    if pronoun_subject_inside(context, start, replacements):
        return None
    speaker = context.speaker_of_quote_covering(start, end)
    if speaker is not None:
        # A sentence that is all quotation is an opinion: say whose, or leave it out.
        if not speaker:
            return None
        text = balance_quotes(re.sub(r"^[\"“]|[\"”]$", "", text.strip()))
        first_word = text.split()[0]
        if not first_word.isupper() and not context.index.find(first_word.strip(",")):
            text = text[:1].lower() + text[1:]
        text = f"According to {speaker}, {text}"
    attribution = ATTRIBUTION_PRONOUN.search(text)
    if attribution:
        person = context.person_before(start, attribution.group("pronoun"))
        if person is None:
            return None
        text = ATTRIBUTION_PRONOUN.sub(person.name, text)
    company = THE_COMPANY.match(text)
    if company and (name := company_meant(context, company.group("noun"))):
        rest = text[company.end() :]
        if rest.startswith(",") and comma_before_its_verb(context, start, company.group("noun")):
            rest = rest[1:]  # "The Waterloo, Ontario, company, reported" was a slip
        text = company.group("quote") + name + rest
    match = RESOLVABLE_PRONOUN.match(text)
    if match:
        person = context.person_before(start, match.group("pronoun"))
        if person is None or CONTRACTED.match(text, match.end()):
            return None  # "He'd come" would read "David Bennett'd come"
        text = match.group("quote") + person.name + text[match.end() :]
    text = tidy(balance_quotes(text))
    if UNRESOLVED_START.match(text):
        return None  # balancing the quotes uncovered a pronoun nobody resolved
    return text


THIRD_PERSON = {"have": "has", "are": "is", "were": "was", "do": "does"}


def third_person(verb: str) -> str:
    """ "hold" -> "holds": the verb a singular "which place" takes for a plural subject."""
    if verb in THIRD_PERSON:
        return THIRD_PERSON[verb]
    if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def question_from_statement(
    statement: str, subject_start: int, subject_end: int, wh: str, *, plural_verb: str = ""
) -> str:
    """Replace the subject of a statement with a wh-word: "Putin told ..." -> "Who told ...?";
    plural_verb is a verb that agreed with a plural subject and must now agree with "which"."""
    rest = statement[subject_end:].strip().lstrip(", ")  # after "X, which runs the awards,"
    if plural_verb:
        rest = re.sub(rf"\b{re.escape(plural_verb)}\b", third_person(plural_verb), rest, count=1)
    rest = re.sub(
        r",\s*(?:the\s+)?[\w\s\u2019'-]{1,60}\s+(?:said|reported|says|added|has confirmed"
        r"|confirmed|told \w+)\.?$",
        "",
        rest,
    )
    return as_question(f"{wh} {rest}")


def as_question(text: str) -> str:
    """The text ended by a question mark. A full stop at the end goes, inside a closing quotation
    mark too: "... from "Need You Now."" asks "... from "Need You Now"?". A quotation that asks
    or exclaims ends the question itself."""
    text = text.rstrip()
    body = text.rstrip(CLOSING_QUOTES)
    quotes = text[len(body) :]
    if body.endswith("?") or (quotes and body.endswith("!")):
        return text
    if not ABBREVIATION_END.search(body):
        body = body.rstrip(" .!")
    return f"{body}{quotes}?"

"""Questions that blank, swap or ask for one mention in its sentence: numbers, dates and names."""

import calendar
import itertools
import math
import re

from .. import ordinals
from ..dates import MONTHS
from ..entities import ORGANISATION, PERSON, PLACE
from ..numbers import format_number
from ..quotes import SPEECH_VERBS
from ..records import Fact, Question
from ..titles import is_honorific, is_role_noun
from . import distractors
from .context import Context, mentions_any, question
from .wording import BLANK, question_from_statement, sentence_prompt

NUMBER_KINDS = frozenset({"percent", "money", "quantity"})
DATE_KINDS = frozenset({"date", "period"})
ENTITY_KINDS = frozenset({PERSON, PLACE, ORGANISATION})
CHOICE_NOUNS = {
    "percent": "figure",
    "money": "amount",
    "quantity": "number",
    "date": "date",
    "period": "time",
    PERSON: "person",
    PLACE: "place",
    ORGANISATION: "organisation",
    "ordinal": "word",
}
WH_WORDS = {PERSON: "Who", ORGANISATION: "Which organisation", PLACE: "Which place"}
# "Which place does his trademark celebration ...?": after a place or an organisation, a "he"
# or "his" means the subject is a person the tagger took for something else, or someone the
# question never names. Either way the question cannot be asked.
PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|hers|him|himself|herself)\b", re.I)


# The lemmatizer is off (nlp.py): the forms a news report says things in.
SPEAKING_VERBS = SPEECH_VERBS | {
    "announces", "reported", "reports", "warns", "confirmed", "confirms", "declares",
}  # fmt: skip
# "at _____.43 pm", "_____:30": a blank that takes part of a figure away.
INSIDE_A_FIGURE_AFTER = re.compile(r"[.:,]\d")
INSIDE_A_FIGURE_BEFORE = re.compile(r"\d[.:,]$")


# "July-_____" (for September) and "Mandela-de _____" (for F.W. de Klerk): a blank that ends a
# compound, or leaves a word of its name beside it, gives the answer away or takes half a name.
# (A figure's words beside it, "_____ per cent", are its unit.)
AFTER_A_HYPHEN = re.compile(r"\w-$")
WORD_BEFORE = re.compile(r"([\w.'\u2019]+)[ -]$")
WORD_AFTER = re.compile(r"[ -]([\w.'\u2019]+)")
JOINING_WORDS = frozenset({"the", "of", "and", "a", "an", "for", "in", "on"})


def blanked(context: Context, fact: Fact, span: tuple[int, int], forms: list[str]) -> str | None:
    start, end = span
    if INSIDE_A_FIGURE_AFTER.match(context.text, end) or INSIDE_A_FIGURE_BEFORE.search(
        context.text, max(0, start - 2), start
    ):
        return None
    if AFTER_A_HYPHEN.search(context.text, max(0, start - 2), start):
        return None
    if fact.kind in ENTITY_KINDS and beside_its_own_word(context.text, span, forms):
        return None
    prompt = sentence_prompt(context, fact.start, fact.end, [(*span, BLANK)])
    if prompt is None or BLANK not in prompt or mentions_any(prompt.replace(BLANK, " "), forms):
        return None
    return prompt


def beside_its_own_word(text: str, span: tuple[int, int], forms: list[str]) -> bool:
    start, end = span
    own = {word.lower() for form in forms for word in re.findall(r"[\w.'\u2019]+", str(form))}
    before = WORD_BEFORE.search(text, max(0, start - 40), start)
    after = WORD_AFTER.match(text, end)
    beside = {match.group(1).lower() for match in (before, after) if match}
    return bool(beside & (own - JOINING_WORDS))


def true_false_pair(
    context: Context, fact: Fact, span: tuple[int, int], wrong: str, features: dict
) -> list[Question]:
    true_prompt = sentence_prompt(context, fact.start, fact.end)
    false_prompt = sentence_prompt(context, fact.start, fact.end, [(*span, wrong)])
    if true_prompt is None or false_prompt is None:
        return []
    return [
        question("true_false", f"True or false: {true_prompt}", True, fact, features=features),
        question(
            "true_false",
            f"True or false: {false_prompt}",
            False,
            fact,
            features={**features, "swapped": wrong},
        ),
    ]


def multiple_choice(
    prompt: str, answer: str, wrong: list[str], fact: Fact, features: dict, *, noun: str = ""
):
    noun = noun or CHOICE_NOUNS[fact.kind]
    full = f"Choose the {noun} that completes the sentence: {prompt}"
    choices = distractors.shuffled([answer, *wrong], full)
    return question(
        "multiple_choice",
        full,
        answer,
        fact,
        choices=choices,
        features={**features, "distractors": len(wrong)},
    )


def deducible(context: Context, fact: Fact) -> bool:
    """Is the figure the sum or the difference of two others of its kind in its sentence ("$250
    billion: 25% on $50 billion and 10% on the other $200 billion"), or a share that another
    completes to 100%? Then a student works it out from the prompt, and a false statement that
    changes it contradicts itself."""
    figure = distractors.figure_of(context, fact)
    others = [
        distractors.figure_of(context, other)
        for other in context.facts
        if other is not fact and other.kind == fact.kind and other.start == fact.start
        and "figure_span" in other.extra
    ]  # fmt: skip
    # "Macri led Scioli by 51.5% to 48.5%": two shares of one whole, each 100 less the other.
    if fact.kind == "percent" and any(math.isclose(o + figure, 100, abs_tol=0.05) for o in others):
        return True
    return any(
        math.isclose(first + second, figure, rel_tol=1e-3)
        or math.isclose(first - second, figure, rel_tol=1e-3)
        for first, second in itertools.permutations(others, 2)
    )


def part_of_a_name(context: Context, fact: Fact) -> bool:
    """Is the figure the end of a name ("FTSE 100", "Boeing 737", "Apollo 11", "Article 50")?
    It is not a figure of the story, and the name gives it away. Such a figure follows a proper
    noun or an acronym directly, with no currency of its own before it ("Rs 500" is a sum)."""
    start, _end = fact.extra["figure_span"]
    if fact.extra["amount_span"][0] != start:
        return False
    sentence = context.parsed.sentence_at(start)
    position = start - sentence.offset
    for token in sentence.span:
        if token.idx == position:
            if token.i == sentence.span.start:
                return False
            before = token.nbor(-1)
            if before.whitespace_ != " " or before.text.lower() in NOT_NAMES:
                return False
            return before.pos_ == "PROPN" or NAME_ACRONYM.fullmatch(before.text) is not None
    return False


# Capitalised words a figure may follow without being part of a name.
NOT_NAMES = frozenset(
    (*MONTHS, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "ad", "bc", "no", "nos", "us", "uk",
     # Currencies the amount reader does not know: "Rs 10.4 lakh crore" is a sum.
     "rs", "rp", "rm", "sh", "ksh", "tk", "php", "inr", "chf", "usd", "eur", "gbp", "jpy", "cny")
)  # fmt: skip
NAME_ACRONYM = re.compile(r"[A-Z][A-Z&]+")


def number_questions(context: Context, fact: Fact) -> list[Question]:
    if fact.extra.get("vague") or deducible(context, fact) or part_of_a_name(context, fact):
        return []
    features = {"hedge": fact.extra["hedge"]}
    figure = distractors.figure_of(context, fact)
    amount = distractors.amount_text(context, fact)
    written = context.text[slice(*fact.extra["figure_span"])]
    numbers = [format_number(figure), written, amount]
    found = []
    numeric_prompt = blanked(context, fact, fact.extra["figure_span"], numbers)
    if numeric_prompt:
        found.append(
            question(
                "numeric",
                f"Fill in the number: {numeric_prompt}",
                figure,
                fact,
                accepted=numeric_forms(figure, written),
                features=features,
                tolerance=distractors.figure_tolerance(context, fact, figure),
            )
        )
    # "the 22-year-old Bolt": an amount that runs on into a compound is asked as its figure
    # ("the _____-year-old", 22 or 16), not as "22-year" before "-old".
    compound = context.text[fact.extra["amount_span"][1] : fact.extra["amount_span"][1] + 1] == "-"
    span = fact.extra["figure_span"] if compound else fact.extra["amount_span"]
    choice_prompt = blanked(context, fact, span, numbers)
    if choice_prompt:
        wrong_values = distractors.number_distractors(context, fact, choice_prompt)
        if compound:
            answer = written
            wrong = [distractors.figure_like(context, fact, value) for value in wrong_values]
        else:
            answer = amount
            wrong = [distractors.formatted_like(context, fact, value) for value in wrong_values]
        wrong = [choice for choice in wrong if choice is not None]
        if len(wrong) >= distractors.WANTED:
            noun = "year" if distractors.year_like(context, fact) else ""
            found.append(multiple_choice(choice_prompt, answer, wrong, fact, features, noun=noun))
            found.extend(true_false_pair(context, fact, span, wrong[0], features))
    return found


def numeric_forms(figure: float, written: str) -> list[str]:
    """ "1,500" and "1500" for 1,500; only "1500" when the article writes it so, as a four-digit
    figure without a comma is often a year ("around 1500") that a comma would misspell."""
    if re.fullmatch(r"\d{4}", written):
        return [written]
    return list(dict.fromkeys([format_number(figure), written]))


MONTH_ABBREVIATION = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.")
MONTH_NAMES = {name[:3].lower(): name for name in calendar.month_name if name}


def month_in_full(text: str) -> str:
    """ "December 31" of "Dec. 31"."""
    return MONTH_ABBREVIATION.sub(lambda match: MONTH_NAMES[match.group(1)[:3].lower()], text)


def date_questions(context: Context, fact: Fact) -> list[Question]:
    span = fact.extra["span"]
    forms = [fact.text]
    prompt = blanked(context, fact, span, forms)
    if prompt is None:
        return []
    features = {"precision": fact.extra["precision"], "inferred": fact.extra.get("inferred")}
    accepted = list(dict.fromkeys([fact.text, month_in_full(fact.text)]))
    # "2015-09-16" only when the article writes the year: for "Sept. 16" the year is a guess.
    if isinstance(fact.value, str) and fact.value[:4].isdigit() and fact.value[:4] in fact.text:
        accepted.append(fact.value)
    found = [question("cloze", prompt, fact.text, fact, accepted=accepted, features=features)]
    wrong = distractors.date_distractors(context, fact, prompt)
    if len(wrong) >= distractors.WANTED:
        found.append(multiple_choice(prompt, fact.text, wrong, fact, features))
        found.extend(true_false_pair(context, fact, span, wrong[0], features))
    return found


# Wrong places beside the answer's: near enough to pass for it ("fourth", "sixth" for "fifth").
ORDINAL_STEPS = (-1, 1, 2, -2, 3)


# "the fourth country to land on the moon after the United States, Russia and China", "his
# third title after crowns at Pune and Halle": the list counts the answer out.
COUNTED_OFF = re.compile(r"\b(?:after|behind|following|joining|alongside)\b[^.;]*\band\b")


def ordinal_questions(context: Context, fact: Fact) -> list[Question]:
    """ "the _____ rover to land on Mars": typed (as "fifth" or "5th") and among the places
    beside it. No statements: a true one repeats a sentence the cloze already asks, and in the
    rated set they brought sentences with references left hanging to the top."""
    span = fact.extra["span"]
    if COUNTED_OFF.search(context.text, span[1], fact.end):
        return []
    in_words = fact.extra["in_words"]
    other_style = ordinals.written(fact.value, in_words=not in_words)
    forms = list(
        dict.fromkeys([fact.text, *([other_style] if other_style else []), str(fact.value)])
    )
    prompt = blanked(context, fact, span, forms)
    if prompt is None:
        return []
    found = [question("cloze", prompt, fact.text, fact, accepted=forms)]
    wrong = [
        ordinals.written(fact.value + step, in_words=in_words)
        for step in ORDINAL_STEPS
        if fact.value + step >= 1
    ]
    wrong = [choice for choice in wrong if choice and not mentions_any(prompt, [choice])]
    wrong = wrong[: distractors.WANTED]
    if len(wrong) == distractors.WANTED:
        found.append(multiple_choice(prompt, fact.text, wrong, fact, {}))
    return found


def entity_questions(context: Context, fact: Fact) -> list[Question]:
    entity = context.entity_of(fact)
    if entity is None or (entity.kind == PERSON and not context.is_confident_person(entity)):
        return []
    forms = context.forms_of(entity)
    span = fact.extra["span"]
    if (
        part_of_a_word(context.text, *span)
        or part_of_a_longer_name(context.text, *span)
        or inside_a_title(context, fact, entity.name)
    ):
        return []  # "_____-based NK News analyst" is a riddle, not a question
    features = {"mentions": len(entity.mentions), "template": entity.kind}
    found = []
    prompt = blanked(context, fact, span, forms)
    if prompt is not None:
        found.append(
            question("cloze", prompt, entity.name, fact, accepted=forms, features=features)
        )
        wrong = distractors.entity_distractors(context, entity, prompt)
        if len(wrong) >= distractors.WANTED:
            found.append(multiple_choice(prompt, entity.name, wrong, fact, features))
            swap = next((name for name in wrong if not context.takes_the(name)), None)
            if swap is not None and swappable(context, fact):
                found.extend(true_false_pair(context, fact, span, swap, features))
    wh = wh_question(context, fact, forms)
    if wh is not None:
        found.append(
            question("short_answer", wh, entity.name, fact, accepted=forms, features=features)
        )
    return found


def part_of_a_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1 : start] if start else ""
    after = text[end : end + 1]
    return before in ("-", "/") or after in ("-", "/") or before.isalnum() or after.isalnum()


CALENDAR_WORDS = frozenset(
    [*(name.lower() for name in calendar.day_name), *(name.lower() for name in calendar.month_name)]
)


def part_of_a_longer_name(text: str, start: int, end: int) -> bool:
    """ "Mr _____" or "_____ John Lennon Airport": the tagger took part of a name, and the blank
    would ask for a piece of it."""
    before = text[max(0, start - 12) : start]
    if before.endswith(" ") and before.split() and is_honorific(before.split()[-1]):
        return True
    after = re.match(r" ([A-Z][\w'-]*)", text[end : end + 40])
    if after is None:
        return False
    word = after.group(1)
    return not (is_role_noun(word) or word.lower() in CALENDAR_WORDS)


def inside_a_title(context: Context, fact: Fact, name: str) -> bool:
    """ "_____ Press Secretary Sarah Sanders": the name is part of someone else's title."""
    start, end = fact.extra["span"]
    return any(
        other.kind == "role"
        and other.value["person"] != name
        and other.extra["span"][0] <= start
        and end <= other.extra["span"][1]
        for other in context.facts
    )


KIND_OF_PLACE = re.compile(
    r"\b(?:state|city|town|village|province|region|county|district|island|republic|port)"
    r" of $"
)


def swappable(context: Context, fact: Fact) -> bool:
    """Whether another name can stand in the mention's place and still read as English: not
    after "the" ("the Argentina") and not as a modifier ("his China counterpart")."""
    start, end = fact.extra["span"]
    before = context.text[max(0, start - 30) : start].lower()
    if before.endswith("the ") or KIND_OF_PLACE.search(before):
        return False  # "the state of _____" wants a state: any other place gives it away
    sentence = context.sentence_of(fact)
    for token in sentence.span:
        if sentence.offset + token.idx >= start:
            head = token
            while head.i + 1 < len(head.doc) and sentence.offset + head.idx + len(head) < end:
                head = head.doc[head.i + 1]
            return head.dep_ not in ("compound", "amod", "nmod")
    return False


def wh_question(context: Context, fact: Fact, forms: list[str]) -> str | None:
    """ "Putin told reporters that ..." -> "Who told reporters that ...?" when the name is the
    subject that opens the sentence."""
    sentence = context.sentence_of(fact)
    if sentence.text != fact.sentence:
        return None
    start, end = fact.extra["span"]
    for token in sentence.span:
        if sentence.offset + token.idx < start:
            continue
        head = token
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        if head.dep_ not in ("nsubj", "nsubjpass") or head.head.dep_ != "ROOT":
            return None
        if not start <= sentence.offset + head.idx < end:
            return None  # the name only modifies the subject ("White House Press Secretary X")
        subject = list(head.subtree)
        if any(token.dep_ == "conj" for token in subject):
            return None  # "Trump and Kim met": the answer would be only half the subject
        subject_start = sentence.offset + subject[0].idx
        if subject_start != sentence.start:
            return None
        subject_end = sentence.offset + subject[-1].idx + len(subject[-1].text)
        clause_end = sentence.offset + own_clause_end(head.head, sentence)
        break
    else:
        return None
    statement = sentence_prompt(context, sentence.start, clause_end)
    if statement is None or statement.startswith("According to"):
        return None
    verb = head.head
    kind = context.entity_of(fact).kind
    if kind == PLACE and verb.lower_ in SPEAKING_VERBS:
        return None  # "Which place announced ...?": a country that speaks is its government
    prompt = question_from_statement(
        statement,
        0,
        subject_end - subject_start,
        WH_WORDS[kind],
        plural_verb=verb.text if verb.tag_ == "VBP" else "",  # "The Andes hold" -> "holds"
    )
    if kind != PERSON and PERSONAL_PRONOUN.search(prompt):
        return None
    if mentions_any(prompt, forms) or len(prompt.split()) < 5:
        return None
    return prompt


def own_clause_end(root, sentence) -> int:
    """Where the subject's own clause ends, relative to the paragraph: before ", and
    neighbouring countries sent ...", a coordinated clause with a subject of its own that the
    wh-word would not ask about."""
    for child in root.children:
        if child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            if not child.left_edge.i or not child.doc[child.left_edge.i - 1].whitespace_:
                break  # "co-star" split inside the word by a parse gone wrong: no cut
            tokens = child.doc[root.i : child.left_edge.i]
            while len(tokens) and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
                tokens = tokens[:-1]
            if len(tokens):
                return tokens[-1].idx + len(tokens[-1].text)
    return sentence.end - sentence.offset


# Who reported the story is page furniture, not a fact of it.
NEWS_AGENCIES = frozenset(
    {"reuters", "afp", "ap", "associated press", "agence france-presse", "agence france presse",
     "xinhua", "bloomberg", "upi", "united press international", "tass", "pti",
     "press trust of india", "efe", "dpa", "ians", "yonhap", "kyodo", "anadolu", "ansa"}
)  # fmt: skip
WEEKDAY = re.compile(r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\.?", re.I)


def worth_asking(fact: Fact) -> bool:
    """Not the day of the week a story was reported on, nor the agency that reported it."""
    text = fact.text.strip()
    if fact.kind in DATE_KINDS and WEEKDAY.fullmatch(text):
        return False
    return not (fact.kind in ENTITY_KINDS and text.lower() in NEWS_AGENCIES)


def mention_questions(context: Context, fact: Fact) -> list[Question]:
    if not worth_asking(fact):
        return []
    if fact.kind in NUMBER_KINDS:
        return number_questions(context, fact)
    if fact.kind in DATE_KINDS:
        return date_questions(context, fact)
    if fact.kind in ENTITY_KINDS:
        return entity_questions(context, fact)
    if fact.kind == "ordinal":
        return ordinal_questions(context, fact)
    return []

"""Questions about whole records: roles, quotes, acronyms and the time line of events."""

import re
from collections import Counter

from ..entities import PERSON
from ..names import is_acronym
from ..records import Fact, Question
from . import distractors
from .context import Context, explanation_for, mentions_any, question
from .wording import as_question, tidy

MAX_QUOTE_WORDS = 32
MAX_MATCHING_PAIRS = 5
# Two pairs are one question asked twice: matching one gives the other away.
MIN_MATCHING_PAIRS = 3
MAX_ORDERING_ITEMS = 4
# An event told as "all such workers must leave" or "the two met" needs its sentence around it.
VAGUE_DESCRIPTION = re.compile(
    r"(?i)^(?:he|she|they|it|this|these|those|his|her|their|its)\b"
    r"|\b(?:such|the two|the pair|both)\b"
)


POSSESSOR = re.compile(r"^[A-Z][\w.-]*(?: [A-Z][\w.-]*)*['\u2019]s? ")


def described_role(fact: Fact) -> str:
    role = fact.value["role"]
    if POSSESSOR.match(role):
        return role  # "Kastania's Prime Minister" takes no "the"
    article = fact.extra.get("article") or "the"
    return f"{article} {role}"


CUT_SHORT = re.compile(r"['\u2019]s?$|\b(?:of|the|for|at|in|and)$")


def role_questions(context: Context, fact: Fact) -> list[Question]:
    person = context.index.find(fact.value["person"])
    if person is None or person.kind != PERSON:
        return []
    forms = context.forms_of(person)
    role = described_role(fact)
    if mentions_any(role, forms) or CUT_SHORT.search(role):
        return []  # "the director-general of China's" lost the name the role was of
    found = []
    holders = {
        other.value["person"]
        for other in context.facts
        if other.kind == "role" and other.value["role"].lower() == fact.value["role"].lower()
    }
    others = [
        name
        for name in distractors.entity_distractors(context, person, role)
        if name not in holders  # another holder of the same title would also be right
    ]
    prompt = f"According to the article, who is {role}?"
    if len(others) >= distractors.WANTED:
        choices = distractors.shuffled([person.name, *others], prompt)
        features = {"distractors": len(others), "template": "role_who"}
        found.append(
            question(
                "multiple_choice", prompt, person.name, fact, choices=choices, features=features
            )
        )
    # tidy: a role that ends in "Data Corp." takes no second full stop.
    prompt = tidy(f"Name the person the article describes as {role}")
    found.append(
        question("short_answer", prompt, person.name, fact, accepted=forms,
                 features={"template": "role_name"})
    )  # fmt: skip
    found.extend(role_description_question(context, fact, person.name, role))
    return found


def role_description_question(
    context: Context, fact: Fact, person: str, role: str
) -> list[Question]:
    other_roles = list(
        dict.fromkeys(
            described_role(other)
            for other in context.facts
            if other.kind == "role"
            and other.value["person"] != person
            and other.value["role"].lower() != fact.value["role"].lower()
        )
    )
    other_roles = [role for role in other_roles if not CUT_SHORT.search(role)]
    if len(other_roles) < distractors.WANTED:
        return []
    prompt = f"How does the article describe {person}?"
    # Vary which other roles stand beside the answer, so the same three do not recur.
    wrong = distractors.shuffled(other_roles, person)[: distractors.WANTED]
    choices = distractors.shuffled([role, *wrong], prompt)
    features = {"distractors": len(wrong), "template": "role_describe"}
    return [question("multiple_choice", prompt, role, fact, choices=choices, features=features)]


def matching_question(context: Context) -> list[Question]:
    chosen: list[Fact] = []
    for fact in sorted(
        (f for f in context.facts if f.kind == "role"),
        key=lambda f: (f.extra.get("source") != "apposition", f.start),
    ):
        if all(fact.value["person"] != other.value["person"] for other in chosen):
            chosen.append(fact)
    chosen = sorted(chosen[:MAX_MATCHING_PAIRS], key=lambda fact: fact.start)
    if len(chosen) < MIN_MATCHING_PAIRS:
        return []
    pairs = [[fact.value["person"], fact.value["role"]] for fact in chosen]
    prompt = "Match each person to the role the article gives them."
    return [
        question(
            "matching",
            prompt,
            pairs,
            chosen[0],
            choices=distractors.shuffled([role for _person, role in pairs], prompt),
            facts=[fact.id for fact in chosen],
            explanation=explanation_for(*(fact.sentence for fact in chosen)),
        )
    ]


def quote_excerpt(text: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    excerpt = ""
    for sentence in sentences:
        if len((excerpt + " " + sentence).split()) > MAX_QUOTE_WORDS and excerpt:
            break
        excerpt = f"{excerpt} {sentence}".strip()
    # A quotation that runs on into the next paragraph reopens it with a mark of its own ("...
    # botched law. “Now the High Court ..."), which inside one excerpt closes nothing.
    excerpt = RUN_ON_QUOTE.sub(" ", excerpt)
    words = excerpt.split()
    if len(words) > MAX_QUOTE_WORDS + 8:
        excerpt = " ".join(words[:MAX_QUOTE_WORDS]).rstrip(",;:") + " …"
    return excerpt[:1].upper() + excerpt[1:]


RUN_ON_QUOTE = re.compile(r"(?<=[.!?])\s+[“\"](?=[A-Z])(?![^”\"]*[”\"])")


def quote_question(context: Context, fact: Fact) -> list[Question]:
    speaker = context.index.find(fact.value["speaker"]) if fact.value["speaker"] else None
    if speaker is None or speaker.kind != PERSON or not context.is_confident_person(speaker):
        return []
    if fact.value["quote"][:1].islower():
        return []  # a fragment ("is not hiding from ...") needs the sentence around it
    excerpt = quote_excerpt(fact.value["quote"])
    if mentions_any(excerpt, context.forms_of(speaker)):
        return []
    names = [name for name in context.speakers if name != speaker.name]
    names += distractors.entity_distractors(context, speaker, excerpt) * 1
    others = [name for name in dict.fromkeys(names) if name != speaker.name]
    others = [name for name in others if not mentions_any(excerpt, [name])]
    others = distractors.shaped_like(speaker.name, others)[: distractors.WANTED]
    if len(others) < 2:
        return []
    prompt = as_question(f"Who said: “{excerpt}”")
    return [
        question(
            "quote_attribution",
            prompt,
            speaker.name,
            fact,
            accepted=context.forms_of(speaker),
            choices=distractors.shuffled([speaker.name, *others], prompt),
        )
    ]


def acronym_questions(context: Context, fact: Fact) -> list[Question]:
    short, long = fact.value["short"], fact.value["long"]
    found = [
        question(
            "short_answer",
            f"What does {short} stand for, according to the article?",
            long,
            fact,
            accepted=[long, f"the {long}"],
        )
    ]
    # Other abbreviations the article uses; shuffled letters ("FLP" for "PFL") fool nobody, so
    # without enough real ones there is no multiple choice.
    others = [other.value["short"] for other in context.facts if other.kind == "acronym"]
    others += [
        variant
        for entity in context.index.entities
        if long not in entity.variants
        for variant in entity.variants
        if is_acronym(variant)
    ]
    wrong = [other for other in dict.fromkeys(others) if other != short][: distractors.WANTED]
    prompt = f"Which abbreviation does the article use for the {long}?"
    if len(wrong) == distractors.WANTED:
        found.append(
            question(
                "multiple_choice",
                prompt,
                short,
                fact,
                choices=distractors.shuffled([short, *wrong], prompt),
            )
        )
    return found


def ordering_question(context: Context) -> list[Question]:
    events = [fact for fact in context.facts if fact.kind == "event" and "date" in fact.value]
    # Two dates of one description ("from June to September", "from 2012 until 2022") are the
    # ends of one span: either end alone would be a guess at what the item means.
    told = Counter(fact.value["description"].lower() for fact in events)
    candidates = sorted(
        (
            fact
            for fact in events
            if told[fact.value["description"].lower()] == 1
            and not VAGUE_DESCRIPTION.search(fact.value["description"])
        ),
        key=lambda fact: (fact.value["date"], fact.extra["last"]),
    )
    dated: list[Fact] = []
    for fact in candidates:
        # "2023" and "September 2023" overlap: no order between them can be marked right.
        if not dated or fact.value["date"] > dated[-1].extra["last"]:
            dated.append(fact)
    if len(dated) < 3:
        return []
    if len(dated) > MAX_ORDERING_ITEMS:
        step = (len(dated) - 1) / (MAX_ORDERING_ITEMS - 1)
        dated = [dated[round(index * step)] for index in range(MAX_ORDERING_ITEMS)]
    items = [
        fact.value["description"][:1].upper() + fact.value["description"][1:] for fact in dated
    ]
    prompt = "Put these events from the article in chronological order, earliest first."
    choices = distractors.shuffled(items, prompt)
    if choices == items:
        choices = choices[1:] + choices[:1]  # presented in order, the question answers itself
    return [
        question(
            "ordering",
            prompt,
            items,
            dated[0],
            choices=choices,
            facts=[fact.id for fact in dated],
            explanation=explanation_for(*(fact.sentence for fact in dated)),
        )
    ]

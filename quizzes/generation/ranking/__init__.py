"""Score questions from simple, explainable features and order them best first, spread out.

In the spirit of Heilman & Smith (2010): generate generously, then rank. Every feature is kept
on the question so a score can be explained.
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..names import fold
from ..numbers import format_number
from ..questions.context import POINTING_PRONOUNS, Context
from ..records import Question
from .model import LearnedModel, load_model
from .vectors import vector

TYPE_WEIGHT = {
    "numeric": 0.85,
    "multiple_choice": 0.85,
    "short_answer": 0.8,
    "cloze": 0.7,
    "true_false": 0.65,
    "quote_attribution": 0.8,
    "matching": 0.85,
    "ordering": 0.85,
}
KIND_WEIGHT = {
    "percent": 1.0,
    "money": 0.95,
    "quantity": 0.8,
    "date": 0.95,
    "period": 0.9,
    "role": 0.9,
    "acronym": 0.85,
    "quote": 0.8,
    "person": 0.8,
    "place": 0.7,
    "organisation": 0.7,
    "event": 0.85,
    "ordinal": 0.8,
}
PRONOUNS = re.compile(r"\b(?:he|she|it|they|him|her|his|its|their|them|this|these|those)\b", re.I)
VAGUE_HEDGES = frozenset({"some", "several", "many"})
# The spread matters at the top of the list; below it, plain score order is enough.
SPREAD_PICKS = 40
SPREAD_POOL = 120
NEW_TYPE_BONUS = 0.08
# What asking again costs a question in the spread: the same fact, sentence, type, answer or
# wording as one already placed above it, or a type that already fills a third of the list.
FACT_REPEAT = 0.3
SENTENCE_REPEAT = 0.2
TYPE_REPEAT = 0.04
ANSWER_REPEAT = 0.1
TEMPLATE_REPEAT = 0.08
TYPE_SHARE_PENALTY = 0.2
# A question that repeats one already picked (the same answer from the same sentence, asked
# another way) should not appear at the top at all.
DUPLICATE_PENALTY = 1.0
PRINTED_PENALTY = 0.3
SAME_VERDICT_PENALTY = 0.2
# Words that say nothing about what an article is about, left out when comparing a sentence
# with the headline and the lead.
FUNCTION_WORDS = frozenset(
    {
        *("the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from"),
        *("by", "with", "as", "is", "was", "are", "were", "be", "been", "has", "have", "had"),
        *("its", "it", "this", "that", "these", "those", "their", "his", "her", "he", "she"),
        *("they", "after", "before", "over", "into", "than", "who", "which", "said", "says"),
        *("will", "would", "could", "not", "also", "more", "less", "about", "up", "out", "new"),
    }
)
CONTENT_WORD = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")
NUMBER_ANSWER = re.compile(r"[^\w]*(\d[\d,]*(?:\.\d+)?)\s*(?:%|[a-z]+(?: [a-z]+)?)?")


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """Lower-cased words with a crude stem (the first four letters), so "kills" in a headline
    meets "killing" in the text; figures are kept whole."""
    words = set()
    for word in CONTENT_WORD.findall(fold(text).lower()):
        if word[0].isdigit():
            words.add(word.replace(",", ""))
        elif len(word) > 2 and word not in FUNCTION_WORDS:
            words.add(word[:4])
    return frozenset(words)


@dataclass(frozen=True)
class Lead:
    """What the article puts first: the headline and the opening paragraph."""

    title: frozenset[str]
    opening: frozenset[str]

    @classmethod
    def of(cls, context: Context) -> "Lead":
        docs = context.parsed.docs
        opening = docs[0][1].text if docs else ""
        title = content_words(context.title) or content_words(
            context.parsed.sentences[0].text if context.parsed.sentences else ""
        )
        return cls(title, content_words(opening) | title)


def answer_text(answer) -> str:
    if isinstance(answer, bool):
        return ""
    if isinstance(answer, float | int):
        return format_number(answer)
    if isinstance(answer, str):
        return answer
    return ""


def importance(question: Question, lead: Lead) -> float:
    """How much the question is about what the headline and the lead are about: the share of
    the headline its sentence repeats, and whether its answer appears in them."""
    if not lead.title:
        return 0.0
    sentence = content_words(question.sentence)
    overlap = min(1.0, len(sentence & lead.title) / min(len(lead.title), 5))
    answer = content_words(answer_text(question.answer))
    if answer and answer <= lead.title:
        return round(0.6 * overlap + 0.4, 4)
    return round(0.6 * overlap + 0.2 * (bool(answer) and answer <= lead.opening), 4)


def length_score(words: int) -> float:
    if 10 <= words <= 30:
        return 1.0
    if words < 10:
        return max(0.0, 1 - (10 - words) / 10)
    return max(0.0, 1 - (words - 30) / 40)


def centrality(question: Question, context: Context, most_mentions: int) -> float:
    counts = [
        len(entity.mentions)
        for _start, _end, entity in context.index.mentions_between(question.start, question.end)
    ]
    if not counts:
        return 0.3
    return max(counts) / most_mentions


def features_of(
    question: Question, context: Context, kinds: dict, most_mentions: int, lead: Lead
) -> dict:
    sentence_words = len(question.sentence.split())
    prompt_words = len(question.prompt.split())
    features = dict(question.features)
    features.update(
        type=TYPE_WEIGHT[question.type],
        kind=KIND_WEIGHT.get(kinds.get(question.fact, ""), 0.7),
        fact_kind=kinds.get(question.fact, ""),
        length=length_score(min(sentence_words, prompt_words + 5)),
        pronouns=len(PRONOUNS.findall(question.prompt)),
        reported=question.prompt.startswith("According to"),
        central=centrality(question, context, most_mentions),
        position=1 - question.start / max(len(context.text), 1),
        long_answer=len(str(question.answer).split()) > 6 and isinstance(question.answer, str),
        importance=importance(question, lead),
        sentence_number=context.parsed.sentence_at(question.start).index,
        **in_title(question, lead),
        **unnamed_subject(question, context),
    )
    return features


# Determiners that point back to something named in an earlier sentence.
POINTING_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def unnamed_subject(question: Question, context: Context) -> dict[str, bool]:
    """Is the subject of the sentence's main clause, left as it was in the prompt, something
    only an earlier sentence names: a pronoun ("it will attempt to collect ...") or a common
    noun after "the" with no name in it ("The company also raised ...")? A student who sees
    only the question cannot tell what it is about."""
    signs = {"subject_pronoun": False, "subject_unnamed_noun": False}
    if question.type in ("ordering", "matching"):
        return signs
    prompt_words = set(re.findall(r"[a-z]+", question.prompt.lower()))
    for token in context.main_subjects(question.start):
        word = token.lower_
        if word not in prompt_words:  # the blank, or rewritten: the prompt names it
            break
        if token.pos_ == "PRON":
            signs["subject_pronoun"] = word in POINTING_PRONOUNS
        elif token.pos_ == "NOUN":
            words = list(token.subtree)
            signs["subject_unnamed_noun"] = words[0].lower_ in POINTING_DETERMINERS and not any(
                word.pos_ == "PROPN" or word.ent_type_ for word in words
            )
        break
    return signs


def in_title(question: Question, lead: Lead) -> dict[str, bool]:
    """Is the answer in the headline? A figure there is the story's news (a headline may round
    it: "10.9 per cent" for 10.87); a name there is usually its subject, which the question then
    only restates."""
    answer = content_words(answer_text(question.answer))
    figures = [word for word in answer if word[0].isdigit()]
    number = isinstance(question.answer, int | float) and not isinstance(question.answer, bool)
    if number or figures:
        value = float(question.answer) if number else _figure(figures[0])
        rounded = any(_rounds_to(value, word) for word in lead.title if word[0].isdigit())
        return {"number_in_title": rounded, "name_in_title": False}
    inside = bool(answer) and answer <= lead.title
    return {"number_in_title": False, "name_in_title": inside}


def _figure(word: str) -> float | None:
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


def _rounds_to(value: float | None, shown: str) -> bool:
    title_value = _figure(shown)
    if value is None or title_value is None:
        return False
    decimals = len(shown.partition(".")[2])
    return round(value, decimals) == title_value


def score(features: dict) -> float:
    value = (
        0.45 * features["type"] * features["kind"]
        + 0.15 * features["length"]
        + 0.2 * features["central"]
        + 0.1 * features["position"]
        + 0.15 * features["importance"]
        + 0.05
    )
    value -= 0.04 * min(features["pronouns"], 4)
    value -= 0.05 if features["reported"] else 0
    value -= 0.1 if features["long_answer"] else 0
    value -= 0.15 if features.get("hedge") in VAGUE_HEDGES else 0
    value -= 0.05 if features.get("swapped") else 0
    if "distractors" in features:
        value -= 0.05 * max(0, 3 - features["distractors"])
    return round(min(max(value, 0.0), 1.0), 4)


def rank(
    questions: list[Question], context: Context, model: LearnedModel | None = None
) -> list[Question]:
    """Score each question (with `model`, else the learned weights that ship, else the hand
    weights) and order them best first, spread out."""
    kinds = {fact.id: fact.kind for fact in context.facts}
    most_mentions = max((len(entity.mentions) for entity in context.index.entities), default=1)
    lead = Lead.of(context)
    for question in questions:
        question.features = features_of(question, context, kinds, most_mentions, lead)
    return order(questions, model or learned_model())


def order(questions: list[Question], model: LearnedModel | None) -> list[Question]:
    """Score questions whose features are set, by the model or the hand weights, and order them
    best first, spread out."""
    for question in questions:
        if model is None:
            question.score = score(question.features)
        else:
            question.score = round(model.probability(vector(question)), 4)
    ordered = sorted(questions, key=lambda q: (-q.score, q.type, q.prompt))
    return headline_first(spread(ordered[:SPREAD_POOL]) + ordered[SPREAD_POOL:])


def headline_first(ordered: list[Question], top: int = 5) -> list[Question]:
    """The story's news among the first `top`: a figure the headline gives comes second when
    none of them asks one; and the story's first figure, in its first two sentences (the lede,
    or the sentence after a lede that sets the scene), comes third when none asks it. Each time
    the best question that does, never a false statement."""
    ordered = _brought_up(ordered, lambda q: bool(q.features.get("number_in_title")), 1, top)
    lede = lede_figure_sentence(ordered)
    if lede is None:
        return ordered
    return _brought_up(ordered, lambda q: on_figure_of(q, lede), 2, top)


def _brought_up(ordered: list[Question], wanted, place: int, top: int) -> list[Question]:
    if any(wanted(question) for question in ordered[:top]):
        return ordered
    found = [q for q in ordered if wanted(q) and not is_false_statement(q)]
    if not found:
        return ordered
    best = max(found, key=lambda question: question.score)
    rest = [question for question in ordered if question is not best]
    return [*rest[:place], best, *rest[place:]]


LEDE_SENTENCES = 2


def asks_a_figure(question: Question) -> bool:
    if question.type == "true_false":
        return question.answer is True
    answer = question.answer
    if isinstance(answer, bool):
        return False
    return isinstance(answer, int | float) or any(char.isdigit() for char in str(answer))


def lede_figure_sentence(questions: list[Question]) -> int | None:
    """The first of the story's first sentences that a question asks a figure of."""
    numbers = [
        q.features.get("sentence_number", LEDE_SENTENCES)
        for q in questions
        if q.type != "true_false" and asks_a_figure(q)
    ]
    first = min(numbers, default=LEDE_SENTENCES)
    return first if first < LEDE_SENTENCES else None


def on_figure_of(question: Question, sentence: int) -> bool:
    return question.features.get("sentence_number") == sentence and asks_a_figure(question)


@lru_cache(maxsize=1)
def learned_model() -> LearnedModel | None:
    return load_model()


def template_of(question: Question) -> tuple[str, str]:
    """Questions of one type asked with the same wording ("Name the person the article
    describes as ...") read as a drill when they follow each other."""
    return question.type, str(question.features.get("template", ""))


def duplicate_key(question: Question) -> str:
    """The answer as a reader would say it: "41.2%" and 41.2, "$240 million" and 240 match."""
    text = answer_text(question.answer)
    number = NUMBER_ANSWER.fullmatch(text.lower())
    if number:
        return number.group(1).replace(",", "")
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def is_true_statement(question: Question) -> bool:
    return question.type == "true_false" and question.answer is True


def is_false_statement(question: Question) -> bool:
    return question.type == "true_false" and question.answer is False


def spread(questions: list[Question]) -> list[Question]:
    """Greedy re-ordering with penalties for a fact, sentence, type, answer or wording already
    used, so the top of the list covers many facts with many kinds of question."""
    remaining = list(questions)
    keys = {
        id(q): (q.fact, q.start, q.type, str(q.answer), template_of(q), duplicate_key(q))
        for q in remaining
    }
    picked: list[Question] = []
    fact_uses: Counter = Counter()
    sentence_uses: Counter = Counter()
    answer_uses: Counter = Counter()
    template_uses: Counter = Counter()
    type_uses: Counter = Counter()
    asked: dict[str, list[tuple[int, int]]] = {}  # answer -> spans of the sentences it came from
    # Read once: the spread weighs each question again at every pick.
    shown_of = {id(q): answer_shown(q) for q in remaining}
    text_of = {id(q): normal_text(q.prompt) for q in remaining if is_true_statement(q)}
    # Questions whose answer a true statement picked prints, and true statements that print the
    # answer of a question picked, marked as each pick is made.
    given_away: set[int] = set()
    verdicts: list[bool] = []  # the answers of the true/false statements picked
    stated: set[int] = set()  # the sentences they were made from

    def adjusted(question: Question) -> float:
        fact, start, kind, answer, template, duplicate = keys[id(question)]
        value = question.score
        # A true statement prints its answers: one that prints the answer of a question asked
        # from another sentence, or such a question after it, gives that answer away.
        if id(question) in given_away:
            value -= PRINTED_PENALTY
        # A statement and its twin on the same sentence (one true, one with a figure swapped)
        # answer each other.
        if question.type == "true_false" and question.start in stated:
            value -= DUPLICATE_PENALTY
        # Statements that are all true (or all false) teach the student to guess the verdict.
        if (
            question.type == "true_false"
            and len(verdicts) >= 2
            and set(verdicts) == {question.answer}
        ):
            value -= SAME_VERDICT_PENALTY
        value -= FACT_REPEAT * fact_uses[fact] + SENTENCE_REPEAT * sentence_uses[start]
        value -= TYPE_REPEAT * type_uses[kind] + ANSWER_REPEAT * answer_uses[answer]
        value -= TEMPLATE_REPEAT * template_uses[template]
        spans = asked.get(duplicate)
        if spans and any(s < question.end and question.start < e for s, e in spans):
            value -= DUPLICATE_PENALTY
        if len(picked) >= 6 and type_uses[kind] / len(picked) > 0.3:
            value -= TYPE_SHARE_PENALTY
        if not type_uses[kind]:
            value += NEW_TYPE_BONUS
        return value

    while remaining and len(picked) < SPREAD_PICKS:
        # Penalties only lower a score and the bonus is at most NEW_TYPE_BONUS, so once the raw
        # scores (sorted) fall below the best adjusted value found, nothing later can win.
        best, best_value = remaining[0], adjusted(remaining[0])
        for question in remaining[1:]:
            if question.score + NEW_TYPE_BONUS < best_value:
                break
            value = adjusted(question)
            if value > best_value:
                best, best_value = question, value
        remaining.remove(best)
        picked.append(best)
        fact, start, kind, answer, template, duplicate = keys[id(best)]
        # A statement that is true as written prints its whole sentence, the answer of any blank
        # in it too: the sentence counts as asked. It asks about no one part of it, though, so
        # it leaves the facts free for questions on other sentences.
        sentence_uses[start] += 1
        if not is_true_statement(best):
            fact_uses[fact] += 1
            if duplicate:
                asked.setdefault(duplicate, []).append((best.start, best.end))
        answer_uses[answer] += 1
        template_uses[template] += 1
        type_uses[kind] += 1
        if is_true_statement(best):
            text = text_of[id(best)]
            given_away.update(
                id(q) for q in remaining if shown_of[id(q)] and shown_of[id(q)] in text
            )
        elif shown := shown_of[id(best)]:
            given_away.update(id(q) for q in remaining if shown in text_of.get(id(q), ""))
        if best.type == "true_false":
            verdicts.append(best.answer)
            stated.add(best.start)
    return picked + remaining


def normal_text(text: str) -> str:
    """Lower case, words and figures only, padded so a whole answer is found as `f" {a} "`."""
    return " " + re.sub(r"[\W_]+", " ", text.lower()).strip() + " "


def answer_shown(question: Question) -> str:
    """The answer as a statement would print it, padded; "" for statements, orderings and
    matchings, and for answers too short to tell apart."""
    if question.type in ("true_false", "ordering", "matching"):
        return ""
    text = answer_text(question.answer).strip()
    return normal_text(text) if len(text) >= 2 else ""

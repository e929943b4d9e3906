"""Who a "he" or "she" most likely means, by the simplest rule that works in news prose: the
latest person who was the subject of a clause shortly before, else the latest person named."""

from .entities import PERSON, Entity, EntityIndex
from .parsing import ParsedText

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
WINDOW = 700  # characters: about the two previous paragraphs


def is_subject(parsed: ParsedText, position: int) -> bool:
    sentence = parsed.sentence_at(position)
    for token in sentence.span:
        if sentence.offset + token.idx >= position:
            head = token
            while head.dep_ in ("compound", "flat") and head.head.i != head.i:
                head = head.head
            return head.dep_ in SUBJECT_DEPS
    return False


def person_before(parsed: ParsedText, index: EntityIndex, position: int) -> Entity | None:
    candidates = [
        (start, entity)
        for start, _end, entity in index.mentions_between(max(0, position - WINDOW), position)
        if entity.kind == PERSON
    ]
    if not candidates:
        return None
    subjects = [(start, entity) for start, entity in candidates if is_subject(parsed, start)]
    return (subjects or candidates)[-1][1]

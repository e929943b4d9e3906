from functools import lru_cache

import numpy
import spacy
from spacy.attrs import LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

# The lemmatizer's output is never read. The attribute ruler only copies each fine-grained tag
# to a coarse part of speech through a matcher, which costs about a sixth of the pipeline's
# time; the same table applied by a dictionary lookup gives the facts what they need.
UNUSED_COMPONENTS = ("lemmatizer", "attribute_ruler")
POS_COMPONENT = "quiz_pos_from_tag"
# The ruler's one context rule that the facts care about: forms of be/have/do and modals
# are auxiliaries ("was", "has", "will"), not main verbs.
AUXILIARIES = frozenset(
    [
        "be",
        "is",
        "am",
        "are",
        "was",
        "were",
        "been",
        "being",
        "'s",
        "'re",
        "'m",
        "has",
        "have",
        "had",
        "having",
        "'ve",
        "'d",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "wo",
        "ca",
        "'ll",
    ]
)


@Language.factory(POS_COMPONENT, default_config={"mapping": {}})
def make_pos_from_tag(nlp: Language, name: str, mapping: dict[str, str]):
    # Keyed by the tag's hash and valued by the POS id, so each token costs one dict lookup
    # and the whole column is written back at once.
    by_hash = {nlp.vocab.strings.add(tag): POS_IDS[pos] for tag, pos in mapping.items()}
    verb_tags = {nlp.vocab.strings.add(tag) for tag in mapping if tag.startswith(("VB", "MD"))}
    auxiliaries = {nlp.vocab.strings.add(word) for word in AUXILIARIES}
    aux = POS_IDS["AUX"]

    def set_pos(doc: Doc) -> Doc:
        if len(doc):
            rows = doc.to_array([TAG, LOWER]).tolist()
            pos = [
                aux if tag in verb_tags and lower in auxiliaries else by_hash.get(tag, 0)
                for tag, lower in rows
            ]
            doc.from_array([POS], numpy.array(pos, dtype="uint64").reshape(-1, 1))
        return doc

    return set_pos


def tag_to_pos(nlp: Language) -> dict[str, str]:
    """The one-tag rules of the model's own attribute ruler: {"NN": "NOUN", ...}."""
    mapping = {}
    for rule in nlp.get_pipe("attribute_ruler").patterns:
        pattern = rule["patterns"][0]
        one_tag = len(pattern) == 1 and set(pattern[0]) == {"TAG"}
        if one_tag and isinstance(pattern[0]["TAG"], str) and "POS" in rule["attrs"]:
            mapping[pattern[0]["TAG"]] = rule["attrs"]["POS"]
    return mapping


@lru_cache(maxsize=4)
def load_nlp(model_name: str) -> Language:
    nlp = spacy.load(model_name)
    if "attribute_ruler" in nlp.pipe_names and "tagger" in nlp.pipe_names:
        nlp.add_pipe(POS_COMPONENT, config={"mapping": tag_to_pos(nlp)})
    replaceable = [name for name in UNUSED_COMPONENTS if name in nlp.pipe_names]
    if POS_COMPONENT not in nlp.pipe_names and "attribute_ruler" in replaceable:
        replaceable.remove("attribute_ruler")  # a model without a tagger still needs it
    for name in replaceable:
        nlp.disable_pipe(name)
    return nlp

"""Questions as plain objects with the Question model's fields, one of each type."""

from types import SimpleNamespace

SENTENCE = "Kim Jong Un met Vladimir Putin in Vladivostok on April 25, 2019."
EXPLANATION = f"According to the article: “{SENTENCE}”"


def question(type_: str = "short_answer", **fields) -> SimpleNamespace:
    values = {
        "type": type_,
        "prompt": "Where did Kim Jong Un meet Vladimir Putin?",
        "answer": "Vladivostok",
        "accepted": [],
        "choices": [],
        "tolerance": None,
        "explanation": EXPLANATION,
        "sentence": SENTENCE,
        "pk": 1,
    }
    return SimpleNamespace(**(values | fields))


def one_of_each() -> dict[str, SimpleNamespace]:
    return {
        "cloze": question("cloze", prompt="Kim Jong Un met Vladimir Putin in _____.", pk=11),
        "short_answer": question(accepted=["Vladivostok, Russia"], pk=12),
        "multiple_choice": question(
            "multiple_choice",
            prompt="Which city hosted the summit?",
            choices=["Moscow", "Vladivostok", "Hanoi"],
            pk=13,
        ),
        "quote_attribution": question(
            "quote_attribution",
            prompt="Who said “We will meet again”?",
            answer="Kim Jong Un",
            choices=["Vladimir Putin", "Kim Jong Un", "Donald Trump"],
            pk=14,
        ),
        "true_false": question(
            "true_false",
            prompt="True or false: the summit was held in Moscow.",
            answer=False,
            pk=15,
        ),
        "numeric": question(
            "numeric", prompt="How many delegates came?", answer=95, tolerance=2.0, pk=16
        ),
        "matching": question(
            "matching",
            prompt="Match each leader with their country.",
            answer=[["Kim Jong Un", "North Korea"], ["Vladimir Putin", "Russia"]],
            choices=["Russia", "North Korea"],
            pk=17,
        ),
        "ordering": question(
            "ordering",
            prompt="Put these in order, earliest first.",
            answer=["Singapore summit", "Hanoi summit", "Vladivostok summit"],
            choices=["Hanoi summit", "Vladivostok summit", "Singapore summit"],
            pk=18,
        ),
    }

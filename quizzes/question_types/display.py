"""How answers of every type read as text, and the two sides of a card."""

from dataclasses import dataclass, field


def answer_text(answer) -> str:
    """An answer of any question type as a short line of text."""
    if isinstance(answer, bool):
        return "True" if answer else "False"
    if isinstance(answer, float) and answer.is_integer():
        return f"{int(answer):,}"
    if isinstance(answer, int | float):
        return f"{answer:,}"
    if isinstance(answer, dict):
        return "; ".join(f"{left} → {right}" for left, right in answer.items())
    if isinstance(answer, list):
        if answer and all(isinstance(item, list | tuple) and len(item) == 2 for item in answer):
            return "; ".join(f"{left} → {right}" for left, right in answer)
        return " → ".join(str(item) for item in answer)
    return str(answer)


def other_accepted(question, same=str.casefold) -> list[str]:
    """The accepted variants a reader has not just seen as the answer; `same` says which
    spellings count as one (the review page ignores accents and punctuation too)."""
    shown = same(answer_text(question.answer))
    variants = dict.fromkeys(str(variant) for variant in question.accepted or [])
    return [variant for variant in variants if same(variant) != shown]


@dataclass(frozen=True)
class Front:
    """What a student may see before answering: no answer, accepted answer or explanation, and
    no tolerance either (a generated tolerance is a share of the answer: ± 4.75 gives away 95)."""

    type: str
    prompt: str
    instruction: str
    options: list[str]
    left: list[str]
    right: list[str]
    typed: bool
    picks: bool
    ordered: bool


@dataclass(frozen=True)
class Flashcard:
    """A question as the two sides of a card: the front asks, the back answers."""

    type: str
    prompt: str
    instruction: str
    # Front: the options to choose from or the items to order...
    options: list[str] = field(default_factory=list)
    # ...or the two columns to match.
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    tolerance: str = ""
    # Back: other accepted answers (not repeating the answer itself), and the explanation unless
    # it only repeats the source sentence shown anyway.
    also_accepted: list[str] = field(default_factory=list)
    explanation: str = ""
    # Back: one line, or the ordered items / matched pairs.
    answer: str = ""
    answer_items: list[str] = field(default_factory=list)
    # The front offers a box to type the answer in, or the options as buttons to pick.
    typed: bool = False
    picks: bool = False
    # The back lists the answer's items in order (ordering) rather than as pairs.
    ordered: bool = False

    def front(self) -> Front:
        return Front(
            type=self.type,
            prompt=self.prompt,
            instruction=self.instruction,
            options=self.options,
            left=self.left,
            right=self.right,
            typed=self.typed,
            picks=self.picks,
            ordered=self.ordered,
        )

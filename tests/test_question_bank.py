"""The question bank: editing with versions, writing by hand, reviewing many at once, and
keeping what instructors wrote when an article is imported again."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from learning.services import review_record
from quizzes.importing import article_import
from quizzes.models import Question, QuestionVersion
from quizzes.services import (
    ContentError,
    QuestionContent,
    article_approve_best,
    question_create,
    question_update,
    questions_review,
)
from tests.factories import ArticleFactory, CardFactory, QuestionFactory

pytestmark = pytest.mark.usefixtures("fast_passwords")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def _content(question, **changes) -> QuestionContent:
    values = {
        "type": question.type,
        "prompt": question.prompt,
        "answer": question.answer,
        "accepted": question.accepted,
        "choices": question.choices,
        "tolerance": question.tolerance,
        "explanation": question.explanation,
        "sentence_start": question.start,
    }
    return QuestionContent(**(values | changes))


@pytest.fixture
def question(instructor):
    return QuestionFactory(fact__article=ArticleFactory(owner=instructor))


def test_an_edit_keeps_the_previous_version(question, instructor):
    before = question.prompt
    edited = question_update(
        question=question, content=_content(question, prompt="Which day?"), editor=instructor
    )
    assert (edited.prompt, edited.version, edited.edited_by) == ("Which day?", 2, instructor)
    kept = QuestionVersion.objects.get(question=question)
    assert (kept.number, kept.prompt, kept.author) == (1, before, None)


def test_saving_without_a_change_makes_no_version(question, instructor):
    question_update(question=question, content=_content(question), editor=instructor)
    assert question.versions.count() == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"type": "multiple_choice", "choices": ["Tuesday"]}, "at least two choices"),
        ({"type": "multiple_choice", "choices": ["Monday", "Friday"]}, "one of the choices"),
        ({"type": "numeric", "answer": 3, "tolerance": -1}, "zero or more"),
        ({"type": "ordering", "answer": ["a", "b"]}, "three items or more"),
        ({"type": "matching", "answer": [["a", "x"], ["a", "y"]]}, "must all differ"),
        ({"sentence_start": 5}, "source sentence"),
        ({"prompt": ""}, "Write a prompt"),
    ],
)
def test_an_invalid_edit_is_explained_and_changes_nothing(question, instructor, changes, message):
    with pytest.raises(ContentError, match=message):
        question_update(question=question, content=_content(question, **changes), editor=instructor)
    question.refresh_from_db()
    assert (question.version, question.versions.count()) == (1, 0)


def test_a_card_keeps_its_schedule_and_reviews_their_version_across_an_edit(question, instructor):
    card = CardFactory(question=question, due=T0)
    first = review_record(
        student=card.student, card=card, rating=3, reviewed_at=T0,
        duration=timedelta(seconds=3), client_id="a",
    )  # fmt: skip
    card.refresh_from_db()
    due = card.due
    question_update(question=question, content=_content(question, prompt="Day?"), editor=instructor)
    card.refresh_from_db()
    second = review_record(
        student=card.student, card=card, rating=3, reviewed_at=due,
        duration=timedelta(seconds=3), client_id="b",
    )  # fmt: skip
    assert (card.due, first.question_version, second.question_version) == (due, 1, 2)


def test_a_retired_question_cannot_be_edited(question, instructor):
    Question.objects.filter(pk=question.pk).update(status=Question.Status.RETIRED)
    with pytest.raises(ContentError, match="gone from the article"):
        question_update(
            question=question, content=_content(question, prompt="x?"), editor=instructor
        )


def test_a_hand_written_question_starts_approved_on_its_sentence(instructor):
    article = ArticleFactory(owner=instructor)
    content = QuestionContent(
        type="ordering", prompt="Order these.", answer=["One", "Two", "Three"], accepted=[],
        choices=[], tolerance=None, explanation="", sentence_start=0,
    )  # fmt: skip
    question = question_create(article=article, content=content, author=instructor)
    assert (question.status, question.origin, question.sentence) == (
        Question.Status.APPROVED, Question.Origin.WRITTEN, article.text,
    )  # fmt: skip
    assert sorted(question.choices) == sorted(question.answer)
    assert question.choices != question.answer


def test_selected_questions_are_approved_at_once_but_retired_ones_stay(instructor):
    article = ArticleFactory(owner=instructor)
    live = QuestionFactory.create_batch(2, fact__article=article, status="candidate")
    retired = QuestionFactory(fact__article=article, status="retired")
    assert questions_review(questions=[*live, retired], status="approved", reviewer=instructor) == 2
    retired.refresh_from_db()
    assert retired.status == "retired"


def test_approving_the_best_needs_a_positive_count(question, instructor):
    with pytest.raises(ContentError, match="at least one"):
        article_approve_best(article=question.article, count=0, reviewer=instructor)


@pytest.fixture
def summit(instructor):
    text = (SEEDS / "003_a44df72abeecd1ad.txt").read_text(encoding="utf-8")
    return text, article_import(raw_text=text, title="Summit", owner=instructor).article


def test_a_reimport_keeps_edited_and_hand_written_questions(summit, instructor):
    text, article = summit
    edited = article.questions.exclude(sentence__contains="December 22").first()
    question_update(
        question=edited, content=_content(edited, prompt="Rewritten by hand?"), editor=instructor
    )
    written = question_create(
        article=article,
        content=_content(edited, type="short_answer", prompt="Hand-written?", answer="Kim",
                         accepted=[], choices=[]),
        author=instructor,
    )  # fmt: skip
    article_import(
        raw_text=text.replace("December 22", "December 23"), title="Summit", owner=instructor
    )
    edited.refresh_from_db()
    written.refresh_from_db()
    assert (edited.prompt, edited.status) == ("Rewritten by hand?", Question.Status.CANDIDATE)
    assert written.status == Question.Status.APPROVED
    # The generator's own version of the edited question is not added again.
    assert not article.questions.filter(prompt=edited.versions.get().prompt).exists()

"""Reviewing through the API: the due list (no answers), a card's back, one review, a batch
made offline."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from learning.models import Review
from tests.factories import CardFactory, QuestionFactory, StudentFactory

pytestmark = pytest.mark.usefixtures("fast_passwords")
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
SECRET = "Zanzibar-answer"


@pytest.fixture(autouse=True)
def _clock(time_machine):
    time_machine.move_to(T0, tick=False)


@pytest.fixture
def card(student, enrolled_article):
    question = QuestionFactory(fact__article=enrolled_article, answer=SECRET, accepted=["Zanz"])
    return CardFactory(student=student, question=question, due=T0)


def _review(card, **changes) -> dict:
    review = {"id": str(uuid.uuid4()), "card": card.pk, "rating": 3, "duration": 6}
    return review | {"reviewed_at": (T0 - timedelta(minutes=1)).isoformat()} | changes


def test_the_due_list_has_fronts_and_states_but_never_the_answer(student_api, card):
    response = student_api.get("/api/v1/reviews/due/", {"limit": 5})
    body = response.json()
    assert [c["id"] for c in body["cards"]][:1] == [card.pk]
    assert {"state", "due", "stability", "difficulty"} <= set(body["cards"][0])
    assert SECRET not in json.dumps(body)
    assert "Zanz" not in json.dumps(body)


def test_the_due_list_introduces_new_cards_within_todays_limit(student_api, enrolled_article):
    QuestionFactory.create_batch(3, fact__article=enrolled_article)
    body = student_api.get("/api/v1/reviews/due/", {"limit": 10}).json()
    assert len(body["cards"]) == 3


def test_an_unchanged_due_list_is_a_304(student_api, card):
    first = student_api.get("/api/v1/reviews/due/")
    again = student_api.get("/api/v1/reviews/due/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_the_back_has_the_answer_and_its_source(student_api, card):
    body = student_api.get(f"/api/v1/cards/{card.pk}/").json()
    assert body["answer"] == SECRET
    assert body["sentence_url"].endswith(f"#s-{card.question.start}")


def test_one_review_is_stored_once(student_api, card):
    review = _review(card)
    first = student_api.post("/api/v1/reviews/", review)
    again = student_api.post("/api/v1/reviews/", review)
    assert (first.status_code, again.status_code) == (201, 200)
    assert Review.objects.count() == 1


def test_a_review_answers_with_the_card_as_it_left_it(student_api, card):
    review = _review(card)
    first = student_api.post("/api/v1/reviews/", review).json()
    again = student_api.post("/api/v1/reviews/", review).json()  # the card read back
    assert first == again
    assert (first["reps"], first["article"]["title"]) == (1, card.question.article.title)


def test_the_same_id_with_another_body_is_a_conflict(student_api, card):
    review = _review(card)
    student_api.post("/api/v1/reviews/", review)
    response = student_api.post("/api/v1/reviews/", review | {"rating": 1})
    assert (response.status_code, response.json()["error"]["code"]) == (422, "conflict")


def test_a_batch_keeps_the_good_reviews_and_says_why_others_were_refused(student_api, card):
    theirs = CardFactory(student=StudentFactory(username="other"))
    batch = [
        _review(card, reviewed_at=(T0 - timedelta(minutes=9)).isoformat()),
        _review(theirs),
        _review(card, reviewed_at=(T0 + timedelta(hours=1)).isoformat()),
        _review(card, reviewed_at=(T0 - timedelta(minutes=5)).isoformat()),
    ]
    body = student_api.post("/api/v1/reviews/sync/", {"reviews": batch}).json()
    outcomes = [(item["outcome"], item["code"]) for item in body["reviews"]]
    assert [o for o, _ in outcomes] == ["created", "rejected", "rejected", "created"]
    assert outcomes[2][1] == "future"
    assert Review.objects.count() == 2
    assert body["cards"][0]["id"] == card.pk


def test_a_malformed_batch_names_its_fields(student_api, card):
    response = student_api.post(
        "/api/v1/reviews/sync/", {"reviews": [_review(card, rating=7, reviewed_at="yesterday")]}
    )
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {
        "reviews[0].rating",
        "reviews[0].reviewed_at",
    }
    assert not Review.objects.exists()


def test_a_batch_over_the_limit_says_so_as_text(student_api, card):
    reviews = [_review(card) for _ in range(501)]
    response = student_api.post("/api/v1/reviews/sync/", {"reviews": reviews})
    fields = response.json()["error"]["fields"]
    assert fields == {"reviews": ["Ensure this field has no more than 500 elements."]}


def test_a_time_that_cannot_be_is_refused(student_api, card):
    response = student_api.post("/api/v1/reviews/", _review(card, reviewed_at="2024-01-01T12:99Z"))
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["reviewed_at"]


def test_a_time_without_its_offset_is_refused(student_api, card):
    response = student_api.post(
        "/api/v1/reviews/", _review(card, reviewed_at="2026-11-30T08:00:00")
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "reviewed_at": ["Give the time with its offset (ISO 8601)."]
    }
    assert not Review.objects.exists()


def test_what_the_student_typed_is_graded_and_kept(student_api, card):
    response = student_api.post("/api/v1/reviews/", _review(card, response=card.question.answer))
    assert response.status_code == 201
    review = Review.objects.get()
    assert (review.response, review.response_correct) == (card.question.answer, True)


def test_another_students_card_is_a_404(api, card):
    api.force_authenticate(StudentFactory(username="other"))
    assert api.get(f"/api/v1/cards/{card.pk}/").status_code == 404


def test_instructors_get_403_on_reviews(instructor_api, card):
    assert instructor_api.get("/api/v1/reviews/due/").status_code == 403


def test_a_review_through_the_api_reads_and_writes_as_the_browsers_does(
    student_api, card, django_assert_num_queries
):
    # The user's permissions, read in one statement (the test client is logged in without a
    # token); then one read locking the card (with its question and the article's title for the
    # answer) and one write, between a savepoint and its release (BEGIN and COMMIT outside a
    # test).
    with django_assert_num_queries(5):
        response = student_api.post("/api/v1/reviews/", _review(card), format="json")
    assert response.status_code == 201
    assert response.json()["article"]["title"] == card.question.article.title

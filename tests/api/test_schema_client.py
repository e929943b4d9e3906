"""The API as an app written from its schema alone sees it: `schema_client.SchemaClient` (no
project imports) against a live server with the demo loaded, as a deployment has it. Only the
fixtures use the project, to load the demo and sign a student up."""

import uuid
from datetime import datetime, timedelta, timezone

import pytest
from django.core.management import call_command

from learning.services import student_sign_up
from tests.api.schema_client import SchemaClient

pytestmark = pytest.mark.usefixtures("fast_passwords")

USERNAME, PASSWORD = "reader", "news-reader-2019"
DEMO_CODE = "NKRUSSIA"
DEMO_QUIZ = "Kim and Putin, 2019"
# The phone's clock, in Pyongyang time.
DEVICE_ZONE = timezone(timedelta(hours=9))


@pytest.fixture
def site(transactional_db, live_server):
    call_command("load_demo", verbosity=0)
    student_sign_up(
        username=USERNAME, email="reader@example.com", password=PASSWORD, ip_address="127.0.0.1"
    )
    return live_server.url


@pytest.fixture
def logged_in(site):
    app = SchemaClient(site)
    app.log_in(USERNAME, PASSWORD)
    return app


@pytest.fixture
def app(logged_in):
    """Logged in as a new student who has joined the demo course."""
    logged_in.call("v1_courses_join_create", {"code": DEMO_CODE})
    return logged_in


def _review(card: dict, at: datetime, rating: int = 3) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "card": card["id"],
        "rating": rating,
        "reviewed_at": at.isoformat(),
        "duration": 7.5,
    }


def _guess(front: dict):
    """An answer of the shape the front asks for; a guess, since the front never tells."""
    if front["left"]:
        return dict(zip(front["left"], front["right"], strict=True))
    if front["ordered"]:
        return front["options"]
    if front["picks"]:
        return front["options"][0]
    return "2019"


def test_it_logs_in_and_learns_whose_token_it_holds(site):
    app = SchemaClient(site)
    assert app.log_in(USERNAME, PASSWORD).status == 200
    me = app.call("v1_me_retrieve").body
    assert (me["username"], me["role"]) == (USERNAME, "student")


def test_it_joins_the_demo_course_by_its_code(logged_in):
    joined = logged_in.call("v1_courses_join_create", {"code": DEMO_CODE})
    assert joined.status == 201
    assert len(joined.body["articles"]) == 2


def test_it_studies_a_days_cards_until_none_is_left(app):
    due = app.call("v1_reviews_due_retrieve", query={"limit": 100}).body["cards"]
    assert due
    for card in due:
        back = app.call("v1_cards_retrieve", id=card["id"]).body
        assert back["question"]["prompt"] == card["question"]["prompt"]
        review = _review(card, datetime.now(DEVICE_ZONE)) | {"response": str(back["answer"])}
        assert app.call("v1_reviews_create", review).status == 201
    assert app.call("v1_reviews_due_retrieve", query={"limit": 100}).body["cards"] == []


def test_an_unchanged_due_list_is_not_downloaded_again(app):
    first = app.call("v1_reviews_due_retrieve")
    again = app.call("v1_reviews_due_retrieve", headers={"If-None-Match": first.headers["etag"]})
    assert (again.status, again.body) == (304, None)


def test_an_offline_batch_out_of_order_stores_each_review_once(app):
    first, second = app.call("v1_reviews_due_retrieve", query={"limit": 2}).body["cards"]
    start = datetime.now(DEVICE_ZONE) - timedelta(hours=1)
    early, late = _review(first, start), _review(first, start + timedelta(minutes=20))
    lapse = _review(second, start + timedelta(minutes=5), rating=1)
    batch = [late, lapse, early, late]
    body = app.call("v1_reviews_sync_create", {"reviews": batch}).body
    outcomes = [(item["id"], item["outcome"]) for item in body["reviews"]]
    assert outcomes == [
        (late["id"], "created"),
        (lapse["id"], "created"),
        (early["id"], "created"),
        (late["id"], "duplicate"),
    ]
    states = {card["id"]: card for card in body["cards"]}
    # Replayed in the device's order: the last review is the one sent first.
    assert datetime.fromisoformat(states[first["id"]]["last_review"]) == start + timedelta(
        minutes=20
    )
    assert (states[first["id"]]["reps"], states[second["id"]]["reps"]) == (2, 1)


def test_an_offline_batch_sent_again_changes_nothing(app):
    (card,) = app.call("v1_reviews_due_retrieve", query={"limit": 1}).body["cards"]
    batch = {"reviews": [_review(card, datetime.now(DEVICE_ZONE) - timedelta(minutes=3))]}
    stored = app.call("v1_reviews_sync_create", batch).body
    again = app.call("v1_reviews_sync_create", batch).body
    assert [item["outcome"] for item in again["reviews"]] == ["duplicate"]
    assert again["cards"] == stored["cards"]


def test_it_takes_the_demo_quiz_and_reads_its_score(app):
    quiz = next(q for q in app.call("v1_quizzes_list").body["results"] if q["title"] == DEMO_QUIZ)
    started = app.call("v1_quizzes_attempts_create", id=quiz["id"])
    assert started.status == 201
    attempt = started.body
    for question in attempt["questions"]:
        saved = app.call(
            "v1_attempts_answers_update",
            {"response": _guess(question["front"])},
            id=attempt["id"],
            question_id=question["question_id"],
        )
    assert all(q["response"] is not None for q in saved.body["questions"])
    app.call("v1_attempts_submit_create", id=attempt["id"])
    result = app.call("v1_attempts_retrieve", id=attempt["id"]).body
    assert result["submitted_at"] is not None
    assert 0 <= result["score"] <= result["max_score"]


def test_a_refreshed_access_token_works(logged_in):
    assert logged_in.renew().status == 200
    assert logged_in.call("v1_me_retrieve").status == 200


def test_after_logging_out_the_refresh_token_is_refused(logged_in):
    assert logged_in.call("v1_auth_logout_create", {"refresh": logged_in.refresh}).status == 200
    assert logged_in.renew().status == 401

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learning.models import Card, Review
from quizzes.models import Enrollment, Question
from tests.factories import (
    ArticleFactory,
    CardFactory,
    CourseFactory,
    EnrollmentFactory,
    QuestionFactory,
    StudentFactory,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")
HTMX = {"HTTP_HX_REQUEST": "true"}
STUDENT_PAGES = [
    "learning:review",
    "learning:progress",
    "learning:study_settings",
    "learning:leeches",
]


@pytest.mark.parametrize("url_name", [*STUDENT_PAGES, "learning:teach_leeches"])
def test_anonymous_visitors_are_sent_to_log_in(client, db, url_name):
    url = reverse(url_name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("url_name", STUDENT_PAGES)
def test_instructors_get_403_on_student_pages(instructor_client, url_name):
    assert instructor_client.get(reverse(url_name)).status_code == 403


@pytest.mark.parametrize("url_name", STUDENT_PAGES)
def test_students_get_their_pages(student_client, url_name):
    assert student_client.get(reverse(url_name)).status_code == 200


def test_students_get_403_on_the_instructors_leech_page(student_client):
    assert student_client.get(reverse("learning:teach_leeches")).status_code == 403


def test_the_review_page_shows_the_next_card_with_show_answer(student_client, card):
    response = student_client.get(reverse("learning:review"))
    assert card.question.prompt in response.content.decode()
    assert b"Show answer" in response.content
    assert b'aria-live="polite"' in response.content


def test_the_review_page_counts_due_and_new_cards(student_client, card, enrolled_article):
    QuestionFactory.create_batch(2, fact__article=enrolled_article)
    content = student_client.get(reverse("learning:review")).content.decode()
    assert "1 due now · 2 new left today" in content


def test_short_answer_cards_offer_a_box_to_type_in(student_client, card):
    response = student_client.get(reverse("learning:review"))
    assert b'id="typed-answer" name="response"' in response.content


def test_multiple_choice_cards_offer_their_options_as_buttons(
    student_client, enrolled_article, student
):
    question = QuestionFactory(
        fact__article=enrolled_article,
        type="multiple_choice",
        answer="Vladivostok",
        choices=["Moscow", "Vladivostok", "Sochi"],
    )
    CardFactory(student=student, question=question)
    content = student_client.get(reverse("learning:review")).content.decode()
    assert 'name="response" value="Sochi" class="pick secondary" data-key="3"' in content
    assert 'id="typed-answer"' not in content


def test_a_picked_option_is_graded_on_the_back_and_kept(student_client, enrolled_article, student):
    question = QuestionFactory(
        fact__article=enrolled_article,
        type="multiple_choice",
        answer="Vladivostok",
        choices=["Moscow", "Vladivostok", "Sochi"],
    )
    card = CardFactory(student=student, question=question)
    answer = reverse("learning:review_answer", args=[card.pk])
    back = student_client.get(answer, {"response": "Sochi"}, **HTMX).content.decode()
    assert "You chose <q>Sochi</q>: <strong>Not quite</strong>" in back
    grade = reverse("learning:review_grade", args=[card.pk])
    student_client.post(grade, {"rating": 1, "client_id": "c1", "response": "Sochi"}, **HTMX)
    assert (Review.objects.get().response, Review.objects.get().response_correct) == (
        "Sochi",
        False,
    )


def test_review_can_be_narrowed_to_one_course(student_client, student, card):
    other_course = CourseFactory(title="Another course")
    EnrollmentFactory(course=other_course, student=student)
    other_article = ArticleFactory(owner=other_course.instructor)
    other_course.articles.add(other_article)
    other = CardFactory(student=student, question=QuestionFactory(fact__article=other_article))
    response = student_client.get(reverse("learning:review"), {"course": other_course.pk})
    content = response.content.decode()
    assert other.question.prompt in content
    assert card.question.prompt not in content
    assert f'<input type="hidden" name="course" value="{other_course.pk}">' in content


@pytest.mark.parametrize(
    "scope", [{"course": "999999"}, {"article": "x"}, {"course": "\u00b2"}, {"article": "-1"}]
)
def test_review_narrowed_to_a_course_that_is_not_ones_own_goes_back_to_all(
    student_client, card, scope
):
    response = student_client.get(reverse("learning:review"), scope, follow=True)
    assert response.redirect_chain == [(reverse("learning:review"), 302)]
    assert "not one of yours now" in response.content.decode()


def test_a_card_of_a_course_the_student_left_is_out_of_reach(student_client, card):
    Enrollment.objects.update(left_at=timezone.now())
    url = reverse("learning:review_grade", args=[card.pk])
    response = student_client.post(url, {"rating": 3, "client_id": "c1"})
    assert response.status_code == 404
    assert not Review.objects.exists()


def test_the_answer_shows_ratings_with_their_next_intervals(student_client, card):
    response = student_client.get(reverse("learning:review_answer", args=[card.pk]), **HTMX)
    content = response.content.decode()
    for label, interval in [("Again", "1m"), ("Hard", "6m"), ("Good", "10m"), ("Easy", "")]:
        assert f'<span class="rating-label">{label}</span>' in content
        assert f'<span class="rating-interval">{interval}' in content
    assert "<html" not in content  # an htmx partial


def test_the_answer_links_the_source_sentence_in_the_article(student_client, card):
    response = student_client.get(reverse("learning:review_answer", args=[card.pk]))
    url = reverse("learning:study_article", args=[card.question.article_id])
    assert f"{url}#s-{card.question.start}" in response.content.decode()


def test_a_typed_answer_is_graded_leniently(student_client, card):
    url = reverse("learning:review_answer", args=[card.pk])
    response = student_client.get(url, {"response": "tuesdya"})
    assert b"Correct, with a small typo" in response.content


def test_another_students_card_is_a_404(student_client, db):
    other = CardFactory()
    assert student_client.get(reverse("learning:review_answer", args=[other.pk])).status_code == 404


def test_grading_records_the_review_and_swaps_in_the_next_card(student_client, card, student):
    second = CardFactory(
        student=student, question=QuestionFactory(fact__article=card.question.article)
    )
    url = reverse("learning:review_grade", args=[card.pk])
    response = student_client.post(url, {"rating": 3, "client_id": "c1"}, **HTMX)
    assert Review.objects.get().card == card
    assert second.question.prompt in response.content.decode()


def test_grading_without_htmx_redirects_to_the_review_page(student_client, card):
    url = reverse("learning:review_grade", args=[card.pk])
    response = student_client.post(url, {"rating": 4, "client_id": "c1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("learning:review")


def test_a_double_submitted_grade_is_recorded_once(student_client, card):
    url = reverse("learning:review_grade", args=[card.pk])
    student_client.post(url, {"rating": 3, "client_id": "c1"}, **HTMX)
    student_client.post(url, {"rating": 3, "client_id": "c1"}, **HTMX)
    assert Review.objects.count() == 1


def test_the_answer_time_is_measured_from_when_the_card_was_shown(student_client, card):
    shown_at = int((timezone.now() - timedelta(seconds=7)).timestamp() * 1000)
    url = reverse("learning:review_grade", args=[card.pk])
    student_client.post(url, {"rating": 3, "client_id": "c1", "shown_at": shown_at}, **HTMX)
    assert timedelta(seconds=7) <= Review.objects.get().duration < timedelta(seconds=9)


def test_a_missing_rating_is_explained(student_client, card):
    url = reverse("learning:review_grade", args=[card.pk])
    response = student_client.post(url, {"client_id": "c1"}, **HTMX)
    assert b"Choose Again, Hard, Good or Easy" in response.content
    assert not Review.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rating": 9, "client_id": "c1"}, "Choose Again, Hard, Good or Easy"),
        ({"rating": 3, "client_id": "x" * 65}, "The review id is too long"),
        ({"rating": 3, "client_id": ""}, "The review had no id"),
        ({"rating": 3, "client_id": "c1", "shown_at": "soon"}, "milliseconds since 1970"),
        ({"rating": 3, "client_id": "c1", "shown_at": 10**15}, "too far in the future"),
        ({"rating": 3, "client_id": "c1", "shown_at": 10**20}, "too far in the future"),
    ],
)
@pytest.mark.parametrize("headers", [HTMX, {}], ids=["htmx", "plain"])
def test_a_bad_grade_is_explained_and_records_nothing(student_client, card, data, message, headers):
    url = reverse("learning:review_grade", args=[card.pk])
    response = student_client.post(url, data, follow=True, **headers)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Review.objects.exists()


def test_when_nothing_is_due_the_page_says_when_and_how_many_new_cards_are_left(
    student_client, card
):
    url = reverse("learning:review_grade", args=[card.pk])
    response = student_client.post(url, {"rating": 3, "client_id": "c1"}, **HTMX)
    content = response.content.decode()
    assert "Nothing to review right now" in content
    assert "Your next card is due" in content
    assert "No new cards left today" in content


def test_the_progress_page_draws_titled_svg_charts(student_client, card):
    content = student_client.get(reverse("learning:progress")).content.decode()
    assert content.count("<svg") == 3
    assert '<title id="chart-reviews-title">' in content
    assert (
        'aria-labelledby="chart-forecast-title" aria-describedby="chart-forecast-desc"' in content
    )


def test_the_progress_page_counts_a_review(student_client, card):
    url = reverse("learning:review_grade", args=[card.pk])
    student_client.post(url, {"rating": 3, "client_id": "c1"}, **HTMX)
    content = student_client.get(reverse("learning:progress")).content.decode()
    assert '<dd id="reviews-total">1</dd>' in content


def test_the_progress_page_makes_a_fixed_number_of_queries(
    student_client, student, enrolled_article, django_assert_max_num_queries
):
    for _ in range(5):
        CardFactory(student=student, question=QuestionFactory(fact__article=enrolled_article))
    with django_assert_max_num_queries(14):
        student_client.get(reverse("learning:progress"))


def test_settings_are_saved(student_client, student):
    data = {"time_zone": "Europe/Paris", "desired_retention": "0.85", "new_cards_per_day": "10"}
    response = student_client.post(reverse("learning:study_settings"), data)
    assert response.status_code == 302
    student.refresh_from_db()
    assert (student.time_zone, student.desired_retention, student.new_cards_per_day) == (
        "Europe/Paris",
        0.85,
        10,
    )


@pytest.mark.parametrize("retention", ["0.7", "0.755", "0.99"])
def test_settings_accept_any_retention_in_range(student_client, student, retention):
    data = {"time_zone": "UTC", "desired_retention": retention, "new_cards_per_day": "10"}
    assert student_client.post(reverse("learning:study_settings"), data).status_code == 302
    student.refresh_from_db()
    assert student.desired_retention == float(retention)


def test_settings_refuse_a_retention_out_of_range(student_client):
    data = {"time_zone": "UTC", "desired_retention": "0.5", "new_cards_per_day": "10"}
    response = student_client.post(reverse("learning:study_settings"), data)
    assert response.status_code == 200
    assert b"greater than or equal to 0.7" in response.content


def test_an_article_of_the_students_course_is_shown_with_its_sentences_marked(student_client, card):
    article = card.question.article
    response = student_client.get(reverse("learning:study_article", args=[article.pk]))
    assert response.status_code == 200
    assert f'<mark id="s-{card.question.start}"' in response.content.decode()


def test_an_article_outside_the_students_courses_is_a_404(student_client, db):
    article = ArticleFactory()
    assert (
        student_client.get(reverse("learning:study_article", args=[article.pk])).status_code == 404
    )


def test_students_see_their_leeches(student_client, card):
    Card.objects.filter(pk=card.pk).update(suspended=True, lapses=8)
    response = student_client.get(reverse("learning:leeches"))
    assert card.question.prompt in response.content.decode()


def test_the_leech_list_makes_a_fixed_number_of_queries(
    student_client, student, django_assert_max_num_queries
):
    for _ in range(5):
        CardFactory(student=student, suspended=True, lapses=8)
    with django_assert_max_num_queries(6):
        student_client.get(reverse("learning:leeches"))


def _leech_in_course(instructor):
    course = CourseFactory(instructor=instructor)
    article = ArticleFactory()
    course.articles.add(article)
    student = StudentFactory()
    EnrollmentFactory(course=course, student=student)
    question = QuestionFactory(fact__article=article)
    return CardFactory(student=student, question=question, suspended=True, lapses=8)


def test_instructors_see_leeches_of_their_courses_only(instructor_client, instructor):
    mine = _leech_in_course(instructor)
    theirs = _leech_in_course(CourseFactory().instructor)
    content = instructor_client.get(reverse("learning:teach_leeches")).content.decode()
    assert mine.question.prompt in content
    assert theirs.question.prompt not in content


def test_the_instructors_leech_list_makes_a_fixed_number_of_queries(
    instructor_client, instructor, django_assert_max_num_queries
):
    for _ in range(5):
        _leech_in_course(instructor)
    with django_assert_max_num_queries(6):
        instructor_client.get(reverse("learning:teach_leeches"))


def test_the_study_home_links_review_and_progress(student_client):
    content = student_client.get(reverse("learning:study_home")).content.decode()
    assert f'href="{reverse("learning:review")}"' in content
    assert f'href="{reverse("learning:progress")}"' in content


def test_the_study_home_makes_a_fixed_number_of_queries(
    student_client, student, django_assert_max_num_queries
):
    for _ in range(3):
        course = CourseFactory()
        course.articles.add(ArticleFactory(), ArticleFactory())
        EnrollmentFactory(course=course, student=student)
    with django_assert_max_num_queries(10):
        student_client.get(reverse("learning:study_home"))


def test_yesterdays_buried_cards_count_as_due_without_opening_the_review_page(
    student_client, student, card
):
    sibling = CardFactory(student=student, question=QuestionFactory(fact=card.fact))
    student_client.post(
        reverse("learning:review_grade", args=[card.pk]), {"rating": 3, "client_id": "c1"}
    )
    sibling.refresh_from_db()
    assert sibling.buried_until is not None
    before = student_client.get(reverse("learning:progress")).context["progress"].due_today
    Card.objects.filter(pk=sibling.pk).update(buried_until=timezone.now() - timedelta(minutes=1))

    assert student_client.get(reverse("learning:study_home")).context["counts"].due_now == 1
    progress = student_client.get(reverse("learning:progress")).context["progress"]
    assert progress.due_today == before + 1


def test_grading_a_withdrawn_questions_card_explains_and_records_nothing(student_client, card):
    Question.objects.filter(pk=card.question_id).update(status=Question.Status.REJECTED)
    url = reverse("learning:review_grade", args=[card.pk])
    response = student_client.post(url, {"rating": 3, "client_id": "c1"}, **HTMX)
    assert "withdrawn" in response.content.decode()
    assert not Review.objects.exists()


def test_the_typed_answer_travels_with_the_rating_and_is_kept(student_client, card):
    answer = student_client.get(
        reverse("learning:review_answer", args=[card.pk]), {"response": "Tuesday"}, **HTMX
    )
    assert b'name="response" value="Tuesday"' in answer.content
    url = reverse("learning:review_grade", args=[card.pk])
    student_client.post(url, {"rating": 3, "client_id": "c1", "response": "Tuesday"}, **HTMX)
    assert Review.objects.get().response_correct is True


@pytest.mark.parametrize("url_name", ["learning:review", "learning:study_home"])
def test_a_student_in_no_course_is_told_how_to_join_one(student_client, url_name):
    content = student_client.get(reverse(url_name)).content.decode()
    assert "You are not in any course yet" in content
    assert "No new cards left today" not in content

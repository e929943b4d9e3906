"""Quizzes in the browser's pages: students take them with nothing leaked or lost; instructors
build them and read the results."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learning.models import Attempt
from learning.services import attempt_answer_save, attempt_start, attempt_submit
from quizzes.models import Quiz
from tests.factories import (
    ArticleFactory,
    CourseFactory,
    EnrollmentFactory,
    QuestionFactory,
    QuizFactory,
    QuizSlotFactory,
    StudentFactory,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")
HTMX = {"HTTP_HX_REQUEST": "true"}
SECRET = "Zanzibar-answer"
EXPLANATION = "Because the tunnel-explanation says so."


@pytest.fixture
def quiz(student):
    course = CourseFactory()
    article = ArticleFactory(owner=course.instructor)
    course.articles.add(article)
    EnrollmentFactory(course=course, student=student)
    quiz = QuizFactory(course=course, time_limit=timedelta(minutes=20))
    kinds = [
        {"type": "short_answer", "answer": SECRET, "accepted": [SECRET + "-variant"]},
        {"type": "multiple_choice", "answer": "Hanoi", "choices": ["Seoul", "Hanoi", "Moscow"]},
        {"type": "true_false", "answer": True, "prompt": "True or false: the sky is blue."},
        {"type": "numeric", "answer": 42, "tolerance": 0},
        {"type": "ordering", "answer": ["One", "Two", "Three"], "choices": ["Three", "One", "Two"]},
        {"type": "matching", "answer": [["Kim", "leader"], ["Putin", "president"]],
         "choices": ["president", "leader"]},
    ]  # fmt: skip
    for position, fields in enumerate(kinds, start=1):
        question = QuestionFactory(fact__article=article, explanation=EXPLANATION, **fields)
        QuizSlotFactory(quiz=quiz, position=position, question=question)
    return quiz


@pytest.fixture
def attempt(student, quiz):
    return attempt_start(student=student, quiz=quiz, now=timezone.now())


STUDENT_ROUTES = ["learning:quiz", "learning:attempt", "learning:attempt_submit",
                  "learning:attempt_result"]  # fmt: skip


def _url(name, quiz, attempt):
    return reverse(name, args=[quiz.pk if name == "learning:quiz" else attempt.pk])


@pytest.mark.parametrize("name", STUDENT_ROUTES)
def test_anonymous_visitors_are_sent_to_log_in(client, quiz, attempt, name):
    response = client.get(_url(name, quiz, attempt))
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", STUDENT_ROUTES)
def test_instructors_get_403(instructor_client, quiz, attempt, name):
    assert instructor_client.get(_url(name, quiz, attempt)).status_code == 403


@pytest.mark.parametrize("name", STUDENT_ROUTES)
def test_another_student_gets_404(client, quiz, attempt, name):
    client.force_login(StudentFactory(username="other"))
    assert client.get(_url(name, quiz, attempt)).status_code == 404


def test_another_student_cannot_save_an_answer(client, attempt):
    client.force_login(StudentFactory(username="other"))
    url = reverse("learning:attempt_answer", args=[attempt.pk, 1])
    assert client.post(url, {"response": "x"}).status_code == 404
    assert attempt.answers.get(position=1).response is None


def test_the_list_shows_open_quizzes_with_attempts_left(student_client, quiz):
    content = student_client.get(reverse("learning:quiz_list")).content.decode()
    assert quiz.title in content
    assert "2 attempts left" in content


def test_start_attempt_opens_the_attempt(student_client, quiz):
    response = student_client.post(reverse("learning:quiz", args=[quiz.pk]))
    attempt = Attempt.objects.get()
    assert response["Location"] == reverse("learning:attempt", args=[attempt.pk])


def test_an_unpublished_quiz_is_a_404(student_client, quiz):
    Quiz.objects.filter(pk=quiz.pk).update(published_at=None)
    assert student_client.get(reverse("learning:quiz", args=[quiz.pk])).status_code == 404


def test_an_answer_saved_with_htmx_says_saved_and_survives_a_reload(student_client, attempt):
    url = reverse("learning:attempt_answer", args=[attempt.pk, 2])
    response = student_client.post(url, {"response": "Hanoi"}, **HTMX)
    assert "Saved" in response.content.decode()
    page = student_client.get(reverse("learning:attempt", args=[attempt.pk])).content.decode()
    assert 'value="Hanoi" checked' in page


def test_orderings_and_matchings_are_answered_with_selects(student_client, attempt):
    order = reverse("learning:attempt_answer", args=[attempt.pk, 5])
    student_client.post(order, {"place-0": "3", "place-1": "1", "place-2": "2"}, **HTMX)
    match = reverse("learning:attempt_answer", args=[attempt.pk, 6])
    student_client.post(match, {"match-0": "leader", "match-1": "leader"}, **HTMX)
    answers = {a.position: a for a in attempt.answers.all()}
    assert (answers[5].response, answers[5].score) == (["One", "Two", "Three"], 1)
    assert answers[6].score == 0.5


def test_a_bad_ordering_is_explained_and_not_saved(student_client, attempt):
    url = reverse("learning:attempt_answer", args=[attempt.pk, 5])
    response = student_client.post(url, {"place-0": "1", "place-1": "1", "place-2": "2"}, **HTMX)
    assert "different place" in response.content.decode()
    assert attempt.answers.get(position=5).response is None


def test_nothing_of_the_answers_reaches_the_page_before_submitting(student_client, attempt):
    student_client.post(
        reverse("learning:attempt_answer", args=[attempt.pk, 1]), {"response": "wrong"}, **HTMX
    )
    pages = [
        student_client.get(reverse("learning:attempt", args=[attempt.pk])),
        student_client.get(reverse("learning:attempt_submit", args=[attempt.pk])),
        student_client.post(
            reverse("learning:attempt_answer", args=[attempt.pk, 4]), {"response": "41"}, **HTMX
        ),
        student_client.get(reverse("learning:quiz", args=[attempt.quiz.pk])),
    ]
    for response in pages:
        content = response.content.decode()
        # The short answer, its variant, the explanation, and any verdict on an answer.
        for secret in (SECRET, EXPLANATION, "Not right", "Partly right"):
            assert secret not in content, secret
        assert not re.search(r"\b(correct|right answer)\b", content, re.IGNORECASE)


def test_after_submitting_the_result_shows_the_answers_and_their_sources(student_client, attempt):
    student_client.post(reverse("learning:attempt_submit", args=[attempt.pk]))
    content = student_client.get(reverse("learning:attempt_result", args=[attempt.pk])).content
    assert SECRET in content.decode()
    assert "Read it in the article" in content.decode()


def test_answers_shown_after_close_stay_hidden_until_then(student_client, attempt):
    Quiz.objects.filter(pk=attempt.quiz_id).update(
        review_policy=Quiz.ReviewPolicy.AFTER_CLOSE, closes_at=timezone.now() + timedelta(days=1)
    )
    student_client.post(reverse("learning:attempt_submit", args=[attempt.pk]))
    content = student_client.get(reverse("learning:attempt_result", args=[attempt.pk])).content
    assert SECRET not in content.decode()
    assert "shown once the quiz closes" in content.decode()


def test_a_double_submit_shows_the_result_once_and_says_so(student_client, attempt):
    url = reverse("learning:attempt_submit", args=[attempt.pk])
    student_client.post(url)
    response = student_client.post(url, follow=True)
    assert "already" in response.content.decode()
    assert Attempt.objects.get().submitted_at is not None


def test_a_save_after_submitting_says_why(student_client, student, attempt):
    attempt_submit(student=student, attempt=attempt, now=timezone.now())
    url = reverse("learning:attempt_answer", args=[attempt.pk, 1])
    response = student_client.post(url, {"response": "x"}, **HTMX)
    assert "was submitted on" in response.content.decode()


# Instructors.


def test_the_instructor_builds_and_publishes_a_quiz(client, student):
    course = CourseFactory()
    article = ArticleFactory(owner=course.instructor)
    course.articles.add(article)
    question = QuestionFactory(fact__article=article)
    client.force_login(course.instructor)
    response = client.post(
        reverse("quizzes:quiz_new", args=[course.pk]),
        {"title": "Week 2", "attempts_allowed": "1", "layout": "one",
         "review_policy": "after_submit", "time_limit": "15"},
    )  # fmt: skip
    quiz = Quiz.objects.get(title="Week 2")
    assert response["Location"] == quiz.get_absolute_url()
    client.post(reverse("quizzes:quiz_questions", args=[quiz.pk]),
                {"questions": [question.pk], "points": "2"})  # fmt: skip
    client.post(reverse("quizzes:quiz_publish", args=[quiz.pk]), {"published": "1"})
    quiz.refresh_from_db()
    assert quiz.is_published
    assert quiz.time_limit == timedelta(minutes=15)
    assert list(quiz.slots.values_list("question", "points")) == [(question.pk, 2.0)]


def test_results_list_each_students_best_and_last_score(instructor_client, instructor, student):
    course = CourseFactory(instructor=instructor)
    article = ArticleFactory(owner=instructor)
    course.articles.add(article)
    EnrollmentFactory(course=course, student=student)
    quiz = QuizFactory(course=course)
    QuizSlotFactory(quiz=quiz, question=QuestionFactory(fact__article=article))
    for response in ("Tuesday", "wrong"):
        attempt = attempt_start(student=student, quiz=quiz, now=timezone.now())
        attempt_answer_save(student=student, attempt=attempt, position=1, response=response,
                            now=timezone.now())  # fmt: skip
        attempt_submit(student=student, attempt=attempt, now=timezone.now())
    row = instructor_client.get(reverse("learning:quiz_results", args=[quiz.pk])).context["rows"][0]
    assert (row.attempts, row.best.score, row.last.score) == (2, 1, 0)
    csv = instructor_client.get(reverse("learning:quiz_results_csv", args=[quiz.pk]))
    assert "stu,2,,1,0,1," in csv.content.decode()
    analysis = instructor_client.get(reverse("learning:quiz_analysis", args=[quiz.pk]))
    assert analysis.context["statistics"][0].facility == 1


def test_checking_saves_the_answer_in_the_form_first_and_stays_on_its_page(student_client, attempt):
    Quiz.objects.filter(pk=attempt.quiz_id).update(
        review_policy=Quiz.ReviewPolicy.IMMEDIATELY, layout=Quiz.Layout.ONE
    )
    url = reverse("learning:attempt_check", args=[attempt.pk, 2])
    response = student_client.post(url, {"response": "Hanoi"})
    answer = attempt.answers.get(position=2)
    assert (answer.response, answer.checked_at is not None) == ("Hanoi", True)
    assert response["Location"].endswith("?page=2#q-2")


def test_a_bad_article_filter_in_the_builder_shows_every_article(instructor_client, instructor):
    quiz = QuizFactory(course=CourseFactory(instructor=instructor))
    url = reverse("quizzes:quiz_detail", args=[quiz.pk])
    assert instructor_client.get(url, {"article": "abc"}).status_code == 200


def test_an_ordering_starts_with_no_place_chosen(student_client, attempt):
    page = student_client.get(reverse("learning:attempt", args=[attempt.pk])).content.decode()
    ordering = page.split('id="q-5"')[1].split("</section>")[0]
    assert "selected" not in ordering


def test_when_the_time_limit_runs_out_the_attempt_pages_show_the_result(
    student_client, quiz, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    student_client.post(reverse("learning:quiz", args=[quiz.pk]))
    attempt = Attempt.objects.get()
    save = reverse("learning:attempt_answer", args=[attempt.pk, 2])
    student_client.post(save, {"response": "Hanoi"}, **HTMX)
    time_machine.shift(timedelta(minutes=21))
    page = student_client.get(reverse("learning:attempt", args=[attempt.pk]))
    assert page["Location"] == reverse("learning:attempt_result", args=[attempt.pk])
    late = student_client.post(save, {"response": "Seoul"}, **HTMX)
    assert "Time is up" in late.content.decode()
    result = student_client.get(reverse("learning:attempt_result", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.submitted_at == attempt.started_at + timedelta(minutes=20)
    assert attempt.score == 1
    assert "Your result" in result.content.decode()

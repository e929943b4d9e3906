"""Course pages for instructors, and joining and leaving for students."""

import pytest
from django.urls import reverse

from quizzes.models import Course, Enrollment
from tests.factories import (
    ArticleFactory,
    CardFactory,
    CourseFactory,
    EnrollmentFactory,
    QuestionFactory,
    StudentFactory,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")


@pytest.fixture
def course(instructor):
    return CourseFactory(instructor=instructor, title="World news", join_code="NKRUSSIA")


def test_an_instructor_creates_a_course_and_sees_its_code(instructor_client, instructor):
    response = instructor_client.post(
        reverse("quizzes:course_new"), {"title": "  Week 1 ", "description": "News"}, follow=True
    )
    course = Course.objects.get()
    assert (course.title, course.instructor) == ("Week 1", instructor)
    assert course.join_code in response.content.decode()
    assert f"/join/{course.join_code}/" in response.content.decode()


def test_a_course_without_a_title_is_explained(instructor_client):
    response = instructor_client.post(reverse("quizzes:course_new"), {"title": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Course.objects.exists()


def test_an_article_pasted_into_a_course_lands_in_it(instructor_client, course):
    text = "The summit was held in Vladivostok on April 25. Kim met Putin there for five hours."
    url = reverse("quizzes:article_new") + f"?course={course.pk}"
    assert f'value="{course.pk}" selected' in instructor_client.get(url).content.decode()
    instructor_client.post(url, {"text": text, "course": course.pk})
    assert course.articles.count() == 1


def test_a_course_of_another_instructor_cannot_be_chosen_for_an_article(instructor_client):
    theirs = CourseFactory()
    text = "The summit was held in Vladivostok on April 25. Kim met Putin there for five hours."
    response = instructor_client.post(
        reverse("quizzes:article_new"), {"text": text, "course": theirs.pk}
    )
    assert "Select a valid choice" in response.content.decode()
    assert not theirs.articles.exists()


def test_the_course_page_adds_and_removes_articles(instructor_client, course, instructor):
    article = ArticleFactory(owner=instructor, title="Summit")
    instructor_client.post(
        reverse("quizzes:course_articles_add", args=[course.pk]), {"articles": [article.pk]}
    )
    assert list(course.articles.all()) == [article]
    instructor_client.post(reverse("quizzes:course_article_remove", args=[course.pk, article.pk]))
    assert not course.articles.exists()


def test_archiving_hides_the_course_from_the_active_list(instructor_client, course):
    instructor_client.post(reverse("quizzes:course_archive", args=[course.pk]), {"archived": "1"})
    course.refresh_from_db()
    response = instructor_client.get(reverse("quizzes:teach_home"))
    assert course.is_archived
    assert course.title not in response.content.decode()


def test_the_roster_lists_students_with_their_reviews(instructor_client, course):
    EnrollmentFactory(course=course, student=StudentFactory(username="ana"))
    response = instructor_client.get(reverse("learning:course_roster", args=[course.pk]))
    row = response.context["enrollments"][0]
    assert (row.student.username, row.review_count, row.last_activity) == ("ana", 0, None)


def test_removing_a_student_keeps_their_enrollment_as_left(instructor_client, course):
    student = StudentFactory(username="ana")
    EnrollmentFactory(course=course, student=student)
    url = reverse("learning:course_student_remove", args=[course.pk, student.pk])
    instructor_client.post(url)
    assert Enrollment.objects.get().left_at is not None


def test_removing_someone_not_in_the_course_is_a_404(instructor_client, course):
    url = reverse("learning:course_student_remove", args=[course.pk, StudentFactory().pk])
    assert instructor_client.post(url).status_code == 404


# Students.


def test_a_student_joins_by_typing_the_code(student_client, course, student):
    response = student_client.post(reverse("learning:join"), {"code": "nkr ussia"}, follow=True)
    assert "You are in World news" in response.content.decode()
    assert Course.objects.studied_by(student).get() == course


def test_a_wrong_code_is_explained_on_the_form(student_client, db):
    response = student_client.post(reverse("learning:join"), {"code": "WRONGONE"})
    assert "No course has the code WRONGONE" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_the_join_link_asks_anonymous_visitors_to_log_in_and_come_back(client, course):
    response = client.get("/join/NKRUSSIA/")
    assert response["Location"] == f"{reverse('login')}?next=/join/NKRUSSIA/"


def test_signing_up_from_the_join_link_lands_back_on_it(client, course):
    response = client.post(
        reverse("signup") + "?next=/join/NKRUSSIA/",
        {
            "username": "newbie",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
            "next": "/join/NKRUSSIA/",
        },
    )
    assert response["Location"] == "/join/NKRUSSIA/"


def test_signing_up_never_lands_on_another_site(client, db):
    response = client.post(
        reverse("signup"),
        {
            "username": "newbie",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == reverse("home")


def test_the_join_link_shows_the_course_and_joins_on_confirmation(student_client, course, student):
    page = student_client.get("/join/NKRUSSIA/")
    assert "Join the course" in page.content.decode()
    assert not Enrollment.objects.exists()
    student_client.post("/join/NKRUSSIA/")
    assert Course.objects.studied_by(student).get() == course


def test_an_old_join_link_is_explained(student_client, db):
    response = student_client.get("/join/OLDCODE2/")
    assert "No course has the code OLDCODE2" in response.content.decode()


def test_a_student_leaves_a_course_and_it_leaves_their_home(student_client, course, student):
    EnrollmentFactory(course=course, student=student)
    student_client.post(reverse("learning:course_leave", args=[course.pk]))
    assert list(student_client.get(reverse("learning:study_home")).context["courses"]) == []
    assert Enrollment.objects.get().left_at is not None


def test_leaving_a_course_one_is_not_in_is_a_404(student_client, course):
    assert (
        student_client.post(reverse("learning:course_leave", args=[course.pk])).status_code == 404
    )


def test_the_study_home_shows_what_is_due_in_each_course(student_client, course, student):
    EnrollmentFactory(course=course, student=student)
    article = ArticleFactory(owner=course.instructor)
    course.articles.add(article)
    CardFactory(student=student, question=QuestionFactory(fact__article=article))
    response = student_client.get(reverse("learning:study_home"))
    assert response.context["courses"][0].due_now == 1
    assert f"?course={course.pk}" in response.content.decode()


@pytest.mark.parametrize("name", ["learning:join"])
def test_instructors_cannot_join_courses(instructor_client, name):
    assert instructor_client.get(reverse(name)).status_code == 403


def test_a_join_link_with_an_overlong_code_does_not_echo_it(student_client, db):
    content = student_client.get("/join/" + "X" * 300 + "/").content.decode()
    assert "This join link is not valid." in content
    assert "X" * 300 not in content


def test_joining_a_course_one_is_in_says_so(student_client, course, student):
    EnrollmentFactory(course=course, student=student)
    response = student_client.post(reverse("learning:join"), {"code": "NKRUSSIA"}, follow=True)
    assert "You are in World news already." in response.content.decode()


def test_a_leech_of_a_student_who_left_is_no_longer_shown(instructor_client, course):
    student = StudentFactory(username="gone")
    EnrollmentFactory(course=course, student=student, left_at="2025-01-01T00:00Z")
    article = ArticleFactory(owner=course.instructor)
    course.articles.add(article)
    CardFactory(student=student, question=QuestionFactory(fact__article=article), suspended=True)
    response = instructor_client.get(reverse("learning:teach_leeches"))
    assert list(response.context["cards"]) == []


@pytest.mark.parametrize("method", ["put", "delete"])
def test_form_pages_refuse_other_methods(instructor_client, course, method):
    url = reverse("quizzes:course_edit", args=[course.pk])
    assert getattr(instructor_client, method)(url).status_code == 405


def test_pages_answer_head_requests(instructor_client, course):
    assert (
        instructor_client.head(reverse("quizzes:course_detail", args=[course.pk])).status_code
        == 200
    )

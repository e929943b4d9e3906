import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from learning.models import Card
from learning.roles import INSTRUCTOR, STUDENT, role_group
from quizzes.importing import content_hash
from quizzes.models import Article, Course, Enrollment, Fact, Question, Quiz, QuizSlot

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password(PASSWORD)


class StudentFactory(UserFactory):
    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create:
            self.groups.add(role_group(STUDENT))


class InstructorFactory(UserFactory):
    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create:
            self.groups.add(role_group(INSTRUCTOR))


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    owner = factory.SubFactory(InstructorFactory)
    raw_text = factory.Sequence(lambda n: f"Article number {n} was published on a Tuesday.")
    text = factory.SelfAttribute("raw_text")
    sentences = factory.LazyAttribute(lambda article: [[0, len(article.text)]])
    content_hash = factory.LazyAttribute(lambda article: content_hash(article.raw_text))


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    instructor = factory.SubFactory(InstructorFactory)

    @factory.post_generation
    def articles(self, create, extracted, **kwargs):
        if create and extracted:
            self.articles.add(*extracted)


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    course = factory.SubFactory(CourseFactory)
    student = factory.SubFactory(StudentFactory)


class FactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fact

    article = factory.SubFactory(ArticleFactory)
    kind = "place"
    text = factory.Sequence(lambda n: f"Fact {n}")
    value = None
    sentence = factory.LazyAttribute(lambda fact: fact.article.text)
    start = 0
    end = factory.LazyAttribute(lambda fact: len(fact.article.text))


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    fact = factory.SubFactory(FactFactory)
    article = factory.SelfAttribute("fact.article")
    type = "short_answer"
    prompt = factory.Sequence(lambda n: f"On which day was article number {n} published?")
    answer = "Tuesday"
    sentence = factory.SelfAttribute("fact.sentence")
    start = factory.SelfAttribute("fact.start")
    end = factory.SelfAttribute("fact.end")
    score = 0.5
    status = Question.Status.APPROVED


class CardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Card

    student = factory.SubFactory(StudentFactory)
    question = factory.SubFactory(QuestionFactory)
    fact = factory.SelfAttribute("question.fact")
    due = factory.LazyFunction(timezone.now)
    created_at = factory.SelfAttribute("due")


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Quiz {n}")
    attempts_allowed = 2
    published_at = factory.LazyFunction(timezone.now)


class QuizSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuizSlot

    quiz = factory.SubFactory(QuizFactory)
    position = factory.Sequence(lambda n: n + 1)
    points = 1
    question = factory.SubFactory(QuestionFactory)

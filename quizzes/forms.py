from datetime import timedelta
from pathlib import PurePath

from django import forms
from django.conf import settings

from quizzes import question_types
from quizzes.errors import ContentError
from quizzes.importing import article_file_size_check, article_text_from_upload
from quizzes.models import Article, Course, Question, Quiz
from quizzes.services import QuestionContent, QuizSettings

UPLOAD_SUFFIXES = {".txt", ".html", ".htm"}


class ArticleImportForm(forms.Form):
    text = forms.CharField(
        label="Article text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Paste the page as it is: share buttons, captions and footers are removed.",
    )
    file = forms.FileField(
        label="…or upload a file",
        required=False,
        help_text="A .txt or .html file.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm"}),
    )
    title = forms.CharField(
        max_length=300, required=False, help_text="Leave empty to take it from the text."
    )
    outlet = forms.CharField(max_length=200, required=False)
    url = forms.URLField(label="URL", max_length=500, required=False, assume_scheme="https")
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    course = forms.ModelChoiceField(
        queryset=Course.objects.none(),
        required=False,
        empty_label="No course yet",
        label="Add to course",
        help_text="Its approved questions reach the course's students.",
    )

    def __init__(self, *args, owner, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = Course.objects.editable_by(owner).active()

    def clean(self) -> dict:
        data = super().clean()
        text, upload = data.get("text", ""), data.get("file")
        if upload and text.strip():
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        if upload:
            if PurePath(upload.name).suffix.lower() not in UPLOAD_SUFFIXES:
                raise forms.ValidationError("Only .txt and .html files can be imported.")
            try:
                # Before reading it: the file may be far larger than any article.
                article_file_size_check(size=upload.size, filename=upload.name)
                data["text"] = article_text_from_upload(data=upload.read(), filename=upload.name)
            except ContentError as error:
                raise forms.ValidationError(str(error)) from None
        elif not text.strip():
            raise forms.ValidationError("Paste the article's text or choose a file to upload.")
        return data


class QuestionReviewForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("approved", "Approve"), ("rejected", "Reject"), ("candidate", "Undo")]
    )


class ApproveBestForm(forms.Form):
    count = forms.IntegerField(
        label="Approve the best",
        min_value=1,
        max_value=500,
        initial=10,
        error_messages={"min_value": "Approve at least one question."},
    )


class BulkReviewForm(forms.Form):
    """Approve or reject the questions ticked on a page of the bank."""

    status = forms.ChoiceField(
        choices=[("approved", "Approve"), ("rejected", "Reject")],
        error_messages={
            "required": "Choose approve or reject.",
            "invalid_choice": "Choose approve or reject.",
        },
    )
    selected = forms.TypedMultipleChoiceField(
        coerce=int,
        error_messages={"required": "Tick the questions to approve or reject first."},
    )

    def __init__(self, *args, questions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["selected"].choices = [
            (pk, pk) for pk in questions.values_list("pk", flat=True)
        ]


SORTS = {"rank": ("rank", "id"), "score": ("-score", "id"), "newest": ("-created_at", "-id")}


class QuestionFilterForm(forms.Form):
    """The bank's filters; anything malformed falls back to showing everything."""

    status = forms.ChoiceField(
        required=False,
        choices=[("", "Any status"), *[c for c in Question.Status.choices if c[0] != "retired"]],
    )
    type = forms.ChoiceField(required=False, choices=[("", "Any type"), *Question.Type.choices])
    q = forms.CharField(required=False, max_length=200, label="Search")
    flagged = forms.BooleanField(required=False, label="Flagged by quiz results only")
    sort = forms.ChoiceField(
        required=False,
        choices=[("rank", "Best first"), ("score", "Highest score"), ("newest", "Newest")],
    )

    def questions(self, questions):
        data = self.cleaned_data if self.is_valid() else {}
        return questions.bank(
            status=data.get("status") or None,
            type=data.get("type") or None,
            text=data.get("q", ""),
            flagged=data.get("flagged", False),
        ).order_by(*SORTS[data.get("sort") or "rank"])


class CourseForm(forms.Form):
    title = forms.CharField(max_length=200)
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="Shown to students."
    )


class CourseArticlesForm(forms.Form):
    articles = forms.ModelMultipleChoiceField(
        queryset=Article.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick the articles to add."},
    )

    def __init__(self, *args, course, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["articles"].queryset = (
            Article.objects.editable_by(course.instructor).exclude(courses=course).order_by("title")
        )


class ArticleCourseForm(forms.Form):
    course = forms.ModelChoiceField(
        queryset=Course.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Choose a course.",
            "invalid_choice": "Choose one of your courses.",
        },
    )

    def __init__(self, *args, article, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = (
            Course.objects.editable_by(article.owner).active().exclude(articles=article)
        )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class QuestionForm(forms.Form):
    """A question of one type, as its author writes it. The type says which fields there are
    and how the answer is written; the rules themselves are checked by the service."""

    prompt = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    answer = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    accepted = forms.CharField(
        label="Other accepted answers",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line: spellings and short forms that count as right too.",
    )
    choices = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One per line, the answer among them.",
    )
    tolerance = forms.FloatField(
        required=False,
        min_value=0,
        widget=forms.NumberInput(attrs={"step": "any"}),
        help_text="How far from the answer still counts as right (0 for exactly).",
    )
    explanation = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown with the answer; the source sentence is shown anyway.",
    )
    sentence = forms.TypedChoiceField(
        label="Source sentence",
        coerce=int,
        help_text="The article's sentence the question is about; feedback cites it.",
        error_messages={"invalid_choice": "Choose one of the article's sentences."},
    )

    def __init__(self, *args, kind, sentences: list[tuple[int, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        for name in ("accepted", "choices", "tolerance"):
            if name not in kind.extra_fields:
                del self.fields[name]
        self.fields["answer"].help_text = kind.answer_help
        if kind.name in {"ordering", "matching"}:
            self.fields["answer"].widget.attrs["rows"] = 6
        self.fields["sentence"].choices = [
            ("", "Choose the article's sentence the question is about"),
            *((start, text if len(text) <= 160 else text[:157] + "…") for start, text in sentences),
        ]
        self.fields["sentence"].error_messages["required"] = (
            "Choose the article's sentence the question is about."
        )
        if kind.answer_options:
            self.fields["answer"] = forms.ChoiceField(
                choices=[(option, option) for option in kind.answer_options],
                widget=forms.RadioSelect,
                help_text=kind.answer_help,
            )

    @classmethod
    def initial_for(cls, question) -> dict:
        kind = question_types.question_type(question.type)
        return {
            "prompt": question.prompt,
            "answer": kind.format_answer(question.answer),
            "accepted": "\n".join(map(str, question.accepted or [])),
            "choices": "\n".join(question_types.answer_text(c) for c in question.choices or []),
            "tolerance": kind.format_number(question.tolerance),
            "explanation": question.explanation,
            "sentence": question.start,
        }

    def clean_answer(self):
        try:
            return self.kind.parse_answer(self.cleaned_data["answer"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def content(self) -> QuestionContent:
        data = self.cleaned_data
        return QuestionContent(
            type=self.kind.name,
            prompt=data["prompt"],
            answer=data["answer"],
            accepted=_lines(data.get("accepted", "")),
            choices=_lines(data.get("choices", "")),
            tolerance=data.get("tolerance"),
            explanation=data.get("explanation", ""),
            sentence_start=data["sentence"],
        )


class GiftUploadForm(forms.Form):
    file = forms.FileField(
        label="GIFT file",
        help_text="A Moodle GIFT export (.txt or .gift), UTF-8.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.gift"}),
        error_messages={"required": "Choose a GIFT file to upload."},
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        limit = settings.ARTICLE_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"{upload.name} is {upload.size:,} bytes; the limit is {limit:,}."
            )
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(f"{upload.name} is not UTF-8 text.") from None


class QuizForm(forms.Form):
    title = forms.CharField(max_length=200)
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="Shown to students."
    )
    time_limit = forms.IntegerField(
        label="Time limit (minutes)",
        required=False,
        min_value=1,
        max_value=7 * 24 * 60,
        help_text="Leave empty for no limit. When it runs out, the saved answers are submitted.",
    )
    attempts_allowed = forms.IntegerField(
        min_value=0, max_value=100, initial=1, help_text="0 for any number."
    )
    opens_at = forms.DateTimeField(
        label="Opens", required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    closes_at = forms.DateTimeField(
        label="Closes",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text="Attempts still open then are submitted with their saved answers.",
    )
    layout = forms.ChoiceField(choices=Quiz.Layout.choices, initial=Quiz.Layout.ALL)
    review_policy = forms.ChoiceField(
        label="Students see the right answers",
        choices=Quiz.ReviewPolicy.choices,
        initial=Quiz.ReviewPolicy.AFTER_SUBMIT,
    )
    mistakes_to_cards = forms.BooleanField(
        label="Questions a student gets wrong become their review cards",
        required=False,
        initial=True,
    )

    @classmethod
    def initial_for(cls, quiz: Quiz) -> dict:
        minutes = round(quiz.time_limit.total_seconds() / 60) if quiz.time_limit else None
        return {
            "title": quiz.title,
            "description": quiz.description,
            "time_limit": minutes,
            "attempts_allowed": quiz.attempts_allowed,
            "opens_at": quiz.opens_at,
            "closes_at": quiz.closes_at,
            "layout": quiz.layout,
            "review_policy": quiz.review_policy,
            "mistakes_to_cards": quiz.mistakes_to_cards,
        }

    def settings(self) -> QuizSettings:
        data = self.cleaned_data
        minutes = data["time_limit"]
        return QuizSettings(
            title=data["title"],
            description=data["description"],
            time_limit=timedelta(minutes=minutes) if minutes else None,
            attempts_allowed=data["attempts_allowed"],
            opens_at=data["opens_at"],
            closes_at=data["closes_at"],
            layout=data["layout"],
            review_policy=data["review_policy"],
            mistakes_to_cards=data["mistakes_to_cards"],
        )


POINTS = {"min_value": 0.01, "max_value": 100, "initial": 1}


class QuizQuestionsForm(forms.Form):
    questions = forms.ModelMultipleChoiceField(
        queryset=Question.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick the questions to add."},
    )
    points = forms.FloatField(**POINTS)

    def __init__(self, *args, quiz: Quiz, article=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        questions = Question.objects.approved().filter(article__in=quiz.course.articles.all())
        if article is not None:
            questions = questions.filter(article=article)
        chosen = quiz.slots.exclude(question=None).values("question_id")
        self.fields["questions"].queryset = questions.exclude(pk__in=chosen).order_by(
            "article_id", "rank", "id"
        )


class QuizRandomForm(forms.Form):
    count = forms.IntegerField(label="Draw", min_value=1, max_value=100, initial=1)
    article = forms.ModelChoiceField(
        queryset=Article.objects.none(), required=False, empty_label="Any of the course's articles"
    )
    type = forms.ChoiceField(required=False, choices=[("", "Any type"), *Question.Type.choices])
    points = forms.FloatField(**POINTS)

    def __init__(self, *args, quiz: Quiz, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = quiz.course.articles.order_by("title")


class SlotPointsForm(forms.Form):
    points = forms.FloatField(**POINTS)

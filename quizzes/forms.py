from pathlib import PurePath

from django import forms

from quizzes.errors import ContentError
from quizzes.importing import article_text_from_upload

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

    def clean(self) -> dict:
        data = super().clean()
        text, upload = data.get("text", ""), data.get("file")
        if upload and text.strip():
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        if upload:
            if PurePath(upload.name).suffix.lower() not in UPLOAD_SUFFIXES:
                raise forms.ValidationError("Only .txt and .html files can be imported.")
            try:
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

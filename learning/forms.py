from zoneinfo import available_timezones

from django import forms
from django.contrib.auth.forms import UserCreationForm

from learning.models import Review, User
from learning.scheduling import MAX_DESIRED_RETENTION, MAX_NEW_CARDS_PER_DAY, MIN_DESIRED_RETENTION


class SignUpForm(UserCreationForm):
    email = forms.EmailField(
        required=False, help_text="Optional; used only to reset your password."
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "email"]


def _time_zone_choices() -> list[tuple[str, str]]:
    zones = sorted(available_timezones() | {"UTC"})
    return [(zone, zone.replace("_", " ")) for zone in zones]


class StudySettingsForm(forms.Form):
    time_zone = forms.ChoiceField(
        choices=_time_zone_choices,
        help_text='Your day (new cards, buried cards, "due today") starts at midnight here.',
    )
    desired_retention = forms.FloatField(
        min_value=MIN_DESIRED_RETENTION,
        max_value=MAX_DESIRED_RETENTION,
        widget=forms.NumberInput(attrs={"step": "any"}),
        help_text=(
            f"The share of cards you want to still remember when they come up, from "
            f"{MIN_DESIRED_RETENTION} to {MAX_DESIRED_RETENTION}. Higher means more reviews."
        ),
    )
    new_cards_per_day = forms.IntegerField(
        min_value=0,
        max_value=MAX_NEW_CARDS_PER_DAY,
        help_text="How many cards you have not seen before to add each day.",
    )


# Milliseconds since the epoch for the year 2100: anything later is not a clock reading.
MAX_SHOWN_AT = 4_102_444_800_000


class ReviewGradeForm(forms.Form):
    rating = forms.TypedChoiceField(
        choices=Review.Rating.choices,
        coerce=int,
        error_messages={
            "required": "Choose Again, Hard, Good or Easy.",
            "invalid_choice": "Choose Again, Hard, Good or Easy.",
        },
    )
    client_id = forms.CharField(
        max_length=64,
        error_messages={
            "required": "The review had no id; reload the page and answer again.",
            "max_length": "The review id is too long (at most 64 characters).",
        },
    )
    # When the card was shown (milliseconds since the epoch): the answer time is measured from it.
    shown_at = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_SHOWN_AT,
        error_messages={
            "invalid": "The time the card was shown must be milliseconds since 1970.",
            "max_value": "The time the card was shown is too far in the future.",
        },
    )

    # What the student typed or picked on the front, graded and kept with the review.
    response = forms.CharField(
        required=False,
        max_length=500,
        error_messages={"max_length": "The answer is too long (at most 500 characters)."},
    )

    def error_text(self) -> str:
        """One sentence for the student: the first problem, in the fields' order."""
        for name in self.fields:
            if name in self.errors:
                return self.errors[name][0]
        return "The answer could not be recorded."


class ReviewShowForm(forms.Form):
    """What the front of a card sends to its back: what the student typed or picked, and the
    showing's id and time."""

    response = forms.CharField(required=False)
    client_id = forms.CharField(required=False, max_length=64)
    shown_at = forms.IntegerField(required=False, min_value=0, max_value=MAX_SHOWN_AT)

    def clean_response(self) -> str:
        return self.cleaned_data["response"][:500]


class JoinForm(forms.Form):
    code = forms.CharField(
        label="Join code",
        max_length=20,
        help_text="The 8-character code your instructor gave you.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={"required": "Type the course's join code."},
    )

"""Template filters for quizzes: time limits and durations as people read them."""

from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def duration_minutes(value: timedelta | None) -> str:
    """A time limit in whole minutes: "20 minutes", "1 minute"."""
    if value is None:
        return ""
    minutes = round(value.total_seconds() / 60)
    return f"{minutes:,} minute{'s' if minutes != 1 else ''}"


@register.filter
def duration_text(value: timedelta | None) -> str:
    """How long something took: "4 min 05 s", "1 h 02 min"."""
    if value is None:
        return "—"
    seconds = max(0, int(value.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {seconds:02d} s"

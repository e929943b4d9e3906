class LearningError(Exception):
    """A request the study side refuses, with a message fit to show the user."""

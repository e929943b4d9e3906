class ContentError(Exception):
    """A request the content side refuses, with a message fit to show the user."""

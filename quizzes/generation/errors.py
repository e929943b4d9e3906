class GenerationError(ValueError):
    """Raised with a message a user can read when an article cannot be turned into a quiz."""

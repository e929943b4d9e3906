"""The REST API (/api/v1/): the study side's resources, and the URL configuration that mounts the
content side's (`quizzes.api`) beside them. Views are thin: they validate with an input
serializer, call the same services and QuerySet methods as the pages, and answer with an output
serializer."""

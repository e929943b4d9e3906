from django.http import Http404
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation


class JsonOnly(DefaultContentNegotiation):
    """The API speaks JSON, so an Accept header or a `?format=` it cannot satisfy (malformed,
    or asking for XML) gets JSON anyway rather than a 406 or a 404. A satisfiable one still
    chooses among a view's renderers (the schema's YAML and JSON)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except (NotAcceptable, Http404):
            return renderers[0], renderers[0].media_type

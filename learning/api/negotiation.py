from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation


class JsonOnly(DefaultContentNegotiation):
    """The API speaks JSON, so an Accept header it cannot satisfy (malformed, or asking for
    XML) gets JSON anyway rather than a 406. `?format=` and a satisfiable Accept still choose
    among a view's renderers (the schema's YAML and JSON)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            return renderers[0], renderers[0].media_type

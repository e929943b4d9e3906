import json

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class MalformedBody(ParseError):
    """A body that is JSON but cannot be taken; its message says why."""


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing as malformed what the database could not store or Python
    could not read: JSON nested beyond the interpreter's recursion limit, and text holding a
    lone surrogate (valid JSON, `"\\ud800"`, but not Unicode that PostgreSQL accepts)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except RecursionError:
            raise MalformedBody("The JSON is nested too deeply.") from None
        except UnicodeEncodeError:
            raise MalformedBody("The JSON holds text that is not valid Unicode.") from None
        return data

from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination


class Cursor(CursorPagination):
    """Cursor pagination: stable pages while rows are added, and no count query."""

    page_size = 50
    max_page_size = 200
    page_size_query_param = "limit"
    ordering = "-id"

    def decode_cursor(self, request):
        # A cursor is the client's to send back, so it may be forged: a position the ordering
        # field cannot hold is an invalid cursor (404), never a database error.
        cursor = super().decode_cursor(request)
        position = cursor.position if cursor is not None else None
        if position is not None and not self.position_valid(position):
            raise NotFound(self.invalid_cursor_message)
        return cursor

    def position_valid(self, position: str) -> bool:
        return position.isascii() and position.isdigit() and len(position) < 19


class ByTitle(Cursor):
    """For lists people read by name (courses)."""

    ordering = ("title", "id")

    def position_valid(self, position: str) -> bool:
        # DRF reads a cursor as ASCII, so only a NUL or an absurd length is left to refuse.
        return "\x00" not in position and len(position) <= 200


class ByRank(Cursor):
    """The question bank in the generator's order, best first, as the bank page shows it."""

    ordering = ("rank", "id")

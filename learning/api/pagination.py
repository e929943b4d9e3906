from rest_framework.pagination import CursorPagination


class Cursor(CursorPagination):
    """Cursor pagination: stable pages while rows are added, and no count query."""

    page_size = 50
    max_page_size = 200
    page_size_query_param = "limit"
    ordering = "-id"


class ByTitle(Cursor):
    """For lists people read by name (courses)."""

    ordering = ("title", "id")

from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import UserRateThrottle


class WritesThrottle(UserRateThrottle):
    """Writes per user (per address before logging in) per minute, on every operation; reads
    are not limited, since apps poll them and they change nothing."""

    scope = "writes"

    def allow_request(self, request, view) -> bool:
        return request.method in SAFE_METHODS or super().allow_request(request, view)

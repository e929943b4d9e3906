"""The API's answer to a path it does not have."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView


@extend_schema(exclude=True)
class NoSuchOperation(APIView):
    """Whatever is asked of a path the API does not have: its 404, in its format."""

    authentication_classes = ()
    permission_classes = [AllowAny]
    throttle_classes = ()

    def get(self, request, *args, **kwargs):
        raise exceptions.NotFound("There is no such operation: see /api/docs/.")

    post = put = patch = delete = get

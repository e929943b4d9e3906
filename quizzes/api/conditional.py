"""ETag and If-None-Match for read endpoints that apps poll: an unchanged answer is a bodiless
304, so a phone on a slow line downloads it once."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import status
from rest_framework.response import Response

# For the schema of an operation answered by `etagged`.
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag of the answer you hold: an unchanged answer is a bodiless 304",
)
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 304],
    description="This answer's tag, for If-None-Match",
)
NOT_MODIFIED = OpenApiResponse(description="Unchanged since the ETag you sent (no body)")


def etagged(request, body) -> Response:
    digest = hashlib.sha256(
        json.dumps(body, cls=DjangoJSONEncoder, sort_keys=True).encode()
    ).hexdigest()[:32]
    tag = f'"{digest}"'
    wanted = {value.strip() for value in request.headers.get("If-None-Match", "").split(",")}
    response = Response(status=status.HTTP_304_NOT_MODIFIED) if tag in wanted else Response(body)
    response["ETag"] = tag
    return response

"""The site's URLs and the bare write view, for the API benchmark's server only."""

from django.urls import path

from bench.bare import BareWrite
from learning.urls import handler500  # noqa: F401 - Django looks it up here
from learning.urls import urlpatterns as site_urlpatterns

BARE_PATH = "/api/v1/bench/bare-write/"

# First: the API answers any other path under /api/v1/ with its JSON 404.
urlpatterns = [path(BARE_PATH.lstrip("/"), BareWrite.as_view()), *site_urlpatterns]

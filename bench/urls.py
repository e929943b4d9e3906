"""The site's URLs and the bare write view, for the API benchmark's server only."""

from django.urls import path

from bench.bare import BareWrite
from learning.urls import handler500  # noqa: F401 - Django looks it up here
from learning.urls import urlpatterns as site_urlpatterns

BARE_PATH = "/api/v1/bench/bare-write/"

urlpatterns = [*site_urlpatterns, path(BARE_PATH.lstrip("/"), BareWrite.as_view())]

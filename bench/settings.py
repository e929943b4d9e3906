"""Settings of the API benchmark (bench/api.py) and of the gunicorn server it starts: the site's
own, on the benchmark's database, with the bare write view's URL added (bench/urls.py)."""

from learning.settings import *  # noqa: F403
from learning.settings import DATABASES

DATABASE_NAME = "bench_api"
# On the same server as the site's database. bench/api.py creates, migrates and drops it with
# Django's test-database machinery, which uses TEST's NAME; the server's workers use NAME.
DATABASES["default"]["NAME"] = DATABASE_NAME
DATABASES["default"]["TEST"] = {"NAME": DATABASE_NAME}

ROOT_URLCONF = "bench.urls"

"""The site's settings with the embedded server's data in $TEST_PGDATA.

For the processes tests/test_embedded_postgres.py starts, so that their server is not the suite's.
"""

import os

from learning.settings import *  # noqa: F403

DATABASES["default"]["PGDATA"] = os.environ["TEST_PGDATA"]  # noqa: F405

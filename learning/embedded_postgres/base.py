"""A PostgreSQL backend that starts an embedded server (from the pgserver package) on first use.

Used when no DATABASE_URL is set, so a fresh clone needs no system PostgreSQL. The server is
shared by every process using the data directory and stopped by the last one to leave
(learning.embedded_postgres.server).
"""

import threading
from pathlib import Path

from django.db.backends.postgresql import base

from learning.embedded_postgres import server

_lock = threading.Lock()
_addresses: dict[Path, tuple[str, int]] = {}


def embedded_server_address(pgdata: Path) -> tuple[str, int]:
    """Start (or join) the embedded server and return its socket directory and port."""
    with _lock:
        if pgdata not in _addresses:
            postmaster = server.join(pgdata)
            _addresses[pgdata] = (postmaster.socket_dir, postmaster.port)
        return _addresses[pgdata]


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        params["host"], params["port"] = embedded_server_address(Path(self.settings_dict["PGDATA"]))
        return params

"""A PostgreSQL backend that starts an embedded server (from the pgserver package) on first use.

Used when no DATABASE_URL is set, so a fresh clone needs no system PostgreSQL. pgserver keeps a
list of the processes using a data directory: the first one starts the server, later ones (a
second terminal, the test run, the dev server's reloader) share it, and the last one to exit
stops it.
"""

import threading
import warnings
from pathlib import Path

from django.db.backends.postgresql import base

_lock = threading.Lock()
_addresses: dict[Path, tuple[str, int]] = {}


def embedded_server_address(pgdata: Path) -> tuple[str, int]:
    """Start (or join) the embedded server and return its socket directory and port."""
    with _lock:
        if pgdata not in _addresses:
            # Imported here: an external DATABASE_URL deployment never needs pgserver. It warns
            # about a missing XDG_RUNTIME_DIR on servers, which is harmless: it falls back to /tmp.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import pgserver

                pgdata.parent.mkdir(parents=True, exist_ok=True)
                info = pgserver.get_server(pgdata, cleanup_mode="stop").get_postmaster_info()
            _addresses[pgdata] = (str(info.socket_dir), info.port or 5432)
        return _addresses[pgdata]


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        params["host"], params["port"] = embedded_server_address(Path(self.settings_dict["PGDATA"]))
        return params

"""A PostgreSQL backend that starts an embedded server (from the pgserver package) on first use,
and again whenever it has died.

Used when no DATABASE_URL is set, so a fresh clone needs no system PostgreSQL. The server is
shared by every process using the data directory and stopped by the last one to leave
(learning.embedded_postgres.server).

Every new connection first checks that the server this process knows still runs, two reads under
/proc (about 50 µs). If it has died, the connection starts it again, or joins the one
another process has already started again, and closes the connection pools made for the dead
server: their connections died with it, and a pool keeps the address it was made with.
"""

import threading
from pathlib import Path

from django.db.backends.postgresql import base

from learning.embedded_postgres import server

_lock = threading.Lock()
_postmasters: dict[Path, server.Postmaster] = {}


def embedded_server_address(pgdata: Path, *, wait: float) -> tuple[str, int]:
    """The server's socket directory and port, starting or joining it when needed.

    Threads queue for a start; none waits longer than `wait` seconds for another's.
    """
    if not _lock.acquire(timeout=wait):
        raise base.Database.OperationalError("The embedded PostgreSQL is still starting.")
    try:
        postmaster = _postmasters.get(pgdata)
        if postmaster is None or not postmaster.is_running():
            if postmaster is not None:
                _close_pools(postmaster)
            try:
                postmaster = server.join(pgdata)
            except Exception as error:  # pgserver fails in many ways: assertions, pg_ctl, timeouts
                raise base.Database.OperationalError(
                    f"The embedded PostgreSQL did not start ({error!r}); see {pgdata / 'log'}."
                ) from error
            _postmasters[pgdata] = postmaster
        return postmaster.socket_dir, postmaster.port
    finally:
        _lock.release()


def _close_pools(dead: server.Postmaster) -> None:
    """Close the pools of every alias that connects to the dead server; Django makes new ones."""
    pools = base.DatabaseWrapper._connection_pools
    for alias, pool in list(pools.items()):
        if (pool.kwargs.get("host"), pool.kwargs.get("port")) == (dead.socket_dir, dead.port):
            pools.pop(alias, None)
            # Connections still lent out are closed when they come back.
            pool.close(timeout=1)


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        pool = self.settings_dict["OPTIONS"].get("pool")
        wait = pool.get("timeout", 30) if isinstance(pool, dict) else 30  # psycopg_pool's default
        pgdata = Path(self.settings_dict["PGDATA"])
        params["host"], params["port"] = embedded_server_address(pgdata, wait=wait)
        return params

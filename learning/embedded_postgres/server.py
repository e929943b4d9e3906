"""The embedded PostgreSQL's life: join it (starting it when needed), leave it, survive kills.

Plain Python on top of pgserver (0.1.4), no Django. pgserver keeps the ids of the processes using a
data directory in PGDATA/.handle_pids.json, under a lock file every process shares: the first one
starts the server, each adds its id, and at exit each removes it; the one that finds its id alone
on the list stops the server. A killed process breaks that bookkeeping, so this module repairs the
list whenever a process joins or leaves, before pgserver reads it:

- SIGKILL (or SIGTERM, which skips Python's exit handlers) leaves a dead id on the list, and the
  server then outlives every user: dead ids are dropped, and SIGTERM leaves before dying.
- A kill while pgserver rewrites the list (it truncates, then writes) leaves it empty, and pgserver
  then fails with JSONDecodeError after starting the server: an empty or corrupt list counts as
  empty, and this module writes it with a rename, never half.
"""

import atexit
import json
import os
import signal
import threading
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import psutil

PID_LIST = ".handle_pids.json"
STOP_WAIT = 30  # seconds a leaving process waits for the server's fast shutdown

_leaving: set[Path] = set()  # the data directories this process leaves at exit


@dataclass(frozen=True)
class Postmaster:
    """The running server's main process, and where it listens."""

    process: psutil.Process
    socket_dir: str
    port: int

    def is_running(self) -> bool:
        return _is_running(self.process)


def join(pgdata: Path) -> Postmaster:
    """Start the server in pgdata, or join the one running there, and put this process on its list.

    Called again once the server has died: it is started again, or joined if another process has
    already started it again.
    """
    postgres_server = _pgserver()
    pgdata = pgdata.resolve()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    with postgres_server.PostgresServer._lock:
        _repair_pid_list(pgdata)
        _forget_a_killed_postmaster(pgdata)
        server = postgres_server.PostgresServer._instances.get(pgdata)
        if server is not None:
            # pgserver starts a server only when it makes a process's handle (even if that
            # start failed), so later starts are ours.
            server.ensure_postgres_running()
            server.global_process_id_list.get_and_add(os.getpid())
    if server is None:
        # Makes the handle, starting or joining the server; it takes the lock itself.
        server = postgres_server.get_server(pgdata, cleanup_mode="stop")
    leave_at_exit(pgdata)
    info = server.get_postmaster_info()
    return Postmaster(info.process, str(info.socket_dir), info.port or 5432)


def leave(pgdata: Path) -> None:
    """Take this process off the server's list; stop the server if no live process is left on it."""
    pgdata = pgdata.resolve()
    with _pgserver().PostgresServer._lock:
        pids = _repair_pid_list(pgdata)
        others = [pid for pid in pids if pid != os.getpid()]
        if others != pids:
            _write_pid_list(pgdata, others)
        if not others:
            _stop(pgdata)


def leave_at_exit(pgdata: Path) -> None:
    """Leave the server in pgdata when this process exits, or is stopped with SIGTERM.

    Also for a process that never joins: runserver's autoreloader, stopped, kills its child (the
    one using the server) with SIGKILL, and then stops the server on its way out if nobody else
    uses it. SIGTERM is handled only where it still has its default action, and only from the main
    thread (where Python runs signal handlers): gunicorn and runserver handle it themselves and
    exit through the exit handlers.
    """
    _leaving.add(pgdata.resolve())
    # Registered again after pgserver's own exit handlers, so it runs before them (atexit runs
    # the last registered first) and leaves them nothing to do.
    atexit.unregister(_leave_all)
    atexit.register(_leave_all)
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _leave_all_and_die)


def _leave_all() -> None:
    for pgdata in list(_leaving):
        leave(pgdata)


def _leave_all_and_die(signum: int, frame: FrameType | None) -> None:
    _leave_all()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _pgserver():
    # Imported on first use: an external DATABASE_URL deployment never needs pgserver. It warns
    # about a missing XDG_RUNTIME_DIR on servers, which is harmless: it falls back to /tmp.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pgserver import postgres_server

    return postgres_server


def _repair_pid_list(pgdata: Path) -> list[int]:
    """The list without dead ids, written back if that changed it; empty when unreadable."""
    path = pgdata / PID_LIST
    try:
        text = path.read_text()
        pids = json.loads(text)
    except FileNotFoundError:
        return []
    except ValueError:  # empty, cut short or not UTF-8
        text, pids = "", []
    if not isinstance(pids, list):
        pids = []
    live = [pid for pid in pids if isinstance(pid, int) and _pid_is_running(pid)]
    if json.dumps(live) != text:
        _write_pid_list(pgdata, live)
    return live


def _write_pid_list(pgdata: Path, pids: list[int]) -> None:
    path = pgdata / PID_LIST
    partial = path.with_name(f"{PID_LIST}.{os.getpid()}")
    partial.write_text(json.dumps(pids))
    partial.replace(path)


def _pid_is_running(pid: int) -> bool:
    try:
        return _is_running(psutil.Process(pid))
    except psutil.NoSuchProcess:
        return False


def _is_running(process: psutil.Process) -> bool:
    # A killed process stays a zombie until its parent reaps it: for a server, init, once pg_ctl
    # has exited, which takes up to two seconds in some containers and never where pid 1 does not
    # reap. It is dead all the same. is_running() also tells a new process that reused the id.
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _postmaster_file(pgdata: Path) -> tuple[int, str, int] | None:
    """The process id, socket directory and port in postmaster.pid, if the file is complete."""
    try:
        lines = (pgdata / "postmaster.pid").read_text().splitlines()
        return int(lines[0]), lines[4].strip(), int(lines[3] or 5432)
    except (FileNotFoundError, IndexError, ValueError):
        return None


def _forget_a_killed_postmaster(pgdata: Path) -> None:
    """Delete the lock files of a server killed but not yet reaped.

    PostgreSQL and pgserver both take an unreaped (zombie) postmaster for a running one, so neither
    would start a server until init reaps it. A zombie is dead, so its lock files can go; those of
    a postmaster that is gone entirely PostgreSQL replaces itself.
    """
    found = _postmaster_file(pgdata)
    if found is None:
        return
    pid, socket_dir, port = found
    try:
        if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
            return
    except psutil.NoSuchProcess:
        return
    (pgdata / "postmaster.pid").unlink(missing_ok=True)
    if socket_dir:
        (Path(socket_dir) / f".s.PGSQL.{port}.lock").unlink(missing_ok=True)


def _stop(pgdata: Path) -> None:
    """Stop the server in pgdata, if one runs, and wait until it has shut down.

    Waiting matters: a process started right after this one (`make run` runs three in a row) would
    otherwise join a server that is shutting down.
    """
    found = _postmaster_file(pgdata)
    if found is None:
        return
    try:
        process = psutil.Process(found[0])
        if not _is_running(process) or str(pgdata) not in process.cmdline():
            return  # dead, or the id now belongs to another process
        process.send_signal(signal.SIGINT)  # PostgreSQL's fast shutdown, as `pg_ctl stop` sends
    except psutil.Error:  # gone meanwhile, or not ours to stop
        return
    deadline = time.monotonic() + STOP_WAIT
    while (pgdata / "postmaster.pid").exists() and _is_running(process):
        if time.monotonic() > deadline:
            return
        time.sleep(0.05)

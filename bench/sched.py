"""CPU time and run-queue wait from /proc/<pid>/schedstat, to see through a shared machine.

The kernel counts, per task, nanoseconds spent running and nanoseconds spent runnable
but waiting for a core. On a machine shared with other work, wall time minus that wait
is what a request would take with a core to itself; the running time is its CPU cost.
"""

from __future__ import annotations

import threading
from pathlib import Path

from django.db import connection


def read(path: str) -> tuple[int, int]:
    """(running ns, waiting ns) for the task at `path`, or zeros if it has gone."""
    try:
        running, waiting, *_ = Path(path).read_text().split()
    except (OSError, ValueError):
        return 0, 0
    return int(running), int(waiting)


def this_thread() -> str:
    return f"/proc/self/task/{threading.get_native_id()}/schedstat"


def database_backend() -> str | None:
    """The schedstat of the PostgreSQL backend serving this thread's connection (same machine)."""
    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    raw = connection.connection
    pid = getattr(getattr(raw, "info", None), "backend_pid", None)
    return f"/proc/{pid}/schedstat" if pid else None


def processes(pids: list[int]) -> tuple[int, int]:
    """Running and waiting ns summed over every thread of `pids`."""
    running = waiting = 0
    for pid in pids:
        tasks = Path(f"/proc/{pid}/task")
        try:
            entries = list(tasks.iterdir())
        except OSError:
            continue
        for task in entries:
            r, w = read(str(task / "schedstat"))
            running, waiting = running + r, waiting + w
    return running, waiting

"""`putright worker`: run queued background work (emails, letters) until stopped.

A thin wrapper over django-tasks-db's `db_worker`, so the one console command starts
everything and our defaults (every queue, no autoreload) apply. `--batch` runs what is
due and exits, for cron-style use and for tests. Without it the worker outlives a database
restart: it reconnects with backoff instead of exiting.
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, connections

# Seconds before the first attempt to reconnect, doubling up to the last.
RECONNECT_FIRST, RECONNECT_MAX = 1.0, 30.0


class Command(BaseCommand):
    help = "Run the background worker: emails and letters queued by the web server"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--batch", action="store_true", help="Run the tasks that are due, then exit")
        parser.add_argument("--max-tasks", type=int, default=None, help="Exit after this many tasks")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between looks when the queue is empty"
        )

    def handle(self, *args: Any, batch: bool, max_tasks: int | None, interval: float, **options: Any) -> None:
        extra: dict[str, Any] = {"max_tasks": max_tasks} if max_tasks else {}
        wait = RECONNECT_FIRST
        while True:
            began = time.monotonic()
            try:
                call_command(
                    "db_worker",
                    queue_name="*",
                    batch=batch,
                    interval=interval,
                    reload=False,
                    startup_delay=not batch,
                    verbosity=options.get("verbosity", 1),
                    **extra,
                )
                return
            except (OperationalError, InterfaceError) as exc:
                if batch:
                    raise
                # The database went away (a restart, a failover). The web workers reconnect
                # on their next request; the worker must too, or every email and letter
                # queued from then on waits for a person to notice and restart it.
                if time.monotonic() - began > RECONNECT_MAX:
                    wait = RECONNECT_FIRST
                self.stderr.write(f"worker: the database is unavailable ({exc}); trying again in {wait:g} s")
                connections.close_all()
                time.sleep(wait)
                wait = min(wait * 2, RECONNECT_MAX)

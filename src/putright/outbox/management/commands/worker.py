"""`putright worker`: run queued background work (emails, letters) until stopped.

A thin wrapper over django-tasks-db's `db_worker`, so the one console command starts
everything and our defaults (every queue, no autoreload) apply. `--batch` runs what is
due and exits, for cron-style use and for tests.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand


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

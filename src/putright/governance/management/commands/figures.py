"""`putright figures`: count and keep the period figures per day, so year reports stay fast."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from putright.cases.services import open_counts_compact
from putright.governance.services import figures_count


class Command(BaseCommand):
    help = (
        "Count the performance figures of every day before today that is not stored yet or "
        "has changed since, and store them, and fold the open-complaint counts. Reports and "
        "lists are always right without it (they count what is not stored or folded), only "
        "slower: run it every few minutes from cron or a timer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="Count every day again from the record")
        parser.add_argument("--quiet", action="store_true", help="No progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        began = time.monotonic()
        out = self.stderr

        def progress(done: int, total: int) -> None:
            if options["quiet"]:
                return
            filled = int(30 * done / max(total, 1))
            out.write(f"\rfigures [{'#' * filled}{'.' * (30 - filled)}] {done:,}/{total:,} days ", ending="")
            if done >= total:
                out.write("")
            out.flush()

        counted = figures_count(now=timezone.now(), rebuild=options["rebuild"], progress=progress)
        # The open-complaint counts the team view and the lists read grow a row or two with
        # each change; folding them here keeps those reads small.
        folded = open_counts_compact()
        self.stdout.write(
            f"Counted {counted.days:,} days ({counted.complaints_changed:,} complaints changed since the "
            f"last count) and folded {folded:,} open-count rows in {time.monotonic() - began:.1f} s"
        )

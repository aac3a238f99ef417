"""`putright generate --complaints N`: fill the database with years of realistic complaints."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from putright.demo.generate import generate


class Command(BaseCommand):
    help = (
        "Add N generated complaints received over the last few years, in every state, with "
        "their stages, extensions, refusals, remedies, actions, correspondence and events. "
        "For load tests and benchmarks: never run it on a live landlord's database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--complaints", type=int, required=True, help="How many complaints to add")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data (default 1)")
        parser.add_argument("--batch", type=int, default=10_000, help="Complaints per transaction")
        parser.add_argument("--years", type=int, default=3, help="Spread over this many years (default 3)")
        parser.add_argument("--quiet", action="store_true", help="No progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        for name in ("complaints", "batch", "years"):
            if options[name] < 1:
                raise CommandError(f"--{name} must be 1 or more")
        began = time.monotonic()
        written = generate(
            complaints=options["complaints"],
            seed=options["seed"],
            batch=options["batch"],
            years=options["years"],
            today=timezone.localdate(),
            out=None if options["quiet"] else sys.stderr,
        )
        elapsed = time.monotonic() - began
        total = sum(written.values())
        self.stdout.write(
            f"Generated {written['complaint']:,} complaints ({total:,} rows) in {elapsed:.1f} s: "
            + ", ".join(f"{key} {count:,}" for key, count in written.items())
        )
        self.stdout.write("Run `putright figures` to count them into the stored figures by day.")

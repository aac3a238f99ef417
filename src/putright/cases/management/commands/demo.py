"""`putright demo`: a realistic demo landlord with a year of complaints in every state."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from putright.cases.demo.build import STAFF, NotADemoDatabase, build_demo


class Command(BaseCommand):
    help = (
        "Load demo data (idempotent) and print the demo sign-ins, each with its own password, "
        "new each run. Refuses a database with staff the demo did not create."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--complaints", type=int, default=300)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(done: int, total: int) -> None:
            if done % 10 == 0 or done == total:
                sys.stderr.write(f"\rdemo data: {done}/{total} complaints")
                if done == total:
                    sys.stderr.write("\n")

        try:
            passwords = build_demo(
                today=timezone.localdate(),
                complaints=options["complaints"],
                seed=options["seed"],
                progress=progress,
            )
        except NotADemoDatabase as refused:
            raise CommandError(str(refused)) from None
        self.stdout.write("\nDemo sign-ins at http://127.0.0.1:8000/staff/ (passwords are new each run):")
        for username, role, *_ in STAFF:
            self.stdout.write(f"  {username:<6} {role:<18} {passwords[username]}")
        self.stdout.write("Residents: make a complaint at http://127.0.0.1:8000/\n")

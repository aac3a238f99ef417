"""`putright demo`: a realistic demo landlord with a year of complaints in every state."""

from __future__ import annotations

import os
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from putright.demo.data.build import STAFF, NotADemoDatabase, build_demo


class Command(BaseCommand):
    help = (
        "Load demo data (idempotent) and print the demo sign-ins, each with its own password, "
        "new each run. Refuses a database with staff the demo did not create."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--complaints", type=int, default=300)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--url",
            default=os.environ.get("PUTRIGHT_DEMO_URL", "http://127.0.0.1:8000"),
            help="Where the demo is served, for the addresses printed (default: $PUTRIGHT_DEMO_URL "
            "or http://127.0.0.1:8000; `make run PORT=8080` passes its own)",
        )

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
        url = str(options["url"]).rstrip("/")
        self.stdout.write(f"\nDemo sign-ins at {url}/staff/ (passwords are new each run):")
        for username, role, *_ in STAFF:
            self.stdout.write(f"  {username:<6} {role:<18} {passwords[username]}")
        self.stdout.write(f"Residents: make a complaint at {url}/")
        if settings.EMAIL_BACKEND.endswith("console.EmailBackend"):
            self.stdout.write(
                "Emails, residents' sign-in codes among them, are not sent: they are printed in the "
                "console (the terminal running the server and `putright worker`), between dashed lines.\n"
            )

"""`putright remind [--today YYYY-MM-DD] [--base-url URL]`: email today's reminders. Safe to run twice."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from putright.reminders.services import reminders_send


class Command(BaseCommand):
    help = (
        "Email each handler their overdue and due-soon complaints, each complaints officer a daily "
        "digest, and owners the reviews now due. Items already sent today are not sent again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="YYYY-MM-DD; default: today in England (for testing)")
        parser.add_argument(
            "--base-url",
            default=os.environ.get("PUTRIGHT_BASE_URL", ""),
            help="Address of the service, for links in emails (default: PUTRIGHT_BASE_URL)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(f"'{options['today']}' is not a date: use YYYY-MM-DD") from None
        outcome = reminders_send(
            today=today, now=timezone.now(), base_url=options["base_url"], progress=self.stdout.write
        )
        self.stdout.write(
            f"Sent {len(outcome.sent)}, already sent today {len(outcome.already_sent)}, "
            f"no email address {len(outcome.no_email)}, failed {len(outcome.failed)}"
        )
        if outcome.failed:
            raise CommandError(
                "Some reminders could not be sent; run again to retry them: " + ", ".join(outcome.failed)
            )

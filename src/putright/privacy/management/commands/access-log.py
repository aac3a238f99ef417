"""`putright access-log [--resident ID] [--since YYYY-MM-DD]`: who viewed whose special category data."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from putright.privacy.access_log import (
    access_log_cells,
    access_log_csv,
    access_log_in_chunks,
    special_category_reads,
)


def _since(text: str) -> datetime:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"'{text}' is not a date: use YYYY-MM-DD") from None
    return timezone.make_aware(datetime.combine(day, time.min))


class Command(BaseCommand):
    help = "Report reads of health, disability and vulnerability details (UK GDPR art. 9): who, whose, when, where."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--resident", type=int, metavar="ID", help="Only reads of this resident's details"
        )
        parser.add_argument("--since", type=_since, metavar="DATE", help="Only reads on or after this date")
        parser.add_argument("--csv", action="store_true", help="Comma-separated values, for a spreadsheet")

    def handle(self, *args: Any, **options: Any) -> None:
        reads = special_category_reads(resident_id=options["resident"], since=options["since"])
        if options["csv"]:
            for piece in access_log_csv(reads):
                self.stdout.write(piece, ending="")
            return
        count = 0
        for row in access_log_in_chunks(reads):
            count += 1
            self.stdout.write("  ".join(access_log_cells(row)))
        self.stdout.write(f"{count} read(s)")

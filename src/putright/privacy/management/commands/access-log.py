"""`putright access-log [--resident ID] [--since YYYY-MM-DD]`: who viewed whose special category data."""

from __future__ import annotations

import csv
from datetime import date, datetime, time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from putright.privacy.access_log import access_log_rows, special_category_reads
from putright.spreadsheets import csv_row


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
        header = ["when", "staff", "role", "resident", "resident name", "where"]
        if options["csv"]:
            writer = csv.writer(self.stdout)
            writer.writerow(header)
        count = 0
        for chunk_start in range(0, reads.count(), 1000):
            for row in access_log_rows(reads[chunk_start : chunk_start + 1000]):
                count += 1
                cells = [
                    timezone.localtime(row.at).strftime("%Y-%m-%d %H:%M"),
                    row.username,
                    row.role,
                    str(row.resident_id),
                    row.resident_name,
                    row.where,
                ]
                if options["csv"]:
                    # A name or place a spreadsheet would run as a formula stays text (CWE-1236).
                    writer.writerow(csv_row(cells))
                else:
                    self.stdout.write("  ".join(cells))
        if not options["csv"]:
            self.stdout.write(f"{count} read(s)")

"""`putright calendar add DATE N` and `putright calendar between START END`.

Working days: Monday to Friday less the nation's bank holidays. The day of DATE is
day 0, whatever day it is.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from putright.rules.calendar import Nation, UnknownNation, calendar_for

NATIONS = [n.value for n in Nation]


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"'{value}' is not a date: use YYYY-MM-DD, e.g. 2026-12-24") from None


class Command(BaseCommand):
    help = "Working-day arithmetic under the Complaint Handling Code (day of DATE is day 0)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="op", required=True, metavar="{add,between}")
        add = sub.add_parser("add", help="Print the Nth working day after DATE (the day of DATE is day 0).")
        add.add_argument("date", help="YYYY-MM-DD")
        add.add_argument("n", type=int, help="working days, 0 or more")
        between = sub.add_parser(
            "between", help="Print the number of working days after START up to and including END."
        )
        between.add_argument("start", help="YYYY-MM-DD")
        between.add_argument("end", help="YYYY-MM-DD")
        for p in (add, between):
            p.add_argument(
                "--nation",
                default=None,
                help=f"one of {', '.join(NATIONS)} (default: PUTRIGHT_NATION, else england-and-wales)",
            )

    def handle(self, *args: Any, **options: Any) -> None:
        nation = options["nation"] or settings.PUTRIGHT_NATION
        try:
            calendar = calendar_for(nation)
        except UnknownNation as exc:
            raise CommandError(str(exc)) from None
        try:
            if options["op"] == "add":
                if options["n"] < 0:
                    raise CommandError("N must be 0 or more")
                self.stdout.write(calendar.add_working_days(_date(options["date"]), options["n"]).isoformat())
            else:
                self.stdout.write(
                    str(calendar.working_days_between(_date(options["start"]), _date(options["end"])))
                )
        except ValueError as exc:
            raise CommandError(str(exc)) from None

"""`putright code provisions [--edition hos-2024|hos-2020]`: the Code's provisions, one a line."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from putright.rules.provisions import Edition, provisions_for


class Command(BaseCommand):
    help = "Print the Complaint Handling Code's self-assessment provisions: id, a tab, requirement."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="op", required=True, metavar="{provisions}")
        prov = sub.add_parser("provisions", help="List the provisions of an edition of the Code.")
        prov.add_argument(
            "--edition", default=Edition.HOS_2024.value, help=f"one of {', '.join(e.value for e in Edition)}"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        edition = options["edition"]
        if edition not in {e.value for e in Edition}:
            raise CommandError(
                f"Unknown edition '{edition}': use one of {', '.join(e.value for e in Edition)}"
            )
        for item in provisions_for(edition):
            self.stdout.write(f"{item.id}\t{item.requirement}")

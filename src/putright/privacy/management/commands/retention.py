"""`putright retention apply [--today YYYY-MM-DD] [--dry-run]` and
`putright retention erase RESIDENT_ID --reason TEXT [--by USERNAME]`."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from putright.landlord.models import LandlordSettings
from putright.privacy.errors import PrivacyRefused
from putright.privacy.management.commands._actor import actor_from, add_by_argument
from putright.privacy.models import AnonymisationRecord
from putright.privacy.retention import resident_anonymise, resident_erase, residents_due


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"'{text}' is not a date: use YYYY-MM-DD") from None


class Command(BaseCommand):
    help = "Anonymise personal data whose retention period has ended, or erase one resident's now."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="op", required=True, metavar="{apply,erase}")
        apply = sub.add_parser(
            "apply", help="Anonymise every resident whose last activity is older than the retention period."
        )
        apply.add_argument("--today", type=_day, help="The date to apply the period from (default: today)")
        apply.add_argument("--dry-run", action="store_true", help="List who is due; change nothing")
        add_by_argument(apply)
        erase = sub.add_parser(
            "erase", help="Anonymise one resident now (UK GDPR art. 17): see docs/privacy.md."
        )
        erase.add_argument("resident_id", type=int)
        erase.add_argument("--reason", required=True, help="Who asked, when, and on what grounds")
        add_by_argument(erase)

    def handle(self, *args: Any, **options: Any) -> None:
        actor = actor_from(options)
        if options["op"] == "erase":
            try:
                record = resident_erase(
                    resident_id=options["resident_id"],
                    reason=options["reason"],
                    actor=actor,
                    now=timezone.now(),
                )
            except PrivacyRefused as refusal:
                raise CommandError(refusal.message) from None
            self.stdout.write(f"Resident {record.resident_id} erased: {self._counts(record)}")
            return
        today = options["today"] or timezone.localdate()
        years = LandlordSettings.current().retention_years
        due = residents_due(today=today, retention_years=years)
        verb = "would be anonymised" if options["dry_run"] else "to anonymise"
        self.stdout.write(
            f"Retention period {years} years; {len(due)} resident(s) {verb} on {today:%Y-%m-%d}"
        )
        for n, resident in enumerate(due, start=1):
            line = (
                f"[{n}/{len(due)}] resident {resident.resident_id}, last activity {resident.last_activity_on}"
            )
            if options["dry_run"]:
                self.stdout.write(line)
                continue
            record = resident_anonymise(
                resident_id=resident.resident_id,
                kind=AnonymisationRecord.Kind.RETENTION,
                actor=actor,
                now=timezone.now(),
                last_activity_on=resident.last_activity_on,
            )
            self.stdout.write(f"{line}: {self._counts(record)}")

    @staticmethod
    def _counts(record: AnonymisationRecord) -> str:
        changed = {name: n for name, n in record.counts.items() if n}
        return ", ".join(f"{name} {n}" for name, n in sorted(changed.items())) or "nothing held"

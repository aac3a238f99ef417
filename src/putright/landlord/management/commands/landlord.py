"""`putright landlord set --name NAME --homes-rented N --homes-shared-ownership N ...`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from putright.core.errors import CaseError
from putright.landlord.models import LandlordSettings
from putright.landlord.services import TIMESCALES, landlord_timescales_update

FIELDS = {
    "name": "name",
    "homes_rented": "homes_rented",
    "homes_shared_ownership": "homes_shared_ownership",
    "ombudsman_details": "ombudsman_details",
    "colour": "colour",
    "complaints_email": "complaints_email",
    "complaints_phone": "complaints_phone",
}


class Command(BaseCommand):
    help = (
        "Show or set the landlord's settings (name, homes owned for TSM, Ombudsman details, "
        "policy timescales in working days: never longer than the Code's)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="op", required=True, metavar="{set,show}")
        setp = sub.add_parser("set", help="Set one or more settings.")
        setp.add_argument("--name")
        setp.add_argument("--homes-rented", type=int, dest="homes_rented")
        setp.add_argument("--homes-shared-ownership", type=int, dest="homes_shared_ownership")
        setp.add_argument("--ombudsman-details", dest="ombudsman_details")
        setp.add_argument("--colour")
        setp.add_argument("--complaints-email", dest="complaints_email")
        setp.add_argument("--complaints-phone", dest="complaints_phone")
        for name in TIMESCALES:
            setp.add_argument(f"--{name.replace('_', '-')}", type=int, dest=name)
        sub.add_parser("show", help="Print the current settings.")

    def handle(self, *args: Any, **options: Any) -> None:
        current = LandlordSettings.current()
        if options["op"] == "set":
            changed = [f for f in FIELDS if options.get(f) is not None]
            days = {name: options[name] for name in TIMESCALES if options.get(name) is not None}
            if days:
                # Through the same service as the settings page: never longer than the Code's.
                try:
                    current = landlord_timescales_update(actor=None, **days)
                except CaseError as exc:
                    raise CommandError(exc.message) from None
            if not changed and not days:
                raise CommandError("Give at least one setting, e.g. --name 'Example Homes'")
            for name in changed:
                value = options[name]
                if isinstance(value, int) and value < 0:
                    raise CommandError(f"--{name.replace('_', '-')} must be 0 or more")
                setattr(current, FIELDS[name], value)
            try:
                current.full_clean()
            except ValidationError as exc:
                raise CommandError(
                    "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
                ) from None
            current.save()
        for name in FIELDS:
            self.stdout.write(f"{name}: {getattr(current, FIELDS[name])}")
        for name in TIMESCALES:
            self.stdout.write(f"{name}: {getattr(current, name)}")

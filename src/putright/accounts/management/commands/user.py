"""`putright user create USERNAME --role ROLE [--email EMAIL]`, `putright user deactivate USERNAME`
and `putright user reset-2fa USERNAME`.

With PUTRIGHT_PASSWORD in the environment (for automation) the user can sign in with it,
once it passes the password policy. Otherwise the command prints a one-time set-up link
(72 hours, single use): the person chooses their own password there and sets up their
second factor, so no password passes through a command line or a second pair of hands.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse
from django.utils import timezone

from putright.accounts.models import Role, User
from putright.accounts.services.twofactor import twofactor_reset
from putright.accounts.services.users import SETUP_LINK_LIFETIME, user_create, user_deactivate
from putright.core.errors import InvalidInput


def _refusal(error: InvalidInput) -> CommandError:
    return CommandError(
        "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.errors.items())
    )


class Command(BaseCommand):
    help = "Manage staff users."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="op", required=True, metavar="{create,deactivate,reset-2fa}")
        create = sub.add_parser(
            "create",
            help="Create a staff user: password from PUTRIGHT_PASSWORD, or else a one-time set-up link is printed.",
        )
        create.add_argument("username")
        create.add_argument("--role", required=True, choices=Role.values)
        create.add_argument("--email", default="")
        create.add_argument(
            "--base-url",
            default=os.environ.get("PUTRIGHT_BASE_URL", ""),
            help="Address of the service, for the set-up link (default: PUTRIGHT_BASE_URL)",
        )
        deactivate = sub.add_parser(
            "deactivate",
            help="Stop a leaver signing in or using the API; their name stays on everything they did.",
        )
        deactivate.add_argument("username")
        reset = sub.add_parser(
            "reset-2fa",
            help="Remove USERNAME's authenticator and recovery codes (a lost phone); they set up a new one at next sign-in.",
        )
        reset.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["op"] == "create":
            self._create(options)
            return
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user called '{options['username']}'")
        if options["op"] == "deactivate":
            user_deactivate(actor=None, user_id=user.pk, now=timezone.now())
            self.stdout.write(
                f"{user.username} deactivated: they cannot sign in or use the API; their name stays on the record"
            )
            return
        twofactor_reset(user=user)
        logging.getLogger("putright.security").warning("second factor reset user=%s", user.username)
        self.stdout.write(f"Second factor removed for {user.username}: they set up a new one at next sign-in")

    def _create(self, options: dict[str, Any]) -> None:
        try:
            user, token = user_create(
                username=options["username"],
                role=options["role"],
                email=options["email"],
                password=os.environ.get("PUTRIGHT_PASSWORD") or None,
                now=timezone.now(),
            )
        except InvalidInput as error:
            raise _refusal(error) from None
        self.stdout.write(f"Created {user.username} ({user.role})")
        if token is not None:
            hours = int(SETUP_LINK_LIFETIME.total_seconds() // 3600)
            link = options["base_url"].rstrip("/") + reverse("account:first_setup", args=[token])
            self.stdout.write(
                f"Give {user.username} this one-time set-up link (it works once, for {hours} hours), "
                "where they choose a password and set up their second factor:"
            )
            self.stdout.write(link)

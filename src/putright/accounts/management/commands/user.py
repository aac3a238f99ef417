"""`putright user create USERNAME --role ROLE [--email EMAIL]` and `putright user reset-2fa USERNAME`.

With PUTRIGHT_PASSWORD in the environment the user can sign in with it; otherwise the
account has no usable password until an administrator sets one.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from putright.accounts.models import Role, User
from putright.accounts.services.twofactor import twofactor_reset


class Command(BaseCommand):
    help = "Manage staff users."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="op", required=True, metavar="{create,reset-2fa}")
        create = sub.add_parser("create", help="Create a staff user (password from PUTRIGHT_PASSWORD).")
        create.add_argument("username")
        create.add_argument("--role", required=True, choices=Role.values)
        create.add_argument("--email", default="")
        reset = sub.add_parser(
            "reset-2fa",
            help="Remove USERNAME's authenticator and recovery codes (a lost phone); they set up a new one at next sign-in.",
        )
        reset.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["op"] == "reset-2fa":
            user = User.objects.filter(username=options["username"]).first()
            if user is None:
                raise CommandError(f"No user called '{options['username']}'")
            twofactor_reset(user=user)
            logging.getLogger("putright.security").warning("second factor reset user=%s", user.username)
            self.stdout.write(
                f"Second factor removed for {user.username}: they set up a new one at next sign-in"
            )
            return
        username = options["username"].strip()
        if not username:
            raise CommandError("USERNAME cannot be empty")
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user called '{username}' already exists")
        password = os.environ.get("PUTRIGHT_PASSWORD")
        with transaction.atomic():
            user = User(username=username, email=options["email"], role=options["role"])
            user.is_staff = options["role"] == Role.ADMINISTRATOR
            user.is_superuser = options["role"] == Role.ADMINISTRATOR
            if password:
                user.set_password(password)
            else:
                user.set_unusable_password()
            try:
                user.full_clean(exclude=["password"])
            except ValidationError as exc:
                raise CommandError(
                    "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
                ) from None
            user.save()
        self.stdout.write(f"Created {username} ({options['role']})")

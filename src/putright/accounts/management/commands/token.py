"""`putright token create USERNAME`: prints a new API token on its own line."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from putright.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "Manage API tokens. Only a hash is stored: copy the token when it is printed."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="op", required=True, metavar="{create}")
        create = sub.add_parser("create", help="Create an API token for USERNAME and print it.")
        create.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user called '{options['username']}'")
        _, raw = ApiToken.issue(user)
        self.stdout.write(raw)

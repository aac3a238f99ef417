"""`putright token create USERNAME [--days N]`, `putright token list [USERNAME]`, `putright token revoke ID`.

`create` prints the new token alone on standard output (scripts read it from there) and
when it expires on standard error. Tokens last 90 days unless `--days` says otherwise
(at most 365). `list` never shows a secret: only a hash of each is stored.
"""

from __future__ import annotations

import argparse
import logging
from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from putright.accounts.errors import TokenRefused
from putright.accounts.models import User
from putright.accounts.selectors import api_tokens
from putright.accounts.services.tokens import DEFAULT_DAYS, MAX_DAYS, api_token_issue, api_token_revoke

log = logging.getLogger("putright.security")
COLUMNS = ("id", "user", "created", "last used", "expires", "revoked")


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of days") from None
    if not 1 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"a token lasts from 1 to {MAX_DAYS} days, not {days}")
    return days


def _when(at: datetime | None) -> str:
    return timezone.localtime(at).strftime("%Y-%m-%d %H:%M") if at else "-"


class Command(BaseCommand):
    help = "Manage API tokens. Only a hash is stored: copy the token when it is printed."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="op", required=True, metavar="{create,list,revoke}")
        create = sub.add_parser("create", help="Create an API token for USERNAME and print it.")
        create.add_argument("username")
        create.add_argument(
            "--days",
            type=_days,
            default=DEFAULT_DAYS,
            metavar="N",
            help=f"Days until the token expires: 1 to {MAX_DAYS} (default {DEFAULT_DAYS}).",
        )
        listing = sub.add_parser("list", help="List API tokens (never their secrets), or USERNAME's.")
        listing.add_argument("username", nargs="?")
        revoke = sub.add_parser("revoke", help="Revoke the API token ID (from `token list`) now.")
        revoke.add_argument("token_id", type=int, metavar="ID")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["op"] == "create":
            self._create(**options)
        elif options["op"] == "list":
            self._list(**options)
        else:
            self._revoke(**options)

    def _create(self, *, username: str, days: int, **options: Any) -> None:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user called '{username}'")
        try:
            token, raw = api_token_issue(user=user, now=timezone.now(), days=days)
        except TokenRefused as exc:
            raise CommandError(exc.message) from None
        log.info(
            "API token created id=%s user=%s expires=%s", token.pk, username, token.expires_at.isoformat()
        )
        self.stdout.write(raw)
        self.stderr.write(f"Token {token.pk} for {username} expires {_when(token.expires_at)}")

    def _list(self, *, username: str | None, **options: Any) -> None:
        if username is not None and not User.objects.filter(username=username).exists():
            raise CommandError(f"No user called '{username}'")
        rows = [
            (
                str(token.pk),
                token.user.username,
                _when(token.created_at),
                _when(token.last_used_at),
                _when(token.expires_at),
                _when(token.revoked_at),
            )
            for token in api_tokens(username=username)
        ]
        if not rows:
            self.stdout.write("No API tokens")
            return
        widths = [max(len(row[i]) for row in [COLUMNS, *rows]) for i in range(len(COLUMNS))]
        for row in [COLUMNS, *rows]:
            self.stdout.write(
                "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            )

    def _revoke(self, *, token_id: int, **options: Any) -> None:
        try:
            token, revoked = api_token_revoke(token_id=token_id, now=timezone.now())
        except TokenRefused as exc:
            raise CommandError(exc.message) from None
        if revoked:
            log.warning("API token revoked id=%s user=%s", token.pk, token.user.username)
            self.stdout.write(f"Revoked token {token.pk} of {token.user.username}")
        else:
            self.stdout.write(
                f"Token {token.pk} of {token.user.username} was already revoked on {_when(token.revoked_at)}"
            )

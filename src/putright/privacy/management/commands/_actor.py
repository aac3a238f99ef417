"""Who is running a privacy command: a named member of staff, or the operator's login."""

from __future__ import annotations

import getpass
from typing import Any

from django.core.management.base import CommandError, CommandParser

from putright.accounts.models import User


def add_by_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--by",
        metavar="USERNAME",
        help="The member of staff responsible, recorded in the log (default: the operator's login name)",
    )


def actor_from(options: dict[str, Any]) -> Any:
    username = options.get("by")
    if not username:
        return f"command line ({getpass.getuser()})"
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"No active user called '{username}'")
    return user

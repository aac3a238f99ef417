"""`putright sar export RESIDENT_ID PATH [--by USERNAME]`: a subject access export as a ZIP."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from putright.privacy.errors import PrivacyRefused
from putright.privacy.management.commands._actor import actor_from, add_by_argument
from putright.privacy.sar import subject_access_export


class Command(BaseCommand):
    help = "Subject access requests (UK GDPR art. 15)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="op", required=True, metavar="{export}")
        export = sub.add_parser("export", help="Write everything held about a resident to a ZIP file.")
        export.add_argument("resident_id", type=int)
        export.add_argument("path", type=Path)
        add_by_argument(export)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if path.exists():
            raise CommandError(f"{path} already exists: choose a new file name")
        actor = actor_from(options)
        # Only the operator may read the file: it holds health and disability details.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                summary = subject_access_export(
                    resident_id=options["resident_id"], actor=actor, now=timezone.now(), target=handle
                )
        except PrivacyRefused as refusal:
            path.unlink(missing_ok=True)
            raise CommandError(refusal.message) from None
        held = ", ".join(f"{name} {n}" for name, n in summary.items() if n)
        self.stdout.write(f"Wrote {path}: {held}")

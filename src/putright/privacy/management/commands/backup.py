"""`putright backup PATH`: the database and the uploaded files in one archive (see putright.privacy.backup)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from putright.privacy.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database and the uploaded files to PATH (a .tar.gz only its owner can read)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        self.verbosity = int(options["verbosity"])
        path: Path = options["path"]
        try:
            manifest = backup_create(path=path, now=timezone.now(), progress=self._progress)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["row_counts"].values())
        files = sum(1 for name in manifest["sha256"] if name.startswith("files/"))
        self.stdout.write(f"Backed up {rows} rows and {files} files to {path}")

    def _progress(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stderr.write(message)

"""`putright restore PATH`: replace the database and the uploaded files with a backup's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from putright.privacy.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `putright backup`. Everything in the database is replaced: "
        "stop the application first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--allow-unsigned",
            action="store_true",
            help="Restore an archive that is not sealed and signed with PUTRIGHT_BACKUP_KEY (dangerous)",
        )
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask for confirmation"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.verbosity = int(options["verbosity"])
        path: Path = options["path"]
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
        if options["allow_unsigned"]:
            # Loud on purpose: an unsigned archive may have been doctored by anyone who held it.
            self.stderr.write(
                self.style.ERROR(
                    "WARNING: --allow-unsigned: an archive that is not sealed and signed with "
                    "PUTRIGHT_BACKUP_KEY will be restored. Anyone who held it could have changed "
                    "the complaint record in it. Go on only if you know where it came from."
                )
            )
        if options["interactive"]:
            answer = input(
                "This replaces every complaint, user and file with the backup's. Type 'restore' to go on: "
            )
            if answer.strip() != "restore":
                raise CommandError("Restore cancelled: nothing was changed")
        try:
            result = backup_restore(
                path=path,
                now=timezone.now(),
                progress=self._progress,
                allow_unsigned=options["allow_unsigned"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored the backup of {result['created_at']} from {path}")
        if result["files_moved_aside_to"]:
            self.stdout.write(
                f"The files that were there are in {result['files_moved_aside_to']}: delete that folder once checked"
            )
        self.stdout.write("Run `putright migrate` if this version of putright is newer than the backup.")

    def _progress(self, message: str) -> None:
        if self.verbosity >= 1 or message.startswith("WARNING"):
            self.stderr.write(message)

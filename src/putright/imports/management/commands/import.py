"""`putright import complaints FILE --mapping FILE.toml [--dry-run]`: bring in past complaints."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from putright.imports.mapping import MappingError, mapping_load, mapping_toml, propose_mapping
from putright.imports.reading import UnreadableFile, table_read
from putright.imports.services import errors_csv, import_complaints


class Command(BaseCommand):
    help = (
        "Import past complaints from a CSV or Excel (.xlsx) file. Each row is imported whole or "
        "not at all; a row whose reference was imported before updates that complaint. No letter "
        "or email is sent. Without --mapping, prints a proposed mapping to start from."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("what", choices=["complaints"], help="What to import")
        parser.add_argument("file", type=Path, help="The .csv or .xlsx file")
        parser.add_argument("--mapping", type=Path, help="TOML file: which column holds which field")
        parser.add_argument("--dry-run", action="store_true", help="Check every row and write nothing")
        parser.add_argument("--errors", type=Path, help="Write the row errors to this CSV file")
        parser.add_argument("--quiet", action="store_true", help="No progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            with path.open("rb") as data:
                table = table_read(path.name, data)
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        except UnreadableFile as exc:
            raise CommandError(str(exc)) from exc
        if options["mapping"] is None:
            self.stdout.write("# A proposed mapping: check it, save it and pass it with --mapping\n")
            self.stdout.write(mapping_toml(propose_mapping(table.headers)))
            return
        try:
            mapping = mapping_load(options["mapping"])
        except MappingError as exc:
            raise CommandError(str(exc)) from exc
        problems = mapping.check(table.headers)
        if problems:
            raise CommandError("The mapping does not fit the file:\n  " + "\n  ".join(problems))
        began = time.monotonic()
        summary = import_complaints(
            actor=None,
            now=timezone.now(),
            file_name=path.name,
            table=table,
            mapping=mapping,
            dry_run=options["dry_run"],
            progress=None if options["quiet"] else self._progress,
        )
        errors = summary.errors
        for error in errors[:50]:
            self.stdout.write(f"row {error.row}, {error.column}: {error.message}")
        if len(errors) > 50:
            self.stdout.write(f"... and {len(errors) - 50:,} more errors")
        if options["errors"] is not None:
            options["errors"].write_text(errors_csv(errors), encoding="utf-8")
        elapsed = time.monotonic() - began
        if options["dry_run"]:
            self.stdout.write(
                f"Checked {summary.total:,} rows in {elapsed:.1f} s (nothing written): "
                f"{summary.total - summary.failed:,} ready to import, {summary.failed:,} with errors"
            )
            return
        self.stdout.write(
            f"Imported {summary.total:,} rows in {elapsed:.1f} s: {summary.created:,} new, "
            f"{summary.updated:,} updated, {summary.failed:,} with errors (nothing written for those)"
        )

    def _progress(self, done: int, total: int) -> None:
        if done % 50 and done != total:
            return
        filled = int(30 * done / max(total, 1))
        self.stderr.write(
            f"\rimport [{'#' * filled}{'.' * (30 - filled)}] {done:,}/{total:,} rows ", ending=""
        )
        if done >= total:
            self.stderr.write("")
        self.stderr.flush()

"""Backups of everything putright holds: the database and the uploaded files, in one archive.

`putright backup PATH` writes PATH as a gzipped tar, readable by its owner only:
    manifest.json      format, engine, when, row counts, case-event checksum, migrations,
                       and the SHA-256 of every other member
    database.sqlite3   (SQLite: a copy by the online backup API) or
    database.pgdump    (PostgreSQL: pg_dump's custom format)
    files/...          the PUTRIGHT_MEDIA_ROOT folder
`putright restore PATH` checks every checksum before touching anything, replaces the
database, checks its row counts and event checksum against the manifest, then puts the
files in place (moving what was there aside).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.migrations.loader import MigrationLoader

from putright.privacy.backup.database import (
    BackupError,
    database_dump,
    database_restore,
    dump_name,
    engine,
    live_summary,
)
from putright.privacy.backup.extract import UnsafeArchive, safe_extract
from putright.privacy.backup.files import add_files, replace_files

__all__ = ["BackupError", "backup_create", "backup_restore"]

FORMAT = 1
MANIFEST = "manifest.json"
Progress = Callable[[str], None]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup_create(*, path: Path, now: datetime, progress: Progress) -> dict[str, Any]:
    """Write the archive to `path` (never overwriting); return its manifest."""
    if path.exists():
        raise BackupError(f"{path} already exists: choose a new file name")
    media = Path(settings.PUTRIGHT_MEDIA_ROOT)
    created = False
    try:
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=".putright-backup-") as work:
            dump = Path(work) / dump_name()
            summary = database_dump(dump, progress)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            created = True
            with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
                checksums = {dump_name(): _sha256(dump)}
                archive.add(dump, arcname=dump_name())
                progress(f"database: {dump.stat().st_size} bytes archived")
                checksums.update(add_files(archive, media, progress))
                manifest = {
                    "format": FORMAT,
                    "created_at": now.isoformat(),
                    "engine": engine(),
                    "database": dump_name(),
                    "sha256": checksums,
                    **summary,
                }
                data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mode, info.mtime = len(data), 0o600, int(now.timestamp())
                archive.addfile(info, io.BytesIO(data))
    except BaseException:
        # Half an archive is worse than none: it would look like a backup.
        if created:
            path.unlink(missing_ok=True)
        raise
    return manifest


def _extract(path: Path, into: Path) -> dict[str, Any]:
    try:
        with tarfile.open(path, "r:gz") as archive:
            for member in archive.getmembers():
                if not (member.isfile() or member.isdir()):
                    raise BackupError(f"{path} holds {member.name}, which is not a plain file")
                if member.name not in (
                    MANIFEST,
                    "database.sqlite3",
                    "database.pgdump",
                ) and not member.name.startswith("files/"):
                    raise BackupError(f"{path} holds {member.name}, which a putright backup never holds")
            # Our own checks and the "data" filter: no absolute paths, "..", links or devices.
            safe_extract(archive, into)
    except UnsafeArchive as error:
        raise BackupError(f"{path} is not a putright backup: {error}") from None
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{path} is not a putright backup: {error}") from None
    manifest_path = into / MANIFEST
    if not manifest_path.exists():
        raise BackupError(f"{path} has no manifest: it is not a putright backup, or it is incomplete")
    manifest: dict[str, Any] = json.loads(manifest_path.read_text())
    return manifest


def _verify(manifest: dict[str, Any], into: Path) -> None:
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Backup format {manifest.get('format')} is not one this version reads ({FORMAT})")
    if manifest.get("engine") != engine():
        raise BackupError(
            f"This backup is of a {manifest.get('engine')} database; this installation uses {engine()}"
        )
    listed = manifest["sha256"]
    present = {p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file()} - {MANIFEST}
    if present != set(listed):
        raise BackupError("The archive's contents do not match its manifest: it has been altered")
    for name, expected in listed.items():
        if _sha256(into / name) != expected:
            raise BackupError(f"{name} is damaged: its checksum does not match the manifest")
    known = {
        f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    }
    unknown = sorted(set(manifest["migrations"]) - known)
    if unknown:
        raise BackupError(
            f"This backup was made by a newer putright (migrations {', '.join(unknown[:3])}...): upgrade first"
        )


def backup_restore(*, path: Path, now: datetime, progress: Progress) -> dict[str, Any]:
    """Restore the archive at `path`; return the manifest and where the replaced files were moved."""
    media = Path(settings.PUTRIGHT_MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media.parent, prefix=".putright-restore-") as work:
        into = Path(work)
        manifest = _extract(path, into)
        _verify(manifest, into)
        progress("archive: every checksum matches")
        database_restore(into / manifest["database"], progress)
        after = live_summary()
        wrong = sorted(
            table
            for table in set(after["row_counts"]) | set(manifest["row_counts"])
            if after["row_counts"].get(table) != manifest["row_counts"].get(table)
        )
        if wrong or after["case_events_sha256"] != manifest["case_events_sha256"]:
            raise BackupError(
                f"The restored database differs from the backup (tables: {', '.join(wrong) or 'none'}; events checksum)"
            )
        progress(
            f"database: {sum(after['row_counts'].values())} rows in {len(after['row_counts'])} tables, as backed up"
        )
        aside = replace_files(media, into / "files", now, progress)
    return {**manifest, "files_moved_aside_to": str(aside) if aside else None}

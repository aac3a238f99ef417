"""Backups of everything putright holds: the database and the uploaded files, in one archive.

`putright backup PATH` writes PATH as a gzipped tar, sealed (encrypted and authenticated,
see `sealing`) with PUTRIGHT_BACKUP_KEY and readable by its owner only:
    manifest.json      format, engine, when, row counts, case-event checksum, migrations,
                       and the SHA-256 of every other member
    manifest.sig       HMAC-SHA256 of manifest.json with a key derived from PUTRIGHT_BACKUP_KEY
    database.sqlite3   (SQLite: a copy by the online backup API) or
    database.pgdump    (PostgreSQL: pg_dump's custom format)
    files/...          the PUTRIGHT_MEDIA_ROOT folder
`putright restore PATH` opens the seal and checks the signature and every checksum before
touching anything (an unsealed or unsigned archive only with `allow_unsigned`), replaces the
database, checks its row counts and event checksum against the manifest, ends every
sign-in that existed at backup time, then puts the files in place (moving what was there aside).
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
from django.contrib.sessions.models import Session
from django.db import connection
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
from putright.privacy.backup.sealing import (
    backup_secret,
    is_sealed,
    manifest_signature,
    manifest_signature_matches,
    seal,
    unseal,
)
from putright.privacy.record_guard import record_guard_install
from putright.residents.models import ResidentSession, SignInCode

__all__ = ["BackupError", "backup_create", "backup_restore"]

FORMAT = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
Progress = Callable[[str], None]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup_create(*, path: Path, now: datetime, progress: Progress) -> dict[str, Any]:
    """Write the sealed archive to `path` (never overwriting); return its manifest."""
    if path.exists():
        raise BackupError(f"{path} already exists: choose a new file name")
    # Refuse before any work: a backup nobody can verify or keep secret is not made at all.
    manifest_signature(b"")
    media = Path(settings.PUTRIGHT_MEDIA_ROOT)
    created = False
    try:
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=".putright-backup-") as work:
            dump = Path(work) / dump_name()
            summary = database_dump(dump, progress)
            plain = Path(work) / "archive.tar.gz"
            with plain.open("wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
                manifest = _write_members(archive, dump, media, summary, now, progress)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            created = True
            with plain.open("rb") as source, os.fdopen(fd, "wb") as target:
                seal(source, target)
            progress("archive: signed and encrypted with PUTRIGHT_BACKUP_KEY")
    except BaseException:
        # Half an archive is worse than none: it would look like a backup.
        if created:
            path.unlink(missing_ok=True)
        raise
    return manifest


def _write_members(
    archive: tarfile.TarFile,
    dump: Path,
    media: Path,
    summary: dict[str, Any],
    now: datetime,
    progress: Progress,
) -> dict[str, Any]:
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
    for name, content in ((MANIFEST, data), (SIGNATURE, manifest_signature(data).encode())):
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = len(content), 0o600, int(now.timestamp())
        archive.addfile(info, io.BytesIO(content))
    return manifest


def _extract(path: Path, into: Path) -> dict[str, Any]:
    try:
        with tarfile.open(path, "r:gz") as archive:
            for member in archive.getmembers():
                if not (member.isfile() or member.isdir()):
                    raise BackupError(f"{path} holds {member.name}, which is not a plain file")
                if member.name not in (
                    MANIFEST,
                    SIGNATURE,
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
    present = {p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file()} - {MANIFEST, SIGNATURE}
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


def _opened(path: Path, work: Path, allow_unsigned: bool, progress: Progress) -> Path:
    """The plain archive: `path` unsealed into `work`, or `path` itself if it was never sealed."""
    if is_sealed(path):
        plain = work / "archive.tar.gz"
        with path.open("rb") as source, plain.open("wb") as target:
            unseal(source, target)
        progress("archive: decrypted with PUTRIGHT_BACKUP_KEY, every part authentic")
        return plain
    if not allow_unsigned:
        raise BackupError(
            f"{path} is not a sealed putright backup: it was not made by this version of putright, "
            "or it has been unpacked and repacked. Restore it only if you know where it came from "
            "(--allow-unsigned)."
        )
    progress("WARNING: the archive is not encrypted or sealed; restoring it anyway (--allow-unsigned)")
    return path


def _check_signature(into: Path, allow_unsigned: bool, progress: Progress) -> None:
    """Refuse a manifest that is unsigned or whose signature does not match, unless allowed."""
    signature = into / SIGNATURE
    manifest = into / MANIFEST
    if not signature.exists():
        problem = "is not signed"
    elif not backup_secret():
        problem = "cannot be checked: PUTRIGHT_BACKUP_KEY is not set"
    elif not manifest_signature_matches(manifest.read_bytes(), signature.read_text()):
        problem = "does not match its signature: it has been altered, or signed with another key"
    else:
        progress("archive: manifest signature valid")
        return
    if not allow_unsigned:
        raise BackupError(f"The backup's manifest {problem}. Nothing was changed.")
    progress(f"WARNING: the backup's manifest {problem}; restoring it anyway (--allow-unsigned)")


def _end_sessions(now: datetime, progress: Progress) -> None:
    """End every sign-in that existed when the backup was made.

    Someone signed in then (a resident since erased, a leaver since deactivated, a stolen
    session since ended) must not be signed in again by going back in time.
    """
    Session.objects.all().delete()
    ResidentSession.objects.filter(ended_at__isnull=True).update(ended_at=now)
    SignInCode.objects.filter(used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    progress("sessions: every staff and portal sign-in from the backup ended")


def backup_restore(
    *, path: Path, now: datetime, progress: Progress, allow_unsigned: bool = False
) -> dict[str, Any]:
    """Restore the archive at `path`; return the manifest and where the replaced files were moved.

    An archive that is not sealed with PUTRIGHT_BACKUP_KEY, or whose manifest is unsigned or
    mis-signed, is refused unless `allow_unsigned` (a backup from before signing, or a key lost).
    """
    media = Path(settings.PUTRIGHT_MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media.parent, prefix=".putright-restore-") as work:
        into = Path(work) / "archive"
        into.mkdir()
        manifest = _extract(_opened(path, Path(work), allow_unsigned, progress), into)
        _check_signature(into, allow_unsigned, progress)
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
        _end_sessions(now, progress)
        # pg_restore --no-privileges brings the functions back callable by PUBLIC, and an older
        # backup may predate some triggers: the guard is put back as this version defines it.
        record_guard_install(connection)
        aside = replace_files(media, into / "files", now, progress)
    return {**manifest, "files_moved_aside_to": str(aside) if aside else None}

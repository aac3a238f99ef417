"""Backups: the database and the uploaded files go out in one archive and come back exactly,
row for row and byte for byte; a damaged or doctored archive changes nothing (ASVS 14.2.x/1.14,
resilience of the full record the Code requires, 5.12)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import stat
import tarfile
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from putright.cases.models import CaseEvent, Complaint, Resident
from putright.letters.services.drafting import letters_held_as_drafts
from putright.privacy.backup.sealing import seal, unseal
from putright.privacy.retention import resident_anonymise
from putright.residents.models import ResidentSession
from tests.cases.factories import log
from tests.privacy.story import PDF, Story, build_story

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _needs_pg_dump_on_postgresql() -> None:
    if connection.vendor == "postgresql" and not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed: install postgresql-client-15 to test PostgreSQL backups")


@pytest.fixture
def committed_story(handler, reviewer, now) -> Story:
    # Committed data (pg_dump sees only that); letters stay drafts so nothing is rendered or sent.
    with letters_held_as_drafts():
        return build_story(handler, reviewer, now)


def events_checksum() -> str:
    digest = hashlib.sha256()
    for row in CaseEvent.objects.order_by("id").values_list(
        "id", "complaint_id", "at", "action", "summary", "after"
    ):
        digest.update(repr(row).encode())
    return digest.hexdigest()


def counts() -> dict[str, int]:
    return {
        "complaints": Complaint.objects.count(),
        "residents": Resident.objects.count(),
        "events": CaseEvent.objects.count(),
    }


def backup(path: Path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("backup", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def restore(path: Path, *options: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("restore", str(path), "--no-input", *options, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_backup_restores_every_row_every_event_and_every_file(committed_story, handler, now, tmp_path):
    media = Path(settings.PUTRIGHT_MEDIA_ROOT)
    attachment = committed_story.closed.attachments.get().file.name
    before_counts, before_events = counts(), events_checksum()
    out, progress = backup(tmp_path / "putright.tar.gz")
    assert "Backed up" in out
    assert "database:" in progress and "files:" in progress

    # Then things go wrong: a new complaint, and an erasure by mistake rewrites history and deletes a file.
    log(handler, date(2026, 11, 30), description="Logged after the backup")
    resident_anonymise(
        resident_id=committed_story.ada.pk, kind="erasure", actor=None, now=now, reason="mistake"
    )
    assert not (media / attachment).exists()
    assert counts() != before_counts and events_checksum() != before_events

    out, progress = restore(tmp_path / "putright.tar.gz")
    assert "Restored the backup" in out
    assert "every checksum matches" in progress
    assert counts() == before_counts
    assert events_checksum() == before_events
    assert Resident.objects.get(pk=committed_story.ada.pk).name == "Ada Lovelace"
    assert (media / attachment).read_bytes() == PDF


def test_the_archive_is_readable_by_its_owner_only_and_never_overwritten(committed_story, tmp_path):
    path = tmp_path / "putright.tar.gz"
    backup(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with pytest.raises(CommandError, match="already exists"):
        backup(path)
    with tarfile.open(unsealed(path, tmp_path / "plain.tar.gz")) as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
    assert manifest["engine"] == connection.vendor
    assert manifest["row_counts"]["cases_caseevent"] == CaseEvent.objects.count()


def unsealed(source: Path, target: Path) -> Path:
    """The plain tar.gz inside a sealed backup, opened with the test key."""
    with source.open("rb") as sealed_file, target.open("wb") as plain:
        unseal(sealed_file, plain)
    return target


def sealed(source: Path, target: Path) -> Path:
    """`source` sealed again with the test key, as someone holding the key would."""
    with source.open("rb") as plain, target.open("wb") as sealed_file:
        seal(plain, sealed_file)
    return target


def rebuilt(source: Path, target: Path, change, *, reseal: bool = True) -> Path:
    """A copy of the archive with one member changed by `change(name, data) -> data`."""
    plain = unsealed(source, target.with_suffix(".plain"))
    repacked = target.with_suffix(".repacked") if reseal else target
    with tarfile.open(plain) as original, tarfile.open(repacked, "w:gz") as copy:
        for member in original.getmembers():
            data = original.extractfile(member).read()
            data = change(member.name, data)
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return sealed(repacked, target) if reseal else target


def test_a_damaged_archive_is_refused_and_nothing_changes(committed_story, tmp_path):
    good = tmp_path / "good.tar.gz"
    backup(good)
    damaged = rebuilt(
        good,
        tmp_path / "damaged.tar.gz",
        lambda name, data: data[:-1] + b"x" if name.startswith("database") else data,
    )
    Resident.objects.filter(pk=committed_story.ada.pk).update(name="Changed since")
    with pytest.raises(CommandError, match="damaged"):
        restore(damaged)
    assert Resident.objects.get(pk=committed_story.ada.pk).name == "Changed since"


def test_a_manifest_for_another_database_engine_is_refused(committed_story, tmp_path):
    good = tmp_path / "good.tar.gz"
    backup(good)

    def other_engine(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        return json.dumps({**json.loads(data), "engine": "oracle"}).encode()

    oracle = rebuilt(good, tmp_path / "oracle.tar.gz", other_engine)
    with pytest.raises(CommandError, match="signature"):
        restore(oracle)
    with pytest.raises(CommandError, match="oracle"):
        restore(oracle, "--allow-unsigned")


def test_an_archive_reaching_outside_its_folder_is_refused(db, tmp_path):
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as archive:
        data = b"owned"
        info = tarfile.TarInfo("files/../../escaped.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError):
        restore(evil, "--allow-unsigned")
    assert not (Path(settings.PUTRIGHT_MEDIA_ROOT).parent / "escaped.txt").exists()
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_a_file_that_is_not_a_backup_is_refused(db, tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="not a sealed putright backup"):
        restore(junk)
    with pytest.raises(CommandError, match="not a putright backup"):
        restore(junk, "--allow-unsigned")


def test_restore_asks_before_replacing_everything(committed_story, tmp_path, monkeypatch):
    path = tmp_path / "putright.tar.gz"
    backup(path)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(path))


def _doctored(source: Path, target: Path, *, reseal: bool) -> Path:
    """The attack: unpack, rewrite an event in the database copy, recompute the plain sums, repack."""
    plain = unsealed(source, target.with_suffix(".plain"))
    work = target.parent / "unpacked"
    with tarfile.open(plain) as archive:
        archive.extractall(work, filter="data")
    manifest = json.loads((work / "manifest.json").read_text())
    database = work / manifest["database"]
    with sqlite3.connect(database) as db:
        # Whoever holds the file can drop the append-only triggers too; only the seal stops them.
        db.execute("DROP TRIGGER cases_caseevent_append_only_update")
        db.execute(
            "UPDATE cases_caseevent SET summary = 'Nothing happened' WHERE id = (SELECT min(id) FROM cases_caseevent)"
        )
    manifest["sha256"][manifest["database"]] = hashlib.sha256(database.read_bytes()).hexdigest()
    (work / "manifest.json").write_text(json.dumps(manifest))
    repacked = target.with_suffix(".repacked") if reseal else target
    with tarfile.open(repacked, "w:gz") as archive:
        for member in sorted(p for p in work.rglob("*") if p.is_file()):
            archive.add(member, arcname=member.relative_to(work).as_posix())
    return sealed(repacked, target) if reseal else target


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the doctoring edits the SQLite copy")
@pytest.mark.parametrize("reseal", [False, True], ids=["repacked-plain", "resealed-with-the-key"])
def test_a_doctored_backup_with_recomputed_checksums_is_refused(committed_story, tmp_path, reseal):
    good = tmp_path / "good.tar.gz"
    backup(good)
    doctored = _doctored(good, tmp_path / "doctored.tar.gz", reseal=reseal)
    before = events_checksum()
    with pytest.raises(CommandError, match=r"sealed|signature"):
        restore(doctored)
    assert events_checksum() == before


def test_a_sealed_backup_shows_nothing_readable_and_opens_only_with_its_key(
    committed_story, tmp_path, settings
):
    path = tmp_path / "putright.tar.gz"
    backup(path)
    raw = path.read_bytes()
    assert b"manifest.json" not in raw and b"Ada Lovelace" not in raw
    settings.PUTRIGHT_BACKUP_KEY = "another-key-" + "x" * 40
    with pytest.raises(CommandError, match="another key"):
        restore(path)


def test_a_backup_is_refused_without_a_key(db, tmp_path, settings):
    settings.PUTRIGHT_BACKUP_KEY = ""
    with pytest.raises(CommandError, match="PUTRIGHT_BACKUP_KEY"):
        backup(tmp_path / "putright.tar.gz")
    assert not (tmp_path / "putright.tar.gz").exists()


def test_restoring_ends_every_staff_and_portal_sign_in_from_backup_time(
    committed_story, client, handler, now, tmp_path
):
    client.force_login(handler)
    session = ResidentSession.objects.create(
        email="ada@example.org", via="code", started_at=now, expires_at=now + timedelta(hours=4)
    )
    path = tmp_path / "putright.tar.gz"
    backup(path)
    restore(path)
    assert not Session.objects.exists()
    assert ResidentSession.objects.get(pk=session.pk).ended_at is not None

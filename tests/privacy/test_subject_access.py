"""Subject access export (UK GDPR art. 15): everything held about one resident, as a ZIP of
JSON and documents, with no other resident's data; making one is logged as a special category read."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from putright.cases.models import SpecialCategoryRead
from putright.privacy.access import access_can_export_subject_data
from putright.privacy.sar import subject_access_export
from tests.privacy.story import PDF

pytestmark = pytest.mark.django_db


def export(story, officer, now) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    subject_access_export(resident_id=story.ada.pk, actor=officer, now=now, target=buffer)
    return zipfile.ZipFile(buffer)


def test_the_export_opens_parses_and_holds_the_residents_complaints_and_records(story, officer, now):
    archive = export(story, officer, now)
    assert archive.testzip() is None
    data = {name: json.loads(archive.read(name)) for name in archive.namelist() if name.endswith(".json")}
    assert data["resident.json"]["name"] == "Ada Lovelace"
    assert data["resident.json"]["email"] == "ada@example.com"
    assert {c["reference"] for c in data["complaints.json"]} == {
        story.closed.reference,
        story.refused.reference,
    }
    closed = next(c for c in data["complaints.json"] if c["reference"] == story.closed.reference)
    assert [s["stage"] for s in closed["stages"]] == [1, 2]
    assert closed["stages"][0]["definition"] == "The boiler repair has been delayed."
    assert closed["representative"]["name"] == "Charles Babbage"
    assert closed["remedies"][0]["amount"] == "150.00"
    assert closed["outstanding_actions"][0]["description"] == "Service Ada's boiler"
    assert {"logged", "acknowledged", "responded", "escalated", "closed"} <= {
        e["action"] for e in data["events.json"]
    }
    assert data["correspondence.json"][0]["subject"] == "Letter from Dr Byron"
    assert data["adjustments.json"][0]["description"].startswith("Uses a wheelchair")
    assert data["restrictions.json"][0]["reason"].startswith("Ada shouted")
    assert {r["where"] for r in data["special_category_reads.json"]} >= {"case page", "subject access export"}
    assert {r["user"] for r in data["special_category_reads.json"]} >= {"hana", "olive"}
    assert any(letter["kind"] == "acknowledgement" for letter in data["letters.json"])
    assert "README.txt" in archive.namelist()


def test_the_export_includes_the_residents_documents(story, officer, now):
    archive = export(story, officer, now)
    documents = [name for name in archive.namelist() if name.startswith("files/attachments/")]
    assert len(documents) == 1 and documents[0].endswith("dr-byron.pdf")
    assert archive.read(documents[0]) == PDF


def test_the_export_holds_nothing_about_another_resident(story, officer, now):
    archive = export(story, officer, now)
    everything = b"".join(archive.read(name) for name in archive.namelist()).lower()
    for other in (b"grace", b"hopper", story.open.reference.lower().encode()):
        assert other not in everything


def test_making_an_export_is_logged_as_a_special_category_read(story, officer, now):
    export(story, officer, now)
    assert SpecialCategoryRead.objects.filter(
        user=officer, resident=story.ada, where="subject access export"
    ).exists()


def test_the_command_writes_a_zip_only_the_operator_can_read(story, tmp_path):
    path = tmp_path / "ada.zip"
    out = StringIO()
    call_command("sar", "export", str(story.ada.pk), str(path), "--by", "hana", stdout=out)
    assert f"Wrote {path}" in out.getvalue()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with zipfile.ZipFile(path) as archive:
        assert json.loads(archive.read("resident.json"))["name"] == "Ada Lovelace"


def test_the_command_never_overwrites_a_file(story, tmp_path):
    path = tmp_path / "ada.zip"
    path.write_bytes(b"keep me")
    with pytest.raises(CommandError, match="already exists"):
        call_command("sar", "export", str(story.ada.pk), str(path))
    assert path.read_bytes() == b"keep me"


def test_an_unknown_resident_leaves_no_file(db, tmp_path):
    path = tmp_path / "nobody.zip"
    with pytest.raises(CommandError, match="no resident 404"):
        call_command("sar", "export", "404", str(path))
    assert not path.exists()


def test_only_the_complaints_officer_may_make_an_export(make_user):
    allowed = {
        role: access_can_export_subject_data(make_user(role))
        for role in ("handler", "reviewer", "complaints_officer", "governance", "administrator")
    }
    assert allowed == {
        "handler": False,
        "reviewer": False,
        "complaints_officer": True,
        "governance": False,
        "administrator": False,
    }

"""Subject access export (UK GDPR art. 15): everything held about one resident, as a ZIP
of JSON files and their documents, for the `putright sar` command and the staff page alike.

The export holds health and disability details, so making one is itself logged as a
read of special category data.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import QuerySet

from putright.accounts.models import User
from putright.cases.access import access_log_special_category_read
from putright.cases.models import (
    Adjustment,
    Attachment,
    CaseEvent,
    Complaint,
    Contact,
    Correspondence,
    Resident,
    Restriction,
    ServiceRequest,
    SpecialCategoryRead,
)
from putright.core.actor import Actor
from putright.governance.models import OmbudsmanCase
from putright.letters.models import Letter
from putright.privacy.errors import PrivacyRefused

WHERE = "subject access export"
README = """Subject access export for resident {resident_id}, made {made}.

Each .json file holds one kind of record, as a list; dates are YYYY-MM-DD and times ISO 8601.
  resident.json                  the resident's details
  complaints.json                each complaint with its stages, extensions, refusals, remedies,
                                 outstanding actions (with updates) and agreed update intervals
  events.json                    the history of every complaint: who did what, when
  correspondence.json            letters, emails and notes received and sent
  letters.json                   letters issued by the landlord
  adjustments.json               reasonable adjustments and disclosures
  restrictions.json              contact restrictions
  contacts.json                  contacts recorded by staff
  service_requests.json          service requests
  ombudsman_cases.json           Housing Ombudsman cases about these complaints
  special_category_reads.json    which staff viewed health, disability or vulnerability details
  files/                         documents received or sent
"""


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name)[:120] or "file"


class _Rows:
    """Model rows as plain dicts: staff shown by username, files by name."""

    def __init__(self) -> None:
        self.usernames = dict(User.objects.values_list("pk", "username"))

    def one(self, obj: models.Model, exclude: Iterable[str] = ()) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for field in obj._meta.concrete_fields:
            if field.name in exclude:
                continue
            value = getattr(obj, field.attname)
            if field.is_relation and field.related_model is User:
                value = self.usernames.get(value) if value is not None else None
            elif isinstance(field, models.FileField):
                value = value.name if value else ""
            data[field.name] = value
        return data

    def many(self, objects: Iterable[models.Model], exclude: Iterable[str] = ()) -> list[dict[str, Any]]:
        return [self.one(obj, exclude) for obj in objects]


def _complaints(rows: _Rows, complaints: list[Complaint]) -> list[dict[str, Any]]:
    found = []
    for complaint in complaints:
        data = rows.one(complaint, exclude=("version",))
        data["category"] = complaint.category.name if complaint.category else None
        data["representative"] = rows.one(complaint.representative) if complaint.representative else None
        data["stages"] = []
        for stage in complaint.stages.all():
            stage_data = rows.one(stage)
            stage_data["extensions"] = rows.many(stage.extensions.all())
            data["stages"].append(stage_data)
        data["refusals"] = rows.many(complaint.refusals.all())
        data["remedies"] = rows.many(complaint.remedies.all())
        data["outstanding_actions"] = [
            {**rows.one(action), "updates": rows.many(action.updates.all())}
            for action in complaint.actions.all()
        ]
        data["update_agreements"] = rows.many(complaint.update_agreements.all())
        found.append(data)
    return found


def _log_read(actor: Actor | None, resident_id: int) -> None:
    if getattr(actor, "pk", None):
        access_log_special_category_read(actor, resident_id=resident_id, where=WHERE)
    else:
        SpecialCategoryRead.objects.create(
            user=None, resident_id=resident_id, where=f"{WHERE} (command line)"
        )


def held_about(resident_id: int) -> dict[str, QuerySet[Any]]:
    """What the export holds about a resident, one unordered queryset per kind of record: the
    export and the page that shows what is held before making one count the same rows."""
    mine = models.Q(complaint__resident_id=resident_id)
    theirs = models.Q(resident_id=resident_id)
    return {
        "complaints": Complaint.objects.filter(theirs),
        "events": CaseEvent.objects.filter(mine),
        "correspondence": Correspondence.objects.filter(mine),
        "attachments": Attachment.objects.filter(mine),
        "letters": Letter.objects.filter(mine),
        "adjustments": Adjustment.objects.filter(theirs),
        "restrictions": Restriction.objects.filter(theirs),
        "contacts": Contact.objects.filter(theirs),
        "service_requests": ServiceRequest.objects.filter(theirs),
        "ombudsman_cases": OmbudsmanCase.objects.filter(mine),
        "special_category_reads": SpecialCategoryRead.objects.filter(theirs),
    }


@transaction.atomic
def subject_access_export(
    *, resident_id: int, actor: Actor | None, now: datetime, target: Path | IO[bytes]
) -> dict[str, int]:
    """Write the export to `target` (a path or a binary file); return how many of each record it holds.

    One transaction: the log line saying who made the export is written with it, and the
    export reads one consistent record (itself included, in special_category_reads.json)."""
    resident = Resident.objects.filter(pk=resident_id).first()
    if resident is None:
        raise PrivacyRefused(f"There is no resident {resident_id}")
    _log_read(actor, resident.pk)
    held = held_about(resident.pk)
    rows = _Rows()
    complaints = list(
        held["complaints"]
        .select_related("category", "representative")
        .prefetch_related(
            "stages__extensions", "refusals", "remedies", "actions__updates", "update_agreements"
        )
        .order_by("received_at", "id")
    )
    attachments = list(held["attachments"].order_by("id"))
    letters = list(held["letters"].order_by("created_at", "id"))
    correspondence = _correspondence(rows, held["correspondence"], attachments)
    ombudsman = _ombudsman_cases(rows, held["ombudsman_cases"])
    reads = held["special_category_reads"].order_by("at", "id")
    documents: dict[str, Any] = {
        "resident.json": rows.one(resident),
        "complaints.json": _complaints(rows, complaints),
        "events.json": rows.many(held["events"].order_by("at", "id")),
        "correspondence.json": correspondence,
        "letters.json": rows.many(letters),
        "adjustments.json": rows.many(held["adjustments"].order_by("id")),
        "restrictions.json": rows.many(held["restrictions"].order_by("id")),
        "contacts.json": rows.many(held["contacts"].order_by("received_at", "id")),
        "service_requests.json": rows.many(held["service_requests"].order_by("id")),
        "ombudsman_cases.json": ombudsman,
        "special_category_reads.json": rows.many(reads, exclude=("resident",)),
    }
    files = _files(attachments, letters)
    _write_zip(target, README.format(resident_id=resident.pk, made=now.isoformat()), documents, files)
    summary = {name.removesuffix(".json"): len(v) for name, v in documents.items() if isinstance(v, list)}
    summary["files"] = len(files)
    return summary


def _correspondence(rows: _Rows, held: QuerySet[Any], attachments: list[Attachment]) -> list[dict[str, Any]]:
    """Each item of correspondence, oldest first, with the documents that came or went with it."""
    found = rows.many(held.order_by("occurred_at", "id"))
    for item in found:
        item["attachments"] = [rows.one(a) for a in attachments if a.correspondence_id == item["id"]]
    return found


def _ombudsman_cases(rows: _Rows, held: QuerySet[Any]) -> list[dict[str, Any]]:
    found = []
    for case in held.prefetch_related("evidence_requests", "findings", "orders"):
        data = rows.one(case)
        data["evidence_requests"] = rows.many(case.evidence_requests.all())
        data["findings"] = rows.many(case.findings.all())
        data["orders"] = rows.many(case.orders.all())
        found.append(data)
    return found


def _files(attachments: list[Attachment], letters: list[Letter]) -> list[tuple[str, str]]:
    """Each stored document as (its name in the ZIP, its name in storage)."""
    files: list[tuple[str, str]] = [
        (f"files/attachments/{a.pk}-{_safe_name(a.original_name)}", str(a.file.name))
        for a in attachments
        if a.file
    ]
    for letter in letters:
        files.extend(
            (f"files/letters/{letter.pk}-{letter.kind}{Path(str(stored.name)).suffix}", str(stored.name))
            for stored in (letter.pdf, letter.docx)
            if stored
        )
    return files


def _write_zip(
    target: Path | IO[bytes], readme: str, documents: dict[str, Any], files: list[tuple[str, str]]
) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme)
        for name, content in documents.items():
            archive.writestr(name, json.dumps(content, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False))
        for arcname, stored_name in files:
            if default_storage.exists(stored_name):
                with default_storage.open(stored_name, "rb") as handle:
                    archive.writestr(arcname, handle.read())

"""Recording learning from complaints and the service improvements it leads to (Code 9.1-9.3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import transaction

from putright.cases.models import Complaint
from putright.core.actor import Actor, user_or_none
from putright.governance.models import Audience, LearningItem, LearningReport, LearningStatus
from putright.governance.services._common import choice, not_future, raise_if, text
from putright.landlord.models import Category


@dataclass
class LearningInput:
    title: str
    learning: str
    improvement: str
    identified_on: date | None
    status: str = LearningStatus.IDENTIFIED
    owner: Any = None
    category_slug: str = ""
    due_on: date | None = None
    completed_on: date | None = None
    complaint_references: list[str] = field(default_factory=list)


def _validate(data: LearningInput, now: datetime) -> tuple[dict[str, Any], list[Complaint]]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {
        "title": text(errors, "title", data.title, "Give the learning a short title", max_length=200),
        "learning": text(errors, "learning", data.learning, "Say what the complaints showed (Code 9.1)"),
        "improvement": text(
            errors, "improvement", data.improvement, "Say what will change in the service (Code 9.2)"
        ),
        "status": choice(errors, "status", data.status, LearningStatus, "Choose a status"),
        "owner": data.owner,
        "due_on": data.due_on,
        "identified_on": data.identified_on,
        "completed_on": data.completed_on,
        "category": None,
    }
    if data.identified_on is None:
        errors["identified_on"] = "Enter the date the learning was identified"
    not_future(errors, "identified_on", data.identified_on, now, "The date identified")
    if data.status == LearningStatus.COMPLETED and data.completed_on is None:
        errors["completed_on"] = "Enter the date the improvement was completed"
    if data.completed_on and data.identified_on and data.completed_on < data.identified_on:
        errors["completed_on"] = "The completion date must be on or after the date identified"
    not_future(errors, "completed_on", data.completed_on, now, "The completion date")
    if data.category_slug:
        values["category"] = Category.objects.filter(slug=data.category_slug).first()
        if values["category"] is None:
            errors["category"] = "Choose one of the categories"
    references = [r.strip().upper() for r in data.complaint_references if r.strip()]
    complaints = list(Complaint.objects.filter(reference__in=references))
    missing = sorted(set(references) - {c.reference for c in complaints})
    if missing:
        errors["complaints"] = f"No complaint with the reference {', '.join(missing)}"
    raise_if(errors)
    return values, complaints


def learning_item_create(*, actor: Actor | None, now: datetime, data: LearningInput) -> LearningItem:
    """Record learning from one or more complaints, with the improvement, owner and status (9.1, 9.2)."""
    values, complaints = _validate(data, now)
    with transaction.atomic():
        item = LearningItem.objects.create(created_by=user_or_none(actor), **values)
        item.complaints.set(complaints)
    return item


def learning_item_update(
    *, actor: Actor | None, now: datetime, item_id: int, data: LearningInput
) -> LearningItem:
    values, complaints = _validate(data, now)
    with transaction.atomic():
        item = LearningItem.objects.select_for_update().get(pk=item_id)
        for name, value in values.items():
            setattr(item, name, value)
        item.save()
        item.complaints.set(complaints)
    return item


def learning_item_report(
    *,
    actor: Actor | None,
    now: datetime,
    item_id: int,
    audience: str,
    reported_on: date | None,
    note: str = "",
) -> LearningReport:
    """Record that the learning was reported to the senior lead, the MRC, the board... (9.3, 9.4, 9.7b)."""
    errors: dict[str, str] = {}
    choice(errors, "audience", audience, Audience, "Choose who it was reported to")
    if reported_on is None:
        errors["reported_on"] = "Enter the date it was reported"
    not_future(errors, "reported_on", reported_on, now, "The date reported")
    if len(note) > 300:
        errors["note"] = "Use 300 characters or fewer"
    raise_if(errors)
    assert reported_on is not None
    with transaction.atomic():
        item = LearningItem.objects.select_for_update().get(pk=item_id)
        return LearningReport.objects.create(
            item=item, audience=audience, reported_on=reported_on, note=note.strip()
        )

"""Exceptional circumstances that stop the landlord complying with the Code (Code 8.5)."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from putright.core.actor import Actor, user_or_none
from putright.governance.models import ExceptionalCircumstance
from putright.governance.services._common import not_future, raise_if, text


def exceptional_circumstance_record(
    *,
    actor: Actor | None,
    now: datetime,
    title: str,
    description: str,
    started_on: date | None,
    ombudsman_informed_on: date | None,
    return_to_compliance_by: date | None,
    residents_informed_on: date | None = None,
) -> ExceptionalCircumstance:
    """Record the circumstances, that the Ombudsman was told, and the date compliance will return (8.5)."""
    errors: dict[str, str] = {}
    values = {
        "title": text(errors, "title", title, "Give the circumstances a short title", max_length=200),
        "description": text(errors, "description", description, "Say what happened and who is affected"),
    }
    if started_on is None:
        errors["started_on"] = "Enter the date the circumstances began"
    if ombudsman_informed_on is None:
        errors["ombudsman_informed_on"] = "Enter the date the Ombudsman was told (Code 8.5)"
    if return_to_compliance_by is None:
        errors["return_to_compliance_by"] = "Give the date by which you will comply with the Code again (8.5)"
    if started_on and return_to_compliance_by and return_to_compliance_by < started_on:
        errors["return_to_compliance_by"] = "The date must be after the circumstances began"
    not_future(errors, "started_on", started_on, now, "The start date")
    not_future(errors, "ombudsman_informed_on", ombudsman_informed_on, now, "The date the Ombudsman was told")
    not_future(errors, "residents_informed_on", residents_informed_on, now, "The date residents were told")
    raise_if(errors)
    assert started_on and ombudsman_informed_on and return_to_compliance_by
    return ExceptionalCircumstance.objects.create(
        started_on=started_on,
        ombudsman_informed_on=ombudsman_informed_on,
        residents_informed_on=residents_informed_on,
        return_to_compliance_by=return_to_compliance_by,
        created_by=user_or_none(actor),
        **values,
    )


def exceptional_circumstance_publish(
    *, actor: Actor | None, now: datetime, item_id: int
) -> ExceptionalCircumstance:
    """Publish the notice on the public complaints page (8.5)."""
    from putright.governance.documents.notices import exceptional_notice_pdf
    from putright.governance.models import PublicationKind
    from putright.governance.services.publications import publication_create

    with transaction.atomic():
        item = ExceptionalCircumstance.objects.select_for_update().get(pk=item_id)
        publication = publication_create(
            actor=actor,
            now=now,
            kind=PublicationKind.EXCEPTIONAL_CIRCUMSTANCES,
            title=f"Exceptional circumstances: {item.title}",
            pdf=exceptional_notice_pdf(item),
            summary=f"We expect to comply with the Complaint Handling Code again by {item.return_to_compliance_by:%-d %B %Y}.",
            period_start=item.started_on,
        )
        item.publication = publication
        item.save(update_fields=["publication"])
    return item


def exceptional_circumstance_end(
    *, actor: Actor | None, now: datetime, item_id: int, returned_on: date | None
) -> ExceptionalCircumstance:
    errors: dict[str, str] = {}
    if returned_on is None:
        errors["returned_on"] = "Enter the date compliance returned"
    not_future(errors, "returned_on", returned_on, now, "The date")
    raise_if(errors)
    with transaction.atomic():
        item = ExceptionalCircumstance.objects.select_for_update().get(pk=item_id)
        item.returned_on = returned_on
        item.save(update_fields=["returned_on"])
    return item

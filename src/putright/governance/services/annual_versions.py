"""The annual report goes to the governing body as a frozen version; the response and publication
attach to that version (Code 8.2).

A version keeps the report's blocks and figures as JSON, and the PDF and Word files rendered at
that moment with the PDF's SHA-256. Editing the report afterwards leaves the version as it was
and makes it out of date: the next version needs its own response. Publication publishes the
version the response answers, byte for byte, so the published figures never change.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime
from typing import Any

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Max

from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import InvalidInput
from putright.governance.documents.fmt import day
from putright.governance.models import AnnualReport, AnnualReportVersion, PublicationKind
from putright.governance.selectors.annual import (
    annual_report_current_version,
    annual_report_latest_version,
    annual_report_missing,
)
from putright.governance.services._common import not_future, raise_if
from putright.governance.services.publications import publication_create, publication_withdraw


def frozen_content(document: Any) -> dict[str, Any]:
    """A report's blocks and figures as JSON, as they were at the moment it was sent."""
    content = {
        "title": document.title,
        "subtitle": document.subtitle,
        "blocks": [dataclasses.asdict(block) for block in document.blocks],
        "figures": {name: report.as_dict() for name, report in document.figures.items()},
    }
    # Round-trip through JSON so dates and decimals are stored as the text they print as.
    return json.loads(json.dumps(content, cls=DjangoJSONEncoder))  # type: ignore[no-any-return]


def annual_report_send(
    *, actor: Actor | None, now: datetime, report_id: int, sent_on: date | None
) -> AnnualReportVersion:
    """Freeze the report as the version the governing body receives (Code 8.2)."""
    from putright.governance.documents.annual import annual_report_document

    report = AnnualReport.objects.get(pk=report_id)
    errors = annual_report_missing(report=report)
    if sent_on is None:
        errors["sent_on"] = "Enter the date the report went to the governing body"
    not_future(errors, "sent_on", sent_on, now, "The date sent")
    current = annual_report_current_version(report=report)
    if current is not None:
        errors["sent_on"] = (
            f"Version {current.number} went to the governing body on {day(current.sent_on)} and the report "
            "has not changed since"
        )
    raise_if(errors)
    assert sent_on is not None  # for mypy: raise_if raised when it was missing
    document = annual_report_document(report=report, today=england_date(now))
    pdf, docx = document.pdf(), document.docx()
    with transaction.atomic():
        locked = AnnualReport.objects.select_for_update().get(pk=report_id)
        if locked.revision != report.revision:
            raise InvalidInput({"sent_on": "The report changed while it was being prepared. Send it again"})
        number = (report.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = AnnualReportVersion(
            report=report,
            number=number,
            report_revision=report.revision,
            sent_on=sent_on,
            sent_at=now,
            sent_by=user_or_none(actor),
            title=document.title[:300],
            content=frozen_content(document),
            sha256=hashlib.sha256(pdf).hexdigest(),
        )
        name = f"annual-report-{report.pk}-v{number}"
        version.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
        version.docx.save(f"{name}.docx", ContentFile(docx), save=False)
        version.save()
    return version


def annual_report_record_response(
    *, actor: Actor | None, now: datetime, report_id: int, response: str, response_on: date | None
) -> AnnualReportVersion:
    """Record the governing body's response against the version it received (Code 8.2)."""
    report = AnnualReport.objects.get(pk=report_id)
    version = annual_report_current_version(report=report)
    errors: dict[str, str] = {}
    body = (response or "").strip()
    if version is None:
        latest = annual_report_latest_version(report=report)
        errors["governing_body_response"] = (
            "Send the report to the governing body first: the response is to the version it saw (Code 8.2)"
            if latest is None
            else f"The report has changed since version {latest.number} went to the governing body. Send the "
            "new version first: the response must answer the words it saw (Code 8.2)"
        )
    elif report.published_version_id == version.pk:
        errors["governing_body_response"] = "This version is published with its response; it cannot change"
    if not body:
        errors["governing_body_response"] = "Enter the governing body's response to the report (Code 8.2)"
    if response_on is None:
        errors["response_recorded_on"] = "Enter the date of the governing body's response"
    elif version is not None and response_on < version.sent_on:
        errors["response_recorded_on"] = (
            f"The response cannot come before version {version.number} was sent on {day(version.sent_on)}"
        )
    not_future(errors, "response_recorded_on", response_on, now, "The response date")
    raise_if(errors)
    assert version is not None  # for mypy: raise_if raised when there was none
    with transaction.atomic():
        version = AnnualReportVersion.objects.select_for_update().get(pk=version.pk)
        version.response = body
        version.response_on = response_on
        version.response_recorded_at = now
        version.response_recorded_by = user_or_none(actor)
        version.save(
            update_fields=["response", "response_on", "response_recorded_at", "response_recorded_by"]
        )
    return version


def annual_report_publish(*, actor: Actor | None, now: datetime, report_id: int) -> AnnualReport:
    """Publish the version the governing body responded to, byte for byte, with its response (8.2).

    Publishing a newer version replaces the earlier one on the public page; the old file is kept.
    """
    report = AnnualReport.objects.get(pk=report_id)
    version = annual_report_current_version(report=report)
    if version is None or not version.response:
        raise InvalidInput(
            {
                "governing_body_response": "Send the report to the governing body and record its response to "
                "that version first: the response is published alongside it (Code 8.2)"
            }
        )
    if report.published_version_id == version.pk:
        raise InvalidInput({"publication": f"Version {version.number} is already published"})
    with version.pdf.open("rb") as handle:
        pdf = handle.read()
    with version.docx.open("rb") as handle:
        docx = handle.read()
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report_id)
        if report.revision != version.report_revision:
            raise InvalidInput(
                {"publication": "The report changed after the response. Send the new version first"}
            )
        publication = publication_create(
            actor=actor,
            now=now,
            kind=PublicationKind.ANNUAL_REPORT,
            title=version.title,
            pdf=pdf,
            docx=docx,
            summary=f"The governing body's response ({day(version.response_on)}): {version.response}",
            period_start=report.period_start,
            period_end=report.period_end,
        )
        if report.publication_id:
            publication_withdraw(actor=actor, now=now, publication_id=report.publication_id)
        report.publication = publication
        report.published_version = version
        report.save(update_fields=["publication", "published_version"])
    return report

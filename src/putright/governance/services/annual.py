"""The annual complaints performance and service improvement report (Code 8.1, 8.2)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction

from putright.cases.uploads import check_upload
from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import InvalidInput
from putright.governance.models import AnnualReport, AnnualReportDocument, PublicationKind
from putright.governance.services._common import not_future, raise_if
from putright.governance.services.publications import publication_create, publication_withdraw


def annual_report_save(
    *,
    actor: Actor | None,
    now: datetime,
    period_start: date | None,
    period_end: date | None,
    commentary: str = "",
    other_ombudsman_reports: str = "",
    report_id: int | None = None,
) -> AnnualReport:
    """Create or update the year's report: the words (8.1b, 8.1f); the figures come from the record."""
    errors: dict[str, str] = {}
    if period_start is None:
        errors["period_start"] = "Enter the first day of the year"
    if period_end is None:
        errors["period_end"] = "Enter the last day of the year"
    if period_start and period_end and period_start > period_end:
        errors["period_end"] = "The year must end after it starts"
    if period_start and period_end and (period_end - period_start).days > 366:
        errors["period_end"] = "An annual report covers one year at most"
    raise_if(errors)
    try:
        with transaction.atomic():
            if report_id is None:
                report = AnnualReport(created_by=user_or_none(actor))
            else:
                report = AnnualReport.objects.select_for_update().get(pk=report_id)
            report.period_start, report.period_end = period_start, period_end  # type: ignore[assignment]
            report.commentary = commentary.strip()
            report.other_ombudsman_reports = other_ombudsman_reports.strip()
            report.save()
    except IntegrityError:
        raise InvalidInput({"period_start": "There is already a report for this year"}) from None
    return report


def annual_report_attach_ombudsman_report(
    *, actor: Actor | None, now: datetime, report_id: int, upload: UploadedFile[Any]
) -> AnnualReportDocument:
    """Attach the Ombudsman's annual report on the landlord (8.1e). A PDF, checked by its content."""
    content_type = check_upload(upload)
    if content_type != "application/pdf":
        raise InvalidInput({"file": f"{upload.name} is not a PDF. Upload the Ombudsman's report as a PDF"})
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report_id)
        return AnnualReportDocument.objects.create(
            report=report,
            file=upload,
            original_name=(upload.name or "ombudsman-report.pdf")[:255],
            size=upload.size or 0,
            sha256=digest.hexdigest(),
            uploaded_by=user_or_none(actor),
            uploaded_on=england_date(now),
        )


def annual_report_record_response(
    *,
    actor: Actor | None,
    now: datetime,
    report_id: int,
    presented_on: date | None,
    response: str,
    response_on: date | None,
) -> AnnualReport:
    """Record when the report went to the governing body and the governing body's response (8.2)."""
    errors: dict[str, str] = {}
    body = (response or "").strip()
    if not body:
        errors["governing_body_response"] = "Enter the governing body's response to the report (Code 8.2)"
    if presented_on is None:
        errors["presented_to_governing_body_on"] = "Enter the date the report went to the governing body"
    if response_on is None:
        errors["response_recorded_on"] = "Enter the date of the governing body's response"
    if presented_on and response_on and response_on < presented_on:
        errors["response_recorded_on"] = "The response cannot come before the report was presented"
    not_future(errors, "presented_to_governing_body_on", presented_on, now, "The date presented")
    not_future(errors, "response_recorded_on", response_on, now, "The response date")
    raise_if(errors)
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report_id)
        report.presented_to_governing_body_on = presented_on
        report.governing_body_response = body
        report.response_recorded_on = response_on
        report.save()
    return report


def annual_report_publish(*, actor: Actor | None, now: datetime, report_id: int) -> AnnualReport:
    """Publish the report with the governing body's response alongside it (8.2), as PDF and DOCX.

    Publishing again replaces the earlier version on the public page.
    """
    from putright.governance.documents.annual import annual_report_document

    report = AnnualReport.objects.get(pk=report_id)
    if not report.governing_body_response:
        raise InvalidInput(
            {
                "governing_body_response": "Record the governing body's response first: it is published "
                "alongside the report (Code 8.2)"
            }
        )
    document = annual_report_document(report=report, today=england_date(now))
    with transaction.atomic():
        publication = publication_create(
            actor=actor,
            now=now,
            kind=PublicationKind.ANNUAL_REPORT,
            title=document.title,
            pdf=document.pdf(),
            docx=document.docx(),
            summary="With the governing body's response",
            period_start=report.period_start,
            period_end=report.period_end,
        )
        if report.publication_id:
            # The new version replaces the old on the public page; the old file is kept.
            publication_withdraw(actor=actor, now=now, publication_id=report.publication_id)
        AnnualReport.objects.filter(pk=report.pk).update(publication=publication)
        report.publication = publication
    return report

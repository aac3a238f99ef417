"""The annual complaints performance and service improvement report (Code 8.1, 8.2): its words.

Sending it to the governing body, the response and publication are in `annual_versions`.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F

from putright.cases.uploads import check_upload, stored_file
from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import InvalidInput
from putright.governance.models import AnnualReport, AnnualReportDocument
from putright.governance.services._common import raise_if


def annual_report_save(
    *,
    actor: Actor | None,
    now: datetime,
    period_start: date | None,
    period_end: date | None,
    commentary: str = "",
    other_ombudsman_reports: str = "",
    no_other_ombudsman_reports: bool = False,
    no_ombudsman_annual_report: bool = False,
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
    other = other_ombudsman_reports.strip()
    if other and no_other_ombudsman_reports:
        errors["no_other_ombudsman_reports"] = (
            "You described other reports by the Ombudsman: untick the box that says there were none"
        )
    raise_if(errors)
    try:
        with transaction.atomic():
            if report_id is None:
                report = AnnualReport(created_by=user_or_none(actor))
            else:
                report = AnnualReport.objects.select_for_update().get(pk=report_id)
            before = _words(report)
            report.period_start, report.period_end = period_start, period_end  # type: ignore[assignment]
            report.commentary = commentary.strip()
            report.other_ombudsman_reports = other
            report.no_other_ombudsman_reports = no_other_ombudsman_reports
            report.no_ombudsman_annual_report = no_ombudsman_annual_report
            if report.pk is None or _words(report) != before:
                # A version already with the governing body no longer says what the report says.
                report.revision += 1
            report.save()
    except IntegrityError:
        raise InvalidInput({"period_start": "There is already a report for this year"}) from None
    return report


def _words(report: AnnualReport) -> tuple[object, ...]:
    return (
        report.period_start,
        report.period_end,
        report.commentary,
        report.other_ombudsman_reports,
        report.no_other_ombudsman_reports,
        report.no_ombudsman_annual_report,
    )


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
        AnnualReport.objects.filter(pk=report.pk).update(revision=F("revision") + 1)
        return AnnualReportDocument.objects.create(
            report=report,
            file=stored_file(upload, content_type),
            original_name=(upload.name or "ombudsman-report.pdf")[:255],
            size=upload.size or 0,
            sha256=digest.hexdigest(),
            uploaded_by=user_or_none(actor),
            uploaded_on=england_date(now),
        )

"""The report to the governing body (Code 9.6, 9.7) sent as a frozen version, like the annual report."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max

from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import InvalidInput
from putright.governance.models import BoardReportVersion
from putright.governance.selectors.periods import Period
from putright.governance.services._common import not_future, raise_if
from putright.governance.services.annual_versions import frozen_content


def board_report_send(
    *, actor: Actor | None, now: datetime, period: Period, sent_on: date | None
) -> BoardReportVersion:
    """Keep the period's board report exactly as the governing body receives it: what it signs is
    what it saw, whatever the record says later."""
    from putright.governance.documents.board import board_report

    errors: dict[str, str] = {}
    if sent_on is None:
        errors["sent_on"] = "Enter the date the report went to the governing body"
    not_future(errors, "sent_on", sent_on, now, "The date sent")
    raise_if(errors)
    assert sent_on is not None  # for mypy: raise_if raised when it was missing
    document = board_report(period=period, today=england_date(now))
    pdf, docx = document.pdf(), document.docx()
    try:
        with transaction.atomic():
            same = BoardReportVersion.objects.filter(period_start=period.start, period_end=period.end)
            number = (same.aggregate(n=Max("number"))["n"] or 0) + 1
            version = BoardReportVersion(
                period_start=period.start,
                period_end=period.end,
                number=number,
                sent_on=sent_on,
                sent_at=now,
                sent_by=user_or_none(actor),
                title=document.title[:300],
                content=frozen_content(document),
                sha256=hashlib.sha256(pdf).hexdigest(),
            )
            name = f"board-report-{period.start:%Y%m%d}-{period.end:%Y%m%d}-v{number}"
            version.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
            version.docx.save(f"{name}.docx", ContentFile(docx), save=False)
            version.save()
    except IntegrityError:
        raise InvalidInput({"sent_on": "Someone sent this report at the same moment. Try again"}) from None
    return version

"""The report to the governing body (Code 9.6, 9.7) sent as a frozen version, like the annual report,
and the governing body's response recorded against the version it received.

The board report is not published (the Code asks for it to go to the governing body, 9.7; the
annual report is what is published, 8.2), so there is no publication step here.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max

from putright.core.actor import Actor, user_or_none
from putright.core.dates import england_date
from putright.core.errors import InvalidInput
from putright.governance.documents.fmt import day
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


def board_report_record_response(
    *, actor: Actor | None, now: datetime, version_id: int, response: str, response_on: date | None
) -> BoardReportVersion:
    """Record the governing body's response against the version it received (Code 9.7).

    The response attaches to that version and no other: a later version of the same period is
    different figures and needs its own. Once recorded it is kept as recorded, like the version.
    """
    errors: dict[str, str] = {}
    body = (response or "").strip()
    if not body:
        errors["governing_body_response"] = "Enter the governing body's response to the report"
    if response_on is None:
        errors["response_recorded_on"] = "Enter the date of the governing body's response"
    not_future(errors, "response_recorded_on", response_on, now, "The response date")
    raise_if(errors)
    assert response_on is not None  # for mypy: raise_if raised when it was missing
    with transaction.atomic():
        version = BoardReportVersion.objects.select_for_update().filter(pk=version_id).first()
        if version is None:
            raise InvalidInput({"version": "No such version of the board report"})
        if version.response:
            raise InvalidInput(
                {
                    "governing_body_response": f"The response to version {version.number} was recorded on "
                    f"{day(england_date(version.response_recorded_at or now))} and is kept as recorded"
                }
            )
        if response_on < version.sent_on:
            raise InvalidInput(
                {
                    "response_recorded_on": f"The response cannot come before version {version.number} "
                    f"was sent on {day(version.sent_on)}"
                }
            )
        version.response = body
        version.response_on = response_on
        version.response_recorded_at = now
        version.response_recorded_by = user_or_none(actor)
        version.save(
            update_fields=["response", "response_on", "response_recorded_at", "response_recorded_by"]
        )
    return version

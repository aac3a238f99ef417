"""Every bulk export is written to the access log: who, when, what, which filter, how many rows.

A CSV of a year's complaints is the most personal data anyone can take in one click, so
each download leaves a row (`ExportRecord`, append-only) and a line on the
`putright.security` logger, which operators ship off the machine.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from putright.accounts.models import ExportRecord

log = logging.getLogger("putright.security")


def export_record(
    *,
    user: Any,
    now: datetime,
    what: str,
    filters: dict[str, str],
    rows: int,
    personal_data: bool,
    special_category: bool,
) -> ExportRecord:
    """Record one export before its rows leave the server."""
    record = ExportRecord.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=getattr(user, "username", "") or "(unknown)",
        role=getattr(user, "role", "") or "",
        at=now,
        what=what,
        filters=filters,
        rows=rows,
        personal_data=personal_data,
        special_category=special_category,
    )
    log.info(
        "export %s by %s (%s): %d rows, filter %s, personal data %s, special category %s",
        what,
        record.username,
        record.role,
        rows,
        filters,
        "yes" if personal_data else "no",
        "yes" if special_category else "no",
    )
    return record


def exports_between(*, since: datetime | None = None, until: datetime | None = None) -> list[ExportRecord]:
    """Exports newest first; `since` inclusive, `until` exclusive."""
    records = ExportRecord.objects.select_related("user").all()
    if since is not None:
        records = records.filter(at__gte=since)
    if until is not None:
        records = records.filter(at__lt=until)
    return list(records)

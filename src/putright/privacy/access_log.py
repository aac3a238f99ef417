"""Who viewed whose special category data (UK GDPR art. 9): the rows that
`putright.cases.access.access_log_special_category_read` writes, read back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from putright.cases.models import SpecialCategoryRead


@dataclass(frozen=True)
class AccessLogRow:
    at: datetime
    username: str
    role: str
    resident_id: int
    resident_name: str
    where: str


def special_category_reads(
    *, resident_id: int | None = None, since: datetime | None = None
) -> QuerySet[SpecialCategoryRead]:
    """Newest first, in one query however many rows a page shows (select_related)."""
    reads = SpecialCategoryRead.objects.select_related("user", "resident").order_by("-at", "-id")
    if resident_id is not None:
        reads = reads.filter(resident_id=resident_id)
    if since is not None:
        reads = reads.filter(at__gte=since)
    return reads


def access_log_rows(reads: QuerySet[SpecialCategoryRead]) -> list[AccessLogRow]:
    """Plain rows for a page or a report; a deleted staff account shows as "(deleted user)"."""
    return [
        AccessLogRow(
            at=read.at,
            username=read.user.username if read.user else "(deleted user)",
            role=read.user.get_role_display() if read.user else "",
            resident_id=read.resident_id,
            resident_name=read.resident.name,
            where=read.where,
        )
        for read in reads
    ]

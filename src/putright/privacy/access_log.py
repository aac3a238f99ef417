"""Who viewed whose special category data (UK GDPR art. 9): the rows that
`putright.cases.access.access_log_special_category_read` writes, read back for the
`putright access-log` command and the staff page, which share every function here."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from putright.cases.models import SpecialCategoryRead
from putright.spreadsheets import csv_row

HEADER = ("when", "staff", "role", "resident", "resident name", "where")
CHUNK = 1000
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class AccessLogRow:
    at: datetime
    username: str
    role: str
    resident_id: int
    resident_name: str
    where: str


def special_category_reads(
    *,
    resident_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    user_id: int | None = None,
) -> QuerySet[SpecialCategoryRead]:
    """Newest first, in one query however many rows a page shows (select_related).
    `since` is inclusive and `until` exclusive, so whole days in England chain without overlap."""
    reads = SpecialCategoryRead.objects.select_related("user", "resident").order_by("-at", "-id")
    if resident_id is not None:
        reads = reads.filter(resident_id=resident_id)
    if since is not None:
        reads = reads.filter(at__gte=since)
    if until is not None:
        reads = reads.filter(at__lt=until)
    if user_id is not None:
        reads = reads.filter(user_id=user_id)
    return reads


def access_log_rows(reads: Iterable[SpecialCategoryRead]) -> list[AccessLogRow]:
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


def access_log_page(
    reads: QuerySet[SpecialCategoryRead], *, page: int, page_size: int = 50
) -> tuple[list[AccessLogRow], bool]:
    """One page of rows and whether another follows: one query, and no COUNT(*) over the log."""
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    start = (max(page, 1) - 1) * page_size
    rows = access_log_rows(reads[start : start + page_size + 1])
    return rows[:page_size], len(rows) > page_size


def access_log_in_chunks(
    reads: QuerySet[SpecialCategoryRead], *, chunk: int = CHUNK
) -> Iterator[AccessLogRow]:
    """Every row, newest first, `chunk` (a thousand) per query. Each chunk starts below the last row of
    the one before (keyset, on the order's own columns), so the end of a long log costs no
    more per row than its start."""
    query = reads
    while True:
        found = list(query[:chunk])
        yield from access_log_rows(found)
        if len(found) < chunk:
            return
        last = found[-1]
        query = reads.filter(Q(at__lt=last.at) | Q(at=last.at, id__lt=last.pk))


def access_log_cells(row: AccessLogRow) -> list[str]:
    """One row as the report prints it; the time is in England."""
    return [
        timezone.localtime(row.at).strftime("%Y-%m-%d %H:%M"),
        row.username,
        row.role,
        str(row.resident_id),
        row.resident_name,
        row.where,
    ]


def access_log_csv(reads: QuerySet[SpecialCategoryRead]) -> Iterator[str]:
    """The report as CSV text, header first, in pieces of about 64 KB for a file or a streamed download."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in access_log_in_chunks(reads):
        writer.writerow(csv_row(access_log_cells(row)))
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()

"""The service request register (Code 1.4): open requests and those due for review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from putright.cases.models import ServiceRequest


@dataclass(frozen=True)
class RequestPage:
    items: list[ServiceRequest]
    page: int
    has_next: bool


def requests_page(*, due_only: bool, today: date, page: int, page_size: int) -> RequestPage:
    """Open requests, the longest-waiting review first; no COUNT, like the complaint lists."""
    qs = ServiceRequest.objects.filter(state=ServiceRequest.State.OPEN)
    if due_only:
        qs = qs.filter(review_on__lte=today)
    start = (page - 1) * page_size
    rows = list(
        qs.select_related("resident", "owner", "category").order_by("review_on", "id")[
            start : start + page_size + 1
        ]
    )
    return RequestPage(rows[:page_size], page, len(rows) > page_size)

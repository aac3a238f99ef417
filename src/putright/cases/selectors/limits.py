"""The limits every read of the complaint record keeps, whatever a caller asks for.

A page is at most `MAX_PAGE_SIZE` rows, so no request reads an unbounded list; an id above
`LARGEST_ID` names no row, so forms and lookups refuse it without asking the database; a
banner's count of a backlog (`count_up_to`) reads no further than its limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_PAGE_SIZE = 100
LARGEST_ID = 2**63 - 1  # a larger number names no row, and some databases refuse it outright


def page_window(page: int, page_size: int) -> tuple[int, int]:
    """The page size kept within 1 and `MAX_PAGE_SIZE`, and the offset of page `page` (page 1
    and anything below it is the first)."""
    size = max(1, min(page_size, MAX_PAGE_SIZE))
    return size, (max(page, 1) - 1) * size


@dataclass(frozen=True)
class UpTo:
    """A count read no further than `at_most` rows: exact up to it, "more than" past it. For a
    banner that points to a list, where the size of a large backlog is not worth a scan of it
    on every page."""

    n: int
    at_most: int

    @property
    def more(self) -> bool:
        return self.n > self.at_most

    def __bool__(self) -> bool:
        return self.n > 0

    def __str__(self) -> str:
        return f"more than {self.at_most:,}" if self.more else f"{self.n:,}"


def count_up_to(queryset: Any, at_most: int) -> UpTo:
    """How many rows `queryset` has, reading at most `at_most + 1` of them."""
    return UpTo(queryset.order_by()[: at_most + 1].count(), at_most)

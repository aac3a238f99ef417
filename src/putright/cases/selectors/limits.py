"""The limits every read of the complaint record keeps, whatever a caller asks for.

A page is at most `MAX_PAGE_SIZE` rows, so no request reads an unbounded list; an id above
`LARGEST_ID` names no row, so forms and lookups refuse it without asking the database.
"""

from __future__ import annotations

MAX_PAGE_SIZE = 100
LARGEST_ID = 2**63 - 1  # a larger number names no row, and some databases refuse it outright


def page_window(page: int, page_size: int) -> tuple[int, int]:
    """The page size kept within 1 and `MAX_PAGE_SIZE`, and the offset of page `page` (page 1
    and anything below it is the first)."""
    size = max(1, min(page_size, MAX_PAGE_SIZE))
    return size, (max(page, 1) - 1) * size

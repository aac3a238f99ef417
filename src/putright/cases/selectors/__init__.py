"""Reads of the complaint record: bounded queries whatever the data size.

The public import point for every reader (`from putright.cases import selectors`):
- `complaints`: the queue's filters and order, pages of complaints, one complaint in full;
- `search`: the header search box;
- `residents`: finding a resident, and their adjustments for roles that may see them;
- `work`: contacts to decide, and actions and remedies still open;
- `open_counts`: open complaints by handler and by stage, overdue and due soon (team view, list tabs);
- `limits`: the page size and the id bound they all keep, and counts read up to a limit (`count_up_to`).
"""

from putright.cases.selectors.complaints import (
    OPEN_STATUSES,
    ComplaintFilters,
    complaint_events,
    complaint_get,
    complaint_queryset,
    complaint_row_queryset,
    complaints_filtered,
    complaints_page,
    stage,
    working_days_left,
)
from putright.cases.selectors.limits import LARGEST_ID, MAX_PAGE_SIZE, UpTo, count_up_to
from putright.cases.selectors.open_counts import complaint_counts_by_stage, open_counts_by_handler
from putright.cases.selectors.residents import (
    ResidentMatch,
    resident_adjustments,
    resident_match,
    residents_matching,
)
from putright.cases.selectors.search import PHONE_MIN_DIGITS, SEARCH_MIN_LENGTH, complaints_search
from putright.cases.selectors.work import (
    OpenWork,
    actions_open_owned,
    complaint_open_work,
    contacts_undecided,
    contacts_undecided_count,
)

__all__ = [
    "LARGEST_ID",
    "MAX_PAGE_SIZE",
    "OPEN_STATUSES",
    "PHONE_MIN_DIGITS",
    "SEARCH_MIN_LENGTH",
    "ComplaintFilters",
    "OpenWork",
    "ResidentMatch",
    "UpTo",
    "actions_open_owned",
    "complaint_counts_by_stage",
    "complaint_events",
    "complaint_get",
    "complaint_open_work",
    "complaint_queryset",
    "complaint_row_queryset",
    "complaints_filtered",
    "complaints_page",
    "complaints_search",
    "contacts_undecided",
    "contacts_undecided_count",
    "count_up_to",
    "open_counts_by_handler",
    "resident_adjustments",
    "resident_match",
    "residents_matching",
    "stage",
    "working_days_left",
]

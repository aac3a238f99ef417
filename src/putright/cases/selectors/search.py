"""The search box in every staff page's header: complaints found by reference or by the people
on them, open or not.
"""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet

from putright.cases.models import Complaint, Representative, Resident
from putright.cases.phone import phone_digits
from putright.cases.selectors.limits import page_window

SEARCH_MIN_LENGTH = 2
_PHONE_LIKE = re.compile(r"^[\d\s+()-]+$")
_POSTCODE_COMPACT = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$")
PHONE_MIN_DIGITS = 5  # fewer digits than this would match most numbers held


def _search_variants(term: str) -> list[str]:
    """The term, and a postcode typed without its space ("sw1a1aa") in the form addresses hold
    it ("SW1A 1AA"), so either spelling finds the resident."""
    variants = [term]
    compact = _POSTCODE_COMPACT.match(term.replace(" ", "").upper())
    if compact and " " not in term:
        variants.append(f"{compact.group(1)} {compact.group(2)}")
    return variants


# More people than this matching a search term (a common surname): the newest complaints
# are read in order and each checked, which finds a page after a few hundred; fewer: their
# complaints are read by person and sorted, which is quicker than walking past millions.
COMMON_MATCH = 1000
# A common term (a surname a few in a hundred residents share) finds a page among the newest
# complaints long before these many are read, so they are tried first, in order and stopping
# at a page; only a term with too few matches among them is looked up person by person. Reading
# the people first cost a scan of tens of thousands of residents for "Taylor" at a million
# complaints.
RECENT_WALK = 2000


def _people_matching(term: str, through: str = "") -> Q:
    """A resident whose name, email, tenancy reference or address (so a postcode) contains
    `term` or one of its variants, or whose phone number contains its digits; `through` is
    the relation from the model queried to the resident ("resident__" from a complaint)."""
    people = Q()
    for variant in _search_variants(term):
        for field in ("name", "email", "tenancy_reference", "address"):
            people |= Q(**{f"{through}{field}__icontains": variant})
    digits = phone_digits(term)
    if _PHONE_LIKE.match(term) and len(digits) >= PHONE_MIN_DIGITS:
        people |= Q(**{f"{through}phone_digits__contains": digits})
    return people


def _complaints_matching(term: str) -> Q:
    """Complaints whose reference contains `term`, or whose resident or representative
    matches it. Rare matches become lists of ids (each found from its trigram index on
    PostgreSQL, migration 0014); common ones stay conditions on the joined rows, so that the
    newest complaints are read in order and the first matches taken."""
    residents = Resident.objects.filter(_people_matching(term)).values_list("pk", flat=True)
    agents = Representative.objects.filter(name__icontains=term).values_list("pk", flat=True)
    some_residents = list(residents[:COMMON_MATCH])
    some_agents = list(agents[:COMMON_MATCH])
    matching = Q(reference__icontains=term)
    if len(some_residents) < COMMON_MATCH:
        matching |= Q(resident_id__in=some_residents)
    else:
        matching |= _people_matching(term, through="resident__")
    if len(some_agents) < COMMON_MATCH:
        matching |= Q(representative_id__in=some_agents)
    else:
        matching |= Q(representative__name__icontains=term)
    return matching


def _matching_on_joins(term: str) -> Q:
    """The conditions of a match on the complaint and its joined resident and representative,
    checked row by row as the newest complaints are read."""
    return (
        Q(reference__icontains=term)
        | _people_matching(term, through="resident__")
        | Q(representative__name__icontains=term)
    )


def _newest_matching(term: str, rows: QuerySet[Complaint], start: int, end: int) -> list[Complaint] | None:
    """Matches `start` to `end` (newest first) if the newest `RECENT_WALK` complaints hold the
    first `end`; None if they hold fewer (the matches may go on past them)."""
    if RECENT_WALK <= 0:
        return None
    newest = Complaint.objects.order_by("-received_at", "-id").values_list("received_at", "id")
    edge = next(iter(newest[RECENT_WALK - 1 : RECENT_WALK]), None)
    recent = rows
    if edge is not None:  # fewer complaints than that: all of them are recent
        at, pk = edge
        # The first bound alone is one the index on received_at can start from.
        recent = rows.filter(Q(received_at__gte=at) & (Q(received_at__gt=at) | Q(id__gte=pk)))
    found = list(recent.filter(_matching_on_joins(term)).order_by("-received_at", "-id")[:end])
    return found[start:] if len(found) == end or edge is None else None


def complaints_search(*, term: str, page: int, page_size: int = 25) -> tuple[list[Complaint], bool]:
    """Complaints of every status (closed, refused and withdrawn included) whose reference
    contains `term`, or whose resident's name, email, tenancy reference or address contains
    it, or whose phone number contains its digits, or whose representative's name contains it;
    an exact reference first, then the newest. One page and whether another follows, with no
    COUNT, in at most six queries whatever the number of complaints."""
    term = " ".join(term.split())
    size, start = page_window(page, page_size)
    rows = Complaint.objects.select_related("resident", "handler", "representative")
    exact = rows.filter(reference__iexact=term).first()
    # The exact reference is first on page one; every later page is shifted by it.
    first = [exact] if exact is not None and start == 0 else []
    if exact is not None:
        rows = rows.exclude(pk=exact.pk)
        start = max(start - 1, 0)
    end = start + size + 1 - len(first)
    found = _newest_matching(term, rows, start, end)
    if found is None:
        found = list(rows.filter(_complaints_matching(term)).order_by("-received_at", "-id")[start:end])
    found = first + found
    return found[:size], len(found) > size

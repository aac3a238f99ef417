"""The search box in every staff page's header: complaints found by reference or by the people
on them, open or not.
"""

from __future__ import annotations

import re

from django.db.models import Q

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


def complaints_search(*, term: str, page: int, page_size: int = 25) -> tuple[list[Complaint], bool]:
    """Complaints of every status (closed, refused and withdrawn included) whose reference
    contains `term`, or whose resident's name, email, tenancy reference or address contains
    it, or whose phone number contains its digits, or whose representative's name contains it;
    an exact reference first, then the newest. One page and whether another follows, with no
    COUNT, in at most four queries whatever the number of complaints."""
    term = " ".join(term.split())
    size, start = page_window(page, page_size)
    rows = Complaint.objects.select_related("resident", "handler", "representative")
    exact = rows.filter(reference__iexact=term).first()
    newest = rows.filter(_complaints_matching(term)).order_by("-received_at", "-id")
    if exact is None:
        found = list(newest[start : start + size + 1])
    else:
        # The exact reference is first on page one; every later page is shifted by it.
        newest = newest.exclude(pk=exact.pk)
        found = [exact, *newest[:size]] if start == 0 else list(newest[start - 1 : start + size])
    return found[:size], len(found) > size

"""The search box in every staff page's header: complaints found by reference or by the people
on them, open or not.
"""

from __future__ import annotations

import re

from django.db.models import Case, Q, Value, When

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


def complaints_search(*, term: str, page: int, page_size: int = 25) -> tuple[list[Complaint], bool]:
    """Complaints of every status (closed, refused and withdrawn included) whose reference
    contains `term`, or whose resident's name, email, tenancy reference or address (so a
    postcode) contains it, or whose phone number contains its digits, or whose representative's
    name contains it; an exact reference first, then the newest. One page and whether another
    follows, with no COUNT: one query whatever the number of complaints. The resident and
    representative matches are subqueries so that PostgreSQL answers each from its trigram
    index (migration 0007) rather than scanning a join."""
    term = " ".join(term.split())
    size, start = page_window(page, page_size)
    people = Q()
    for variant in _search_variants(term):
        people |= (
            Q(name__icontains=variant)
            | Q(email__icontains=variant)
            | Q(tenancy_reference__icontains=variant)
            | Q(address__icontains=variant)
        )
    digits = phone_digits(term)
    if _PHONE_LIKE.match(term) and len(digits) >= PHONE_MIN_DIGITS:
        people |= Q(phone_digits__contains=digits)
    matching = (
        Q(reference__icontains=term)
        | Q(resident_id__in=Resident.objects.filter(people).values("pk"))
        | Q(representative_id__in=Representative.objects.filter(name__icontains=term).values("pk"))
    )
    found = list(
        Complaint.objects.filter(matching)
        .select_related("resident", "handler", "representative")
        .order_by(
            Case(When(reference__iexact=term, then=Value(0)), default=Value(1)),
            "-received_at",
            "-id",
        )[start : start + size + 1]
    )
    return found[:size], len(found) > size

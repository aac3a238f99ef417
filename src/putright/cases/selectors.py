"""Reads of the complaint record: bounded queries whatever the data size."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import (
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from putright.cases.models import (
    Action,
    Adjustment,
    CaseEvent,
    Complaint,
    Contact,
    Extension,
    Refusal,
    Remedy,
    Representative,
    Resident,
    StageRecord,
    Status,
)
from putright.cases.phone import phone_digits

OPEN_STATUSES = (Status.RECEIVED, Status.ACKNOWLEDGED)
MAX_PAGE_SIZE = 100
LARGEST_ID = 2**63 - 1  # a larger number names no row, and some databases refuse it outright


def complaint_queryset() -> QuerySet[Complaint]:
    """Everything a complaint's representation needs, in a fixed number of queries."""
    stages = StageRecord.objects.select_related("handler").prefetch_related(
        Prefetch("extensions", queryset=Extension.objects.order_by("created_at", "id"))
    )
    return Complaint.objects.select_related(
        "resident", "handler", "category", "service_area", "representative"
    ).prefetch_related(
        Prefetch("stages", queryset=stages.order_by("stage")),
        "remedies",
        "actions",
        Prefetch("refusals", queryset=Refusal.objects.order_by("id")),
    )


def complaint_row_queryset() -> QuerySet[Complaint]:
    """What one line of a list of complaints shows (the queue, the team view): the complaint,
    its resident, handler and category, in one query. No stages, remedies or actions: a list
    of 25 would otherwise load a few hundred rows it never shows."""
    return Complaint.objects.select_related("resident", "handler", "category")


def complaint_get(*, complaint_id: int) -> Complaint | None:
    return complaint_queryset().filter(pk=complaint_id).first()


@dataclass(frozen=True)
class ComplaintFilters:
    stage: int | None = None
    status: str | None = None
    overdue: bool = False
    handler_id: int | None = None
    category: str | None = None
    service_area: str | None = None
    vulnerable: bool | None = None
    hazard: bool | None = None
    search: str = ""
    open_only: bool = False
    # True: only complaints with a deadline running; False: only those with none (a list of its own).
    running: bool | None = None


def complaints_filtered(*, filters: ComplaintFilters, today: date) -> QuerySet[Complaint]:
    """Filtered complaints, most urgent first: the next running deadline, then flags (6.1)."""
    qs = Complaint.objects.all()
    if filters.stage is not None:
        qs = qs.filter(stage=filters.stage)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.open_only:
        qs = qs.filter(status__in=(*OPEN_STATUSES, Status.RESPONDED))
    if filters.overdue:
        qs = qs.filter(status__in=OPEN_STATUSES, next_due__lt=today)
    if filters.handler_id is not None:
        qs = qs.filter(handler_id=filters.handler_id)
    if filters.category:
        qs = qs.filter(category__slug=filters.category)
    if filters.service_area:
        qs = qs.filter(service_area__slug=filters.service_area)
    if filters.vulnerable is not None:
        qs = qs.filter(vulnerable=filters.vulnerable)
    if filters.hazard is True:
        qs = qs.exclude(hazard="")
    if filters.search:
        term = filters.search.strip()
        qs = qs.filter(Q(reference__iexact=term) | Q(resident__name__icontains=term))
    if filters.running is not None:
        qs = qs.filter(due_at__isnull=not filters.running)
    # The next running deadline first (overdue, then soonest: a hazard duty, the acknowledgement
    # or response, a promised date); flags only order complaints due at the same moment, and
    # those with nothing running come last. Matches the index `complaint_open_due`.
    return qs.order_by(F("due_at").asc(nulls_last=True), "-priority", "id")


def complaints_page(
    *,
    filters: ComplaintFilters,
    today: date,
    page: int = 1,
    page_size: int = 25,
    rows: Callable[[], QuerySet[Complaint]] = complaint_queryset,
) -> tuple[list[Complaint], bool]:
    """One page and whether another follows. No COUNT(*): it does not scale to millions of rows.
    `rows` loads the page's complaints: everything by default, `complaint_row_queryset` for a
    list that shows one line each."""
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    start = (max(page, 1) - 1) * page_size
    ids = list(
        complaints_filtered(filters=filters, today=today).values_list("id", flat=True)[
            start : start + page_size + 1
        ]
    )
    has_next = len(ids) > page_size
    ids = ids[:page_size]
    by_id = {c.pk: c for c in rows().filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id], has_next


def complaint_events(*, complaint_id: int) -> QuerySet[CaseEvent]:
    return CaseEvent.objects.filter(complaint_id=complaint_id).order_by("at", "id")


def stage(complaint: Complaint, number: int) -> StageRecord | None:
    for record in complaint.stages.all():
        if record.stage == number:
            return record
    return None


def working_days_left(complaint: Complaint, today: date, calendar: Any) -> int | None:
    if complaint.next_due is None:
        return None
    return int(calendar.working_days_between(today, complaint.next_due))


@dataclass(frozen=True)
class ResidentMatch:
    """A resident as a search shows them: who they are and how much is held, never what
    their adjustments are (those are special category data: `resident_adjustments`)."""

    resident_id: int
    name: str
    email: str
    tenancy_reference: str
    address_line: str
    recorded_on: date
    complaints: int
    has_adjustments: bool


def _summarised(residents: QuerySet[Resident]) -> QuerySet[Resident]:
    """Each resident with their number of complaints and whether an adjustment is in force,
    as scalar subqueries: one query for the page, whatever its size."""
    complaints = (
        Complaint.objects.filter(resident_id=OuterRef("pk"))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    adjustments = Adjustment.objects.filter(resident_id=OuterRef("pk"), active=True)
    return residents.annotate(
        complaint_count=Coalesce(Subquery(complaints, output_field=IntegerField()), 0),
        has_adjustments=Exists(adjustments),
    ).only("pk", "name", "email", "tenancy_reference", "address", "created_at")


def _match(resident: Resident) -> ResidentMatch:
    address = resident.address.strip()
    return ResidentMatch(
        resident_id=resident.pk,
        name=resident.name,
        email=resident.email,
        tenancy_reference=resident.tenancy_reference,
        address_line=address.splitlines()[0].strip().rstrip(",") if address else "",
        recorded_on=resident.created_at.date(),
        complaints=resident.complaint_count,  # type: ignore[attr-defined]
        has_adjustments=resident.has_adjustments,  # type: ignore[attr-defined]
    )


def residents_matching(*, term: str, page: int, page_size: int = 25) -> tuple[list[ResidentMatch], bool]:
    """Residents whose name contains `term`, whose email or tenancy reference is `term` (any
    case), or whose phone number has the same digits as `term` ("07700 900123" finds
    "07700900123"; see `phone_digits`), by name; one page and whether another follows, with
    no COUNT of the whole match. Residents already anonymised are left out: nothing held
    identifies them any more. One query."""
    term = term.strip()
    size = max(1, min(page_size, MAX_PAGE_SIZE))
    start = (max(page, 1) - 1) * size
    matching = Q(name__icontains=term) | Q(email__iexact=term) | Q(tenancy_reference__iexact=term)
    digits = phone_digits(term)
    if digits:
        matching |= Q(phone_digits=digits)
    found = list(
        _summarised(Resident.objects.filter(anonymised_at__isnull=True).filter(matching)).order_by(
            "name", "id"
        )[start : start + size + 1]
    )
    return [_match(r) for r in found[:size]], len(found) > size


def resident_match(*, resident_id: int) -> ResidentMatch | None:
    """One resident as a search shows them; None if there is no such resident or their data
    has been anonymised (they can no longer be chosen). One query."""
    if not 0 < resident_id <= LARGEST_ID:
        return None
    found = _summarised(Resident.objects.filter(pk=resident_id, anonymised_at__isnull=True)).first()
    return _match(found) if found else None


def resident_adjustments(*, resident_id: int) -> list[Adjustment]:
    """The reasonable adjustments and disclosures in force for a resident, next review first
    (Code 5.10). Special category data: only for roles that may see it, and the read is logged
    (`access_can_see_special_category`, `access_log_special_category_read`)."""
    return list(Adjustment.objects.filter(resident_id=resident_id, active=True).order_by("review_on", "id"))


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
    size = max(1, min(page_size, MAX_PAGE_SIZE))
    start = (max(page, 1) - 1) * size
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


def contacts_undecided(*, page: int, page_size: int = 25) -> tuple[list[Contact], bool]:
    """Contacts recorded but not yet decided (complaint, service request or survey feedback:
    Code 1.2-1.6), the longest-waiting first, so that none drops out of sight. One query."""
    size = max(1, min(page_size, MAX_PAGE_SIZE))
    start = (max(page, 1) - 1) * size
    found = list(
        Contact.objects.filter(triage=Contact.Triage.UNTRIAGED)
        .select_related("resident", "recorded_by")
        .order_by("received_at", "id")[start : start + size + 1]
    )
    return found[:size], len(found) > size


def contacts_undecided_count() -> int:
    """How many contacts wait for a decision: the navigation shows it. One indexed COUNT."""
    return Contact.objects.filter(triage=Contact.Triage.UNTRIAGED).count()


@dataclass(frozen=True)
class OpenWork:
    """What is still to be done on a complaint: actions promised and remedies not delivered."""

    actions: list[Action]
    remedies: list[Remedy]

    def __bool__(self) -> bool:
        return bool(self.actions or self.remedies)


def complaint_open_work(*, complaint_id: int) -> OpenWork:
    """The complaint's open actions (with their owners) and undelivered remedies, earliest
    date first (Code 6.6, 7.3). Two queries."""
    return OpenWork(
        actions=list(
            Action.objects.filter(complaint_id=complaint_id, completed_on__isnull=True)
            .select_related("owner")
            .order_by("promise_on", "id")
        ),
        remedies=list(
            Remedy.objects.filter(complaint_id=complaint_id, completed_on__isnull=True).order_by(
                F("due_on").asc(nulls_last=True), "id"
            )
        ),
    )


def actions_open_owned(*, owner_id: int, limit: int = 50) -> tuple[list[Action], int]:
    """The open actions someone owns, whatever their complaint's status (a closed complaint's
    promises still have to be kept: Code 6.6), the earliest promise first; at most `limit`,
    and how many there are. Two queries, both on the open-actions index."""
    open_actions = Action.objects.filter(owner_id=owner_id, completed_on__isnull=True)
    found = list(open_actions.select_related("complaint").order_by("promise_on", "id")[:limit])
    total = len(found) if len(found) < limit else open_actions.count()
    return found, total

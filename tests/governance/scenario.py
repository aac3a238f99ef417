"""A known set of complaints, built through the real services, with hand-computed figures.

The period is Q1 2026/27: Wednesday 1 April to Tuesday 30 June 2026. Bank holidays of
England and Wales inside it: Good Friday 3 April, Easter Monday 6 April, 4 May, 25 May.
British Summer Time began on 29 March, so 23:30 UTC on 31 March is 00:30 on 1 April.

| ref | received (England)   | tenure           | what happens                                                           |
|-----|----------------------|------------------|------------------------------------------------------------------------|
| A   | 1 Apr 10:00          | general needs    | ack 10 Apr (due 10 Apr: Easter inside), upheld 24 Apr (due 24 Apr)    |
| B   | 1 Apr 00:30 (31 Mar UTC) | supported    | ack 13 Apr (late), +5 days to 5 May (4 May holiday), not upheld 5 May; escalation refused |
| C   | 31 Mar 23:30         | shared ownership | ack 1 Apr, not upheld 20 Apr (due 17 Apr: late); stage 2 22 Apr, partly upheld 21 May |
| D   | 30 Jun 17:00         | shared ownership | not yet acknowledged (due 7 Jul)                                       |
| E   | 1 Jul 09:00          | general needs    | outside the period                                                     |
| F   | 15 May               | general needs    | refused: legal proceedings                                             |
| G   | 2 Jun                | leasehold        | withdrawn 5 Jun                                                        |
| H   | 1 May                | general needs    | ack 5 May, upheld 30 Jun (due 19 May: late)                            |
| I   | 8 Jun                | general needs    | ack 9 Jun, response due 23 Jun, none by 30 Jun                         |
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from putright.cases import services
from putright.cases.models import Complaint, Remedy
from putright.governance.selectors.periods import Period
from putright.landlord.models import Category, LandlordSettings

PERIOD = Period(date(2026, 4, 1), date(2026, 6, 30))
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
HOMES_RENTED = 2000
HOMES_SHARED_OWNERSHIP = 500


@dataclass
class Scenario:
    complaints: dict[str, Complaint]
    handler: Any
    reviewer: Any


def _at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def _log(
    actor: Any, received_at: datetime, tenure: str, channel: str, category: str | None, **kw: Any
) -> Complaint:
    return services.complaint_log(
        actor=actor,
        now=NOW,
        data=services.NewComplaint(
            channel=channel,
            received_at=received_at,
            description="The repair was not done",
            resident=services.ResidentDetails(name=f"Resident {received_at:%d%m%H%M}", tenure=tenure),
            category=category,
            **kw,
        ),
    )


def _ack(actor: Any, c: Complaint, on: date, handler: Any = None) -> None:
    services.complaint_acknowledge(
        actor=actor,
        now=_at(on, 12),
        complaint_id=c.pk,
        acknowledged_on=on,
        definition="The resident says the repair was not done",
        outcomes_sought="The repair done",
        responsibility="We are responsible for the repair",
        handler=handler,
    )


def _respond(actor: Any, c: Complaint, on: date, decision: str, **kw: Any) -> None:
    services.complaint_respond(
        actor=actor,
        now=_at(on, 16),
        complaint_id=c.pk,
        responded_on=on,
        decision=decision,
        reasons="Because",
        **kw,
    )


def build(handler: Any, reviewer: Any) -> Scenario:
    LandlordSettings.objects.update_or_create(
        pk=1, defaults={"homes_rented": HOMES_RENTED, "homes_shared_ownership": HOMES_SHARED_OWNERSHIP}
    )
    Category.objects.get_or_create(slug="repairs", defaults={"name": "Repairs"})
    Category.objects.get_or_create(slug="damp-mould", defaults={"name": "Damp and mould"})
    h = handler
    made: dict[str, Complaint] = {}

    a = made["A"] = _log(h, _at(date(2026, 4, 1)), "general_needs", "email", "repairs")
    # Vulnerability belongs to the resident and marks their complaints (Code 5.10).
    services.adjustment_record(
        actor=h,
        now=NOW,
        resident_id=a.resident_id,
        kind="vulnerability",
        description="Recently bereaved",
        recorded_on=date(2026, 4, 1),
        review_on=date(2026, 10, 1),
    )
    a.refresh_from_db()
    _ack(h, a, date(2026, 4, 10))
    _respond(
        h,
        a,
        date(2026, 4, 24),
        "upheld",
        remedies=[
            services.RemedyInput(
                kind="financial", description="£150", amount=Decimal("150.00"), due_on=date(2026, 5, 1)
            ),
            services.RemedyInput(kind="apology", description="Written apology", due_on=date(2026, 6, 10)),
        ],
        outstanding_actions=[
            services.ActionInput(description="Replace the window", promise_on=date(2026, 5, 20))
        ],
    )
    financial = Remedy.objects.get(complaint=a, kind="financial")
    services.remedy_complete(
        actor=h, now=_at(date(2026, 5, 2), 12), remedy_id=financial.pk, completed_on=date(2026, 5, 2)
    )

    b = made["B"] = _log(h, datetime(2026, 3, 31, 23, 30, tzinfo=UTC), "supported", "web", "repairs")
    _ack(h, b, date(2026, 4, 13))
    services.complaint_extend(
        actor=h,
        now=_at(date(2026, 4, 20), 12),
        complaint_id=b.pk,
        working_days=5,
        reason="Contractor report",
        notified_on=date(2026, 4, 20),
    )
    _respond(h, b, date(2026, 5, 5), "not_upheld")
    services.complaint_refuse_escalation(
        actor=h,
        now=datetime(2026, 5, 12, 10, 0, tzinfo=UTC),
        complaint_id=b.pk,
        requested_at=_at(date(2026, 5, 11)),
        reason="other",
        explanation="The matter is before the tribunal",
    )

    c = made["C"] = _log(
        h, datetime(2026, 3, 31, 22, 30, tzinfo=UTC), "shared_ownership", "phone", "damp-mould"
    )
    _ack(h, c, date(2026, 4, 1))
    _respond(h, c, date(2026, 4, 20), "not_upheld")
    services.complaint_escalate(
        actor=h, now=_at(date(2026, 4, 22), 12), complaint_id=c.pk, requested_at=_at(date(2026, 4, 22))
    )
    _ack(reviewer, c, date(2026, 4, 23), handler=reviewer)
    _respond(
        reviewer,
        c,
        date(2026, 5, 21),
        "partly_upheld",
        remedies=[
            services.RemedyInput(
                kind="financial", description="£250.50", amount=Decimal("250.50"), due_on=date(2026, 7, 15)
            )
        ],
    )

    made["D"] = _log(h, _at(date(2026, 6, 30), 16), "shared_ownership", "phone", None)
    made["E"] = _log(h, _at(date(2026, 7, 1)), "general_needs", "email", "repairs")

    f = made["F"] = _log(h, _at(date(2026, 5, 15)), "general_needs", "letter", "repairs")
    services.complaint_refuse(
        actor=h,
        now=_at(date(2026, 5, 18), 12),
        complaint_id=f.pk,
        reason="legal_proceedings",
        explanation="Court proceedings were filed",
        evidence="Claim K0AB1234 filed at the county court",
        refused_on=date(2026, 5, 18),
    )

    g = made["G"] = _log(h, _at(date(2026, 6, 2)), "leasehold", "email", None)
    services.complaint_withdraw(
        actor=h,
        now=datetime(2026, 6, 5, 10, tzinfo=UTC),
        complaint_id=g.pk,
        channel="phone",
        note="The resident says the matter is resolved",
    )

    hh = made["H"] = _log(h, _at(date(2026, 5, 1)), "general_needs", "phone", "damp-mould")
    _ack(h, hh, date(2026, 5, 5))
    _respond(
        h,
        hh,
        date(2026, 6, 30),
        "upheld",
        no_remedy_reason="The mould treatment is the remedy the resident asked for",
        outstanding_actions=[
            services.ActionInput(description="Treat the mould", promise_on=date(2026, 7, 15))
        ],
    )

    i = made["I"] = _log(h, _at(date(2026, 6, 8)), "general_needs", "web", "repairs")
    _ack(h, i, date(2026, 6, 9))

    for key, complaint in made.items():
        made[key] = Complaint.objects.get(pk=complaint.pk)
    return Scenario(complaints=made, handler=handler, reviewer=reviewer)

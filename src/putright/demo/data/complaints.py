"""One demo complaint's story, told through the real services: logged, now and then
refused (and perhaps reopened) or withdrawn, acknowledged, perhaps extended, answered,
and then closed or taken to stage 2.

Every step draws from the demo's one random stream in a fixed order, so the same seed
gives the same demo; the endings off this path are in `demo.data.endings`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import AdjustmentKind, Channel, StageRecord, Tenure
from putright.demo.data import endings
from putright.demo.data.content import DEFINITIONS, FIRST, LAST, TEXTS, service_area_for
from putright.demo.data.followthrough import follow_through, send_refusal_letter
from putright.demo.data.moments import entered, moment
from putright.demo.data.responses import respond
from putright.rules.calendar import WorkingDayCalendar

# Tenure as a typical association holds it: mostly low-cost rental, some shared ownership
# and leasehold, a few people who are not tenants, and some not yet known (to resolve).
TENURES = [
    Tenure.GENERAL_NEEDS,
    Tenure.SUPPORTED,
    Tenure.SHARED_OWNERSHIP,
    Tenure.LEASEHOLD,
    Tenure.OTHER,
    Tenure.UNKNOWN,
]
TENURE_WEIGHTS = [70, 8, 8, 6, 2, 6]


@dataclass(frozen=True)
class Casework:
    """What every demo complaint is handled with: the demo's random stream, today, the
    Code's calendar, and the staff who log (officer), handle and review complaints."""

    rng: random.Random
    today: date
    calendar: WorkingDayCalendar
    handlers: list[User]
    reviewer: User
    officer: User


def one_complaint(work: Casework, i: int, received: date) -> None:
    """The `i`th demo complaint, received on `received`, lived up to today."""
    rng, today, calendar = work.rng, work.today, work.calendar
    slug = rng.choice(list(TEXTS))
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    handler = rng.choice(work.handlers)
    complaint_id = _log(work, i, received, slug, name, handler)
    started = received
    if rng.random() < 0.05 and received < today - timedelta(days=20):
        reopened = endings.refuse_and_maybe_reopen(rng, complaint_id, received, today, handler, work.officer)
        # Each refused resident is told why in writing, with the Ombudsman's details (2.4).
        send_refusal_letter(complaint_id=complaint_id, actor=handler, on=received + timedelta(days=2))
        if reopened is None:
            return
        started = reopened  # stage 1 starts again from the reopening (Code 2.4)
    recent = received > today - timedelta(days=45)
    if recent and rng.random() < 0.08:
        # Not yet acknowledged: some of these are overdue, as in real life, and some are withdrawn.
        endings.withdraw(rng, complaint_id, calendar.add_working_days(started, 5), today, handler, started)
        return
    ack = calendar.add_working_days(started, rng.choice([1, 2, 3, 4, 5, 5, 6]))
    if ack > today:
        return
    _acknowledge(work, complaint_id, slug, ack, handler)
    extended = _maybe_extend(work, complaint_id, ack, handler)
    if recent and rng.random() < 0.1:
        # Still being investigated, perhaps past its response date; some are withdrawn.
        due = calendar.add_working_days(ack, 10 + (10 if extended else 0))
        endings.withdraw(rng, complaint_id, due, today, handler, ack)
        return
    days = rng.choice([4, 7, 9, 10, 10, 12]) + (8 if extended else 0)
    responded = calendar.add_working_days(ack, days)
    if responded > today:
        return
    respond(rng, complaint_id, handler, responded, today)
    follow_through(rng, complaint_id=complaint_id, actor=handler, responded=responded, today=today)
    if rng.random() < 0.22:
        _stage_two(work, complaint_id, slug, responded)
    elif responded < today - timedelta(days=30):
        services.complaint_close(
            actor=handler,
            now=moment(responded + timedelta(days=21), rng),
            complaint_id=complaint_id,
            confirm_open_work=True,
        )


def _log(work: Casework, i: int, received: date, slug: str, name: str, handler: User) -> int:
    """Logged by the complaints officer as it came in, some through a representative; one
    resident in ten has an adjustment recorded. Returns the complaint's id."""
    rng = work.rng
    representative = _representative(rng, received)
    data = services.NewComplaint(
        channel=rng.choice(Channel.values),
        received_at=moment(received, rng),
        description=rng.choice(TEXTS[slug]),
        resident=_resident(rng, name, i),
        category=slug,
        service_area=service_area_for(slug, i),
        issue_occurred_on=received - timedelta(days=rng.randint(1, 200)),
        representative=representative,
    )
    at = data.received_at
    complaint = services.complaint_log(actor=work.officer, now=at, data=data)
    if rng.random() < 0.1:
        services.adjustment_record(
            actor=handler,
            now=at,
            resident_id=complaint.resident_id,
            kind=rng.choice(AdjustmentKind.values),
            description=rng.choice(
                [
                    "Uses a wheelchair",
                    "Prefers phone calls in the afternoon",
                    "Has anxiety; needs letters in plain English",
                ]
            ),
            recorded_on=received,
            review_on=received + timedelta(days=180),
        )
    return complaint.pk


def _representative(rng: random.Random, received: date) -> services.RepresentativeDetails | None:
    """About one complaint in eight is made through someone acting for the resident (Code 3.6)."""
    if rng.random() >= 0.12:
        return None
    return services.RepresentativeDetails(
        name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        relationship=rng.choice(["Daughter", "Councillor", "Advocate", "Son"]),
        consent_recorded_on=received,
        consent_method="Signed consent form",
    )


def _resident(rng: random.Random, name: str, i: int) -> services.ResidentDetails:
    return services.ResidentDetails(
        name=name,
        email=f"{name.lower().replace(' ', '.')}.{i}@example.com",
        phone="07700 900" + f"{i % 1000:03d}",
        address=f"{rng.randint(1, 200)} {rng.choice(['River', 'Mill', 'Station', 'Church'])} Road, Anytown",
        tenancy_reference=f"T{100000 + i}",
        tenure=rng.choices(TENURES, TENURE_WEIGHTS)[0],
        preferred_format=rng.choice(["standard"] * 8 + ["large_print", "easy_read"]),
    )


def _acknowledge(work: Casework, complaint_id: int, slug: str, ack: date, handler: User) -> None:
    entered_at, why = entered(ack, work.rng, work.today)
    services.complaint_acknowledge(
        actor=handler,
        now=entered_at,
        complaint_id=complaint_id,
        acknowledged_on=ack,
        definition=DEFINITIONS[slug],
        outcomes_sought="An apology and the problem fixed.",
        responsibility="We are responsible for repairs and our contractors' work.",
        handler=handler,
        late_entry_reason=why,
    )


def _maybe_extend(work: Casework, complaint_id: int, ack: date, handler: User) -> bool:
    """About one response in seven is extended (Code 6.4); True if this one was.

    An extension is agreed on or before the response date in force (6.4): whichever edition
    and landlord timescale the complaint has, it is told a few working days after the
    acknowledgement, never later than that date nor after today.
    """
    rng = work.rng
    due_by = StageRecord.objects.get(complaint_id=complaint_id, stage=1).respond_by
    told = min(work.calendar.add_working_days(ack, 3), due_by or ack)
    extended = rng.random() < 0.15 and told <= work.today
    if extended:
        # A few need longer than the Code's 10 days; the good reason is written for the resident (6.4).
        days = rng.choice([5, 10, 10, 15])
        services.complaint_extend(
            actor=handler,
            now=moment(told, rng),
            complaint_id=complaint_id,
            working_days=days,
            reason="We are waiting for a surveyor's report.",
            good_reason=days > 10,
            good_reason_explanation=(
                "The surveyor must test every flat in the block for damp, which takes three more weeks."
                if days > 10
                else ""
            ),
        )
    return extended


def _stage_two(work: Casework, complaint_id: int, slug: str, responded: date) -> None:
    """The resident asks for stage 2 after the response: now and then refused (Code 5.11),
    otherwise acknowledged and answered by the reviewer, who then closes the complaint."""
    rng, calendar, today, reviewer = work.rng, work.calendar, work.today, work.reviewer
    requested = calendar.add_working_days(responded, rng.randint(1, 15))
    if requested > today:
        return
    if endings.refuse_escalation(rng, complaint_id, requested, today, calendar, work.officer):
        return  # escalation refused (Code 5.11), with the date it was asked for kept
    services.complaint_escalate(
        actor=work.officer,
        now=moment(requested, rng),
        complaint_id=complaint_id,
        requested_at=moment(requested, rng),
    )
    ack2 = calendar.add_working_days(requested, rng.choice([2, 4, 5]))
    if ack2 > today:
        return
    services.complaint_acknowledge(
        actor=reviewer,
        now=moment(ack2, rng),
        complaint_id=complaint_id,
        acknowledged_on=ack2,
        definition=DEFINITIONS[slug] + " The resident is unhappy with the stage 1 response.",
        outcomes_sought="Compensation and the repair completed.",
        responsibility="We are responsible for how we handled the complaint at stage 1 and for the repair.",
        handler=reviewer,
    )
    responded2 = calendar.add_working_days(ack2, rng.choice([12, 18, 20, 22]))
    if responded2 > today:
        return
    respond(rng, complaint_id, reviewer, responded2, today)
    follow_through(rng, complaint_id=complaint_id, actor=reviewer, responded=responded2, today=today)
    # The demo's staff close knowingly: their open actions stay in the owners' work (6.6).
    services.complaint_close(
        actor=reviewer, now=moment(responded2, rng), complaint_id=complaint_id, confirm_open_work=True
    )

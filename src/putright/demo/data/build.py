"""Builds the demo landlord through the real services, so demo data obeys every rule."""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable
from contextlib import nullcontext
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.test import override_settings

from putright.accounts.models import Role, User
from putright.cases import services
from putright.cases.hooks import event_hooks_suspended
from putright.cases.models import (
    Action,
    AdjustmentKind,
    Channel,
    Complaint,
    RemedyKind,
    StageRecord,
    Tenure,
)
from putright.core.dates import code_calendar
from putright.demo.data import endings
from putright.demo.data.content import (
    CATEGORIES,
    DEFINITIONS,
    FIRST,
    LAST,
    SERVICE_AREAS,
    TEXTS,
    service_area_for,
)
from putright.demo.data.followthrough import follow_through, send_refusal_letter
from putright.landlord.models import Category, LandlordSettings, ServiceArea

LETTERS_FOR_LAST_DAYS = 14

STAFF = [
    ("hana", Role.HANDLER, "Hana", "Hughes"),
    ("harry", Role.HANDLER, "Harry", "Hall"),
    ("rory", Role.REVIEWER, "Rory", "Reid"),
    ("olive", Role.COMPLAINTS_OFFICER, "Olive", "Okafor"),
    ("gwen", Role.GOVERNANCE, "Gwen", "Garcia"),
    ("adam", Role.ADMINISTRATOR, "Adam", "Ash"),
]


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=UTC)


LATE_ENTRY_REASONS = (
    "Sent by email while the system was down; entered when it came back.",
    "Done by phone on the day; the handler recorded it on return from leave.",
)


def _entered(day: date, rng: random.Random, today: date) -> tuple[datetime, str]:
    """When a step dated `day` is recorded: now and then a day or three late, with why (5.12)."""
    late = day + timedelta(days=rng.randint(1, 3))
    if rng.random() < 0.06 and late <= today:
        return _moment(late, rng), rng.choice(LATE_ENTRY_REASONS)
    return _moment(day, rng), ""


class NotADemoDatabase(Exception):
    """The database holds staff accounts the demo did not make: it may be a real landlord's."""


def refuse_real_database() -> None:
    """Refuse to load demo data (and reset demo passwords) where real staff exist.

    The demo gives its accounts known usernames, administrator rights and fresh passwords;
    run against a live database by mistake it would add an administrator anyone reading
    the output could use, and mix made-up complaints into the record."""
    demo_names = [username for username, *_ in STAFF]
    real = list(User.objects.exclude(username__in=demo_names).values_list("username", flat=True)[:3])
    if real:
        raise NotADemoDatabase(
            f"This database has staff accounts the demo did not create ({', '.join(real)}...): "
            "putright demo runs only on an empty database or a demo one."
        )


def demo_staff(passwords: dict[str, str]) -> dict[str, User]:
    users = {}
    for username, role, first, last in STAFF:
        user, _ = User.objects.get_or_create(username=username, defaults={"role": role})
        user.role, user.first_name, user.last_name = role, first, last
        user.email = f"{username}@example.org"
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        user.set_password(passwords[username])
        user.save()
        users[username] = user
    return users


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
OLD_EDITION_EVERY = 60
OLD_EDITION_BEFORE = date(2024, 4, 1)


def build_demo(
    *,
    today: date,
    complaints: int = 300,
    seed: int = 2026,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, str]:
    """Create the demo landlord and return each demo account's password, new on every run
    and different for each account; refuse (`NotADemoDatabase`) a database with real staff."""
    rng = random.Random(seed)
    passwords = {username: secrets.token_urlsafe(12) for username, *_ in STAFF}
    with transaction.atomic():
        refuse_real_database()
        landlord = LandlordSettings.current()
        landlord.name = "Riverside Demo Homes"
        landlord.homes_rented = 8200
        landlord.homes_shared_ownership = 650
        # Shorter than the Code's at stage 1, as many landlords' policies are, so the report
        # shows "within our own timescale" beside "within the Code's".
        landlord.stage1_acknowledge_days, landlord.stage1_respond_days = 3, 8
        landlord.save()
        for slug, name in CATEGORIES:
            Category.objects.get_or_create(slug=slug, defaults={"name": name})
        users = demo_staff(passwords)
        for slug, name, owner in SERVICE_AREAS:
            ServiceArea.objects.get_or_create(slug=slug, defaults={"name": name, "owner": users[owner]})
    if Complaint.objects.exists():
        return passwords
    calendar = code_calendar()
    handlers = [users["hana"], users["harry"]]
    reviewer, officer = users["rory"], users["olive"]
    # Letters are drafted, rendered and sent for recent complaints only: history older
    # than LETTERS_FOR_LAST_DAYS is loaded without them (a PDF per past action is slow),
    # and nothing is emailed to the made-up residents.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for i in range(complaints):
            age = int(rng.triangular(0, 365, 30))
            if i % OLD_EDITION_EVERY == OLD_EDITION_EVERY - 1:
                # A few from before 1 April 2024, judged on the 2020 Code's timescales.
                age = max(age, (today - OLD_EDITION_BEFORE).days + rng.randint(1, 80))
            received = today - timedelta(days=age)
            quiet = event_hooks_suspended() if age > LETTERS_FOR_LAST_DAYS else nullcontext()
            with quiet:
                _one_complaint(rng, i, received, today, calendar, handlers, reviewer, officer)
        if complaints:
            endings.withdraw_one_overdue(rng, today, calendar, handlers[0], officer)
        # Hazards build on complaints, so their app adds its demo records last.
        from putright.cases.hooks import run_demo_hooks

        run_demo_hooks(actor=handlers[0], today=today)
        if progress:
            progress(complaints, complaints)
    return passwords


def _one_complaint(rng, i, received, today, calendar, handlers, reviewer, officer) -> None:  # type: ignore[no-untyped-def]
    slug = rng.choice(list(TEXTS))
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    handler = rng.choice(handlers)
    rep = None
    if rng.random() < 0.12:
        rep = services.RepresentativeDetails(
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            relationship=rng.choice(["Daughter", "Councillor", "Advocate", "Son"]),
            consent_recorded_on=received,
            consent_method="Signed consent form",
        )
    data = services.NewComplaint(
        channel=rng.choice(Channel.values),
        received_at=_moment(received, rng),
        description=rng.choice(TEXTS[slug]),
        resident=services.ResidentDetails(
            name=name,
            email=f"{name.lower().replace(' ', '.')}.{i}@example.com",
            phone="07700 900" + f"{i % 1000:03d}",
            address=f"{rng.randint(1, 200)} {rng.choice(['River', 'Mill', 'Station', 'Church'])} Road, Anytown",
            tenancy_reference=f"T{100000 + i}",
            tenure=rng.choices(TENURES, TENURE_WEIGHTS)[0],
            preferred_format=rng.choice(["standard"] * 8 + ["large_print", "easy_read"]),
        ),
        category=slug,
        service_area=service_area_for(slug, i),
        issue_occurred_on=received - timedelta(days=rng.randint(1, 200)),
        representative=rep,
    )
    at = data.received_at
    c = services.complaint_log(actor=officer, now=at, data=data)
    if rng.random() < 0.1:
        services.adjustment_record(
            actor=handler,
            now=at,
            resident_id=c.resident_id,
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
    started = received
    if rng.random() < 0.05 and received < today - timedelta(days=20):
        reopened = endings.refuse_and_maybe_reopen(rng, c.pk, received, today, handler, officer)
        # Each refused resident is told why in writing, with the Ombudsman's details (2.4).
        send_refusal_letter(complaint_id=c.pk, actor=handler, on=received + timedelta(days=2))
        if reopened is None:
            return
        started = reopened  # stage 1 starts again from the reopening (Code 2.4)
    recent = received > today - timedelta(days=45)
    if recent and rng.random() < 0.08:
        # Not yet acknowledged: some of these are overdue, as in real life, and some are withdrawn.
        endings.withdraw(rng, c.pk, calendar.add_working_days(started, 5), today, handler, started)
        return
    ack = calendar.add_working_days(started, rng.choice([1, 2, 3, 4, 5, 5, 6]))
    if ack > today:
        return
    entered, why = _entered(ack, rng, today)
    services.complaint_acknowledge(
        actor=handler,
        now=entered,
        complaint_id=c.pk,
        acknowledged_on=ack,
        definition=DEFINITIONS[slug],
        outcomes_sought="An apology and the problem fixed.",
        responsibility="We are responsible for repairs and our contractors' work.",
        handler=handler,
        late_entry_reason=why,
    )
    # An extension is agreed on or before the response date in force (6.4): whichever edition
    # and landlord timescale the complaint has, it is told a few working days after the
    # acknowledgement, never later than that date nor after today.
    due_by = StageRecord.objects.get(complaint_id=c.pk, stage=1).respond_by
    told = min(calendar.add_working_days(ack, 3), due_by or ack)
    extended = rng.random() < 0.15 and told <= today
    if extended:
        # A few need longer than the Code's 10 days; the good reason is written for the resident (6.4).
        days = rng.choice([5, 10, 10, 15])
        services.complaint_extend(
            actor=handler,
            now=_moment(told, rng),
            complaint_id=c.pk,
            working_days=days,
            reason="We are waiting for a surveyor's report.",
            good_reason=days > 10,
            good_reason_explanation=(
                "The surveyor must test every flat in the block for damp, which takes three more weeks."
                if days > 10
                else ""
            ),
        )
    if recent and rng.random() < 0.1:
        # Still being investigated, perhaps past its response date; some are withdrawn.
        due = calendar.add_working_days(ack, 10 + (10 if extended else 0))
        endings.withdraw(rng, c.pk, due, today, handler, ack)
        return
    days = rng.choice([4, 7, 9, 10, 10, 12]) + (8 if extended else 0)
    responded = calendar.add_working_days(ack, days)
    if responded > today:
        return
    _respond(rng, c.pk, handler, responded, today)
    follow_through(rng, complaint_id=c.pk, actor=handler, responded=responded, today=today)
    if rng.random() < 0.22:
        requested = calendar.add_working_days(responded, rng.randint(1, 15))
        if requested > today:
            return
        if endings.refuse_escalation(rng, c.pk, requested, today, calendar, officer):
            return  # escalation refused (Code 5.11), with the date it was asked for kept
        services.complaint_escalate(
            actor=officer,
            now=_moment(requested, rng),
            complaint_id=c.pk,
            requested_at=_moment(requested, rng),
        )
        ack2 = calendar.add_working_days(requested, rng.choice([2, 4, 5]))
        if ack2 > today:
            return
        services.complaint_acknowledge(
            actor=reviewer,
            now=_moment(ack2, rng),
            complaint_id=c.pk,
            acknowledged_on=ack2,
            definition=DEFINITIONS[slug] + " The resident is unhappy with the stage 1 response.",
            outcomes_sought="Compensation and the repair completed.",
            responsibility="We are responsible for how we handled the complaint at stage 1 and for the repair.",
            handler=reviewer,
        )
        responded2 = calendar.add_working_days(ack2, rng.choice([12, 18, 20, 22]))
        if responded2 > today:
            return
        _respond(rng, c.pk, reviewer, responded2, today)
        follow_through(rng, complaint_id=c.pk, actor=reviewer, responded=responded2, today=today)
        # The demo's staff close knowingly: their open actions stay in the owners' work (6.6).
        services.complaint_close(
            actor=reviewer, now=_moment(responded2, rng), complaint_id=c.pk, confirm_open_work=True
        )
    elif responded < today - timedelta(days=30):
        services.complaint_close(
            actor=handler,
            now=_moment(responded + timedelta(days=21), rng),
            complaint_id=c.pk,
            confirm_open_work=True,
        )


def _respond(rng: random.Random, complaint_id: int, handler: User, on: date, today: date) -> None:
    decision = rng.choice(["upheld", "partly_upheld", "partly_upheld", "not_upheld"])
    remedies, actions = [], []
    if decision != "not_upheld":
        remedies.append(
            services.RemedyInput(
                kind=RemedyKind.APOLOGY,
                description="We apologise for the delay and the distress caused.",
                due_on=on,
            )
        )
        if rng.random() < 0.5:
            remedies.append(
                services.RemedyInput(
                    kind=RemedyKind.FINANCIAL,
                    description="Compensation for time and trouble.",
                    amount=Decimal(rng.choice([50, 75, 150, 250, 400])),
                    due_on=on + timedelta(days=14),
                )
            )
        actions.append(
            services.ActionInput(
                description="Complete the outstanding repair",
                promise_on=on + timedelta(days=rng.randint(5, 40)),
            )
        )
    entered, why = _entered(on, rng, today)
    services.complaint_respond(
        actor=handler,
        now=entered,
        complaint_id=complaint_id,
        responded_on=on,
        decision=decision,
        reasons="We looked at the repair records and spoke to the contractor.",
        remedies=remedies,
        outstanding_actions=actions,
        late_entry_reason=why,
    )
    for action in Action.objects.filter(complaint_id=complaint_id, completed_on__isnull=True):
        _maybe_move_promise(rng, action, handler, on, today)


def _maybe_move_promise(
    rng: random.Random, action: Action, handler: User, responded: date, today: date
) -> None:
    """Now and then a promise is moved before it falls due, the resident told why (Code 6.6)."""
    told = action.promise_on - timedelta(days=2)
    if rng.random() >= 0.15 or told > today or told < responded:
        return
    services.action_update(
        actor=handler,
        now=_moment(told, rng),
        action_id=action.pk,
        text="The contractor cannot fit the part on the promised day; we have booked the first date they can.",
        given_on=told,
        new_promise_on=action.promise_on + timedelta(days=rng.choice([7, 14, 21])),
        promise_change_reason="The part is on back order with the supplier.",
        resident_told_on=told,
        resident_told_how="Phone call",
    )

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
from putright.cases.demo.data import CATEGORIES, DEFINITIONS, FIRST, LAST, TEXTS
from putright.cases.hooks import event_hooks_suspended
from putright.cases.models import (
    AdjustmentKind,
    Channel,
    Complaint,
    RefusalReason,
    RemedyKind,
    Tenure,
)
from putright.cases.services._common import code_calendar
from putright.landlord.models import Category, LandlordSettings

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


def demo_staff(password: str) -> dict[str, User]:
    users = {}
    for username, role, first, last in STAFF:
        user, _ = User.objects.get_or_create(username=username, defaults={"role": role})
        user.role, user.first_name, user.last_name = role, first, last
        user.email = f"{username}@example.org"
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        user.set_password(password)
        user.save()
        users[username] = user
    return users


def build_demo(
    *,
    today: date,
    complaints: int = 300,
    seed: int = 2026,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """Create the demo landlord and return the staff password (new on every run)."""
    rng = random.Random(seed)
    password = "demo-" + secrets.token_urlsafe(9)
    with transaction.atomic():
        landlord = LandlordSettings.current()
        landlord.name = "Riverside Demo Homes"
        landlord.homes_rented = 8200
        landlord.homes_shared_ownership = 650
        landlord.save()
        for slug, name in CATEGORIES:
            Category.objects.get_or_create(slug=slug, defaults={"name": name})
        users = demo_staff(password)
    if Complaint.objects.exists():
        return password
    calendar = code_calendar()
    handlers = [users["hana"], users["harry"]]
    reviewer, officer = users["rory"], users["olive"]
    # Letters are drafted, rendered and sent for recent complaints only: history older
    # than LETTERS_FOR_LAST_DAYS is loaded without them (a PDF per past action is slow),
    # and nothing is emailed to the made-up residents.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for i in range(complaints):
            age = int(rng.triangular(0, 365, 30))
            received = today - timedelta(days=age)
            quiet = event_hooks_suspended() if age > LETTERS_FOR_LAST_DAYS else nullcontext()
            with quiet:
                _one_complaint(rng, i, received, today, calendar, handlers, reviewer, officer)
        if progress:
            progress(i + 1, complaints)
        # Imported here: hazards build on complaints, so the demo adds them last.
        from putright.hazards.demo import demo_hazards

        demo_hazards(actor=handlers[0], today=today)
    return password


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
            tenure=rng.choice(Tenure.values),
            preferred_format=rng.choice(["standard"] * 8 + ["large_print", "easy_read"]),
        ),
        category=slug,
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
    if rng.random() < 0.03 and received < today - timedelta(days=20):
        services.complaint_refuse(
            actor=handler,
            now=_moment(received + timedelta(days=2), rng),
            complaint_id=c.pk,
            reason=RefusalReason.LEGAL_PROCEEDINGS,
            explanation="A claim about this matter has been filed at court, so the court will decide it.",
            evidence="Claim form seen on file",
        )
        return
    recent = received > today - timedelta(days=45)
    if recent and rng.random() < 0.08:
        return  # not yet acknowledged: some of these are overdue, as in real life
    ack = calendar.add_working_days(received, rng.choice([1, 2, 3, 4, 5, 5, 6]))
    if ack > today:
        return
    services.complaint_acknowledge(
        actor=handler,
        now=_moment(ack, rng),
        complaint_id=c.pk,
        acknowledged_on=ack,
        definition=DEFINITIONS[slug],
        outcomes_sought="An apology and the problem fixed.",
        responsibility="We are responsible for repairs and our contractors' work.",
        handler=handler,
    )
    extended = rng.random() < 0.15
    if extended:
        services.complaint_extend(
            actor=handler,
            now=_moment(ack + timedelta(days=7), rng),
            complaint_id=c.pk,
            working_days=rng.choice([5, 10]),
            reason="We are waiting for a surveyor's report.",
        )
    if recent and rng.random() < 0.1:
        return  # still being investigated, perhaps past its response date
    days = rng.choice([4, 7, 9, 10, 10, 12]) + (8 if extended else 0)
    responded = calendar.add_working_days(ack, days)
    if responded > today:
        return
    _respond(rng, c.pk, handler, responded)
    if rng.random() < 0.22:
        requested = calendar.add_working_days(responded, rng.randint(1, 15))
        if requested > today:
            return
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
            handler=reviewer,
        )
        responded2 = calendar.add_working_days(ack2, rng.choice([12, 18, 20, 22]))
        if responded2 > today:
            return
        _respond(rng, c.pk, reviewer, responded2)
        services.complaint_close(actor=reviewer, now=_moment(responded2, rng), complaint_id=c.pk)
    elif responded < today - timedelta(days=30):
        services.complaint_close(
            actor=handler, now=_moment(responded + timedelta(days=21), rng), complaint_id=c.pk
        )


def _respond(rng: random.Random, complaint_id: int, handler: User, on: date) -> None:
    decision = rng.choice(["upheld", "partly_upheld", "partly_upheld", "not_upheld"])
    remedies, actions = [], []
    if decision != "not_upheld":
        remedies.append(
            services.RemedyInput(
                kind=RemedyKind.APOLOGY, description="We apologise for the delay and the distress caused."
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
    services.complaint_respond(
        actor=handler,
        now=_moment(on, rng),
        complaint_id=complaint_id,
        responded_on=on,
        decision=decision,
        reasons="We looked at the repair records and spoke to the contractor.",
        remedies=remedies,
        outstanding_actions=actions,
    )

"""Builds the demo landlord through the real services, so demo data obeys every rule: its
settings, staff, categories and service areas here, then a year of complaints, each told
by `demo.data.complaints`."""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable
from contextlib import nullcontext
from datetime import date, timedelta

from django.db import transaction
from django.test import override_settings

from putright.accounts.models import Role, User
from putright.cases.hooks import event_hooks_suspended
from putright.cases.models import Complaint
from putright.core.dates import code_calendar
from putright.demo.data import endings
from putright.demo.data.complaints import Casework, one_complaint
from putright.demo.data.content import CATEGORIES, SERVICE_AREAS
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
    handlers = [users["hana"], users["harry"]]
    work = Casework(rng, today, code_calendar(), handlers, reviewer=users["rory"], officer=users["olive"])
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
                one_complaint(work, i, received)
        if complaints:
            endings.withdraw_one_overdue(rng, today, work.calendar, handlers[0], work.officer)
        # Hazards build on complaints, so their app adds its demo records last.
        from putright.cases.hooks import run_demo_hooks

        run_demo_hooks(actor=handlers[0], today=today)
        if progress:
            progress(complaints, complaints)
    return passwords

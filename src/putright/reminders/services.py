"""Sending reminders: each handler their overdue and due-soon work, each complaints officer a
daily digest, and owners the reviews that fall due. Safe to run twice a day.

Each item is claimed in `SentReminder` (unique per recipient, kind, subject and day) before
its email goes out after commit; if sending fails the claims are released, so the next run
tries again.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from putright.accounts.models import User
from putright.cases.models import Complaint
from putright.core.dates import long_date
from putright.hazards.reminders import hazard_lines, screen_lines
from putright.letters.selectors import letters_not_delivered
from putright.outbox.selectors import deliveries_not_sent
from putright.reminders import selectors
from putright.reminders.models import SentReminder
from putright.rules.calendar import calendar_for

log = logging.getLogger("putright.reminders")
DUE_SOON_WORKING_DAYS = 2
WORK, DIGEST, REVIEW, HAZARD = "work", "digest", "review", "hazard"


@dataclass(frozen=True)
class Line:
    key: str
    text: str


@dataclass
class Outcome:
    sent: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    no_email: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _when(due: date, today: date) -> str:
    calendar = calendar_for(settings.PUTRIGHT_NATION)
    if due < today:
        late = -calendar.working_days_between(today, due)
        return f"OVERDUE by {late} working day{'s' if late != 1 else ''}" if late else "OVERDUE"
    if due == today:
        return "due TODAY"
    left = calendar.working_days_between(today, due)
    return f"due in {left} working day{'s' if left != 1 else ''}"


def _link(base_url: str, complaint_id: int | None) -> str:
    return f" {base_url.rstrip('/')}/staff/complaints/{complaint_id}/" if complaint_id and base_url else ""


def _work_line(c: Complaint, today: date, base_url: str) -> Line:
    step = "acknowledge" if c.status == "received" else "respond"
    assert c.next_due is not None
    text = f"{c.reference} (stage {c.stage}, {c.resident.name}): {step} by {long_date(c.next_due)}, {_when(c.next_due, today)}"
    return Line(f"complaint:{c.pk}:{c.next_due}", text + _link(base_url, c.pk))


def _not_sent_lines(now: datetime, base_url: str) -> list[Line]:
    """Emails and letters that did not go after their last retry: the officer hears every day."""
    return [
        Line(
            f"delivery:{p.delivery_id}",
            f"NOT SENT{f' ({p.reference})' if p.reference else ''}: {p.what}. {p.error}"
            + _link(base_url, p.complaint_id),
        )
        for p in deliveries_not_sent(now=now)
    ]


def plan(*, today: date, now: datetime, base_url: str = "") -> dict[tuple[User, str], tuple[str, list[Line]]]:
    """Who gets which email today: (recipient, kind) -> (subject, lines), with hazard duties
    due soon or overdue and hazard screens nobody decided within the hour (Awaab's Law)."""
    soon = calendar_for(settings.PUTRIGHT_NATION).add_working_days(today, DUE_SOON_WORKING_DAYS)
    complaints = selectors.due_complaints(soon=soon)
    officers = selectors.officers()
    emails: dict[tuple[User, str], tuple[str, list[Line]]] = {}

    work: dict[User, list[Line]] = defaultdict(list)
    for c in complaints:
        if c.handler is not None:
            work[c.handler].append(_work_line(c, today, base_url))
    for user, lines in work.items():
        overdue = sum("OVERDUE" in line.text for line in lines)
        emails[(user, WORK)] = (f"Complaints: {overdue} overdue, {len(lines) - overdue} due soon", lines)

    reviews: dict[User, list[Line]] = defaultdict(list)
    for due in selectors.reviews_due(today=today):
        text = f"{due.reference}: {due.what}, since {long_date(due.due)}" + _link(base_url, due.complaint_id)
        for owner in [due.owner] if due.owner is not None else officers:
            reviews[owner].append(Line(due.key, text))
    for user, lines in reviews.items():
        emails[(user, REVIEW)] = (f"Reviews due: {len(lines)}", lines)

    if officers:
        late = [c for c in complaints if c.next_due is not None and c.next_due < today]
        unassigned = [c for c in complaints if c.handler_id is None]
        digest = [
            Line(
                "daily",
                f"{len(late)} complaints overdue, {len(complaints) - len(late)} due within "
                f"{DUE_SOON_WORKING_DAYS} working days, {len(unassigned)} of them with no handler.",
            ),
            *(Line("daily", _work_line(c, today, base_url).text) for c in late[:50]),
            *(
                Line(
                    "daily",
                    f"{p.reference}: the {p.kind} has not reached the resident: {p.reason}"
                    + _link(base_url, p.complaint_id),
                )
                for p in letters_not_delivered(limit=50)
            ),
            *_not_sent_lines(now, base_url),
        ]
        for officer in officers:
            emails[(officer, DIGEST)] = (f"Daily complaints digest, {long_date(today)}", digest)
    _plan_hazards(emails, now=now, base_url=base_url, officers=officers)
    return emails


def _plan_hazards(
    emails: dict[tuple[User, str], tuple[str, list[Line]]],
    *,
    now: datetime,
    base_url: str,
    officers: list[User],
) -> None:
    """Hazard deadlines go to the complaint's handler and every complaints officer; screens
    nobody decided within the hour go to the complaints officers."""
    duties = hazard_lines(now=now, base_url=base_url)
    screens = screen_lines(now=now, base_url=base_url)
    handlers = {u.pk: u for u in User.objects.filter(pk__in={d.handler_id for d in duties if d.handler_id})}
    mine: dict[User, list[Line]] = defaultdict(list)
    for d in duties:
        if d.handler_id in handlers:
            mine[handlers[d.handler_id]].append(Line(d.key, d.text))
    for user, lines in mine.items():
        emails[(user, HAZARD)] = (f"Hazards: {len(lines)} duties due soon or overdue", lines)
    everything = [Line(x.key, x.text) for x in (*screens, *duties)]
    if everything:
        subject = f"Hazards: {len(duties)} duties due soon or overdue, {len(screens)} screens undecided"
        for officer in officers:
            lines = emails.get((officer, HAZARD), ("", []))[1]
            keys = {line.key for line in lines}
            emails[(officer, HAZARD)] = (subject, lines + [x for x in everything if x.key not in keys])


def _claim(user: User, kind: str, lines: list[Line], today: date, now: datetime) -> list[SentReminder]:
    """Record the items not yet sent today; the unique constraint makes a repeat a no-op."""
    claimed = []
    for key in dict.fromkeys(line.key for line in lines):
        row, created = SentReminder.objects.get_or_create(
            recipient=user, kind=kind, subject_key=key, day=today, defaults={"sent_at": now}
        )
        if created:
            claimed.append(row)
    return claimed


def reminders_send(
    *, today: date, now: datetime, base_url: str = "", progress: Callable[[str], None] | None = None
) -> Outcome:
    """Send today's reminders; items already sent today are skipped."""
    outcome = Outcome()
    say = progress or (lambda _text: None)
    emails = plan(today=today, now=now, base_url=base_url)
    say(f"{len(emails)} reminder emails to consider for {long_date(today)}")
    for (user, kind), (subject, lines) in emails.items():
        label = f"{user.username} ({kind})"
        if not user.email:
            outcome.no_email.append(label)
            say(f"  {label}: no email address, skipped")
            continue
        with transaction.atomic():
            claimed = _claim(user, kind, lines, today, now)
            if not claimed:
                outcome.already_sent.append(label)
                say(f"  {label}: already sent today")
                continue
            fresh = {row.subject_key for row in claimed}
            body = "\n".join(line.text for line in lines if line.key in fresh)
            transaction.on_commit(partial(_send, user, subject, body, claimed, label, outcome))
        say(f"  {label}: {len(fresh)} item{'s' if len(fresh) != 1 else ''}")
    return outcome


def _send(
    user: User, subject: str, body: str, claimed: list[SentReminder], label: str, outcome: Outcome
) -> None:
    try:
        send_mail(subject, body + "\n", None, [user.email])
    except Exception:  # a mail server fault must not stop the other reminders
        log.exception("reminder to %s failed; it will be retried on the next run", user.username)
        SentReminder.objects.filter(pk__in=[row.pk for row in claimed]).delete()
        outcome.failed.append(label)
    else:
        outcome.sent.append(label)

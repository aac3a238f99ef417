"""Demo cases that end, or restart, off the usual path: refusals later reopened, refused
escalations (some answered late), and withdrawals (some after a deadline had passed).

Each goes through the real services, so the reports show them as they would be counted.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from putright.accounts.models import User
from putright.cases import services
from putright.cases.demo.followthrough import send_refusal_letter
from putright.cases.models import Channel, RefusalReason
from putright.rules.calendar import WorkingDayCalendar

REASONS_FOR_WITHDRAWING = [
    "The repair has now been done and the resident is happy.",
    "The resident has moved home and no longer wants to pursue it.",
    "The resident says it was sorted out by the repairs team.",
]


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=UTC)


def refuse_and_maybe_reopen(
    rng: random.Random, complaint_id: int, received: date, today: date, handler: User, officer: User
) -> date | None:
    """Refuse (legal proceedings, with evidence); a third are reopened when the claim is
    dropped. Returns the day stage 1 starts again, or None if the refusal stands."""
    services.complaint_refuse(
        actor=handler,
        now=_moment(received + timedelta(days=2), rng),
        complaint_id=complaint_id,
        reason=RefusalReason.LEGAL_PROCEEDINGS,
        explanation="A claim about this matter has been filed at court, so the court will decide it.",
        evidence="Claim form seen on file",
    )
    reopened = received + timedelta(days=rng.randint(6, 15))
    if rng.random() > 0.35 or reopened >= today:
        return None
    at = _moment(reopened, rng)
    services.complaint_reopen(
        actor=officer,
        now=at,
        complaint_id=complaint_id,
        reason="The resident's court claim was discontinued, so we are taking the complaint on.",
        reopened_at=at,
    )
    return reopened


def withdraw(
    rng: random.Random, complaint_id: int, due: date | None, today: date, handler: User, started: date
) -> bool:
    """Withdraw about half of these: most after their deadline `due` had passed (when it has),
    the rest before it. Returns whether the complaint was withdrawn."""
    if rng.random() > 0.5:
        return False
    after_deadline = due is not None and due < today and rng.random() < 0.7
    if after_deadline:
        assert due is not None
        on = min(today, due + timedelta(days=rng.randint(1, 10)))
    else:
        on = min(today, started + timedelta(days=rng.randint(0, 2)))
    services.complaint_withdraw(
        actor=handler,
        now=_moment(on, rng),
        complaint_id=complaint_id,
        channel=rng.choice([Channel.PHONE, Channel.EMAIL, Channel.LETTER]),
        note=rng.choice(REASONS_FOR_WITHDRAWING),
    )
    return True


def refuse_escalation(
    rng: random.Random,
    complaint_id: int,
    requested: date,
    today: date,
    calendar: WorkingDayCalendar,
    officer: User,
) -> bool:
    """Refuse about one escalation in ten, mostly within the 5 working days (6.11) and some late."""
    if rng.random() > 0.1:
        return False
    on = calendar.add_working_days(requested, rng.choice([2, 3, 4, 5, 8]))
    if on > today:
        return False
    services.complaint_refuse_escalation(
        actor=officer,
        now=_moment(on, rng),
        complaint_id=complaint_id,
        requested_at=_moment(requested, rng),
        reason=RefusalReason.PREVIOUSLY_CONSIDERED,
        explanation="We have already considered this matter in full under our complaints policy.",
        evidence="Earlier complaint on the same repair, answered at stage 2.",
        refused_on=on,
    )
    # The resident is told why in writing, with the Ombudsman's details (5.11, 2.4).
    send_refusal_letter(complaint_id=complaint_id, actor=officer, on=on)
    return True

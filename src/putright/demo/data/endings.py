"""Demo cases that end, or restart, off the usual path: refusals later reopened, refused
escalations (some answered late), and withdrawals (some after a deadline had passed).

Each goes through the real services, so the reports show them as they would be counted.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db.models import F, Q

from putright.accounts.models import User
from putright.cases import services
from putright.cases.models import Channel, Complaint, RefusalReason, StageRecord, Status
from putright.demo.data.followthrough import send_refusal_letter
from putright.demo.data.moments import moment
from putright.rules.calendar import WorkingDayCalendar

REASONS_FOR_WITHDRAWING = [
    "The repair has now been done and the resident is happy.",
    "The resident has moved home and no longer wants to pursue it.",
    "The resident says it was sorted out by the repairs team.",
]


def refuse_and_maybe_reopen(
    rng: random.Random, complaint_id: int, received: date, today: date, handler: User, officer: User
) -> date | None:
    """Refuse (legal proceedings, with evidence); a third are reopened when the claim is
    dropped. Returns the day stage 1 starts again, or None if the refusal stands."""
    services.complaint_refuse(
        actor=handler,
        now=moment(received + timedelta(days=2), rng),
        complaint_id=complaint_id,
        reason=RefusalReason.LEGAL_PROCEEDINGS,
        explanation="A claim about this matter has been filed at court, so the court will decide it.",
        evidence="Claim form seen on file",
    )
    reopened = received + timedelta(days=rng.randint(6, 15))
    if rng.random() > 0.35 or reopened >= today:
        return None
    at = moment(reopened, rng)
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
        now=moment(on, rng),
        complaint_id=complaint_id,
        channel=rng.choice([Channel.PHONE, Channel.EMAIL, Channel.LETTER]),
        note=rng.choice(REASONS_FOR_WITHDRAWING),
    )
    return True


def withdraw_one_overdue(
    rng: random.Random, today: date, calendar: WorkingDayCalendar, handler: User, officer: User
) -> None:
    """Make sure the demo has a complaint withdrawn after its deadline had passed, whatever the
    dice gave: the reports show such a withdrawal as late (Code 5.12), and a small demo
    might otherwise have none."""
    if Complaint.objects.filter(withdrawn_after_deadline=True).exists():
        return
    # Judged on the Code's dates, as the withdrawal itself is (the landlord's own are shorter).
    missed = Q(acknowledged_on__isnull=True, code_acknowledge_by__lt=today) | Q(
        acknowledged_on__isnull=False, responded_on__isnull=True, code_respond_by__lt=today
    )
    overdue = (
        StageRecord.objects.filter(
            missed,
            stage=F("complaint__stage"),
            complaint__status__in=(Status.RECEIVED, Status.ACKNOWLEDGED),
        )
        .order_by("code_acknowledge_by", "id")
        .values_list("complaint_id", flat=True)
        .first()
    )
    if overdue is None:
        overdue = _acknowledged_and_never_answered(rng, today, calendar, handler, officer)
    services.complaint_withdraw(
        actor=handler,
        now=moment(today, rng),
        complaint_id=overdue,
        channel=Channel.PHONE,
        note=rng.choice(REASONS_FOR_WITHDRAWING),
    )


def _acknowledged_and_never_answered(
    rng: random.Random, today: date, calendar: WorkingDayCalendar, handler: User, officer: User
) -> int:
    """A complaint acknowledged in time whose stage 1 response date has passed unanswered."""
    received = today - timedelta(days=40)  # about 28 working days: past the response date
    at = moment(received, rng)
    complaint = services.complaint_log(
        actor=officer,
        now=at,
        data=services.NewComplaint(
            channel=Channel.PHONE,
            received_at=at,
            description="The fence panel blew down in the storm and nobody came to fix it.",
            resident=services.ResidentDetails(name="Morgan Ellis", phone="07700 900999"),
        ),
    )
    acknowledged = calendar.add_working_days(received, 2)
    services.complaint_acknowledge(
        actor=handler,
        now=moment(acknowledged, rng),
        complaint_id=complaint.pk,
        acknowledged_on=acknowledged,
        definition="The resident says a storm-damaged fence was not repaired.",
        outcomes_sought="The fence repaired.",
        responsibility="We are responsible for boundary fences of our homes.",
        handler=handler,
    )
    return complaint.pk


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
        now=moment(on, rng),
        complaint_id=complaint_id,
        requested_at=moment(requested, rng),
        reason=RefusalReason.PREVIOUSLY_CONSIDERED,
        explanation="We have already considered this matter in full under our complaints policy.",
        evidence="Earlier complaint on the same repair, answered at stage 2.",
        refused_on=on,
    )
    # The resident is told why in writing, with the Ombudsman's details (5.11, 2.4).
    send_refusal_letter(complaint_id=complaint_id, actor=officer, on=on)
    return True
